import { get, type EventRow } from '../api.js';
import { QUAD_COLORS, QUAD_NAMES, actorLabel, cameoLabel, fmt, goldsteinColor, h } from '../dom.js';
import { filterBar, pickFilters } from '../filters.js';
import { go, href } from '../router.js';

const COLUMNS: Array<[string, string, string | null]> = [
  ['date', 'Date', 'date'],
  ['source', 'Source', 'source'],
  ['target', 'Target', 'target'],
  ['cameo', 'CAMEO', 'cameo'],
  ['plover', 'PLOVER', null],
  ['quad', 'QuadClass', 'quadClass'],
  ['goldstein', 'Goldstein', 'goldstein'],
  ['mentions', 'Mentions', 'mentions'],
  ['place', 'Place', null],
  ['article', 'Article', null],
];

function quadCell(q: number): HTMLElement {
  const dot = h('span', { class: 'quad-dot' });
  dot.style.background = QUAD_COLORS[q - 1] ?? '#999';
  return h('td', { title: QUAD_NAMES[q - 1] ?? '' }, dot, String(q));
}

function row(e: EventRow): HTMLTableRowElement {
  const g = h('td', { class: 'num' }, fmt(e.goldstein));
  g.style.color = goldsteinColor(e.goldstein);
  return h(
    'tr',
    { 'data-id': e.id },
    h('td', {}, h('a', { href: href('event', {}, e.id) }, e.date ?? '–')),
    h('td', {}, actorLabel(e.source)),
    h('td', {}, actorLabel(e.target)),
    h('td', { class: 'cameo' }, cameoLabel(e.cameo)),
    h('td', { class: 'plover' }, `${e.plover.event ?? ''}${e.plover.mode ? ` (${e.plover.mode})` : ''}`),
    quadCell(e.quadClass),
    g,
    h('td', { class: 'num' }, fmt(e.numMentions)),
    h('td', {}, e.location?.name ?? ''),
    h('td', {}, e.article ? h('a', { href: href('article', { event: e.id }, e.article.id), class: 'article-link' }, e.article.title ?? e.article.id) : ''),
  );
}

/** A plain table of events (used by the dyad view too). */
export function eventsTable(events: EventRow[], sort?: { key: string; order: string; onSort: (key: string) => void }): HTMLTableElement {
  const head = h(
    'tr',
    {},
    ...COLUMNS.map(([key, label, sortKey]) => {
      const numeric = ['goldstein', 'mentions'].includes(key);
      if (!sort || !sortKey) return h('th', { class: numeric ? 'num' : '' }, label);
      const arrow = sort.key === sortKey ? (sort.order === 'asc' ? ' ▲' : ' ▼') : '';
      return h(
        'th',
        { class: `sortable${numeric ? ' num' : ''}`, 'data-sort': sortKey, 'aria-sort': sort.key === sortKey ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none' },
        h('button', { type: 'button', onclick: () => sort.onSort(sortKey) }, label + arrow),
      );
    }),
  );
  return h('table', { class: 'data events-table', 'data-testid': 'events-table' }, h('thead', {}, head), h('tbody', {}, ...events.map(row)));
}

export async function eventsPage(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const filters = pickFilters(params);
  const directed = params.get('directed') === 'true' ? 'true' : null;
  const sort = params.get('sort') ?? 'date';
  const order = params.get('order') ?? 'desc';
  const limit = Number(params.get('limit') ?? 50);
  const offset = Number(params.get('offset') ?? 0);
  const state = { ...filters, directed, sort, order, limit: String(limit), offset: String(offset) };
  const r = await get<{ total: number; events: EventRow[] }>('/api/events', state);
  const table = eventsTable(r.events, {
    key: sort,
    order,
    onSort: (key) => go('events', { ...state, sort: key, order: key === sort && order === 'desc' ? 'asc' : 'desc', offset: 0 }),
  });
  const from = r.total ? offset + 1 : 0;
  const to = Math.min(offset + limit, r.total);
  const pager = h(
    'div',
    { class: 'pager' },
    h('button', { type: 'button', disabled: offset <= 0, onclick: () => go('events', { ...state, offset: Math.max(0, offset - limit) }) }, '← Previous'),
    h('span', { 'data-testid': 'events-count' }, `${fmt(from)}–${fmt(to)} of ${fmt(r.total)} events`),
    h('button', { type: 'button', disabled: to >= r.total, onclick: () => go('events', { ...state, offset: offset + limit }) }, 'Next →'),
  );
  root.append(
    h('h2', {}, 'Events'),
    filterBar(filters, (f) => go('events', { ...f, sort, order })),
    pager,
    r.events.length ? table : h('p', { class: 'muted', 'data-testid': 'no-events' }, 'No events match these filters.'),
  );
}

interface EventDetail {
  event: EventRow;
  mentions: Array<{
    articleId: string;
    articleEventId: string | null;
    title: string | null;
    url: string | null;
    outlet: string | null;
    articleDate: string | null;
    sentence: number | null;
    evidence: { text: string | null };
    rule: string | null;
  }>;
}

export async function eventPage(root: HTMLElement, id: string): Promise<void> {
  const d = await get<EventDetail>(`/api/events/${encodeURIComponent(id)}`);
  const e = d.event;
  root.append(
    h('h2', {}, `${actorLabel(e.source)} → ${actorLabel(e.target)}`),
    h(
      'p',
      { class: 'meta' },
      `${e.date ?? 'undated'} · CAMEO ${cameoLabel(e.cameo)} · PLOVER ${e.plover.event ?? ''} · QuadClass ${e.quadClass} (${QUAD_NAMES[e.quadClass - 1] ?? ''}) · Goldstein ${fmt(e.goldstein)}`,
      e.location ? ` · ${e.location.name ?? ''}${e.location.country ? ', ' + e.location.country : ''}` : '',
      ` · ${e.numMentions} mention${e.numMentions === 1 ? '' : 's'} in ${e.numArticles} article${e.numArticles === 1 ? '' : 's'}`,
    ),
    h(
      'p',
      {},
      e.source && e.target ? h('a', { href: href('dyad', { a: e.source.code, b: e.target.code }) }, 'Dyad timeline') : '',
    ),
    h('h3', {}, 'Mentions'),
    h(
      'ol',
      { class: 'mentions', 'data-testid': 'mentions' },
      ...d.mentions.map((m) =>
        h(
          'li',
          {},
          h('q', {}, m.evidence.text ?? ''),
          h('div', { class: 'meta' },
            h('a', { href: href('article', { event: m.articleEventId ?? e.id }, m.articleId), class: 'article-link' }, m.title ?? m.articleId),
            ` · ${m.outlet ?? ''} · ${m.articleDate ?? ''}${m.rule ? ` · rule ${m.rule}` : ''}`),
        ),
      ),
    ),
  );
}
