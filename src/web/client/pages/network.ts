import { get } from '../api.js';
import { fmt, goldsteinColor, h, s, tooltip } from '../dom.js';
import { filterBar, pickFilters } from '../filters.js';
import { go } from '../router.js';

interface Net {
  nodes: Array<{ code: string; name: string | null; country: string | null; events: number }>;
  edges: Array<{ source: string; target: string; weight: number; goldstein: number; quad: number[] }>;
}

interface P {
  x: number;
  y: number;
  vx: number;
  vy: number;
}

/** Circle start, then a few hundred steps of springs, repulsion and gravity (deterministic). */
export function layout(net: Net, W: number, H: number): Map<string, P> {
  const pos = new Map<string, P>();
  const n = net.nodes.length;
  net.nodes.forEach((nd, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, n);
    pos.set(nd.code, { x: W / 2 + (W / 3) * Math.cos(a), y: H / 2 + (H / 3) * Math.sin(a), vx: 0, vy: 0 });
  });
  const pts = [...pos.values()];
  const maxW = Math.max(1, ...net.edges.map((e) => e.weight));
  const k = Math.sqrt((W * H) / Math.max(1, n)) * 0.6;
  for (let it = 0; it < 300; it++) {
    const cool = 1 - it / 300;
    for (let i = 0; i < pts.length; i++) {
      for (let j = i + 1; j < pts.length; j++) {
        const p = pts[i]!;
        const q = pts[j]!;
        let dx = p.x - q.x;
        let dy = p.y - q.y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 0.01) {
          dx = 0.1 * (i - j);
          dy = 0.1;
          d2 = dx * dx + dy * dy;
        }
        const f = (k * k) / d2;
        p.vx += dx * f * 0.05;
        p.vy += dy * f * 0.05;
        q.vx -= dx * f * 0.05;
        q.vy -= dy * f * 0.05;
      }
    }
    for (const e of net.edges) {
      const p = pos.get(e.source);
      const q = pos.get(e.target);
      if (!p || !q) continue;
      const dx = q.x - p.x;
      const dy = q.y - p.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 1;
      const f = ((d - k) / d) * 0.02 * (0.5 + e.weight / maxW);
      p.vx += dx * f;
      p.vy += dy * f;
      q.vx -= dx * f;
      q.vy -= dy * f;
    }
    for (const p of pts) {
      p.vx += (W / 2 - p.x) * 0.01;
      p.vy += (H / 2 - p.y) * 0.01;
      const sp = Math.sqrt(p.vx * p.vx + p.vy * p.vy);
      const lim = 20 * cool + 1;
      if (sp > lim) {
        p.vx *= lim / sp;
        p.vy *= lim / sp;
      }
      p.x = Math.max(60, Math.min(W - 60, p.x + p.vx));
      p.y = Math.max(30, Math.min(H - 44, p.y + p.vy));
      p.vx *= 0.5;
      p.vy *= 0.5;
    }
  }
  return pos;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Approximate width of a label in the network's 12px font. */
const CHAR_W = 7.2;
const LABEL_H = 15;

/**
 * Label offsets (relative to each node) that keep labels from overlapping each other and the
 * nodes: below the node first, then above, right and left, then further out in steps; larger
 * nodes are placed first (deterministic). A label that fits nowhere is left out (null): its node
 * still names itself in its tooltip.
 */
export function placeLabels(
  items: Array<{ code: string; x: number; y: number; r: number; text: string }>,
  bounds: { W: number; H: number },
): Map<string, { dx: number; dy: number; anchor: string } | null> {
  const boxes: Box[] = items.map((it) => ({ x0: it.x - it.r, y0: it.y - it.r, x1: it.x + it.r, y1: it.y + it.r }));
  const hit = (b: Box) =>
    b.x0 < 0 || b.y0 < 0 || b.x1 > bounds.W || b.y1 > bounds.H || boxes.some((o) => b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1);
  const out = new Map<string, { dx: number; dy: number; anchor: string } | null>();
  for (const it of [...items].sort((a, b) => b.r - a.r || a.code.localeCompare(b.code))) {
    const w = it.text.length * CHAR_W;
    const tries: Array<{ dx: number; dy: number; anchor: string }> = [];
    for (let k = 0; k < 4; k++) {
      const step = k * LABEL_H;
      tries.push(
        { dx: 0, dy: it.r + 12 + step, anchor: 'middle' },
        { dx: 0, dy: -it.r - 4 - step, anchor: 'middle' },
        { dx: it.r + 4, dy: 4 + (k % 2 ? -1 : 1) * Math.ceil(k / 2) * LABEL_H, anchor: 'start' },
        { dx: -it.r - 4, dy: 4 + (k % 2 ? -1 : 1) * Math.ceil(k / 2) * LABEL_H, anchor: 'end' },
      );
    }
    const boxOf = (t: { dx: number; dy: number; anchor: string }): Box => {
      const left = t.anchor === 'middle' ? it.x + t.dx - w / 2 : t.anchor === 'start' ? it.x + t.dx : it.x + t.dx - w;
      return { x0: left, y0: it.y + t.dy - LABEL_H + 3, x1: left + w, y1: it.y + t.dy + 3 };
    };
    const pick = tries.find((t) => !hit(boxOf(t))) ?? null;
    if (pick) boxes.push(boxOf(pick));
    out.set(it.code, pick);
  }
  return out;
}

