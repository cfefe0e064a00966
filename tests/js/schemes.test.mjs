// Position schemes through the API: pe.schemes read from the core's registry, pe.analyze with
// every scheme acting at its own stage (input, queries and keys, scores), the stage at which
// copies of a word come apart, and pe.compareShift.
// Run: node --test tests/js/schemes.test.mjs   (after the wasm build)
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadMemoryProbe, loadPE } from '../../web/pe.js';
import { assertThrows } from './support/assert-throws.mjs';

const pe = await loadPE();
const memory = await loadMemoryProbe();

const DOGS = 'The dog chased another dog';
const BALL = 'The dog chased the ball. It could not catch it.';
const STAGES = ['input', 'query', 'key', 'weights', 'context'];
// Where a scheme acts, as firstDifference names the stage at which it separates two copies.
const FIRST_DIFFERENCE = { none: 'none', input: 'input', queryKey: 'queryKey', scores: 'weights' };

function row(table, r, width) {
  return Array.from(table.subarray(r * width, (r + 1) * width));
}

test('pe.schemes lists the registry: the course road from none to ALiBi, then learned, with where each acts', () => {
  assert.deepEqual(
    pe.schemes.map(({ name, actsOn, learned }) => [name, actsOn, learned]),
    [
      ['none', 'none', false],
      ['integer', 'input', false],
      ['binary', 'input', false],
      ['sinusoidal', 'input', false],
      ['rope', 'queryKey', false],
      ['alibi', 'scores', false],
      ['learned', 'input', true],
    ],
  );
  assert.ok(Object.isFrozen(pe.schemes) && Object.isFrozen(pe.schemes[4].options[0]));
  const rope = pe.schemes.find(({ name }) => name === 'rope');
  assert.deepEqual(
    rope.options.map(({ name, type, default: value }) => [name, type, value]),
    [
      ['base', 'number', 10000],
      ['pairing', 'choice', 'interleaved'],
      ['scaling', 'scaling', null],
    ],
  );
  assert.deepEqual(
    rope.options[1].choices.map(({ value }) => value),
    ['interleaved', 'half'],
  );
  assert.deepEqual(
    pe.schemes.find(({ name }) => name === 'alibi').options.map(({ name, default: value }) => [name, value]),
    [['slope', 0.5]],
  );
  for (const scheme of pe.schemes) {
    assert.ok(scheme.label.length > 0);
    for (const option of scheme.options) assert.ok(option.help.length > 0, `${scheme.name}.${option.name}`);
  }
});

test('every scheme separates the two dogs at its own stage, and they match at every stage without positions', () => {
  for (const scheme of pe.schemes) {
    const analysis = pe.analyze(DOGS, { kind: scheme.name });
    assert.equal(analysis.pairs.length, 1);
    const [pair] = analysis.pairs;
    assert.equal(pair.firstDifference, FIRST_DIFFERENCE[scheme.actsOn], scheme.name);
    for (const stage of STAGES) {
      assert.equal(pair.identical[stage].withoutPE, true, `${scheme.name} ${stage}`);
      assert.equal(pair[`${stage}Distance`].withoutPE, 0, `${scheme.name} ${stage}`);
    }
    assert.equal(pair.identical.context.withPE, scheme.actsOn === 'none', scheme.name);
  }
});

test('every stage has its shape: tables of n x dim, weights of n x n whose rows sum to 1', () => {
  const analysis = pe.analyze(BALL, { kind: 'alibi', dim: 16, causal: true });
  const n = analysis.tokens.length;
  for (const stage of ['query', 'key', 'context']) {
    for (const run of ['withoutPE', 'withPE']) assert.equal(analysis[stage][run].length, n * 16);
  }
  for (const run of ['withoutPE', 'withPE']) {
    const weights = analysis.weights[run];
    assert.equal(weights.length, n * n);
    for (let i = 0; i < n; i += 1) {
      const sum = row(weights, i, n).reduce((total, w) => total + w, 0);
      assert.ok(Math.abs(sum - 1) < 1e-6);
      assert.ok(
        row(weights, i, n)
          .slice(i + 1)
          .every((w) => w === 0),
        'the mask leaves zeros',
      );
    }
  }
});

test("RoPE's queries and keys are the plain ones turned by pe.rotate; its inputs are the token embeddings", () => {
  for (const pairing of ['interleaved', 'half']) {
    const options = { kind: 'rope', dim: 8, start: 200, base: 500000, pairing };
    const analysis = pe.analyze(DOGS, options);
    assert.deepEqual(analysis.input, analysis.tokenEmbedding);
    assert.ok(analysis.positionEncoding.every((v) => v === 0));
    for (const stage of ['query', 'key']) {
      const turned = pe.rotate({ data: analysis[stage].withoutPE, dim: 8, start: 200, base: 500000, pairing });
      assert.deepEqual(analysis[stage].withPE, turned, `${pairing} ${stage}`);
    }
    assert.deepEqual(analysis.schemeOptions, { base: 500000, pairing, scaling: null });
  }
});

test("ALiBi's weights are softmax(q.k / sqrt(dim) - slope |i - j|) of its own queries and keys", () => {
  const slope = 0.25;
  const analysis = pe.analyze(BALL, { kind: 'alibi', dim: 8, slope, start: 77 });
  const n = analysis.tokens.length;
  const q = analysis.query.withPE;
  const k = analysis.key.withPE;
  for (let i = 0; i < n; i += 1) {
    const scores = Array.from(
      { length: n },
      (_, j) => row(q, i, 8).reduce((sum, value, c) => sum + value * k[j * 8 + c], 0) / Math.sqrt(8) - slope * Math.abs(i - j),
    );
    const top = Math.max(...scores);
    const exps = scores.map((s) => Math.exp(s - top));
    const total = exps.reduce((a, b) => a + b, 0);
    exps.forEach((e, j) => assert.ok(Math.abs(e / total - analysis.weights.withPE[i * n + j]) < 1e-6));
  }
  assert.deepEqual(analysis.query.withPE, analysis.query.withoutPE, 'ALiBi leaves queries alone');
});

