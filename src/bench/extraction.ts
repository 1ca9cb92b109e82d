/**
 * Extraction speed: pages per second of `extractArticle` over generated news pages (navigation,
 * share bar, JSON-LD, 8-40 paragraphs, a figure, related links, comments, footer), several runs,
 * median. Run alone: `node dist/bench/extraction.js`.
 */
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../ingest/html/extract.js';

const WORDS = (
  'the minister said on tuesday that talks with union leaders would resume after the holiday while police ' +
  'reported that protesters gathered outside parliament to demand higher wages and an end to fuel price rises ' +
  'officials in the capital confirmed that the delegation had arrived for two days of meetings on trade and security'
).split(' ');

/** Deterministic pseudo-random numbers, so every run measures the same pages. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function sentence(rand: () => number): string {
  const n = 12 + Math.floor(rand() * 20);
  const w: string[] = [];
  for (let i = 0; i < n; i++) w.push(WORDS[Math.floor(rand() * WORDS.length)]!);
  const s = w.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}

/** One generated news page; 15-40 KB of HTML, in the range of real article pages. */
export function generatePage(i: number): string {
  const rand = lcg(i + 1);
  const paras = 8 + Math.floor(rand() * 32);
  const body: string[] = [];
  for (let p = 0; p < paras; p++) {
    const sents = 1 + Math.floor(rand() * 4);
    body.push(`<p>${Array.from({ length: sents }, () => sentence(rand)).join(' ')}</p>`);
    if (p === 2) body.push('<figure><img src="a.jpg"><figcaption>Protesters outside parliament. Photo: Staff/Agency</figcaption></figure>');
    if (p === 5) body.push('<div class="ad-slot"><p>Advertisement</p></div>');
  }
  const nav = Array.from({ length: 150 }, (_, k) => `<li><a href="/section/${k}">Section ${k}</a></li>`).join('');
  const related = Array.from({ length: 30 }, (_, k) => `<li><a href="/story/${k}">${sentence(rand)}</a></li>`).join('');
  const comments = Array.from({ length: 30 }, () => `<div class="comment"><p>${sentence(rand)}</p></div>`).join('');
  const ld = JSON.stringify({ '@type': 'NewsArticle', headline: `Story ${i}`, datePublished: '2024-03-0' + (1 + (i % 9)), publisher: { name: 'Bench Times' } });
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Story ${i} | Bench Times</title>
<meta property="og:site_name" content="Bench Times"><link rel="canonical" href="https://bench.example/news/2024/03/01/story-${i}">
<script type="application/ld+json">${ld}</script><style>.x{color:red}</style><script>var tracking = ${i};</script></head>
<body><header><nav><ul>${nav}</ul></nav></header><main><article><h1>Story ${i}</h1>
<div class="share-tools"><a href="#">Share on Facebook</a><a href="#">Share on Twitter</a></div>
<div class="article-body">${body.join('\n')}</div>
<div class="newsletter"><p>Sign up for our newsletter</p></div>
<aside class="related"><h3>Related</h3><ul>${related}</ul></aside></article></main>
<section class="comments">${comments}</section><footer><p>© 2024 Bench Times. All rights reserved.</p></footer></body></html>`;
}

export async function benchExtraction(opts: { pages?: number; runs?: number } = {}): Promise<{ pagesPerSecond: number; medianMsPerPage: number }> {
  const n = opts.pages ?? 60;
  const runs = opts.runs ?? 5;
  const pages = Array.from({ length: n }, (_, i) => generatePage(i));
  extractArticle(pages[0]!); // warm-up
  const perPage: number[] = [];
  const rates: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (const html of pages) {
      const t = performance.now();
      extractArticle(html);
      perPage.push(performance.now() - t);
    }
    rates.push(n / ((performance.now() - t0) / 1000));
  }
  const median = (xs: number[]): number => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  };
  return { pagesPerSecond: median(rates), medianMsPerPage: median(perPage) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await benchExtraction();
  console.log(`extraction: ${r.pagesPerSecond.toFixed(1)} pages/s, median ${r.medianMsPerPage.toFixed(2)} ms/page (generated news pages)`);
}
