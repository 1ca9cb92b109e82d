/** The shared filter bar: actor, dyad, CAMEO root, QuadClass, dates, outlet, free text. */
import { h } from './dom.js';

export const FILTER_KEYS = ['actor', 'dyad', 'root', 'quadClass', 'since', 'until', 'outlet', 'q'] as const;

export function pickFilters(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) out[k] = v;
  }
  return out;
}

export function filterBar(current: Record<string, string>, onApply: (f: Record<string, string>) => void, keys: readonly string[] = FILTER_KEYS): HTMLElement {
  const inputs: Record<string, HTMLInputElement | HTMLSelectElement> = {};
  const field = (key: string, label: string, el: HTMLInputElement | HTMLSelectElement) => {
    inputs[key] = el;
    el.name = key;
    el.value = current[key] ?? '';
    return h('label', { class: 'field' }, h('span', {}, label), el);
  };
  const quad = h(
    'select',
    {},
    h('option', { value: '' }, 'all'),
    h('option', { value: '1' }, '1 verbal coop.'),
    h('option', { value: '2' }, '2 material coop.'),
    h('option', { value: '3' }, '3 verbal conflict'),
    h('option', { value: '4' }, '4 material conflict'),
    h('option', { value: '1,2' }, 'cooperation (1–2)'),
    h('option', { value: '3,4' }, 'conflict (3–4)'),
  );
  const all: Record<string, () => HTMLElement> = {
    actor: () => field('actor', 'Actor', h('input', { type: 'text', placeholder: 'FRA', size: 8, list: 'actor-list' })),
    dyad: () => field('dyad', 'Dyad', h('input', { type: 'text', placeholder: 'FRA:TUR', size: 10 })),
    root: () => field('root', 'CAMEO root', h('input', { type: 'text', placeholder: '11', size: 3 })),
    quadClass: () => field('quadClass', 'QuadClass', quad),
    since: () => field('since', 'Since', h('input', { type: 'date' })),
    until: () => field('until', 'Until', h('input', { type: 'date' })),
    outlet: () => field('outlet', 'Outlet', h('input', { type: 'text', size: 12 })),
    q: () => field('q', 'Text', h('input', { type: 'search', placeholder: 'words in evidence or title', size: 18 })),
  };
  const form = h('form', { class: 'filters', 'data-testid': 'filters' }, ...keys.map((k) => all[k]!()));
  form.append(h('button', { type: 'submit' }, 'Apply'), h('button', { type: 'reset', class: 'secondary' }, 'Clear'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f: Record<string, string> = {};
    for (const [k, el] of Object.entries(inputs)) if (el.value.trim()) f[k] = el.value.trim();
    onApply(f);
  });
  form.addEventListener('reset', (ev) => {
    ev.preventDefault();
    onApply({});
  });
  return form;
}
