/**
 * Article cleaning for text as scrapers deliver it: the headline (repeated or not), reading-time
 * lines, photo captions with credits, bylines, "Read more"/"Related" lines, social and newsletter
 * footers. Each line is classified by a rule; what is not body is recorded (captions, dropped),
 * never silently lost.
 */
import type { Caption, Dropped, DroppedKind } from '../model/document.js';
import { parseDateline, type Dateline } from './dateline.js';

export interface CleanInput {
  text: string;
  /** A title known from elsewhere (HTML, JSON): then no body line is taken as the title. */
  title?: string | null;
  /** Whether a headline-like first line is taken as the title (default true). */
  detectTitle?: boolean;
  /** Publication date (YYYY-MM-DD), when known: completes a dateline's month and day. */
  date?: string | null;
}

export interface Cleaned {
  title: string | null;
  standfirst: string | null;
  paragraphs: string[];
  captions: Caption[];
  dropped: Dropped[];
  /** The dateline that opened the body ("KYIV (AP) —"), removed from it; null when there is none. */
  dateline: Dateline | null;
}

interface LineRule {
  kind: DroppedKind;
  re: RegExp;
}

/** Lines that are scraper debris, by kind. Each must match the whole (trimmed) line. */
const DEBRIS_RULES: LineRule[] = [
  { kind: 'reading-time', re: /^(?:\d+\s*(?:-|–)?\s*(?:min(?:ute)?s?|mins?)\.?\s+(?:read|reading(?: time)?|listen)|reading time:?\s*\d+\s*min(?:ute)?s?\.?)$/i },
  { kind: 'byline', re: /^(?:[Bb]y|BY|[Ww]ritten by|[Rr]eporting by|[Ww]ords by)\s+[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,4}(?:\s*(?:,|and|&)\s*[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,4})*(?:\s*[,|–-]\s*[\p{L} .'’]{0,60})?$/u },
  { kind: 'read-more', re: /^(?:read more|read also|also read|see also|more on this|recommended for you|you may also like)\b.{0,200}$/iu },
  { kind: 'read-more', re: /^(?:related(?: articles?| stories| content| coverage| news)?|more from [\p{L} ]{1,40}|watch|listen|recommended)\s*(?:[:>»|–-].{0,200})?$/iu },
  { kind: 'social-footer', re: /^(?:follow us\b|follow (?:the author|@)|share this\b|share (?:on|via)\b|like us on\b|join us on\b|find us on\b|tweet this\b|click to share\b|connect with us\b).{0,200}$/i },
  { kind: 'newsletter', re: /^(?:sign up\b|subscribe\b|get our\b.{0,60}\bnewsletter|newsletter\b|don['’]t miss\b|get the latest\b).{0,200}$/i },
  { kind: 'advert', re: /^(?:advertisement|advertising|sponsored(?: content)?|ad|story continues below(?: advertisement)?|continue reading below)\.?$/i },
  { kind: 'copyright', re: /^(?:©|\(c\)|copyright\b).{0,200}$/i },
  { kind: 'dateline', re: /^(?:published|updated|last updated|posted)(?: on)?:?\s+.{0,60}\d.{0,40}$/i },
];

/** Photo credits as agencies and photo desks write them. */
const CREDIT_WORD =
  /(?:getty|afp|reuters|\bap\b|associated press|epa|anadolu|xinhua|tass|ria novosti|images?|photos?|photograph|pictures?|press|agency|shutterstock|alamy|efe|ansa|dpa|pa wire|sipa|\/)/i;
/** "… [Getty]", "… (AFP)", "… (Photo: Reuters)", "… Photograph: Name/Agency". */
const CAPTION_BRACKET = /^(?<text>.+?)\s*[[(](?:(?:photo|image|picture|credit|photograph)\s*:\s*)?(?<credit>[^\])]{1,60})[\])]\s*$/i;
const CAPTION_LABEL = /^(?:photo|image|picture|photograph|caption)\s*:\s*(?<text>.+?)(?:\s*[[(](?<credit>[^\])]{1,60})[\])])?\s*$/i;
const CAPTION_TRAILER = /^(?<text>.+?)\s+(?:photograph|photo|picture|image|credit)\s*:\s*(?<credit>[^.]{1,60})$/i;

export function classifyDebris(line: string): DroppedKind | null {
  for (const rule of DEBRIS_RULES) if (rule.re.test(line)) return rule.kind;
  return null;
}

/** A caption if the line looks like one (short, carries a credit), else null. */
export function parseCaption(line: string): Caption | null {
  if (line.length > 300) return null;
  const label = CAPTION_LABEL.exec(line);
  if (label?.groups) {
    return { text: label.groups['text']!.trim(), credit: label.groups['credit']?.trim() ?? null };
  }
  const br = CAPTION_BRACKET.exec(line);
  if (br?.groups) {
    const credit = br.groups['credit']!.trim();
    const text = br.groups['text']!.trim();
    // A body sentence rarely ends with a bracketed agency name after no full stop.
    if (CREDIT_WORD.test(credit) && !/[.!?]["”’]?$/.test(text) && text.split(/\s+/).length <= 40) {
      return { text, credit };
    }
  }
  const tr = CAPTION_TRAILER.exec(line);
  if (tr?.groups && CREDIT_WORD.test(tr.groups['credit']!)) {
    return { text: tr.groups['text']!.trim(), credit: tr.groups['credit']!.trim() };
  }
  return null;
}

function normLine(s: string): string {
  return s.toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
}

/** Looks like a headline: short, no final full stop, at least two words. */
function looksLikeTitle(line: string): boolean {
  const words = line.split(/\s+/).length;
  return words >= 2 && words <= 30 && line.length <= 220 && !/[.;:,]$/.test(line);
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/**
 * Splits a raw article into title, standfirst, paragraphs, captions and dropped lines.
 * Rules, in order, per line: debris kinds; captions; the headline (first line, or a repeat of a
 * known title); the standfirst (first paragraph when a caption separates it from
 * the body by a photo caption, the usual layout of news pages); everything else is body.
 */
/** Removes the dateline opening the first body paragraph (in place) and returns it. */
function takeDateline(paragraphs: string[], date: string | null): Dateline | null {
  const first = paragraphs[0];
  if (first === undefined) return null;
  const d = parseDateline(first, date ? Number(date.slice(0, 4)) : null);
  if (d === null) return null;
  paragraphs[0] = first.slice(d.text.length).trimStart();
  return d;
}

export function cleanArticle(input: CleanInput): Cleaned {
  const text = input.text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').replace(/[\u200b\ufeff]/g, '');
  const lines = text
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter((l) => l.length > 0);
  const captions: Caption[] = [];
  const dropped: Dropped[] = [];
  let title: string | null = input.title?.trim() || null;
  let standfirst: string | null = null;
  const paragraphs: string[] = [];
  /** Body paragraphs preceded by a non-body line (caption/debris): marks a standfirst boundary. */
  let separatorAfterFirst = false;
  let firstParagraph: string | null = null;

  let i = 0;
  if (title === null && input.detectTitle !== false && lines.length > 1 && looksLikeTitle(lines[0]!) && classifyDebris(lines[0]!) === null) {
    title = lines[0]!;
    i = 1;
  }
  const titleKey = title === null ? null : normLine(title);

  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (titleKey !== null && normLine(line) === titleKey) {
      dropped.push({ kind: 'repeated-headline', text: line });
      continue;
    }
    const kind = classifyDebris(line);
    if (kind !== null) {
      dropped.push({ kind, text: line });
      continue;
    }
    const caption = parseCaption(line);
    if (caption !== null) {
      captions.push(caption);
      if (firstParagraph !== null && paragraphs.length === 0) separatorAfterFirst = true;
      continue;
    }
    if (firstParagraph === null) {
      firstParagraph = line;
      continue;
    }
    paragraphs.push(line);
  }
  if (firstParagraph !== null) {
    if (separatorAfterFirst && paragraphs.length > 0 && wordCount(firstParagraph) <= 60) standfirst = firstParagraph;
    else paragraphs.unshift(firstParagraph);
  }
  const dateline = takeDateline(paragraphs, input.date ?? null);
  if (dateline !== null) dropped.push({ kind: 'dateline', text: dateline.text });
  return { title, standfirst, paragraphs, captions, dropped, dateline };
}
