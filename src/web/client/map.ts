/** World map of event locations: world-atlas countries (served locally) in an Equal Earth projection. */
import { geoEqualEarth, geoPath, geoGraticule10 } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Overview } from './api.js';
import { fmt, goldsteinColor, s, tooltip } from './dom.js';

let atlas: Promise<GeoJSON.FeatureCollection> | null = null;

function loadAtlas(): Promise<GeoJSON.FeatureCollection> {
  atlas ??= fetch('countries-110m.json')
    .then((r) => r.json() as Promise<Topology<{ countries: GeometryCollection }>>)
    .then((topo) => feature(topo, topo.objects.countries) as GeoJSON.FeatureCollection);
  return atlas;
}

export async function worldMap(
  locations: Overview['locations'],
  onPlace?: (l: Overview['locations'][number]) => void,
): Promise<SVGElement> {
  const W = 860;
  const H = 420;
  const countries = await loadAtlas();
  const projection = geoEqualEarth().fitExtent([[6, 6], [W - 6, H - 6]], { type: 'Sphere' });
  const path = geoPath(projection);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart map', role: 'img', 'aria-label': 'Map of event locations' });
  svg.append(s('path', { d: path({ type: 'Sphere' }) ?? '', class: 'sphere' }));
  svg.append(s('path', { d: path(geoGraticule10()) ?? '', class: 'graticule' }));
  const land = s('g', { class: 'countries' });
  for (const f of countries.features) {
    const c = s('path', { d: path(f) ?? '', class: 'country' });
    const name = (f.properties as { name?: string } | null)?.name;
    if (name) c.append(tooltip(name));
    land.append(c);
  }
  svg.append(land);
  const max = Math.max(1, ...locations.map((l) => l.events));
  const dots = s('g', { class: 'dots' });
  // Largest first so small places stay clickable on top.
  for (const l of [...locations].sort((a, b) => b.events - a.events)) {
    const p = projection([l.lon, l.lat]);
    if (!p) continue;
    const c = s('circle', {
      cx: p[0].toFixed(1),
      cy: p[1].toFixed(1),
      r: (2.5 + 14 * Math.sqrt(l.events / max)).toFixed(1),
      fill: goldsteinColor(l.goldstein),
      class: onPlace ? 'dot clickable' : 'dot',
    });
    c.append(tooltip(`${l.name ?? 'unnamed place'}${l.country ? ` (${l.country})` : ''}: ${fmt(l.events)} events, mean Goldstein ${fmt(l.goldstein)}`));
    if (onPlace) c.addEventListener('click', () => onPlace(l));
    dots.append(c);
  }
  svg.append(dots);
  return svg;
}
