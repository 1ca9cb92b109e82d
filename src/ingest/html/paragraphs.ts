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

/** Paragraph texts of an element, in document order, one per block. */
export function elementParagraphs(root: Element): string[] {
  const out: string[] = [];
  let buf = '';
  const flush = (): void => {
    const t = normalise(buf);
    if (t) out.push(t);
    buf = '';
  };
  const walk = (node: Node): void => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        buf += (n as Text).data;
      } else if (n.nodeType === 1) {
        const tag = (n as Element).tagName;
        if (SKIP_TAGS.has(tag)) continue;
        if (BLOCK_TAGS.has(tag)) {
          flush();
          walk(n);
          flush();
        } else if (CELL_TAGS.has(tag)) {
          buf += ' ';
          walk(n);
          buf += ' ';
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
      'loading(?:\\.\\.\\.|…)?',
      'updated',
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

/** Drop boilerplate paragraphs and exact repeats. */
export function cleanParagraphs(paragraphs: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const p of paragraphs) {
    if (isBoilerplateLine(p)) continue;
    if (p.length > 30 && seen.has(p)) continue;
    seen.add(p);
    out.push(p);
  }
  return out;
}
