/**
 * News-specific clean-up of a parsed page before Readability scores it: remove blocks that are
 * never article text (share bars, newsletter boxes, related links, comments, adverts, hidden
 * elements) and take figure captions out into their own list.
 */

export interface CaptionOut {
  text: string;
  credit: string | null;
}

/** Elements removed with their content wherever they are. */
const DROP_TAGS = 'script, style, noscript, template, iframe, svg, canvas, button, select, textarea, input';

/** Words of a class or id that mark a block as page furniture. */
const BOILERPLATE_WORDS = new Set([
  'share', 'shares', 'sharing', 'sharebar', 'sharetools', 'social', 'socials', 'newsletter', 'newsletters',
  'related', 'recommended', 'recommendations', 'recirc', 'recirculation', 'promo', 'promos', 'advert',
  'adverts', 'advertisement', 'advertising', 'ad', 'ads', 'adunit', 'adslot', 'dfp', 'sponsored',
  'outbrain', 'taboola', 'comment', 'comments', 'disqus', 'subscribe', 'subscription', 'signup',
  'paywall', 'popular', 'trending', 'mostread', 'readmore', 'breadcrumb', 'breadcrumbs', 'cookie',
  'cookies', 'consent', 'gdpr', 'modal', 'popup', 'sidebar', 'toolbar', 'sronly', 'visuallyhidden', 'byline', 'tooltip', 'popover', 'rollover', 'hovercard',
]);

/** Compound words: class names like `most-read`, `read-more`, `sr-only`, `visually-hidden`. */
const BOILERPLATE_PAIRS = [
  ['most', 'read'], ['most', 'popular'], ['read', 'more'], ['more', 'stories'], ['sr', 'only'],
  ['visually', 'hidden'], ['sign', 'up'], ['author', 'bio'], ['about', 'author'], ['author', 'info'], ['also', 'read'], ['see', 'also'], ['you', 'may', 'like'],
];

const CAPTION_WORDS = new Set(['caption', 'captions', 'figcaption', 'imagecaption', 'photocaption', 'wp-caption-text']);
const CREDIT_WORDS = new Set(['credit', 'credits', 'imagecredit', 'photocredit', 'copyright']);

const KEEP_ROLES = /^(main|article)$/i;
const DROP_ROLES = /^(navigation|complementary|banner|contentinfo|dialog|alert|search|menu|menubar|toolbar)$/i;

