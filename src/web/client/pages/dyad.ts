import { get, type EventRow, type QuadPoint } from '../api.js';
import { goldsteinLine } from '../charts.js';
import { fmt, h } from '../dom.js';
import { go } from '../router.js';
import { eventsTable } from './events.js';

interface Timeline {
  a: string;
  b: string;
  directed: boolean;
  total: number;
  days: QuadPoint[];
}

async function actorList(): Promise<HTMLDataListElement> {
  const r = await get<{ actors: Array<{ code: string; name: string | null; events: number }> }>('/api/actors', { limit: 300 });
  return h(
    'datalist',
    { id: 'actor-list' },
    ...r.actors.map((a) => h('option', { value: a.code }, `${a.name ?? a.code} (${a.events})`)),
  );
}

export async function dyadPage(root: HTMLElement, params: URLSearchParams): Promise<void> {
  let a = params.get('a');
  let b = params.get('b');
  const directed = params.get('directed') === 'true';
  if (!a || !b) {
    const ov = await get<{ topDyads: Array<{ a: string; b: string }> }>('/api/overview', { dyads: 1, places: 1 });
    a = a ?? ov.topDyads[0]?.a ?? 'FRA';
    b = b ?? ov.topDyads[0]?.b ?? 'TUR';
  }
  const ia = h('input', { name: 'a', value: a, list: 'actor-list', size: 10, 'aria-label': 'first actor' });
  const ib = h('input', { name: 'b', value: b, list: 'actor-list', size: 10, 'aria-label': 'second actor' });
  const dir = h('input', { type: 'checkbox', name: 'directed' });
  dir.checked = directed;
  const form = h(
    'form',
    { class: 'filters', 'data-testid': 'dyad-form' },
    h('label', { class: 'field' }, h('span', {}, 'Actor A'), ia),
    h('label', { class: 'field' }, h('span', {}, 'Actor B'), ib),
    h('label', { class: 'field check' }, dir, h('span', {}, 'A → B only')),
    h('button', { type: 'submit' }, 'Show'),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    go('dyad', { a: ia.value.trim().toUpperCase(), b: ib.value.trim().toUpperCase(), directed: dir.checked ? 'true' : null });
  });
  root.append(h('h2', {}, 'Dyad'), form);
  void actorList().then((dl) => root.append(dl), () => undefined);
  const tl = await get<Timeline>(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/timeline`, { directed: directed || null });
  const detail = h('div', { class: 'dyad-detail', 'data-testid': 'dyad-events' }, h('p', { class: 'hint' }, 'Click a point to list that day’s events.'));
  const showDay = async (d: QuadPoint) => {
    const r = await get<{ total: number; events: EventRow[] }>('/api/events', {
      dyad: `${tl.a}:${tl.b}`,
      directed: directed || null,
      since: d.date,
      until: d.date,
      limit: 200,
    });
    detail.replaceChildren(h('h3', {}, `${d.date}: ${r.total} event${r.total === 1 ? '' : 's'}, mean Goldstein ${fmt(d.goldstein)}`), eventsTable(r.events));
  };
  root.append(
    h(
      'section',
      { class: 'panel' },
      h('h3', {}, `${tl.a} ${directed ? '→' : '↔'} ${tl.b}: ${fmt(tl.total)} events, conflict–cooperation per day (mean Goldstein)`),
      tl.days.length ? h('div', { 'data-testid': 'dyad-chart' }, goldsteinLine(tl.days, (d) => void showDay(d))) : h('p', { class: 'muted' }, 'No events between these actors.'),
    ),
    detail,
  );
}
