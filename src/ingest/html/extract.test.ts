import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DyadError } from '../../model/errors.js';
import { dateFromUrl, decodeHtml, extractArticle, parseCaption, parseDateValue } from './extract.js';
import { cleanByline, cleanOutlet, cleanTitle } from './metadata.js';

const FIXTURES = new URL('../../../test-fixtures/html/', import.meta.url);
const fixture = (name: string): Buffer => readFileSync(new URL(name, FIXTURES));
const page = (name: string): string => decodeHtml(fixture(name));

function isError(code: string) {
  return (e: unknown): boolean => e instanceof DyadError && e.code === code;
}

test('JSON-LD page: date, time, publisher, author, canonical URL, language', () => {
  const a = extractArticle(page('jsonld-article.html'));
  assert.equal(a.title, 'Port workers strike over pay in Valdoria');
  assert.equal(a.date, '2023-04-17');
  assert.equal(a.datetime, '2023-04-17T09:30:00+02:00');
  assert.equal(a.outlet, 'The Harbour Gazette');
  assert.equal(a.byline, 'Mira Castell');
  assert.equal(a.canonicalUrl, 'https://www.harbourgazette.example/world/port-workers-strike-valdoria');
  assert.equal(a.language, 'en-GB');
  assert.equal(a.description, "Dockers at the country's largest port walked out on Monday.");
  assert.equal(a.paragraphs.length, 4);
  assert.match(a.paragraphs[0]!, /^Thousands of dock workers at the port of Sallentine/);
  assert.match(a.paragraphs[3]!, /two hundred kilometres to the north\.$/);
  assert.equal(a.text, a.paragraphs.join('\n\n'));
  // navigation, byline line and footer are not body text
  assert.doesNotMatch(a.text, /Business|By Mira Castell|All rights reserved/);
});

test('page with only a date in its URL: date from the path, outlet from the host', () => {
  const url = 'https://www.orvanepost.example/local/2022/06/14/council-approves-bridge/';
  const a = extractArticle(page('url-date.html'), { url });
  assert.equal(a.date, '2022-06-14');
  assert.equal(a.datetime, null);
  assert.equal(a.outlet, 'orvanepost.example');
  assert.equal(a.url, url);
  assert.equal(a.canonicalUrl, null);
  assert.equal(a.paragraphs.length, 3);
  assert.match(a.text, /Mayor Elin Darrow said construction could begin next spring/);
  // without the URL there is no date
  assert.equal(extractArticle(page('url-date.html')).date, null);
});

test('share, newsletter, related, advert and comment blocks stay out; captions are kept apart', () => {
  const a = extractArticle(page('boilerplate.html'));
  assert.equal(a.outlet, 'Northern Ledger');
  assert.equal(a.date, '2024-02-09');
  assert.equal(a.canonicalUrl, 'https://northernledger.example/news/flood-defences-hold-carrow');
  assert.deepEqual(
    a.paragraphs.map((p) => p.slice(0, 24)),
    ['New flood barriers along', 'Engineers from the regio', 'About three hundred resi', 'The mayor, Henrik Oss, t'],
  );
  for (const junk of ['Share on', 'Sign up', 'newsletter', 'Related', 'Storm warning', 'Most read', 'reader comment', 'Advertisement', 'Volunteers stack', 'Reuters', 'Rescue boats', 'NTB']) {
    assert.ok(!a.text.includes(junk), `text should not contain "${junk}"`);
  }
  assert.deepEqual(a.captions, [
    { text: 'Volunteers stack sandbags beside the new barrier on Friday morning.', credit: 'Ana Lindqvist/AFP' },
    { text: 'A pumping station on the east bank works through the night', credit: 'Reuters' },
    { text: 'Rescue boats wait on the flooded market square', credit: 'Lars Vik/NTB' },
  ]);
});

