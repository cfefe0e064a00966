// pe.analyze across the real JS <-> WebAssembly boundary: values and shapes, the lecture's
// duplicate tokens, the same tokens and embeddings as the native build, errors, and what the
// caller owns (no leaks).
// Run: node --test tests/js/analyze.test.mjs   (after the wasm build)
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadMemoryProbe, loadPE } from '../../web/pe.js';
import { assertThrows } from './support/assert-throws.mjs';
import { cosine } from './support/vectors.mjs';

const pe = await loadPE();
const memory = await loadMemoryProbe();

const DOGS = 'The dog chased another dog'; // the two dogs are tokens 1 and 4
const BALL = 'The dog chased the ball. It could not catch it.';

function texts(analysis) {
  return analysis.tokens.map((token) => token.text);
}

function row(table, dim, r) {
  return Array.from(table.subarray(r * dim, (r + 1) * dim));
}

function norm(vector) {
  return Math.hypot(...vector);
}

function sameRows(table, dim, a, b) {
  return row(table, dim, a).every((value, i) => Object.is(value, table[b * dim + i]));
}

// n tokens: "w0 w1 ... w{k}" cycling through 300 different words.
function words(n) {
  return Array.from({ length: n }, (_, t) => `w${t % 300}`).join(' ');
}

test('the ball sentence becomes 12 lowercased tokens at positions start + r', () => {
  const analysis = pe.analyze(BALL, { start: 200 });
  assert.deepEqual(texts(analysis), ['the', 'dog', 'chased', 'the', 'ball', '.', 'it', 'could', 'not', 'catch', 'it', '.']);
  assert.deepEqual(
    analysis.tokens.map((token) => token.position),
    Array.from({ length: 12 }, (_, r) => 200 + r),
  );
});

test('the ball sentence repeats "the", "." and "it"', () => {
  assert.deepEqual(pe.analyze(BALL).duplicates, [
    [0, 3],
    [5, 11],
    [6, 10],
  ]);
  assert.deepEqual(pe.analyze(DOGS).duplicates, [[1, 4]]);
  assert.deepEqual(pe.analyze('every word differs').duplicates, []);
});

test('the defaults are binary at dim 8 from position 0 without a mask, embeddings at 0.02', () => {
  const { kind, dim, start, causal, embeddingStd } = pe.analyze(DOGS);
  assert.deepEqual({ kind, dim, start, causal, embeddingStd }, { kind: 'binary', dim: 8, start: 0, causal: false, embeddingStd: 0.02 });
});

test('every table is a Float32Array of tokens x dim', () => {
  const analysis = pe.analyze(BALL, { kind: 'sinusoidal', dim: 16 });
  const tables = [analysis.tokenEmbedding, analysis.positionEncoding, analysis.input, analysis.context.withoutPE, analysis.context.withPE];
  for (const table of tables) {
    assert.ok(table instanceof Float32Array);
    assert.equal(table.length, 12 * 16);
  }
});

test('the position encoding is pe.encode for the same positions, and zeros for kind none', () => {
  for (const kind of ['integer', 'binary', 'sinusoidal']) {
    const analysis = pe.analyze(DOGS, { kind, dim: 8, start: 64 });
    const table = pe.encode({ kind, start: 64, count: 5, dim: 8 });
    assert.deepEqual(analysis.positionEncoding, table.data, kind);
  }
  assert.ok(pe.analyze(DOGS, { kind: 'none' }).positionEncoding.every((value) => value === 0));
});

test('the input is token embedding plus position encoding', () => {
  const analysis = pe.analyze(BALL, { kind: 'integer', start: 1000 });
  analysis.input.forEach((value, e) => {
    assert.equal(value, Math.fround(analysis.tokenEmbedding[e] + analysis.positionEncoding[e]));
  });
});

test('without positions the two dogs get identical context vectors; with them they differ', () => {
  for (const kind of ['integer', 'binary', 'sinusoidal']) {
    const analysis = pe.analyze(DOGS, { kind, dim: 8 });
    assert.ok(sameRows(analysis.tokenEmbedding, 8, 1, 4), kind);
    assert.ok(sameRows(analysis.context.withoutPE, 8, 1, 4), kind);
    assert.ok(!sameRows(analysis.context.withPE, 8, 1, 4), kind);
  }
});

test('a causal mask tells the two dogs apart even without positions', () => {
  const analysis = pe.analyze(DOGS, { kind: 'none', causal: true });
  assert.ok(!sameRows(analysis.context.withoutPE, 8, 1, 4));
});

