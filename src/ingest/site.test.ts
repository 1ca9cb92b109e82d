import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sameSite } from './site.js';

test('sameSite compares registrable domains (public-suffix list), IP hosts exactly', () => {
  assert.equal(sameSite('https://news.example.co.uk/a', 'http://www.example.co.uk/b'), true);
  assert.equal(sameSite('https://a.github.io/x', 'https://b.github.io/x'), false);
  assert.equal(sameSite('https://example.com/a', 'https://example.org/a'), false);
  assert.equal(sameSite('http://127.0.0.1:8080/a', 'http://127.0.0.1:9090/b'), true);
  assert.equal(sameSite('http://127.0.0.1/a', 'http://127.0.0.2/a'), false);
  assert.equal(sameSite('not a url', 'https://example.com/'), false);
});
