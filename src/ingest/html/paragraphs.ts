/**
 * The extracted article element -> paragraphs of plain text, and the text-level filter that drops
 * boilerplate lines (share prompts, "Advertisement", "Read more", copyright notices) left in them.
 */

const BLOCK_TAGS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'H1', 'H2', 'H3', 'H4', 'H5',
  'H6', 'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'BLOCKQUOTE', 'PRE', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR',
  'CAPTION', 'FIGURE', 'FIGCAPTION', 'HR', 'BR', 'ADDRESS', 'CENTER', 'DETAILS', 'SUMMARY', 'FIELDSET',
  'HGROUP', 'LEGEND', 'OPTION',
]);
const CELL_TAGS = new Set(['TD', 'TH']);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'IFRAME', 'OBJECT']);

function normalise(s: string): string {
  return s.replace(/[\u00a0\u2007\u202f\s]+/g, ' ').replace(/\u200b|\u00ad/g, '').trim();
}

/** A block of text and how much of it sits inside links. */
export interface Block {
  text: string;
  /** Characters of the block inside <a> elements. */
  linkChars: number;
  /** The block is a heading (h1-h6). */
  heading: boolean;
}

const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** Text blocks of an element, in document order, one per block-level element. */
export function elementBlocks(root: Element): Block[] {
  const out: Block[] = [];
  let buf = '';
  let linkBuf = 0;
  let inLink = 0;
  let heading = 0;
  const flush = (): void => {
    const t = normalise(buf);
    if (t) out.push({ text: t, linkChars: Math.min(t.length, linkBuf), heading: heading > 0 });
    buf = '';
    linkBuf = 0;
  };
  const walk = (node: Node): void => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        const data = (n as Text).data;
        buf += data;
        if (inLink > 0) linkBuf += normalise(data).length;
      } else if (n.nodeType === 1) {
        const tag = (n as Element).tagName;
        if (SKIP_TAGS.has(tag)) continue;
        if (BLOCK_TAGS.has(tag)) {
          flush();
          const h = HEADINGS.has(tag);
          if (h) heading++;
          walk(n);
          flush();
          if (h) heading--;
        } else if (CELL_TAGS.has(tag)) {
          buf += ' ';
          walk(n);
          buf += ' ';
        } else if (tag === 'A') {
          inLink++;
          walk(n);
          inLink--;
        } else {
          walk(n);
        }
      }
    }
  };
  walk(root);
  flush();
  return out;
}

/** Paragraph texts of an element, in document order, one per block. */
export function elementParagraphs(root: Element): string[] {
  return elementBlocks(root).map((b) => b.text);
}

/** Whole-line boilerplate: matched against short paragraphs only. */
const BOILERPLATE_LINE = new RegExp(
  '^(?:' +
    [
      'advertisements?',
      'ad',
      'skip (?:advertisement|ad)',
      'sponsored(?: content)?',
      'story continues below(?: advertisement)?',
      'continue reading(?: below| the main story)?',
      'share(?: this)?(?: article| story| post| page)?(?: on .*)?',
      'share (?:on|via) .*',
      'tweet(?: this)?',
      'email(?: this)?',
      'print(?: this)?(?: article)?',
      'related(?: articles?| stories| content| coverage| links| news| topics)?',
      'related: .*',
      'tags?',
      '(?:read|see|watch|listen) (?:more|also|next|now)\\b.*',
      'more (?:on this story|from .*|stories|news)',
      'also read\\b.*',
      'recommended(?: for you| stories| articles)?',
      'trending(?: now)?',
      'most (?:read|popular|viewed|shared)',
      '(?:sign up|subscribe|register)\\b.*',
      'follow (?:us|@|the|our)\\b.*',
      'click here\\b.*',
      '(?:©|\\(c\\)|copyright)\\s.*',
      '.*\\ball rights reserved\\b.*',
      'listen to (?:this|the) (?:article|story)',
      '\\d+\\s*(?:min(?:ute)?s?)(?: read)?',
      '(?:\\d+ )?comments?',
      'leave a (?:comment|reply)',
      'view comments',
      'image(?:s)?',
      'photo(?:s)?',
      'video',
      'getty images',
      'loading(?: content| comments)?(?: ?\\.\\.\\.|…)?',
      'you (?:may|might) (?:also )?(?:like|enjoy)',
      'updated',
      'adverts?',
      'skip to (?:main )?content',
      'caption',
      'close',
      '(?:image|photo|slide|picture) \\d+ (?:of )?[/ ]*\\d+',
      'this slideshow requires javascript',
      "don'?t miss",
      'breaking news',
      'join the conversation',
      '(?:post|add|write) a? ?comment(?: \\(\\+\\))?',
      'top of page',
      'back to top',
      'get (?:the|our) .* newsletter.*',
      'we use cookies\\b.*',
    ].join('|') +
    ')[\\s.:!…»›>|-]*$',
  'i',
);

/** True for a paragraph that is page furniture rather than article text. */
export function isBoilerplateLine(p: string): boolean {
  if (p.length > 160) return false;
  return BOILERPLATE_LINE.test(p.trim());
}

