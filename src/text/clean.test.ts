import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanArticle, parseCaption, classifyDebris } from './clean.js';
import { splitSentences } from './tokens.js';

const here = '[text/clean] ';

test(here + 'repeated headline becomes the title once; reading time, caption and social footer are recorded', () => {
  const raw = [
    'Ministers trade barbs over border dispute',
    '',
    'Ministers trade barbs over border dispute',
    '3 min read',
    'The two governments have traded accusations over a disputed river crossing.',
    'A soldier stands guard at the crossing [Reuters]',
    '',
    'Officials in both capitals said on Tuesday that talks had stalled.',
    'Follow us on Facebook, Twitter and Instagram to stay connected',
  ].join('\n');
  const c = cleanArticle({ text: raw });
  assert.equal(c.title, 'Ministers trade barbs over border dispute');
  assert.equal(c.standfirst, 'The two governments have traded accusations over a disputed river crossing.');
  assert.deepEqual(c.paragraphs, ['Officials in both capitals said on Tuesday that talks had stalled.']);
  assert.deepEqual(c.captions, [{ text: 'A soldier stands guard at the crossing', credit: 'Reuters' }]);
  assert.deepEqual(
    c.dropped.map((d) => d.kind),
    ['repeated-headline', 'reading-time', 'social-footer'],
  );
});

test(here + 'bylines, read-more and related lines are dropped with their kind', () => {
  const c = cleanArticle({
    text: 'Aid convoy reaches besieged town\nBy Maria Lopez and Tom Hale\nAn aid convoy reached the town on Monday after weeks of delays.\nRead more: How the siege began\nThe United Nations said 20 trucks had crossed.\nRelated: Ceasefire talks resume in Doha',
  });
  assert.equal(c.title, 'Aid convoy reaches besieged town');
  assert.deepEqual(c.paragraphs, ['An aid convoy reached the town on Monday after weeks of delays.', 'The United Nations said 20 trucks had crossed.']);
  assert.deepEqual(
    c.dropped.map((d) => d.kind),
    ['byline', 'read-more', 'read-more'],
  );
});

test(here + 'newsletter, advert and copyright lines', () => {
  const c = cleanArticle({
    text: 'Parliament passes budget\nLawmakers approved the budget late on Thursday.\nAdvertisement\nThe vote was 210 to 180.\nSign up for our daily briefing newsletter\n© 2024 Example Media Ltd. All rights reserved.',
  });
  assert.deepEqual(c.paragraphs, ['Lawmakers approved the budget late on Thursday.', 'The vote was 210 to 180.']);
  assert.deepEqual(
    c.dropped.map((d) => d.kind),
    ['advert', 'newsletter', 'copyright'],
  );
});

test(here + 'captions in several credit styles', () => {
  assert.deepEqual(parseCaption('Protesters gather outside the ministry (AFP)'), { text: 'Protesters gather outside the ministry', credit: 'AFP' });
  assert.deepEqual(parseCaption('Photo: The prime minister arrives in Brussels (Getty Images)'), { text: 'The prime minister arrives in Brussels', credit: 'Getty Images' });
  assert.deepEqual(parseCaption('Rescue workers search the rubble. Photograph: Ahmed Saleh/AP'), { text: 'Rescue workers search the rubble.', credit: 'Ahmed Saleh/AP' });
  assert.deepEqual(parseCaption('The envoy met the president [Anadolu]'), { text: 'The envoy met the president', credit: 'Anadolu' });
});

test(here + 'body sentences with brackets are not captions', () => {
  assert.equal(parseCaption('The ministry said the talks would resume next week (a senior official confirmed this to reporters).'), null);
  assert.equal(parseCaption('The group (known locally as the Front) denied the claim.'), null);
  assert.equal(parseCaption('Turkey accused Greece of provocations in the Aegean Sea on Friday, escalating a dispute over energy exploration that has drawn in the European Union and NATO allies alike over recent months [analysis].'), null);
});

test(here + 'a given title is not repeated in the body, and the first line stays body', () => {
  const c = cleanArticle({ text: 'Talks collapse in Vienna\nNegotiators left Vienna on Friday without a deal.\nBoth sides blamed each other.', title: 'Talks collapse in Vienna' });
  assert.equal(c.title, 'Talks collapse in Vienna');
  assert.equal(c.standfirst, null);
  assert.deepEqual(c.paragraphs, ['Negotiators left Vienna on Friday without a deal.', 'Both sides blamed each other.']);
});

test(here + 'text with no headline: the first sentence line is body, not title', () => {
  const c = cleanArticle({ text: 'Police arrested twelve protesters in the capital on Sunday.\nThe interior ministry said the march was unauthorised.' });
  assert.equal(c.title, null);
  assert.equal(c.paragraphs.length, 2);
});

test(here + 'Windows newlines, non-breaking spaces and blank lines are normalised', () => {
  const c = cleanArticle({ text: 'Envoy expelled\r\n\r\nThe government\u00a0expelled the envoy on Monday.\r\n\r\n\r\nThe embassy said it would respond.' });
  assert.equal(c.title, 'Envoy expelled');
  assert.deepEqual(c.paragraphs, ['The government expelled the envoy on Monday.', 'The embassy said it would respond.']);
});

test(here + 'debris classifier keeps ordinary sentences', () => {
  assert.equal(classifyDebris('Share this article'), 'social-footer');
  assert.equal(classifyDebris('5 min read'), 'reading-time');
  assert.equal(classifyDebris('Reading time: 4 minutes'), 'reading-time');
  assert.equal(classifyDebris('Follow the author on X'), 'social-footer');
  assert.equal(classifyDebris('The minister said they would follow the plan.'), null);
  assert.equal(classifyDebris('Related talks will be held in Cairo next week.'), null);
  assert.equal(classifyDebris('Related: Ceasefire talks resume'), 'read-more');
  assert.equal(classifyDebris('Subscribers to the treaty met in Geneva.'), null);
  assert.equal(classifyDebris('By the end of the day, troops had withdrawn.'), null);
});

test(here + 'sentences: abbreviations, initials and quotes do not split', () => {
  const s = splitSentences('Gen. Mark Milley met U.S. officials in Washington on Monday. J. R. Smith, a spokesman, said: "We will not back down. Never." The talks ended.');
  assert.deepEqual(s, ['Gen. Mark Milley met U.S. officials in Washington on Monday.', 'J. R. Smith, a spokesman, said: "We will not back down. Never."', 'The talks ended.']);
});

test('a dateline opening the body is recorded and removed from the text that is coded', () => {
  const c = cleanArticle({
    text: 'Army and rebels clash in El Fasher\n\nPORT SUDAN, June 11, 2024 - The army and the Rapid Support Forces fought in El Fasher on Tuesday.\n\nAid groups said thousands had fled.',
  });
  assert.equal(c.dateline?.place, 'PORT SUDAN');
  assert.equal(c.dateline?.date, '2024-06-11');
  assert.equal(c.paragraphs[0], 'The army and the Rapid Support Forces fought in El Fasher on Tuesday.');
  assert.ok(c.dropped.some((d) => d.kind === 'dateline' && d.text === 'PORT SUDAN, June 11, 2024 -'));
  const plain = cleanArticle({ text: 'Talks resume\n\nParis hosted the talks on Monday.' });
  assert.equal(plain.dateline, null);
  assert.equal(plain.paragraphs[0], 'Paris hosted the talks on Monday.');
});
