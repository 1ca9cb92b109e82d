/**
 * The annotated article: the cleaned text with actors, places, quotes, dates, event evidence and
 * triggers highlighted, and one card per event explaining what fired it.
 */
import type { CodedDocument, CodedEvent, Span } from './api.js';
import { QUAD_COLORS, QUAD_NAMES, actorLabel, cameoLabel, fmt, h } from './dom.js';

type Kind = 'entity' | 'place' | 'quote' | 'evidence' | 'trigger' | 'date';

interface Mark {
  start: number;
  end: number;
  kind: Kind;
  title: string;
  cls?: string;
  event?: number;
}

/** Where the event's date phrase sits: its first occurrence in the event's sentence (or evidence). */
export function dateSpan(doc: CodedDocument, ev: CodedEvent): (Span & { text: string }) | null {
  if (!ev.dateText) return null;
  const text = doc.document.text;
  const sent = doc.sentences.find((s) => s.index === ev.sentence);
  const from = sent ? sent.start : ev.evidence.start;
  const to = sent ? sent.end : ev.evidence.end;
  const i = text.indexOf(ev.dateText, from);
  if (i < 0 || i + ev.dateText.length > to) return null;
  return { start: i, end: i + ev.dateText.length, text: ev.dateText };
}

function marks(doc: CodedDocument): Mark[] {
  const out: Mark[] = [];
  for (const e of doc.entities) {
    const place = e.type === 'place';
    out.push({
      start: e.start,
      end: e.end,
      kind: place ? 'place' : 'entity',
      cls: `ent-${e.type}`,
      title: place ? `place: ${e.name ?? e.text}${e.country ? ` (${e.country})` : ''}` : `actor: ${e.name ?? e.text}${e.code ? ` = ${e.code}` : ''} · rule ${e.rule}`,
    });
  }
  for (const q of doc.quotes) {
    out.push({ start: q.start, end: q.end, kind: 'quote', title: `quote${q.speaker ? ` by ${q.speaker.name ?? q.speaker.code}` : ''} · ${q.rule}` });
  }
  doc.events.forEach((ev, i) => {
    out.push({ start: ev.evidence.start, end: ev.evidence.end, kind: 'evidence', event: i, title: `evidence of event ${i + 1}: CAMEO ${ev.cameo}` });
    if (ev.trigger) out.push({ start: ev.trigger.start, end: ev.trigger.end, kind: 'trigger', event: i, title: `trigger of event ${i + 1}${ev.rule ? ` · rule ${ev.rule}` : ''}` });
    const d = dateSpan(doc, ev);
    if (d) out.push({ ...d, kind: 'date', event: i, title: `date of event ${i + 1}: ${ev.date ?? '?'}${ev.dateRule ? ` · ${ev.dateRule}` : ''}` });
  });
  const n = doc.document.text.length;
  return out.filter((m) => m.start >= 0 && m.end <= n && m.end > m.start);
}

/** Split the text at every mark boundary; each piece carries the classes of the marks covering it. */
export function annotatedText(doc: CodedDocument): HTMLElement {
  const text = doc.document.text;
  const ms = marks(doc);
  const cuts = new Set<number>([0, text.length]);
  for (const m of ms) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const pts = [...cuts].sort((a, b) => a - b);
  const root = h('div', { class: 'annotated', 'data-testid': 'annotated-text' });
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i]!;
    const b = pts[i + 1]!;
    const piece = text.slice(a, b);
    const cover = ms.filter((m) => m.start <= a && m.end >= b);
    if (!cover.length) {
      root.append(piece);
      continue;
    }
    const classes = new Set<string>();
    const events = new Set<number>();
    for (const m of cover) {
      classes.add(`hl-${m.kind}`);
      if (m.cls) classes.add(m.cls);
      if (m.event !== undefined) events.add(m.event);
    }
    const span = h('span', { class: [...classes].join(' '), title: cover.map((m) => m.title).join('\n') }, piece);
    if (events.size) span.dataset['events'] = [...events].join(' ');
    root.append(span);
  }
  return root;
}

export function highlightLegend(): HTMLElement {
  const item = (cls: string, label: string) => h('span', { class: 'legend-item' }, h('span', { class: `sample ${cls}` }, label));
  return h(
    'div',
    { class: 'legend hl-legend' },
    item('hl-entity', 'actor'),
    item('hl-place', 'place'),
    item('hl-trigger', 'trigger'),
    item('hl-evidence', 'evidence'),
    item('hl-date', 'date phrase'),
    item('hl-quote', 'quote'),
  );
}

