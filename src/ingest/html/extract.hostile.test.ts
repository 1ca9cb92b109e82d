/**
 * Issue #17, finding 2: HTML clean-up in linear time on pages full of tags that never close.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle, htmlTags, tagDepth } from './extract.js';

const STORY =
  '<p>The foreign ministers of Armenia and Azerbaijan met in Almaty on Tuesday and agreed to keep talking about a peace treaty, officials said.</p>' +
  '<p>Kazakhstan hosted the meeting, and the European Union welcomed the talks in a short statement issued on Wednesday morning.</p>';

test('finding 2: a page of 273,000 tags with no closing ">" is cleaned in linear time', () => {
  const page = `<html><head><title>Ministers meet</title></head><body>${STORY}${'<a '.repeat(273_000)}`;
  const t0 = Date.now();
  assert.equal(tagDepth(page), 3); // html > head > title: the "<a " are not tags
  const article = extractArticle(page);
  const ms = Date.now() - t0;
  assert.match(article.text, /met in Almaty on Tuesday/);
  assert.match(article.text, /European Union welcomed the talks/);
  // Before the fix this took minutes (38 s for 800 KB); now about 0.3 s. Generous bound only.
  assert.ok(ms < 30_000, `took ${ms} ms`);
  console.log(`# 273,000 unclosed "<a " tags (${(page.length / 1e6).toFixed(2)} MB): ${ms} ms`);
});

test('finding 2: 273,000 nested <div> that are never closed are flattened and the story kept', () => {
  const page = `<html><body>${'<div>'.repeat(273_000)}${STORY}</body></html>`;
  const t0 = Date.now();
  assert.equal(tagDepth(page), 273_002);
  const article = extractArticle(page);
  const ms = Date.now() - t0;
  assert.match(article.text, /met in Almaty on Tuesday/);
  assert.ok(ms < 30_000, `took ${ms} ms`);
  console.log(`# 273,000 unclosed nested <div>: ${ms} ms`);
});

test('htmlTags reads opening, closing and self-closing tags and stops where no ">" follows', () => {
  const tags = [...htmlTags('<p class="a">x</p><br/> a < b <img src=x> <a href="y"')];
  assert.deepEqual(
    tags.map((t) => [t.name, t.closing, t.selfClosing]),
    [['p', false, false], ['p', true, false], ['br', false, true], ['img', false, false]],
  );
});
