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
  svg.append(mapLegend(W, H, max));
  return svg;
}

/** What the dots mean: colour = mean Goldstein score (conflict red, cooperation green), area = events. */
function mapLegend(W: number, H: number, max: number): SVGElement {
  const g = s('g', { class: 'map-legend', transform: `translate(${W - 200},${H - 92})` });
  g.append(s('rect', { x: -8, y: -14, width: 204, height: 100, rx: 4, class: 'legend-box' }));
  g.append(s('text', { x: 0, y: 0, class: 'legend-title' }, 'colour: mean Goldstein'));
  [-10, -5, 0, 5, 10].forEach((v, i) => {
    g.append(s('circle', { cx: 8 + i * 36, cy: 14, r: 6, fill: goldsteinColor(v) }));
    g.append(s('text', { x: 8 + i * 36, y: 32, 'text-anchor': 'middle', class: 'legend-tick' }, v > 0 ? `+${v}` : String(v)));
  });
  g.append(s('text', { x: 0, y: 50, class: 'legend-title' }, 'size: events'));
  const sizes = [...new Set([1, Math.round(max / 4), max])].filter((n) => n >= 1);
  sizes.forEach((n, i) => {
    const r = 2.5 + 14 * Math.sqrt(n / max);
    g.append(s('circle', { cx: 10 + i * 60, cy: 68, r: r.toFixed(1), class: 'legend-size' }));
    g.append(s('text', { x: 10 + i * 60 + r + 4, y: 72, class: 'legend-tick' }, fmt(n)));
  });
  return g;
}
