import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isProjective, parseConllu } from './conllu.js';
import { ParseState } from './state.js';
import { isDyadError } from '../model/errors.js';

// A tree of my own: "Officials in Kyiv said troops shelled the town ."
const CONLLU = `# sent_id = mine-1
# text = Officials in Kyiv said troops shelled the town.
1\tOfficials\tofficial\tNOUN\tNNS\t_\t4\tnsubj\t_\t_
2\tin\tin\tADP\tIN\t_\t3\tcase\t_\t_
3\tKyiv\tKyiv\tPROPN\tNNP\t_\t1\tnmod\t_\t_
4\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
5\ttroops\ttroop\tNOUN\tNNS\t_\t6\tnsubj\t_\t_
6\tshelled\tshell\tVERB\tVBD\t_\t4\tccomp\t_\t_
7\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\t_
8\ttown\ttown\tNOUN\tNN\t_\t6\tobj\t_\tSpaceAfter=No
9\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

`;

test('the CoNLL-U reader keeps words, heads and labels, and names a bad line', () => {
  const [t] = parseConllu(CONLLU, 'mine.conllu');
  assert.equal(t!.id, 'mine-1');
  assert.equal(t!.words.length, 9);
  assert.deepEqual(t!.words[5], { text: 'shelled', lemma: 'shell', pos: 'VERB', head: 4, label: 'ccomp' });
  assert.throws(
    () => parseConllu('1\tA\ta\tX\tX\t_\t0\troot\t_\n', 'bad.conllu'),
    (e: unknown) => isDyadError(e) && /bad\.conllu:1: .*10 tab-separated fields/.test(e.message),
  );
  assert.throws(() => parseConllu('1\tA\ta\tX\tX\t_\t5\troot\t_\t_\n', 'far.conllu'), (e: unknown) => isDyadError(e) && /past the sentence/.test(e.message));
});

test('projectivity: crossing arcs are detected', () => {
  assert.equal(isProjective([4, 3, 1, 0, 6, 4, 8, 6, 4]), true);
  // word 1 -> 3 and word 2 -> 4 cross.
  assert.equal(isProjective([3, 4, 0, 3]), false);
});

test('following the zero-cost moves of the dynamic oracle rebuilds a projective tree exactly', () => {
  const [t] = parseConllu(CONLLU, 'mine.conllu');
  const n = t!.words.length;
  const gold = new Int32Array(n + 1).fill(-1);
  t!.words.forEach((w, i) => (gold[i + 1] = w.head));
  const st = new ParseState(n);
  let steps = 0;
  while (!st.done()) {
    const cost = st.costs(gold);
    const kind = cost.indexOf(0);
    assert.ok(kind >= 0, `no zero-cost move at step ${steps}`);
    st.apply(kind === 0 ? 0 : kind === 1 ? 1 : 2); // label 0 for arcs
    steps++;
  }
  assert.equal(steps, 2 * n);
  assert.deepEqual([...st.head].slice(1), [...gold].slice(1));
  // Wrong moves have costs: with "Officials in" on the stack and "Kyiv" in front, shifting loses
  // two arcs (in <- Kyiv, Officials -> Kyiv), attaching "in" to "Officials" loses one.
  const st2 = new ParseState(n);
  st2.apply(0); // Officials
  st2.apply(0); // in
  assert.deepEqual(st2.costs(gold), [2, 0, 1]);
});