test('token embeddings are bit for bit those of the native build', () => {
  // The same numbers are pinned in tests/native/token_embeddings_test.cpp.
  const analysis = pe.analyze('dog zebra', { kind: 'none', dim: 4 });
  assert.deepEqual(
    analysis.tokenEmbedding,
    new Float32Array([
      0.00724006305, -0.00284011546, -0.0060155578, 0.0342032053, -0.0113022877, 0.0320400707, 0.0145314047, -0.00990024768,
    ]),
  );
  assert.equal(pe.analysisConstants.tokenEmbeddingStd, 0.02);
  const paper = pe.analyze('dog zebra', { kind: 'none', dim: 4, embeddingStd: 1 });
  assert.deepEqual(
    paper.tokenEmbedding,
    new Float32Array([0.362003148, -0.142005771, -0.300777882, 1.71016037, -0.565114379, 1.60200346, 0.726570249, -0.495012403]),
  );
});

test('embeddingStd 0.02 is the default, bit for bit', () => {
  const byDefault = pe.analyze(BALL, { kind: 'sinusoidal', dim: 16 });
  const explicit = pe.analyze(BALL, { kind: 'sinusoidal', dim: 16, embeddingStd: 0.02 });
  assert.deepEqual(explicit, byDefault);
});

test('embeddingStd 1 (the Transformer paper) makes every token embedding 50x longer, same direction', () => {
  const CAT = 'The cat and the kitten watched a plane';
  for (const dim of [8, 64]) {
    const small = pe.analyze(CAT, { kind: 'binary', dim, start: 200 });
    const large = pe.analyze(CAT, { kind: 'binary', dim, start: 200, embeddingStd: 1 });
    assert.equal(large.embeddingStd, 1);
    assert.deepEqual(large.positionEncoding, small.positionEncoding);
    const norms = [small, large].map((a) => a.tokens.map((_, r) => norm(row(a.tokenEmbedding, dim, r))));
    norms[1].forEach((length, r) => {
      assert.ok(Math.abs(length / norms[0][r] - 50) < 50e-6, `token ${r}: ${length / norms[0][r]}`);
    });
    const catKitten = (a, table) => cosine(row(a[table], dim, 1), row(a[table], dim, 4));
    assert.ok(Math.abs(catKitten(large, 'tokenEmbedding') - catKitten(small, 'tokenEmbedding')) < 1e-6);
    large.input.forEach((value, e) => {
      assert.equal(value, Math.fround(large.tokenEmbedding[e] + large.positionEncoding[e]));
    });
    // The attention runs on the scaled vectors: the contexts change with the scale.
    assert.notDeepEqual(large.context.withoutPE, small.context.withoutPE);
  }
});

test('words of any script are tokenized as natively', () => {
  const cases = [
    ['ΟΔΟΣ ΣΟΦΙΑ, ПРИВЕТ Мир İSTANBUL Straße', ['οδος', 'σοφια', ',', 'привет', 'мир', 'istanbul', 'straße']],
    ['我爱你。東京タワー 안녕하세요', ['我', '爱', '你', '。', '東', '京', 'タワー', '안녕하세요']],
    ['كيف حالك؟ שלום עולם!', ['كيف', 'حالك', '؟', 'שלום', 'עולם', '!']],
    ['I ❤️ 👍🏽 👨‍👩‍👧 🇩🇪🇫🇷 GPT2 ٣٤٥', ['i', '❤️', '👍🏽', '👨‍👩‍👧', '🇩🇪', '🇫🇷', 'gpt2', '٣٤٥']],
  ];
  for (const [text, expected] of cases) assert.deepEqual(texts(pe.analyze(text)), expected, text);
});

test('lone surrogates become U+FFFD tokens', () => {
  assert.deepEqual(texts(pe.analyze('a\uD800b \uDC00')), ['a', '\uFFFD', 'b', '\uFFFD']);
});

test('empty or blank text gives no tokens and empty tables', () => {
  for (const text of ['', '  \n\t ']) {
    const analysis = pe.analyze(text, { kind: 'sinusoidal', dim: 64, causal: true });
    assert.deepEqual(analysis.tokens, []);
    assert.deepEqual(analysis.duplicates, []);
    assert.equal(analysis.input.length, 0);
    assert.equal(analysis.context.withPE.length, 0);
  }
});

test('1024 and 2048 tokens work', () => {
  for (const n of [1024, 2048]) {
    const analysis = pe.analyze(words(n), { kind: 'sinusoidal', dim: 64 });
    assert.equal(analysis.tokens.length, n);
    assert.equal(analysis.tokens[n - 1].position, n - 1);
    assert.equal(analysis.context.withPE.length, n * 64);
    assert.ok(analysis.context.withPE.every(Number.isFinite));
  }
});

test('integer positions up to 2^31 - 1 give finite context vectors', () => {
  const analysis = pe.analyze(words(64), { kind: 'integer', dim: 64, start: 2 ** 31 - 64 });
  assert.equal(analysis.tokens[63].position, 2 ** 31 - 1);
  assert.ok(analysis.context.withPE.every(Number.isFinite));
});