function attrWords(el: Element): string[] {
  const s = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (s.trim() === '') return [];
  // split camelCase too: shareTools -> share tools
  return s
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function hasBoilerplateName(el: Element): boolean {
  const words = attrWords(el);
  if (words.length === 0) return false;
  // embedded posts (tweets, Instagram) quoted in the story are part of it
  if (words.some((w) => w === 'embed' || w === 'embedded' || w === 'tweet' || w === 'blockquote')) return false;
  for (const w of words) if (BOILERPLATE_WORDS.has(w)) return true;
  for (const pair of BOILERPLATE_PAIRS) {
    for (let i = 0; i + pair.length <= words.length; i++) {
      if (pair.every((p, j) => words[i + j] === p)) return true;
    }
  }
  return false;
}

/** Text length inside long paragraphs: a block holding much of it is article, not furniture. */
function proseLength(el: Element): number {
  let n = 0;
  for (const p of Array.from(el.querySelectorAll('p'))) {
    const len = (p.textContent ?? '').length;
    if (len > 120) n += len;
  }
  return n;
}

/** Characters of text outside links: what a reader reads in the element. */
function nonLinkLength(el: Element): number {
  let links = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) links += (a.textContent ?? '').length;
  return Math.max(0, (el.textContent ?? '').length - links);
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (style && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  return false;
}

const CREDIT_PATTERNS: RegExp[] = [
  /^(.*?)[\s,;]*\((?:photo|image|picture|foto|credit)?:?\s*([^()]{2,80})\)\s*$/i,
  /^(.*?)[\s,;]*\[([^[\]]{2,80})\]\s*$/,
  /^(.*?)[\s,;|—–-]*\b(?:photo(?:graph)?|image|picture|credit|illustration|source)s?\s*(?:credit)?\s*(?::|by)\s*(.{2,100})$/i,
];

/** Split a caption into its text and its credit ("Photo: Jane Doe/AFP", "… (AFP)", "… [Getty]"). */
export function parseCaption(raw: string): CaptionOut {
  const t = raw.replace(/\s+/g, ' ').trim();
  for (const re of CREDIT_PATTERNS) {
    const m = re.exec(t);
    if (m && m[2]) {
      const credit = m[2].trim().replace(/[.\s]+$/, '');
      const text = (m[1] ?? '').trim().replace(/[\s|—–-]+$/, '');
      // "(left)" / "(file)" are not credits
      if (/^(left|right|centre|center|top|bottom|file|pictured|above|below)$/i.test(credit)) continue;
      return { text, credit: credit || null };
    }
  }
  return { text: t, credit: null };
}

/** Caption of a caption element, with the credit from a credit child or from the text. */
function captionFromElement(capEl: Element): CaptionOut | null {
  const creditEl = capEl.querySelector('[class*="credit"], [class*="copyright"], [class*="source"], small, cite');
  if (creditEl) {
    const credit = (creditEl.textContent ?? '').replace(/\s+/g, ' ').trim().replace(/^(photo|image|credit)\s*:\s*/i, '');
    creditEl.remove();
    const text = (capEl.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text && !credit) return null;
    return { text: text || credit, credit: credit || null };
  }
  const raw = capEl.textContent ?? '';
  if (!raw.trim()) return null;
  return parseCaption(raw);
}

function captionOf(fig: Element): CaptionOut | null {
  const capEl = fig.tagName === 'FIGCAPTION' ? fig : fig.querySelector('figcaption');
  return capEl ? captionFromElement(capEl) : null;
}

/**
 * Clean the document in place and return the captions found. The document keeps the article;
 * Readability then picks it out of what is left.
 */
export function cleanDocument(document: Document): CaptionOut[] {
  const body = document.body ?? document.documentElement;
  if (!body) return [];
  for (const el of Array.from(body.querySelectorAll(DROP_TAGS))) el.remove();

  const captions: CaptionOut[] = [];
  const seen = new Set<string>();
  const keep = (cap: CaptionOut | null): void => {
    if (cap && !seen.has(cap.text)) {
      seen.add(cap.text);
      captions.push(cap);
    }
  };
  for (const fig of Array.from(body.querySelectorAll('figure, figcaption'))) {
    if (!fig.isConnected) continue;
    // A <figure> wrapping the whole article (some CMSs do) is not a picture.
    if (fig.tagName === 'FIGURE' && proseLength(fig) > 600) continue;
    keep(captionOf(fig));
    fig.remove();
  }

  // Captions and credits outside <figure>: elements whose class names say so.
  for (const el of Array.from(body.querySelectorAll('[class]'))) {
    if (!el.isConnected) continue;
    const words = attrWords(el);
    const isCaption = words.some((w) => CAPTION_WORDS.has(w) || /caption$/.test(w));
    const isCredit = !isCaption && words.some((w) => CREDIT_WORDS.has(w) || /credit$/.test(w));
    if (!isCaption && !isCredit) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length > 500 || proseLength(el) > 300) continue;
    if (text && isCredit) {
      // a credit standing alone belongs to the caption just before it
      const last = captions[captions.length - 1];
      if (last && last.credit === null) last.credit = text.replace(/^(photo|image|credit)\s*:\s*/i, '');
    } else if (text) {
      keep(captionFromElement(el));
    }
    el.remove();
  }

  // Embedded posts quoted by the story (tweets, Instagram): a neutral class, so that Readability's
  // "unlikely candidate" rule (class names like social-media-embed) does not throw them away.
  for (const el of Array.from(body.querySelectorAll('[class]'))) {
    const words = attrWords(el);
    if (words.some((w) => w === 'embed' || w === 'embedded' || w === 'tweet')) el.setAttribute('class', 'embedded-quote');
  }

  // A block holding a large share of the page's text is the article, whatever its class says.
  const keepAbove = Math.max(1500, 0.4 * nonLinkLength(body));
  for (const el of Array.from(body.querySelectorAll('*'))) {
    if (!el.isConnected) continue;
    const tag = el.tagName;
    if (tag === 'BODY' || tag === 'HTML' || tag === 'MAIN' || tag === 'ARTICLE') continue;
    const role = el.getAttribute('role');
    if (role && KEEP_ROLES.test(role)) continue;
    let drop = false;
    if (tag === 'NAV' || tag === 'ASIDE' || tag === 'FOOTER' || tag === 'FORM' || tag === 'DIALOG') drop = true;
    else if (role && DROP_ROLES.test(role)) drop = true;
    else if (isHidden(el)) drop = true;
    else if (hasBoilerplateName(el)) drop = true;
    if (drop && proseLength(el) < 800 && nonLinkLength(el) < keepAbove) el.remove();
  }
  return captions;
}
