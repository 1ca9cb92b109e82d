import { get, type Overview } from '../api.js';
import { legend, stackedBars } from '../charts.js';
import { QUAD_COLORS, QUAD_NAMES, fmt, goldsteinColor, h } from '../dom.js';
import { filterBar, pickFilters } from '../filters.js';
import { worldMap } from '../map.js';
import { go, href } from '../router.js';

function addDays(d: string, n: number): string {
  const t = new Date(d + 'T00:00:00Z');
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

export async function overviewPage(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const filters = pickFilters(params);
  const ov = await get<Overview>('/api/overview', filters);
  const stats = h(
    'div',
    { class: 'stats' },
    h('div', { class: 'stat' }, h('b', { 'data-testid': 'total-events' }, fmt(ov.total)), h('span', {}, 'events')),
    h('div', { class: 'stat' }, h('b', {}, ov.range.since ?? '–'), h('span', {}, 'first day')),
    h('div', { class: 'stat' }, h('b', {}, ov.range.until ?? '–'), h('span', {}, 'last day')),
    ...ov.quadTotals.map((n, i) => {
      const st = h('div', { class: 'stat' }, h('b', {}, fmt(n)), h('span', {}, QUAD_NAMES[i]!));
      st.style.borderTopColor = QUAD_COLORS[i]!;
      return st;
    }),
  );
  const chart = stackedBars(ov.series, {
    onClick: (p) => {
      const until = ov.bucket === 'day' ? p.date : addDays(p.date, ov.bucket === 'week' ? 6 : 30);
      go('events', { ...filters, since: p.date, until });
    },
  });
  const dyads = h(
    'table',
    { class: 'data top-dyads', 'data-testid': 'top-dyads' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Dyad'), h('th', { class: 'num' }, 'Events'), h('th', { class: 'num' }, 'Conflict'), h('th', { class: 'num' }, 'Goldstein'))),
    h(
      'tbody',
      {},
      ...ov.topDyads.map((d) => {
        const g = h('td', { class: 'num' }, fmt(d.goldstein));
        g.style.color = goldsteinColor(d.goldstein);
        return h(
          'tr',
          {},
          h(
            'td',
            {},
            h('a', { href: href('dyad', { a: d.a, b: d.b }), title: `${d.aName ?? d.a} – ${d.bName ?? d.b}` }, `${d.a} – ${d.b}`),
            d.aName || d.bName ? h('span', { class: 'muted small' }, ` ${d.aName ?? d.a} – ${d.bName ?? d.b}`) : '',
          ),
          h('td', { class: 'num' }, fmt(d.events)),
          h('td', { class: 'num' }, fmt(d.conflict)),
          g,
        );
      }),
    ),
  );
  const mapBox = h('div', { class: 'map-box', 'data-testid': 'map' }, h('p', { class: 'muted' }, 'Loading map…'));
  root.append(
    h('h2', {}, 'Overview'),
    filterBar(filters, (f) => go('overview', f), ['actor', 'dyad', 'quadClass', 'since', 'until', 'outlet', 'q']),
    stats,
    h(
      'section',
      { class: 'panel' },
      h('h3', {}, `Events per ${ov.bucket} by QuadClass`),
      legend(),
      h('div', { 'data-testid': 'timeline' }, chart),
      h('p', { class: 'hint' }, 'Click a bar to list its events.'),
    ),
    h(
      'div',
      { class: 'two-col' },
      h('section', { class: 'panel' }, h('h3', {}, 'Most active dyads'), dyads),
      h('section', { class: 'panel wide' }, h('h3', {}, `Where (${fmt(ov.locations.reduce((s, l) => s + l.events, 0))} located events)`), mapBox),
    ),
  );
  try {
    const map = await worldMap(ov.locations);
    mapBox.replaceChildren(map);
  } catch (e) {
    mapBox.replaceChildren(h('p', { class: 'error' }, `Map unavailable: ${(e as Error).message}`));
  }
}
