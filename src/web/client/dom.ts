/** Tiny DOM and SVG builders: no framework, no innerHTML with data. */

type Attr = string | number | boolean | null | undefined | ((ev: Event) => void);
export type Kid = Node | string | number | null | undefined | false;

function apply(el: Element, attrs: Record<string, Attr> | undefined): void {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
}

function append(el: Element, kids: Kid[]): void {
  for (const k of kids) {
    if (k === null || k === undefined || k === false) continue;
    el.append(typeof k === 'number' ? String(k) : k);
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Record<string, Attr>,
  ...kids: Kid[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  apply(el, attrs);
  append(el, kids);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
export function s(tag: string, attrs?: Record<string, Attr>, ...kids: Kid[]): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement;
  apply(el, attrs);
  append(el, kids);
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function fmt(n: number | null | undefined, digits = 1): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  return Number.isInteger(n) ? n.toLocaleString('en') : n.toFixed(digits);
}

export const QUAD_NAMES = ['Verbal cooperation', 'Material cooperation', 'Verbal conflict', 'Material conflict'];
export const QUAD_COLORS = ['#6fb36f', '#1f7a3a', '#f0a03c', '#c8362f'];

/** Goldstein −10…+10 → red…grey…green. */
export function goldsteinColor(g: number): string {
  const t = Math.max(-1, Math.min(1, g / 10));
  if (t < 0) return mix([150, 150, 150], [200, 40, 40], -t);
  return mix([150, 150, 150], [30, 130, 60], t);
}

function mix(a: number[], b: number[], t: number): string {
  const c = a.map((x, i) => Math.round(x + (b[i]! - x) * t));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

export function actorLabel(a: { code: string; name: string | null } | null): string {
  if (!a) return '–';
  return a.name ? `${a.name} (${a.code})` : a.code;
}

export function tooltip(text: string): SVGElement {
  return s('title', {}, text);
}

declare const __CAMEO_NAMES__: Record<string, string>;

/** "112 Accuse": a CAMEO code with its codebook name (inlined at build time). */
export function cameoLabel(code: string): string {
  const name = __CAMEO_NAMES__[code];
  return name ? `${code} ${name}` : code;
}