function row(label: string, ...value: Array<Node | string>): HTMLElement {
  return h('div', { class: 'kv' }, h('span', { class: 'k' }, label), h('span', { class: 'v' }, ...value));
}

/** One card per event: who did what to whom, when, where, and which words and rules fired. */
export function eventCard(doc: CodedDocument, ev: CodedEvent, i: number, storedId?: string): HTMLElement {
  const bar = h('span', { class: 'quad-dot' });
  bar.style.background = QUAD_COLORS[ev.quadClass - 1] ?? '#999';
  const d = dateSpan(doc, ev);
  const card = h(
    'article',
    { class: 'event-card', 'data-event': i, tabindex: 0, 'data-testid': 'event-card' },
    h('header', {}, bar, h('strong', {}, `${i + 1}. ${actorLabel(ev.source)} → ${actorLabel(ev.target)}`)),
    row('CAMEO', cameoLabel(ev.cameo)),
    row('PLOVER', `${ev.plover?.event ?? ''}${ev.plover?.mode ? ` (${ev.plover.mode})` : ''}`),
    row('QuadClass', `${ev.quadClass} ${QUAD_NAMES[ev.quadClass - 1] ?? ''} · Goldstein ${fmt(ev.goldstein)}`),
    row('trigger', ev.trigger ? h('mark', { class: 'hl-trigger' }, ev.trigger.text) : '–', ev.rule ? ` fired rule ${ev.rule}` : ''),
    row(
      'date',
      ev.date ?? 'unknown',
      ev.dateText ? ' from ' : '',
      ev.dateText ? h('mark', { class: 'hl-date' }, ev.dateText) : '',
      ev.dateRule ? ` (${ev.dateRule})` : d ? '' : ev.dateText ? '' : ' (publication date)',
    ),
    ev.location ? row('place', `${ev.location.name}${ev.location.country ? `, ${ev.location.country}` : ''} (${ev.location.rule})`) : null,
    ev.modality ? row('modality', ev.modality) : null,
    row('evidence', h('q', {}, ev.evidence.text)),
    storedId ? row('stored', h('a', { href: `#/event/${encodeURIComponent(storedId)}` }, `event ${storedId} and its other reports`)) : null,
  );
  return card;
}

/** Text and event cards side by side; focusing a card lights up its spans in the text. */
export function articleView(doc: CodedDocument, storedEvents: Record<string, string> = {}, focus?: string): HTMLElement {
  const text = annotatedText(doc);
  const cards = doc.events.map((ev, i) => eventCard(doc, ev, i, storedEvents[ev.id]));
  const activate = (i: number) => {
    for (const c of cards) c.classList.toggle('active', c.dataset['event'] === String(i));
    for (const el of text.querySelectorAll<HTMLElement>('[data-events]')) {
      el.classList.toggle('active', (el.dataset['events'] ?? '').split(' ').includes(String(i)));
    }
  };
  cards.forEach((c, i) => {
    c.addEventListener('click', () => activate(i));
    c.addEventListener('focus', () => activate(i));
  });
  for (const el of text.querySelectorAll<HTMLElement>('[data-events]')) {
    el.addEventListener('click', () => {
      const i = Number((el.dataset['events'] ?? '').split(' ')[0]);
      activate(i);
      cards[i]?.scrollIntoView({ block: 'nearest' });
    });
  }
  const rejected = (doc.nonEvents ?? []).map((r) =>
    h('li', {}, h('mark', { class: 'hl-rejected' }, r.trigger.text), ` not coded (${r.modality}; CAMEO ${r.cameo}; rule ${r.rule})`),
  );
  const side = h(
    'aside',
    { class: 'events-side' },
    h('h3', {}, `${doc.events.length} event${doc.events.length === 1 ? '' : 's'}`),
    ...cards,
    rejected.length ? h('h3', {}, 'Seen but not coded') : null,
    rejected.length ? h('ul', { class: 'rejected' }, ...rejected) : null,
  );
  const view = h('div', { class: 'article-view' }, h('div', { class: 'text-col' }, highlightLegend(), text), side);
  if (focus !== undefined) {
    const i = doc.events.findIndex((e) => e.id === focus || storedEvents[e.id] === focus);
    if (i >= 0) queueMicrotask(() => activate(i));
  }
  return view;
}
