// The largest accepted call of every pe.* function that calls the core (the limits pe.d.ts and
// pe.requests state), by name, for the memory-bound test and bench; tests/js/api-coverage.test.mjs
// checks that every such function is here. Each case takes (pe, tables) and makes its call; tables
// holds the caller's arrays, made outside wasm memory before any call (see callerTables).
const MAX_VALUES = 16_777_216;
const MAX_TOKENS = 2048;
const WORDS = ['the', 'dog', 'chased', 'another', 'dog', 'and', 'a', 'cat', 'saw', 'it'];
const KINDS = ['none', 'integer', 'binary', 'sinusoidal', 'rope', 'alibi'];
const MLA_MAXIMA = { tokens: 64, dModel: 256, heads: 16, headDim: 128, ropeDim: 64, latentDim: 256 };

// rows x dim values in (-1, 1), the same on every run.
function table(rows, dim) {
  return new Float32Array(rows * dim).map((_, i) => Math.sin(i * 0.618) * 0.9);
}

/** The caller's arrays every case needs, made once: the longest sentence (every token a copy of
 *  a repeated word, so every row is compared) and the tables the similarity and rotate cases pass. */
export function callerTables() {
  return {
    sentence: Array.from({ length: MAX_TOKENS }, (_, i) => WORDS[i % WORDS.length]).join(' '),
    values: table(MAX_VALUES / 128, 128),
    widest: table(MAX_TOKENS, 4096),
    vector: table(1, 4096),
  };
}

const sentenceCases = KINDS.flatMap((kind) =>
  [false, true].flatMap((causal) => {
    const name = `${kind}${causal ? ', causal' : ''}`;
    return [
      [`analyze ${name}`, (pe, t) => pe.analyze(t.sentence, { kind, dim: 256, causal })],
      [`compareShift ${name}`, (pe, t) => pe.compareShift(t.sentence, { kind, dim: 256, causal, by: 1000 })],
    ];
  }),
);

/** [name, call] for every function at its largest accepted inputs. The similarity cases at the
 *  full 2048 rows x 4096 dims take minutes (8.6e9 multiply-adds): `full` says so, and the fast
 *  cases beside them reach the same buffers (the largest matrix; the widest rows). */
export const LARGEST_CALLS = [
  ...sentenceCases,
  // The longest text the words tokenizer takes, as 2048 words of 31 letters (65,536 bytes).
  ['tokenize', (pe) => pe.tokenize(`${'w'.repeat(31)} `.repeat(MAX_TOKENS))],
  ['encode binary', (pe) => pe.encode({ kind: 'binary', count: MAX_VALUES / 4096, dim: 4096 })],
  ['encode sinusoidal', (pe) => pe.encode({ kind: 'sinusoidal', count: MAX_VALUES / 64, dim: 64 })],
  ['rotate', (pe, t) => pe.rotate({ data: t.values, dim: 128 })],
  ['cosineSimilarities 2048 x 64', (pe, t) => pe.cosineSimilarities({ data: t.widest.subarray(0, MAX_TOKENS * 64), dim: 64 })],
  ['cosineSimilarities 256 x 4096', (pe, t) => pe.cosineSimilarities({ data: t.widest.subarray(0, 256 * 4096), dim: 4096 })],
  ['dotProducts 2048 x 64', (pe, t) => pe.dotProducts({ data: t.widest.subarray(0, MAX_TOKENS * 64), dim: 64 })],
  ['dotProducts 256 x 4096', (pe, t) => pe.dotProducts({ data: t.widest.subarray(0, 256 * 4096), dim: 4096 })],
  ['cosineSimilarities 2048 x 4096', (pe, t) => pe.cosineSimilarities({ data: t.widest, dim: 4096 }), 'full'],
  ['dotProducts 2048 x 4096', (pe, t) => pe.dotProducts({ data: t.widest, dim: 4096 }), 'full'],
  ['ropeScores', (pe, t) => pe.ropeScores({ query: t.vector, key: t.vector, dim: 4096, count: 65_536 })],
  ['mlaAbsorption', (pe) => pe.mlaAbsorption(MLA_MAXIMA)],
  ['mlaAbsorption naive', (pe) => pe.mlaAbsorption({ ...MLA_MAXIMA, rope: 'naive' })],
  ['binaryStructure', (pe) => pe.binaryStructure({ count: MAX_VALUES, dim: 1 })],
  ['smoothBits', (pe) => pe.smoothBits({ count: 4095, dim: 64, samplesPerPosition: 64 })],
  ['neighbourSteps', (pe) => pe.neighbourSteps({ count: 1_048_576, bits: 31 })],
  ['shiftRotation', (pe) => pe.shiftRotation({ dim: 4096, count: MAX_VALUES / 4096, by: 5 })],
  ['attentionWeights', (pe) => pe.attentionWeights({ dim: 256 })],
  ['ropeFrequencies', (pe) => pe.ropeFrequencies({ dim: 4096, scaling: { type: 'yarn', factor: 40, originalContext: 4096 } })],
  ['alibiSlopes', (pe) => pe.alibiSlopes({ heads: 1024 })],
  // 16,777,216 rows of one value: the longest table and the most lengths.
  ['rowNorms', (pe, t) => pe.rowNorms({ data: t.values, dim: 1 })],
  ['sinusoidalFrequencies', (pe) => pe.sinusoidalFrequencies({ dim: 4096 })],
  ['ropeBands', (pe) => pe.ropeBands({ dim: 4096, scaling: { type: 'yarn', factor: 40, originalContext: 4096 } })],
  ['ropePairingPermutation', (pe) => pe.ropePairingPermutation({ dim: 4096, from: 'interleaved', to: 'half' })],
  ['yarnMscale', (pe) => pe.yarnMscale({ factor: 1e6 })],
  // The largest dimensions of every kind at once; 2 tokens already come near 2^53 bytes.
  [
    'kvCache',
    (pe) =>
      pe.kvCache({ attention: 'mha', heads: 65536, headDim: 65536, valueHeadDim: 65536, layers: 65536, bytesPerElement: 8, tokens: 2 }),
  ],
];