/** "Published 10:48, Tue, Nov 19, 2019", "| Updated 5:27 am": time stamps of the page, not text. */
const TIMESTAMP_LINE = /^[|•·\s]*(?:published|updated|posted|last (?:updated|modified)|first published|modified)\b/i;
/** "By Jane Roe - 11/18/19 11:04 PM EST": a byline line. */
const BYLINE_LINE = /^by\s+\p{Lu}/u;
const COPYRIGHT = /©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b/i;
const URL_LINE = /^(?:https?:\/\/|www\.)\S+$/i;
/** A caption left in the text: "… (Image: GETTY)", "… (AP Photo/Jane Roe)", "Photo: Jane Roe, AP". */
const CAPTION_LINE = /(?:\((?:image|photo|picture|foto|credit|source|pictured)s?\s*(?::|by\b)[^)]*\)|\((?:AP|AFP|Reuters|EPA|Getty)[^()]*photo[^()]*\)|\(\s*(?:AP|AFP|EPA)\s+photo\b[^()]*\))\s*$|^(?:photo|image|picture|credit)s?\s*:/i;

/** "Follow her on Twitter", "Sign up for our newsletter": promotion, not text. */
const PROMO_LINE = /\bfollow (?:him|her|them|us|me|@\w+)\b.{0,60}\b(?:twitter|facebook|instagram)\b|\bsign up\b.{0,80}\bnewsletter\b|\bnewsletter\b.{0,80}\b(?:inbox|sign up|subscribe)\b|\b(?:contains?|includes?|uses?) (?:\w+ ){0,3}affiliate\b/i;
/** "Tags: a, b, c", "Filed under: …", "Categories: …". */
const TAGS_LINE = /^(?:tags?|tagged|filed under|categor(?:y|ies)|topics?|keywords?)\s*[:|]/i;
/**
 * A date stamp line (any language): a year with a clock time, a numeric date, or a trailing "|";
 * few words, no sentence, not a tweet's attribution ("— Name (@handle) November 18, 2019").
 */
const DATE_STAMP = /^(?=.*\b(?:19|20)\d{2}\b)(?=.*(?:\b\d{1,2}[:h]\d{2}\b|\|\s*$))|\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d{2}\b/;

/** A line that is only a date: "October 06, 2018", "Tue, 19 Nov 2019", "2019-11-19". */
const DATE_ALONE = /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})$/i;

function isDateStamp(p: string): boolean {
  if (DATE_ALONE.test(p)) return true;
  if (p.length >= 80 || /@|^[—–(-]/.test(p) || /[.!?]["”’]?$/.test(p)) return false;
  return p.split(/\s+/).length <= 10 && DATE_STAMP.test(p);
}

/** This many link-only blocks in a row are a list of links, not text. */
const LINK_RUN = 2;
/** A block with at least this share of its text in links is link-only. */
const LINK_SHARE = 0.8;

export interface CleanResult {
  paragraphs: string[];
  /** Caption-like lines taken out of the text. */
  captions: string[];
}

function normKey(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Drop boilerplate blocks (furniture lines, link lists, time stamps, bylines, copyright notices,
 * the page's own URL, repeats of the headline) and set caption lines apart. Repeated paragraphs
 * are kept: recipes and lists repeat lines on purpose.
 */
export function cleanBlocks(input: Array<Block | string>, title: string | null = null, pageHost: string | null = null): CleanResult {
  const paragraphs: string[] = [];
  const captions: string[] = [];
  const titleKey = title ? normKey(title) : null;
  const blocks = input.map((b) => (typeof b === 'string' ? { text: b, linkChars: 0, heading: false } : b));
  // Link-only blocks in a run of several are a list of links to other pages (related stories).
  const linkOnly = blocks.map((b) => b.text.length < 300 && b.linkChars / b.text.length >= LINK_SHARE && !URL_LINE.test(b.text));
  const inLinkRun = linkOnly.map((l, i) => {
    if (!l) return false;
    let a = i;
    let z = i;
    while (a > 0 && linkOnly[a - 1]) a--;
    while (z + 1 < linkOnly.length && linkOnly[z + 1]) z++;
    return z - a + 1 >= LINK_RUN;
  });
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const p = block.text;
    const short = p.length < 300;
    if (isBoilerplateLine(p)) continue;
    // the page's own address printed on the page
    if (URL_LINE.test(p) && pageHost && p.toLowerCase().includes(pageHost)) continue;
    if (inLinkRun[i]) continue;
    if (p.length < 120 && TIMESTAMP_LINE.test(p)) continue;
    if (p.length < 100 && BYLINE_LINE.test(p) && !/[.!?]["”’]?$/.test(p)) continue;
    if (short && COPYRIGHT.test(p)) continue;
    if (titleKey && p.length < 300 && normKey(p) === titleKey) continue;
    if (short && PROMO_LINE.test(p)) continue;
    if (short && TAGS_LINE.test(p)) continue;
    if (isDateStamp(p)) continue;
    if (linkOnly[i] && p.length > 12 && p === p.toUpperCase() && /\p{Lu}{3}/u.test(p)) continue;
    if (short && CAPTION_LINE.test(p)) {
      captions.push(p);
      continue;
    }
    paragraphs.push(p);
  }
  return { paragraphs, captions };
}

/** Drop boilerplate paragraphs (plain strings, e.g. a JSON-LD articleBody). */
export function cleanParagraphs(paragraphs: string[], title: string | null = null): string[] {
  return cleanBlocks(paragraphs, title).paragraphs;
}