test('the head can be recomputed from pe.attentionWeights: queries are x W_q', () => {
  const analysis = pe.analyze(BALL, { kind: 'binary', dim: 8 });
  const { query, key, value } = pe.attentionWeights({ dim: 8 });
  assert.equal(value.length, 64);
  for (const [table, weights] of [
    [analysis.query.withPE, query],
    [analysis.key.withPE, key],
  ]) {
    for (let r = 0; r < analysis.tokens.length; r += 1) {
      for (let c = 0; c < 8; c += 1) {
        let sum = 0;
        for (let k = 0; k < 8; k += 1) sum += analysis.input[r * 8 + k] * weights[k * 8 + c];
        assert.ok(Math.abs(sum - table[r * 8 + c]) < 1e-5);
      }
    }
  }
  assertThrows(() => pe.attentionWeights({ dim: 257 }), RangeError, 'dim must be an integer from 1 to 256; received 257');
});

test('identical is decided by the core with a float32 allowance: "the dog the dog" under a mask', () => {
  const analysis = pe.analyze('the dog the dog', { kind: 'none', causal: true });
  const dogs = analysis.pairs.find(({ a, b }) => a === 1 && b === 3);
  assert.equal(dogs.identical.weights.withPE, false, 'the second dog spreads its attention over four tokens');
  assert.equal(dogs.identical.context.withPE, true, 'but the mix is the same');
  assert.ok(dogs.contextDistance.withPE > 0, 'float32 sums in another order are not bit-identical');
  assert.ok(dogs.contextDistance.withPE <= dogs.contextRounding.withPE * 0.1, 'well within the rounding bound');
  assert.equal(dogs.contextRounding.withoutPE > 0, true, 'under the mask the outputs get an allowance');
  assert.deepEqual(pe.analyze(DOGS).pairs[0].contextRounding, { withoutPE: 0, withPE: 0 }, 'without it, none');
  assert.equal(dogs.firstDifference, 'weights');
});

test('relative schemes ignore a shift of the whole sentence; absolute ones do not', () => {
  for (const kind of ['rope', 'alibi']) {
    for (const by of [1, 1000, 2 ** 20]) {
      const shift = pe.compareShift(BALL, { kind, dim: 16, causal: true, by });
      assert.equal(shift.by, by);
      assert.equal(shift.weightsUnchanged, true, `${kind} by ${by}`);
      assert.ok(shift.maxWeightChange < 1e-5, `${kind} by ${by}: ${shift.maxWeightChange}`);
    }
    const at = (start) => pe.analyze(BALL, { kind, dim: 16, start }).weights.withPE;
    const [zero, far] = [at(0), at(2 ** 20)];
    assert.ok(zero.every((w, e) => Math.abs(w - far[e]) < 1e-5));
  }
  for (const kind of ['integer', 'binary', 'sinusoidal']) {
    const shift = pe.compareShift(BALL, { kind, dim: 16, by: 3 });
    assert.equal(shift.weightsUnchanged, false, kind);
    assert.ok(shift.maxWeightChange > 1e-3, kind);
  }
});

test('scheme options are checked whatever the kind, and compareShift needs a valid by', () => {
  assertThrows(
    () => pe.analyze(DOGS, { kind: 'rope', dim: 7 }),
    RangeError,
    'dim must be even for rope (one rotated pair per frequency); received 7',
  );
  assertThrows(
    () => pe.analyze(DOGS, { kind: 'binary', pairing: 'neox' }),
    TypeError,
    'pairing must be "interleaved" or "half"; received "neox"',
  );
  assertThrows(
    () => pe.analyze(DOGS, { kind: 'alibi', slope: 0 }),
    RangeError,
    'slope must be a number greater than 0 and at most 16; received 0',
  );
  assertThrows(
    () => pe.analyze(DOGS, { kind: 'rope', scaling: { type: 'yarn', factor: 40 } }),
    TypeError,
    'scaling.originalContext is required for scaling type "yarn"',
  );
  assertThrows(() => pe.compareShift(DOGS, { kind: 'rope' }), TypeError, 'by must be a number; received nothing (undefined)');
  assertThrows(
    () => pe.compareShift(DOGS, { kind: 'rope', by: -1 }),
    RangeError,
    'by must be an integer from 0 to 2147483643 (the last token, at start + 4 + by, may be at most 2^31 - 1); received -1',
  );
  assertThrows(
    () => pe.encode({ kind: 'rope', count: 4, dim: 8 }),
    TypeError,
    'kind "rope" rotates queries and keys and has no table to add to the input; kind must be "integer", "binary", "sinusoidal" or "learned"',
  );
});

test('1,000 analyses with every scheme leave the wasm heap as it was', () => {
  const calls = pe.schemes.map(
    ({ name }) =>
      () =>
        pe.analyze(BALL, { kind: name, dim: 16, causal: true }),
  );
  calls.push(() => pe.compareShift(BALL, { kind: 'rope', by: 5 }));
  calls.push(() => assert.throws(() => pe.analyze(BALL, { kind: 'rope', slope: -1 })));
  calls.forEach((call) => call());
  const before = memory.heapBytesInUse();
  for (let n = 0; n < 1000; n += 1) calls[n % calls.length]();
  assert.equal(memory.heapBytesInUse(), before);
});
