/** What `npm pack` ships: the built code, data and docs; never tests, their fixtures or the test stores. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

test('the package holds dist, bin and data, and no test files or fixtures', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  const files = (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
  for (const needed of ['bin/dyad', 'dist/cli/main.js', 'dist/serve/server.js', 'data/sample/articles.jsonl']) {
    assert.ok(files.includes(needed), `${needed} is shipped`);
  }
  const leaked = files.filter((f) => /\.test\.|\.fixture\.|testdb\.|testdocs\.|^test-fixtures\/|^src\//.test(f));
  assert.deepEqual(leaked, []);
});
