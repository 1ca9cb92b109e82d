import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CoderPool } from './pool.js';
import type { Job } from './types.js';

const job = (i: number): Job => ({
  source: `mem:${i}`,
  url: null,
  title: null,
  date: '2024-03-12',
  outlet: null,
  text: `Turkey condemned France on Tuesday over a statement by the French foreign minister (report ${i}).`,
  rawHash: `raw${i}`,
});

test('a worker that collects garbage after every job still codes every job', async () => {
  const pool = await CoderPool.create({ workers: 1, gcEvery: 1 });
  try {
    const results = await Promise.all([0, 1, 2].map((i) => pool.run(job(i))));
    for (const r of results) {
      assert.equal(r.ok, true, r.ok ? '' : r.reason);
      if (r.ok) assert.ok(r.doc.events.some((e) => e.source?.code === 'TUR' && e.target?.code === 'FRA' && e.root === '11'));
    }
  } finally {
    await pool.close();
  }
});
