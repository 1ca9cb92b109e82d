/** Small SVG charts drawn by hand: stacked QuadClass bars and the Goldstein line. */
import type { QuadPoint } from './api.js';
import { QUAD_COLORS, QUAD_NAMES, fmt, goldsteinColor, h, s, tooltip } from './dom.js';

const M = { top: 12, right: 16, bottom: 28, left: 44 };

/** A round step for about `n` whole-number ticks up to `v`. */
function niceStep(v: number, n: number): number {
  const raw = Math.max(1, v / n);
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

function dateTicks(dates: string[], n: number): number[] {
  if (dates.length <= n) return dates.map((_, i) => i);
  const step = (dates.length - 1) / (n - 1);
  return Array.from({ length: n }, (_, i) => Math.round(i * step));
}

export function legend(): HTMLElement {
  return h(
    'div',
    { class: 'legend' },
    ...QUAD_NAMES.map((name, i) => {
      const sw = h('span', { class: 'swatch' });
      sw.style.background = QUAD_COLORS[i]!;
      return h('span', { class: 'legend-item' }, sw, name);
    }),
  );
}

/** Events per time bucket, stacked by QuadClass (material conflict at the bottom). */
export function stackedBars(series: QuadPoint[], opts: { width?: number; height?: number; onClick?: (p: QuadPoint) => void } = {}): SVGElement {
  const W = opts.width ?? 860;
  const H = opts.height ?? 240;
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const top = Math.max(1, ...series.map((d) => d.total));
  const step = niceStep(top, 4);
  const nTicks = Math.ceil(top / step);
  const max = step * nTicks;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': 'Events over time by QuadClass' });
  const g = s('g', { transform: `translate(${M.left},${M.top})` });
  svg.append(g);
  for (let i = 0; i <= nTicks; i++) {
    const v = (max * i) / nTicks;
    const y = ph - (v / max) * ph;
    g.append(s('line', { x1: 0, x2: pw, y1: y, y2: y, class: 'grid' }));
    g.append(s('text', { x: -6, y: y + 4, 'text-anchor': 'end', class: 'tick' }, fmt(v, 0)));
  }
  const n = Math.max(1, series.length);
  const bw = pw / n;
  series.forEach((d, i) => {
    let y = ph;
    const col = s('g', { class: 'bar', 'data-date': d.date });
    for (const q of [4, 3, 2, 1]) {
      const v = d[`q${q}` as 'q1'];
      if (!v) continue;
      const hgt = (v / max) * ph;
      y -= hgt;
      col.append(s('rect', { x: i * bw + (bw > 3 ? 0.5 : 0), y, width: Math.max(0.5, bw - (bw > 3 ? 1 : 0)), height: hgt, fill: QUAD_COLORS[q - 1] }));
    }
    col.append(tooltip(`${d.date}: ${d.total} events (${d.q1} / ${d.q2} / ${d.q3} / ${d.q4}), mean Goldstein ${fmt(d.goldstein)}`));
    if (opts.onClick) {
      col.addEventListener('click', () => opts.onClick!(d));
      col.setAttribute('class', 'bar clickable');
    }
    g.append(col);
  });
  const ticks = dateTicks(series.map((d) => d.date), 6);
  for (const i of ticks) {
    const anchor = ticks.length > 2 && i === ticks[0] ? 'start' : ticks.length > 2 && i === ticks[ticks.length - 1] ? 'end' : 'middle';
    const tx = anchor === 'start' ? i * bw : anchor === 'end' ? (i + 1) * bw : i * bw + bw / 2;
    g.append(s('text', { x: tx, y: ph + 18, 'text-anchor': anchor, class: 'tick' }, series[i]?.date ?? ''));
  }
  g.append(s('line', { x1: 0, x2: pw, y1: ph, y2: ph, class: 'axis' }));
  return svg;
}

/** Mean Goldstein per day (−10 conflict … +10 cooperation); each point is clickable. */
export function goldsteinLine(days: QuadPoint[], onPoint: (d: QuadPoint) => void, opts: { width?: number; height?: number } = {}): SVGElement {
  const W = opts.width ?? 860;
  const H = opts.height ?? 260;
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': 'Goldstein score per day' });
  const g = s('g', { transform: `translate(${M.left},${M.top})` });
  svg.append(g);
  const t0 = days.length ? Date.parse(days[0]!.date) : 0;
  const t1 = days.length ? Date.parse(days[days.length - 1]!.date) : 1;
  const pad = 14;
  const x = (d: string) => (t1 === t0 ? pw / 2 : pad + ((Date.parse(d) - t0) / (t1 - t0)) * (pw - 2 * pad));
  const y = (v: number) => ph / 2 - (v / 10) * (ph / 2);
  for (const v of [-10, -5, 0, 5, 10]) {
    g.append(s('line', { x1: 0, x2: pw, y1: y(v), y2: y(v), class: v === 0 ? 'axis' : 'grid' }));
    g.append(s('text', { x: -6, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, (v > 0 ? '+' : '') + v));
  }
  g.append(s('text', { x: 4, y: y(10) + 12, class: 'tick zone' }, 'cooperation'));
  g.append(s('text', { x: 4, y: y(-10) - 4, class: 'tick zone' }, 'conflict'));
  const pts = days.filter((d) => d.goldstein !== null);
  if (pts.length > 1) {
    const dpath = pts.map((d, i) => `${i ? 'L' : 'M'}${x(d.date).toFixed(1)},${y(d.goldstein!).toFixed(1)}`).join('');
    g.append(s('path', { d: dpath, class: 'line' }));
  }
  const maxN = Math.max(1, ...pts.map((d) => d.total));
  for (const d of pts) {
    const c = s('circle', {
      cx: x(d.date),
      cy: y(d.goldstein!),
      r: 4 + 6 * Math.sqrt(d.total / maxN),
      fill: goldsteinColor(d.goldstein!),
      class: 'point clickable',
      'data-date': d.date,
      tabindex: 0,
    });
    c.append(tooltip(`${d.date}: ${d.total} events, mean Goldstein ${fmt(d.goldstein)} — click for the events`));
    c.addEventListener('click', () => onPoint(d));
    c.addEventListener('keydown', (ev) => {
      if ((ev as KeyboardEvent).key === 'Enter') onPoint(d);
    });
    g.append(c);
  }
  const ticks = dateTicks(days.map((d) => d.date), 6);
  for (const i of ticks) {
    const d = days[i];
    const anchor = ticks.length > 1 && i === ticks[0] ? 'start' : ticks.length > 1 && i === ticks[ticks.length - 1] ? 'end' : 'middle';
    if (d) g.append(s('text', { x: x(d.date), y: ph + 18, 'text-anchor': anchor, class: 'tick' }, d.date));
  }
  return svg;
}
