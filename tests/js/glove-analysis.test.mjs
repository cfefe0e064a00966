// GloVe's vectors through the API: pe.loadEmbeddings, analyze and compareShift with
// embeddings: 'glove', words the table lacks (oov) and every error. The vectors the core receives
// must be the decoded table's, so every cosine the page shows is GloVe's up to float rounding.
// Run: node --test tests/js/glove-analysis.test.mjs   (after the wasm build)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { loadPE } from '../../web/pe.js';
import { decodeGloveTable } from '../../web/vocab/glove/glove-table.js';
import { assertThrows } from './support/assert-throws.mjs';
import { cosine } from './support/vectors.mjs';

const pe = await loadPE();
const glove = decodeGloveTable(readFileSync(new URL('../../web/vocab/glove/glove-6b-100d.bin', import.meta.url)));
const CAT = 'The cat and the kitten watched a plane';

const row = (table, r, dim) => table.subarray(r * dim, (r + 1) * dim);

// Runs first: nothing has loaded the table yet in this process.
test('before loadEmbeddings: analyze, compareShift and tokenize with glove throw an Error that names loadEmbeddings', () => {
  const message = 'the embeddings "glove" are not loaded yet: call await pe.loadEmbeddings(\'glove\') first';
  assertThrows(() => pe.analyze(CAT, { embeddings: 'glove' }), Error, message);
  assertThrows(() => pe.compareShift(CAT, { embeddings: 'glove', by: 3 }), Error, message);
  assertThrows(() => pe.tokenize(CAT, { embeddings: 'glove' }), Error, message);
});

test('unknown names are TypeErrors listing the names; synthetic needs no loading', async () => {
  await assert.rejects(
    pe.loadEmbeddings('word2vec'),
    new TypeError('embeddings must be one of synthetic, glove; received string "word2vec"'),
  );
  assertThrows(
    () => pe.analyze(CAT, { embeddings: 'GloVe' }),
    TypeError,
    'embeddings must be one of synthetic, glove; received string "GloVe"',
  );
  assertThrows(() => pe.analyze(CAT, { embeddings: 1 }), TypeError, 'embeddings must be a string; received number 1');
  await pe.loadEmbeddings('synthetic');
  assert.deepEqual(
    pe.embeddings.map(({ name, dim }) => [name, dim]),
    [
      ['synthetic', null],
      ['glove', 100],
    ],
  );
  assert.match(pe.embeddings[1].credit, /GloVe 6B 100d.*Public Domain/);
  assert.equal(pe.embeddings[1].notice, 'vocab/glove.NOTICE.txt');
});

test('loadEmbeddings loads once, concurrent calls share the load', async () => {
  await Promise.all([pe.loadEmbeddings('glove'), pe.loadEmbeddings('glove')]);
  await pe.loadEmbeddings('glove');
});

test('analyze with glove: dimension 100, each known word\'s row is the decoded vector bit for bit, "a" is out of vocabulary', async () => {
  await pe.loadEmbeddings('glove');
  const a = pe.analyze(CAT, { embeddings: 'glove', kind: 'integer' });
  assert.equal(a.dim, 100);
  assert.equal(a.embeddings, 'glove');
  assert.deepEqual(
    a.tokens.map(({ text, oov }) => [text, oov]),
    [
      ['the', false],
      ['cat', false],
      ['and', false],
      ['the', false],
      ['kitten', false],
      ['watched', false],
      ['a', true],
      ['plane', false],
    ],
  );
  a.tokens.forEach(({ text, oov }, r) => {
    if (!oov) assert.deepEqual(row(a.tokenEmbedding, r, 100), glove.vectorOf(text), text);
  });
  // The page's path: pe.cosineSimilarities of the rows analyze used, against the decoded vectors'
  // cosines in double precision, and the lecture's pins.
  const cos = pe.cosineSimilarities({ data: a.tokenEmbedding, dim: 100 }).data;
  const at = (x, y) => cos[x * 8 + y];
  for (const [x, y] of [
    [1, 4],
    [1, 7],
    [4, 7],
    [0, 2],
    [5, 7],
  ]) {
    assert.ok(Math.abs(at(x, y) - cosine(glove.vectorOf(a.tokens[x].text), glove.vectorOf(a.tokens[y].text))) < 1e-6);
  }
  assert.ok(Math.abs(at(1, 4) - 0.558) < 0.01, `cat/kitten ${at(1, 4)}`);
  assert.ok(Math.abs(at(1, 7) - 0.294) < 0.01, `cat/plane ${at(1, 7)}`);
  // The two copies of "the" share one vector: the words are looked up, not drawn per position.
  assert.deepEqual(row(a.tokenEmbedding, 0, 100), row(a.tokenEmbedding, 3, 100));
  assert.deepEqual(a.duplicates, [[0, 3]]);
});