export async function networkPage(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const filters = pickFilters(params);
  const nodes = params.get('nodes') ?? '30';
  const net = await get<Net>('/api/network', { ...filters, nodes });
  const W = 900;
  const H = 560;
  const pos = layout(net, W, H);
  const maxE = Math.max(1, ...net.nodes.map((n) => n.events));
  const maxW = Math.max(1, ...net.edges.map((e) => e.weight));
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart network', role: 'img', 'aria-label': 'Actor network' });
  svg.append(
    s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 11, markerHeight: 11, markerUnits: 'userSpaceOnUse', orient: 'auto' },
      s('path', { d: 'M0,0L10,5L0,10z', class: 'arrow' }))),
  );
  const radius = (code: string) => 6 + 18 * Math.sqrt((net.nodes.find((n) => n.code === code)?.events ?? 0) / maxE);
  const edges = s('g', { class: 'edges' });
  for (const e of net.edges) {
    const p = pos.get(e.source);
    const q = pos.get(e.target);
    if (!p || !q) continue;
    // Curve each direction to its own side so A→B and B→A stay distinct.
    const mx = (p.x + q.x) / 2;
    const my = (p.y + q.y) / 2;
    const dx = q.x - p.x;
    const dy = q.y - p.y;
    const len = Math.sqrt(dx * dx + dy * dy) || 1;
    const cx = mx - (dy / len) * len * 0.12;
    const cy = my + (dx / len) * len * 0.12;
    const rq = radius(e.target) + 2;
    const ex = q.x - ((q.x - cx) / Math.hypot(q.x - cx, q.y - cy)) * rq;
    const ey = q.y - ((q.y - cy) / Math.hypot(q.x - cx, q.y - cy)) * rq;
    const path = s('path', {
      d: `M${p.x.toFixed(1)},${p.y.toFixed(1)}Q${cx.toFixed(1)},${cy.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`,
      class: 'edge clickable',
      stroke: goldsteinColor(e.goldstein),
      'stroke-width': (1 + 7 * Math.sqrt(e.weight / maxW)).toFixed(1),
      'marker-end': 'url(#arrow)',
    });
    path.append(tooltip(`${e.source} → ${e.target}: ${e.weight} events, mean Goldstein ${fmt(e.goldstein)} (QuadClass ${e.quad.join(' / ')})`));
    path.addEventListener('click', () => go('events', { ...filters, dyad: `${e.source}:${e.target}`, directed: 'true' }));
    edges.append(path);
  }
  const nodesG = s('g', { class: 'nodes' });
  const labels = placeLabels(
    net.nodes.map((nd) => ({ code: nd.code, x: pos.get(nd.code)!.x, y: pos.get(nd.code)!.y, r: radius(nd.code), text: nd.name ?? nd.code })),
    { W, H },
  );
  for (const nd of net.nodes) {
    const p = pos.get(nd.code)!;
    const l = labels.get(nd.code) ?? null;
    const g = s('g', { class: 'node clickable', transform: `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`, 'data-code': nd.code, 'data-name': nd.name ?? nd.code });
    g.append(s('circle', { r: radius(nd.code).toFixed(1) }));
    if (l) g.append(s('text', { x: l.dx.toFixed(1), y: l.dy.toFixed(1), 'text-anchor': l.anchor }, nd.name ?? nd.code));
    g.append(tooltip(`${nd.name ?? nd.code} (${nd.code}): ${nd.events} events`));
    g.addEventListener('click', () => go('events', { ...filters, actor: nd.code }));
    nodesG.append(g);
  }
  svg.append(edges, nodesG);
  const sizeSel = h('select', { 'aria-label': 'number of actors' }, ...['10', '20', '30', '50', '80'].map((v) => h('option', { value: v }, `${v} actors`)));
  sizeSel.value = nodes;
  sizeSel.addEventListener('change', () => go('network', { ...filters, nodes: sizeSel.value }));
  root.append(
    h('h2', {}, 'Actor network'),
    filterBar(filters, (f) => go('network', { ...f, nodes }), ['actor', 'quadClass', 'root', 'since', 'until', 'outlet']),
    h(
      'section',
      { class: 'panel' },
      h('div', { class: 'panel-head' }, h('h3', {}, `${net.nodes.length} most active actors, ${net.edges.length} directed links`), sizeSel),
      h('p', { class: 'hint' }, 'Edge width = events, colour = mean Goldstein (red conflict, green cooperation). Click an actor or a link for its events.'),
      net.nodes.length ? h('div', { 'data-testid': 'network' }, svg) : h('p', { class: 'muted' }, 'No events match.'),
    ),
  );
}
