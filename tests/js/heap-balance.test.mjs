// 10,000 calls of every pe.* function, accepted and rejected in turn (JS type errors, core range
// errors, bad values found while a table is read), leave the wasm heap exactly where it was:
// every result is a JS-owned copy and every error path frees what it took.
// Run: node --test tests/js/heap-balance.test.mjs   (after the wasm build)
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadMemoryProbe, loadPE } from '../../web/pe.js';

const pe = await loadPE();
const memory = await loadMemoryProbe();
// The loaders fetch JS data (a vocabulary, GloVe's table) and never enter the core: they run once
// here, and the calls below use what they loaded.
const LOADERS = ['loadTokenizer', 'loadEmbeddings'];
const TRAINER = ['loadTrainer', 'trainer'];
await pe.loadTokenizer('gpt2');
await pe.loadEmbeddings('glove');

const SENTENCE = 'The dog chased another dog. It could not catch it.';
const TABLE = new Float32Array([3, 4, 4, 3, 0, 1, 1, 0]);
const NOT_FINITE = new Float32Array([3, 4, NaN, 3]);
const VECTOR = new Float32Array([1, 2, 3, 4]);

// [function, accepted call, rejected call, the rejection's type]: one pair per way to fail.
const CALLS = [
  [
    'encode',
    () => pe.encode({ kind: 'sinusoidal', count: 16, dim: 8 }),
    () => pe.encode({ kind: 'sinusoidal', count: 16, dim: 7 }),
    RangeError,
  ],
  [
    'encode',
    () => pe.encode({ kind: 'binary', start: 9, count: 3, dim: 4 }),
    () => pe.encode({ kind: 'spiral', count: 1, dim: 2 }),
    TypeError,
  ],
  ['analyze', () => pe.analyze(SENTENCE, { kind: 'rope', dim: 8, causal: true }), () => pe.analyze(SENTENCE, { dim: 257 }), RangeError],
  ['analyze', () => pe.analyze(SENTENCE, { kind: 'alibi', dim: 6 }), () => pe.analyze(SENTENCE, { kind: 'rotary' }), TypeError],
  [
    'analyze',
    () => pe.analyze(SENTENCE, { tokenizer: 'gpt2', kind: 'sinusoidal' }),
    () => pe.analyze(SENTENCE, { tokenizer: 'gpt2', bos: true }),
    RangeError,
  ],
  [
    'analyze',
    // 'a' is not in GloVe's table: its row comes from the core's synthetic embeddings.
    () => pe.analyze('a dog chased a dog', { embeddings: 'glove', kind: 'binary' }),
    () => pe.analyze(SENTENCE, { embeddings: 'glove', dim: 8 }),
    RangeError,
  ],
  ['tokenize', () => pe.tokenize(SENTENCE, { tokenizer: 'gpt2' }), () => pe.tokenize(SENTENCE, { tokenizer: 'bpe' }), TypeError],
  ['compareShift', () => pe.compareShift(SENTENCE, { kind: 'sinusoidal', by: 3 }), () => pe.compareShift(SENTENCE, { by: -1 }), RangeError],
  ['attentionWeights', () => pe.attentionWeights({ dim: 4 }), () => pe.attentionWeights({ dim: 0 }), RangeError],
  [
    'binaryStructure',
    () => pe.binaryStructure({ start: 120, count: 16, dim: 8 }),
    () => pe.binaryStructure({ count: -1, dim: 8 }),
    RangeError,
  ],
  [
    'smoothBits',
    () => pe.smoothBits({ count: 12, dim: 8 }),
    () => pe.smoothBits({ count: 12, dim: 8, samplesPerPosition: 65 }),
    RangeError,
  ],
  [
    'cosineSimilarities',
    () => pe.cosineSimilarities({ data: TABLE, dim: 2 }),
    () => pe.cosineSimilarities({ data: NOT_FINITE, dim: 2 }),
    RangeError,
  ],
  ['dotProducts', () => pe.dotProducts({ data: TABLE, dim: 4 }), () => pe.dotProducts({ data: TABLE, dim: 3 }), RangeError],
  ['rowNorms', () => pe.rowNorms({ data: TABLE, dim: 2 }), () => pe.rowNorms({ data: NOT_FINITE, dim: 2 }), RangeError],
  ['sinusoidalFrequencies', () => pe.sinusoidalFrequencies({ dim: 16 }), () => pe.sinusoidalFrequencies({ dim: 15 }), RangeError],
  [
    'shiftRotation',
    () => pe.shiftRotation({ dim: 8, by: 5, count: 16 }),
    () => pe.shiftRotation({ dim: 8, by: 0.5, count: 16 }),
    RangeError,
  ],
  [
    'neighbourSteps',
    () => pe.neighbourSteps({ start: 120, count: 16, bits: 8 }),
    () => pe.neighbourSteps({ count: 16, bits: 32 }),
    RangeError,
  ],
  [
    'ropeFrequencies',
    () => pe.ropeFrequencies({ dim: 16, scaling: { type: 'llama3', factor: 8 } }),
    () => pe.ropeFrequencies({ dim: 16, scaling: { type: 'ntk' } }),
    TypeError,
  ],
  ['rotate', () => pe.rotate({ data: TABLE, dim: 4, start: 7 }), () => pe.rotate({ data: NOT_FINITE, dim: 2 }), RangeError],
  [
    'ropeScores',
    () => pe.ropeScores({ query: VECTOR, key: VECTOR, dim: 4, count: 32 }),
    () => pe.ropeScores({ query: VECTOR, key: TABLE, dim: 4, count: 32 }),
    RangeError,
  ],
  [
    'ropeBands',
    () => pe.ropeBands({ dim: 16, scaling: { type: 'yarn', factor: 4, originalContext: 4096 } }),
    () => pe.ropeBands({ dim: 16, base: 1 }),
    RangeError,
  ],
  [
    'ropePairingPermutation',
    () => pe.ropePairingPermutation({ dim: 8, from: 'interleaved', to: 'half' }),
    () => pe.ropePairingPermutation({ dim: 8, from: 'odd', to: 'half' }),
    TypeError,
  ],
  ['yarnMscale', () => pe.yarnMscale({ factor: 40 }), () => pe.yarnMscale({ factor: 0.5 }), RangeError],
  ['alibiSlopes', () => pe.alibiSlopes({ heads: 12 }), () => pe.alibiSlopes({ heads: 1025 }), RangeError],
  ['kvCache', () => pe.kvCache({ attention: 'mla', latentDim: 512, ropeDim: 64 }), () => pe.kvCache({ attention: 'mla' }), TypeError],
  ['mlaAbsorption', () => pe.mlaAbsorption({ rope: 'naive', tokens: 4 }), () => pe.mlaAbsorption({ tokens: 65 }), RangeError],
  ['mlaAbsorption', () => pe.mlaAbsorption({ tokens: 3 }), () => pe.mlaAbsorption({ heads: '4' }), TypeError],
];

// Call i of the mix: the accepted and rejected calls of CALLS in turn.
function call(i) {
  const [, accepted, rejected, ErrorType] = CALLS[(i >> 1) % CALLS.length];
  if (i % 2 === 0) return accepted();
  return assert.throws(rejected, ErrorType);
}

test('every function of the API is in the mix', () => {
  // The trainer's functions call a module of their own, whose heap tests/trainer/ checks.
  const api = Object.keys(pe).filter((name) => typeof pe[name] === 'function' && !LOADERS.includes(name) && !TRAINER.includes(name));
  assert.deepEqual([...new Set(CALLS.map(([name]) => name))].sort(), api.sort());
});

test('10,000 mixed accepted and rejected calls leave the wasm heap where it started', () => {
  // One round first: anything a call allocates once and keeps (none today) is taken before.
  for (let i = 0; i < 2 * CALLS.length; i += 1) call(i);
  const before = memory.heapBytesInUse();
  for (let i = 0; i < 10_000; i += 1) call(i);
  assert.equal(memory.heapBytesInUse(), before);
});