test("a word GloVe lacks gets the synthetic vector at GloVe's root-mean-square component, so a typical GloVe length", async () => {
  await pe.loadEmbeddings('glove');
  const a = pe.analyze('a cat', { embeddings: 'glove', kind: 'none' });
  let squares = 0;
  for (const value of glove.vectors) squares += value * value;
  const rms = Math.sqrt(squares / glove.vectors.length);
  assert.ok(Math.abs(a.embeddingStd - rms) < 1e-12, `embeddingStd ${a.embeddingStd}`);
  assert.ok(Math.abs(rms - 0.529) < 0.001, `GloVe's root-mean-square component: ${rms}`);
  const synthetic = pe.analyze('a cat', { kind: 'none', dim: 100, embeddingStd: a.embeddingStd });
  assert.deepEqual(row(a.tokenEmbedding, 0, 100), row(synthetic.tokenEmbedding, 0, 100));
  assert.ok(a.norms.tokenEmbedding[0] > 3.5 && a.norms.tokenEmbedding[0] < 7.5, `oov length ${a.norms.tokenEmbedding[0]}`);
  // An explicit embeddingStd scales only the words the table lacks.
  const quiet = pe.analyze('a cat', { embeddings: 'glove', kind: 'none', embeddingStd: 0.02 });
  assert.deepEqual(row(quiet.tokenEmbedding, 1, 100), glove.vectorOf('cat'));
  assert.ok(Math.abs(quiet.norms.tokenEmbedding[0] / a.norms.tokenEmbedding[0] - 0.02 / rms) < 1e-5);
  assert.deepEqual(
    pe.tokenize("a cat don't", { embeddings: 'glove' }).map(({ text, oov }) => [text, oov]),
    [
      ['a', true],
      ['cat', false],
      ['don', false],
      ["'", false],
      ['t', true],
    ],
  );
});

test('analyze and compareShift with glove equal the same calls with the table looked up by hand (embeddingTable)', async () => {
  await pe.loadEmbeddings('glove');
  const text = 'The dog chased another dog';
  const words = pe.tokenize(text);
  const table = new Float32Array(words.length * 100);
  words.forEach(({ text: word }, r) => table.set(glove.vectorOf(word), r * 100));
  for (const kind of ['integer', 'binary', 'sinusoidal', 'rope', 'alibi']) {
    const viaName = pe.analyze(text, { embeddings: 'glove', kind, start: 200 });
    const byHand = pe.analyze(text, { embeddingTable: table, dim: 100, kind, start: 200 });
    assert.deepEqual(viaName.weights, byHand.weights, kind);
    assert.deepEqual(viaName.pairs, byHand.pairs, kind);
    assert.deepEqual(
      pe.compareShift(text, { embeddings: 'glove', kind, by: 1000 }),
      pe.compareShift(text, { embeddingTable: table, dim: 100, kind, by: 1000 }),
      kind,
    );
  }
  assert.equal(pe.compareShift(text, { embeddings: 'glove', kind: 'rope', by: 1000 }).weightsUnchanged, true);
  assert.equal(pe.compareShift(text, { embeddings: 'glove', kind: 'integer', by: 1000 }).weightsUnchanged, false);
});

test("glove errors: another dim, another tokenizer, a table of one's own", async () => {
  await pe.loadEmbeddings('glove');
  assertThrows(
    () => pe.analyze(CAT, { embeddings: 'glove', dim: 8 }),
    RangeError,
    "dim: the vectors of embeddings 'glove' have 100 dimensions, so dim must be 100 or left out; received number 8",
  );
  assert.equal(pe.analyze(CAT, { embeddings: 'glove', dim: 100 }).dim, 100);
  assertThrows(
    () => pe.compareShift(CAT, { embeddings: 'glove', dim: 64, by: 1 }),
    RangeError,
    "dim: the vectors of embeddings 'glove' have 100 dimensions, so dim must be 100 or left out; received number 64",
  );
  assertThrows(
    () => pe.analyze(CAT, { embeddings: 'glove', tokenizer: 'gpt2' }),
    RangeError,
    "tokenizer: the vectors of embeddings 'glove' belong to whole words, so they need tokenizer 'words'; received string \"gpt2\"",
  );
  assertThrows(
    () => pe.tokenize(CAT, { embeddings: 'glove', tokenizer: 'llama3' }),
    RangeError,
    "tokenizer: the vectors of embeddings 'glove' belong to whole words, so they need tokenizer 'words'; received string \"llama3\"",
  );
  assertThrows(
    () => pe.analyze(CAT, { embeddings: 'glove', embeddingTable: new Float32Array(800) }),
    TypeError,
    "embeddingTable: give your own table or embeddings 'glove', not both",
  );
  // The core's own limits still hold, with its messages.
  assert.throws(() => pe.analyze('word '.repeat(2049), { embeddings: 'glove' }), RangeError);
  assert.throws(() => pe.analyze(CAT, { embeddings: 'glove', kind: 'rope', start: -1 }), RangeError);
});