// Each measure recomputed here from the returned float32 rows, in double precision.
function distance(a, b) {
  return norm(a.map((value, i) => value - b[i]));
}

test('norms are the lengths of the token-embedding and position rows', () => {
  const analysis = pe.analyze(BALL, { kind: 'integer', start: 200, dim: 16 });
  const n = analysis.tokens.length;
  assert.ok(analysis.norms.tokenEmbedding instanceof Float64Array);
  for (const [name, table] of [
    ['tokenEmbedding', analysis.tokenEmbedding],
    ['positionEncoding', analysis.positionEncoding],
  ]) {
    assert.equal(analysis.norms[name].length, n);
    for (let r = 0; r < n; r += 1) assert.ok(Math.abs(analysis.norms[name][r] - norm(row(table, 16, r))) < 1e-12, `${name} ${r}`);
  }
  assert.ok(Math.abs(analysis.norms.positionEncoding[3] - 203 * 4) < 1e-9, 'integer position 203 at dim 16: 203 * sqrt(16)');
});

test('pairs compare the two dogs: identical without positions, apart with them', () => {
  const analysis = pe.analyze(DOGS, { kind: 'binary', dim: 8 });
  assert.equal(analysis.pairs.length, 1);
  const [pair] = analysis.pairs;
  assert.deepEqual([pair.group, pair.a, pair.b], [0, 1, 4]);
  assert.equal(pair.inputDistance.withoutPE, 0);
  assert.equal(pair.inputCosine.withoutPE, 1);
  assert.equal(pair.contextDistance.withoutPE, 0);
  const measures = {
    inputDistance: [analysis.tokenEmbedding, analysis.input, distance],
    inputCosine: [analysis.tokenEmbedding, analysis.input, cosine],
    contextDistance: [analysis.context.withoutPE, analysis.context.withPE, distance],
    contextCosine: [analysis.context.withoutPE, analysis.context.withPE, cosine],
  };
  for (const [name, [without, withPE, measure]] of Object.entries(measures)) {
    assert.ok(Math.abs(pair[name].withoutPE - measure(row(without, 8, 1), row(without, 8, 4))) < 1e-12, name);
    assert.ok(Math.abs(pair[name].withPE - measure(row(withPE, 8, 1), row(withPE, 8, 4))) < 1e-12, name);
  }
  // Positions 1 and 4 differ in bits 0 and 2 (001 vs 100), so the inputs move apart by about sqrt(2).
  assert.ok(Math.abs(pair.inputDistance.withPE - Math.SQRT2) < 0.1);
});

test('pairs list every pair of copies, group by group, among the first 16 copies of a word', () => {
  assert.deepEqual(
    pe.analyze('a b a c b a').pairs.map(({ group, a, b }) => [group, a, b]),
    [
      [0, 0, 2],
      [0, 0, 5],
      [0, 2, 5],
      [1, 1, 4],
    ],
  );
  const many = pe.analyze(Array(20).fill('a').join(' ') + ' b b');
  assert.equal(many.pairs.length, (16 * 15) / 2 + 1);
  assert.ok(many.pairs.filter((pair) => pair.group === 0).every((pair) => pair.b < 16));
  assert.deepEqual(pe.analyze('every word differs').pairs, []);
});

test('analysisConstants states the limits', () => {
  assert.deepEqual(
    { ...pe.analysisConstants },
    { maxTokens: 2048, maxDim: 256, maxTextBytes: 65536, maxComparedCopies: 16, tokenEmbeddingStd: 0.02, weightChangeTolerance: 2 ** -17 },
  );
  assert.ok(Object.isFrozen(pe.analysisConstants));
});

test('wrong types are TypeErrors that name the parameter', () => {
  assertThrows(() => pe.analyze(5), TypeError, 'text must be a string; received number 5');
  assertThrows(() => pe.analyze(), TypeError, 'text must be a string; received nothing (undefined)');
  assertThrows(
    () => pe.analyze(DOGS, null),
    TypeError,
    'options must be an object like { kind, dim, start, causal, embeddingStd, tokenizer, bos, embeddings, embeddingTable, base, layout, pairing, scaling, slope }; received null',
  );
  assertThrows(
    () => pe.analyze(DOGS, { count: 5 }),
    TypeError,
    'unknown option "count"; allowed options: kind, dim, start, causal, embeddingStd, tokenizer, bos, embeddings, embeddingTable, base, layout, pairing, scaling, slope',
  );
  assertThrows(() => pe.analyze(DOGS, { kind: 3 }), TypeError, 'kind must be a string; received number 3');
  assertThrows(() => pe.analyze(DOGS, { dim: '8' }), TypeError, 'dim must be a number; received string "8"');
  assertThrows(() => pe.analyze(DOGS, { start: null }), TypeError, 'start must be a number; received null');
  assertThrows(() => pe.analyze(DOGS, { causal: 1 }), TypeError, 'causal must be a boolean; received number 1');
  assertThrows(() => pe.analyze(DOGS, { embeddingStd: '1' }), TypeError, 'embeddingStd must be a number; received string "1"');
});

