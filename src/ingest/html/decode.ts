/**
 * Bytes of an HTML page -> string. The charset comes from, in order: a byte-order mark, the HTTP
 * `Content-Type` header, `<meta charset>` / `<meta http-equiv="Content-Type">` in the first
 * 4 KB, and otherwise UTF-8 (falling back to windows-1252 when the bytes are not valid UTF-8).
 */

const SNIFF_BYTES = 4096;

/** Charset named in a Content-Type value (`text/html; charset=ISO-8859-1`). */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m ? m[1]!.toLowerCase() : null;
}

/** Charset declared by a `<meta>` tag near the top of the page, read as ASCII. */
export function charsetFromMeta(bytes: Buffer): string | null {
  const head = bytes.subarray(0, SNIFF_BYTES).toString('latin1');
  const direct = /<meta[^>]*?\scharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (direct) return direct[1]!.toLowerCase();
  const metaTags = head.match(/<meta[^>]*>/gi) ?? [];
  for (const tag of metaTags) {
    if (!/http-equiv\s*=\s*["']?content-type/i.test(tag)) continue;
    const content = /content\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const value = content ? (content[2] ?? content[3] ?? content[4] ?? '') : '';
    const cs = charsetFromContentType(value);
    if (cs) return cs;
  }
  return null;
}

function bomCharset(bytes: Buffer): string | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Labels that the WHATWG Encoding standard maps to windows-1252. Node's TextDecoder decodes some
 * of them as strict ISO-8859-1, which turns curly quotes (0x91-0x94) into control characters.
 */
const WINDOWS_1252_LABELS = new Set([
  'ascii', 'us-ascii', 'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'iso88591', 'latin1', 'l1', 'cp819', 'ibm819',
  'cp1252', 'x-cp1252', 'windows-1252', 'iso-ir-100', 'csisolatin1', 'ansi_x3.4-1968',
]);

/** Code points of bytes 0x80-0x9F in windows-1252 (undefined bytes map to themselves). */
const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/**
 * windows-1252 by hand: Node 20's TextDecoder decodes this label as ISO-8859-1, leaving C1
 * control characters where the page has curly quotes, dashes and the euro sign.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

interface Decoder {
  decode(bytes: Uint8Array): string;
}

function decoderFor(label: string): Decoder | null {
  // A page that declares UTF-16 in a meta tag was necessarily read as ASCII: HTML says ignore it.
  const l = /^utf-?16/.test(label) ? 'utf-8' : WINDOWS_1252_LABELS.has(label) ? 'windows-1252' : label;
  if (l === 'windows-1252') return { decode: decodeWindows1252 };
  try {
    return new TextDecoder(l);
  } catch {
    return null;
  }
}

/**
 * Decode the bytes of an HTML page. `contentType` is the HTTP header when the page was fetched.
 * Never throws: an unknown charset label falls back to UTF-8.
 */
export function decodeHtml(bytes: Buffer, contentType?: string | null): string {
  const bom = bomCharset(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes);
  const declared = charsetFromContentType(contentType) ?? charsetFromMeta(bytes);
  if (declared) {
    const dec = decoderFor(declared);
    if (dec) return dec.decode(bytes);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}