test('windows-1252 page declared by <meta charset="ISO-8859-1"> decodes curly quotes and accents', () => {
  const bytes = fixture('latin1.html');
  assert.ok(bytes.includes(0x92), 'fixture holds a windows-1252 apostrophe');
  const html = decodeHtml(bytes);
  const a = extractArticle(html);
  assert.equal(a.title, 'Le président de Valmonde reçoit les maires');
  assert.match(a.text, /à l’Élysée régional/);
  assert.match(a.text, /« Nous ne laisserons aucune commune seule face à cette crise »/);
  assert.doesNotMatch(a.text, /[\u0080-\u009f\ufffd]/);
});

test('decodeHtml: BOM, HTTP header, http-equiv, invalid UTF-8 and unknown labels', () => {
  const cafe = Buffer.from([0x63, 0x61, 0x66, 0xe9]); // "café" in latin-1
  assert.equal(decodeHtml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>café</p>')])), '<p>café</p>');
  assert.equal(decodeHtml(cafe, 'text/html; charset=ISO-8859-1'), 'café');
  const equiv = Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>'), cafe]);
  assert.match(decodeHtml(equiv), /<p>café$/);
  // undeclared and not valid UTF-8: read as windows-1252 rather than replacement characters
  assert.equal(decodeHtml(cafe), 'café');
  assert.equal(decodeHtml(Buffer.from('<meta charset="no-such-charset"><p>café</p>')), '<meta charset="no-such-charset"><p>café</p>');
  assert.equal(decodeHtml(Buffer.from('<p>Москва</p>'), 'text/html; charset=utf-8'), '<p>Москва</p>');
});

test('a truncated page still gives the paragraphs before the cut', () => {
  const a = extractArticle(page('truncated.html'));
  assert.equal(a.title, 'Election count delayed in Mirenza');
  assert.equal(a.byline, 'Paulo Sant');
  assert.equal(a.paragraphs.length, 3);
  assert.match(a.paragraphs[2]!, /promised to publish partial results by Monday noon$/);
});

test('a page without article text is DYAD_E009; an empty string too', () => {
  assert.throws(() => extractArticle(page('empty.html')), isError('DYAD_E009'));
  assert.throws(() => extractArticle(''), isError('DYAD_E009'));
  assert.throws(() => extractArticle('<html><body>   </body></html>'), isError('DYAD_E009'));
});

test('a page over 20 MB is DYAD_E004', () => {
  const big = '<html><body><p>' + 'word '.repeat(4_300_000) + '</p></body></html>';
  assert.throws(() => extractArticle(big), isError('DYAD_E004'));
});

test('a fragment without <html> or <body> still extracts', () => {
  const a = extractArticle(
    '<p>The harbour master said the channel would reopen on Thursday once divers had cleared the wreck of the barge.</p>' +
      '<p>Two tugboats stood by overnight in case the hull shifted in the tide, and traffic was diverted to the east basin.</p>',
  );
  assert.equal(a.paragraphs.length, 2);
  assert.match(a.paragraphs[1]!, /^Two tugboats/);
});

test('JSON-LD articleBody is used when the page body has too little text', () => {
  const body = 'The finance ministry of Corvia announced on Friday a new fuel subsidy for fishing fleets.\nThe measure will cost the treasury about forty million over two years, officials said.';
  const html = `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Fuel subsidy', articleBody: body })}</script></head><body><div id="app"></div></body></html>`;
  const a = extractArticle(html);
  assert.deepEqual(a.paragraphs, body.split('\n'));
});

test('dates in meta values and URLs', () => {
  assert.deepEqual(parseDateValue('2019-11-19T08:03:00Z'), { date: '2019-11-19', datetime: '2019-11-19T08:03:00Z' });
  assert.deepEqual(parseDateValue('2019-11-19T23:30:00-0500'), { date: '2019-11-19', datetime: '2019-11-19T23:30:00-05:00' });
  assert.deepEqual(parseDateValue('November 19, 2019'), { date: '2019-11-19', datetime: null });
  assert.deepEqual(parseDateValue('19 Nov 2019'), { date: '2019-11-19', datetime: null });
  assert.deepEqual(parseDateValue('2019/11/19'), { date: '2019-11-19', datetime: null });
  assert.deepEqual(parseDateValue('2019.11.19 14:05'), { date: '2019-11-19', datetime: '2019-11-19T14:05:00' });
  assert.equal(parseDateValue('2019-13-40'), null);
  assert.equal(parseDateValue('yesterday'), null);
  assert.equal(dateFromUrl('https://example.org/2020/10/07/some-story/'), '2020-10-07');
  assert.equal(dateFromUrl('https://example.org/news/2020-10-07-some-story'), '2020-10-07');
  assert.equal(dateFromUrl('https://example.org/news/20201007/story.html'), '2020-10-07');
  assert.equal(dateFromUrl('https://example.org/news/story-123456789'), null);
  assert.equal(dateFromUrl('https://example.org/2020/13/45/x'), null);
});

test('caption credits: "Photo: …", "(AFP)", "[Getty]", "Credit: …", and none', () => {
  assert.deepEqual(parseCaption('Crowds in the square. Photo: Jane Roe/Reuters'), { text: 'Crowds in the square.', credit: 'Jane Roe/Reuters' });
  assert.deepEqual(parseCaption('Crowds in the square (AFP)'), { text: 'Crowds in the square', credit: 'AFP' });
  assert.deepEqual(parseCaption('Crowds in the square [Getty]'), { text: 'Crowds in the square', credit: 'Getty' });
  assert.deepEqual(parseCaption('Crowds in the square. Credit: Ann Lee'), { text: 'Crowds in the square.', credit: 'Ann Lee' });
  assert.deepEqual(parseCaption('The minister (left) greets the envoy'), { text: 'The minister (left) greets the envoy', credit: null });
});

test('bylines and outlet names are cleaned of page furniture', () => {
  assert.equal(cleanByline('By Jane Roe'), 'Jane Roe');
  assert.equal(cleanByline('by Sam Ode @samode Nov 18, 2019 at 9:24 pm ET • 2 min read'), 'Sam Ode');
  assert.equal(cleanByline('Lena Park | Updated 5:27 am'), 'Lena Park');
  assert.equal(cleanByline('https://www.facebook.com/someone'), null);
  assert.equal(cleanOutlet('Racing News | F1 | Rally | MotoGP'), 'Racing News');
  assert.equal(cleanOutlet('https://www.dailyexample.in'), 'dailyexample.in');
  assert.equal(cleanOutlet('The Harbour Gazette'), 'The Harbour Gazette');
  assert.equal(cleanTitle('Bridge vote passes | The Orvane Post', 'The Orvane Post', 'orvanepost.example'), 'Bridge vote passes');
  assert.equal(cleanTitle('Bridge vote passes - OrvanePost.com', null, 'orvanepost.com'), 'Bridge vote passes');
  assert.equal(cleanTitle('Kenya: Protests spread to the coast', 'Daily Ledger', 'ledger.example'), 'Kenya: Protests spread to the coast');
});

test('a site-specific date meta and a visible date element are used when nothing standard is there', () => {
  const body = '<p>The regional assembly of Norvik approved the budget on Thursday after a long night of amendments and votes.</p>';
  const a = extractArticle(`<html><head><meta name="xyz-post-date" content="2021/09/30"></head><body>${body}</body></html>`);
  assert.equal(a.date, '2021-09-30');
  const b = extractArticle(`<html><body><span class="entry-date">October 2, 2021</span>${body}</body></html>`);
  assert.equal(b.date, '2021-10-02');
  const c = extractArticle(`<html><body><span class="modified-date">October 9, 2021</span>${body}</body></html>`);
  assert.equal(c.date, null);
});

test('pathological markup: very deep nesting, stray angle brackets, unterminated comment', () => {
  const para = '<p>The committee met on Tuesday to discuss the budget and agreed to postpone the vote until next week.</p>';
  const deep = extractArticle(`<html><body>${'<div><span>'.repeat(5000)}${para}</body></html>`);
  assert.deepEqual(deep.paragraphs, ['The committee met on Tuesday to discuss the budget and agreed to postpone the vote until next week.']);
  const junk = extractArticle(`<<<>>><html<body<p>>>${para}<!-- unterminated comment`);
  assert.match(junk.text, /The committee met on Tuesday/);
});