test('an option given as undefined takes its default', () => {
  const given = pe.analyze(DOGS, { kind: undefined, dim: undefined, embeddingStd: undefined });
  const defaults = pe.analyze(DOGS);
  assert.equal(given.kind, 'binary');
  assert.equal(given.dim, 8);
  assert.deepEqual(Array.from(given.input), Array.from(defaults.input));
});

test('an unknown kind is a TypeError from the core that lists the kinds of pe.schemes', () => {
  const names = pe.schemes.map(({ name }) => `"${name}"`);
  assertThrows(
    () => pe.analyze(DOGS, { kind: 'rotary' }),
    TypeError,
    `kind must be ${names.slice(0, -1).join(', ')} or ${names.at(-1)}; received "rotary"`,
  );
});

test('values out of range are RangeErrors that state the limit and what was received', () => {
  const dimRule = 'dim must be an integer from 1 to 256; received ';
  assertThrows(() => pe.analyze(DOGS, { dim: 0 }), RangeError, `${dimRule}0`);
  assertThrows(() => pe.analyze(DOGS, { dim: 257 }), RangeError, `${dimRule}257`);
  assertThrows(() => pe.analyze(DOGS, { dim: 2.5 }), RangeError, `${dimRule}2.5`);
  assertThrows(() => pe.analyze(DOGS, { dim: NaN }), RangeError, `${dimRule}NaN`);
  assertThrows(
    () => pe.analyze(DOGS, { kind: 'sinusoidal', dim: 7 }),
    RangeError,
    'dim must be even for sinusoidal (one sin/cos pair per frequency); received 7',
  );
  assertThrows(() => pe.analyze(words(4123)), RangeError, 'text must have at most 2048 tokens; received 4123');
  assertThrows(() => pe.analyze('dog', { start: -1 }), RangeError, 'start must be an integer from 0 to 2147483647 (2^31 - 1); received -1');
  assertThrows(
    () => pe.analyze('dog', { start: Infinity }),
    RangeError,
    'start must be an integer from 0 to 2147483647 (2^31 - 1); received Infinity',
  );
  assertThrows(
    () => pe.analyze(DOGS, { start: 2 ** 31 - 4 }),
    RangeError,
    'start must be an integer from 0 to 2147483643 (the last of the 5 tokens is at start + 4, ' + 'at most 2^31 - 1); received 2147483644',
  );
  const stdRule = 'embeddingStd must be a number from 0.001 to 10; received ';
  for (const [value, shown] of [
    [0, '0'],
    [0.0009, '0.0009'],
    [-0.02, '-0.02'],
    [10.5, '10.5'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
  ]) {
    assertThrows(() => pe.analyze(DOGS, { embeddingStd: value }), RangeError, stdRule + shown);
  }
  for (const value of [0.001, 10]) assert.equal(pe.analyze(DOGS, { embeddingStd: value }).embeddingStd, value);
});

test('the module stays usable after every kind of error', () => {
  const failures = [() => pe.analyze(7), () => pe.analyze(DOGS, { kind: 'rotary' }), () => pe.analyze(DOGS, { dim: 0 })];
  for (const bad of failures) {
    assert.throws(bad);
    assert.deepEqual(pe.analyze(BALL).duplicates, [
      [0, 3],
      [5, 11],
      [6, 10],
    ]);
  }
});

test('1,000 analyses and 1,000 errors leave the wasm heap as it was', () => {
  const tooLong = words(2049); // fails after tokenizing, the other two before
  const failures = [() => pe.analyze(BALL, { dim: 0 }), () => pe.analyze(BALL, { kind: 'rotary' }), () => pe.analyze(tooLong)];
  const run = (call) => {
    pe.analyze(BALL, { kind: 'sinusoidal', dim: 32, causal: true });
    assert.throws(failures[call % failures.length]);
  };
  failures.forEach((_, call) => run(call));
  const before = memory.heapBytesInUse();
  for (let call = 0; call < 1000; call += 1) run(call);
  assert.equal(memory.heapBytesInUse(), before);
});

test('returned arrays belong to the caller and survive later calls', () => {
  const first = pe.analyze(DOGS, { dim: 4 });
  const copy = Array.from(first.context.withPE);
  const sizeBefore = memory.memoryBytes();
  pe.analyze(Array.from({ length: 2048 }, (_, i) => `w${i}`).join(' '), { dim: 256 });
  assert.ok(memory.memoryBytes() > sizeBefore, 'the largest analysis grows wasm memory');
  assert.deepEqual(Array.from(first.context.withPE), copy);
});
