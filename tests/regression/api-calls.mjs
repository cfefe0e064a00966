// A fixed set of calls of every pe.* function: good calls across each function's options, and
// bad calls of every option with a row of wrong values (wrong type, out of range, not a whole
// number, not finite, null, undefined), unknown keys, options that are not an object, and pairs
// of faults (which is reported first is part of the contract). api-digest.mjs runs them and
// digests what comes back, numbers bit for bit and messages letter for letter.
//
// Each call is [label, (pe) => result]; labels are unique, so a changed digest names its calls.

const TEXT = 'The dog chased another dog';
const KINDS = ['none', 'integer', 'binary', 'sinusoidal', 'rope', 'alibi'];
const LLAMA3 = { type: 'llama3', factor: 8 };
const YARN = { type: 'yarn', factor: 40, originalContext: 4096 };
// Values each option is tried with, beside its good value; none of them is both accepted and
// large enough to make a call slow.
const BAD_VALUES = [
  ['undefined', undefined],
  ['null', null],
  ['string', 'x'],
  ['NaN', NaN],
  ['-1', -1],
  ['0', 0],
  ['1.5', 1.5],
  ['1e12', 1e12],
  ['Infinity', Infinity],
  ['true', true],
  ['object', {}],
  ['array', []],
  ['Float32Array', new Float32Array(3)],
  ['interleaved', 'interleaved'],
];

function table(rows, dim, seed = 0.618) {
  return new Float32Array(rows * dim).map((_, i) => Math.sin((i + 1) * seed) * 0.9);
}

const TABLE = table(6, 4);
const WITH_NAN = (() => {
  const values = table(6, 4);
  values[9] = NaN;
  return values;
})();

// The good options of each function that takes one options object, and its calls that pass.
const OPTION_CALLS = {
  encode: {
    good: { kind: 'sinusoidal', start: 64, count: 12, dim: 8, base: 500, layout: 'split' },
    more: [
      ...['integer', 'binary', 'sinusoidal'].map((kind) => ({ kind, start: 120, count: 16, dim: 8 })),
      { kind: 'binary', count: 3, dim: 1 },
      { kind: 'sinusoidal', start: 2147483640, count: 8, dim: 2 },
      { kind: 'integer', count: 0, dim: 4 },
      { kind: 'binary', count: 4097, dim: 4096 },
      { kind: 'sinusoidal', count: 3, dim: 7 },
      { kind: 'sinusoidal', count: 3, dim: 8, scaling: { type: 'yarn', factor: 2 } },
      { kind: 'sinusoidal', count: 3, dim: 8, slope: 20 },
    ],
  },
  attentionWeights: { good: { dim: 4 }, more: [{ dim: 1 }, { dim: 257 }] },
  binaryStructure: {
    good: { start: 120, count: 16, dim: 8 },
    more: [
      { start: 250, count: 12, dim: 8 },
      { count: 5, dim: 40 },
      { count: 0, dim: 3 },
      { start: 2147483647, count: 1, dim: 31 },
    ],
  },
  smoothBits: {
    good: { start: 64, count: 12, dim: 8, samplesPerPosition: 4 },
    more: [
      { count: 3, dim: 2 },
      { count: 4095, dim: 64, samplesPerPosition: 65 },
      { count: 65536, dim: 256, samplesPerPosition: 1 },
    ],
  },
  cosineSimilarities: {
    good: { data: TABLE, dim: 4 },
    more: [
      { data: WITH_NAN, dim: 4 },
      { data: new Float32Array(8), dim: 4 },
      { data: TABLE, dim: 5 },
      { data: new Float32Array(0), dim: 1 },
    ],
  },
  dotProducts: {
    good: { data: TABLE, dim: 4 },
    more: [
      { data: WITH_NAN, dim: 4 },
      { data: table(5, 2), dim: 2 },
      { data: TABLE, dim: 7 },
    ],
  },
  rowNorms: {
    good: { data: TABLE, dim: 4 },
    more: [
      { data: WITH_NAN, dim: 4 },
      { data: new Float32Array(0), dim: 3 },
      { data: TABLE, dim: 5 },
      { data: table(3, 2), dim: 2 },
    ],
  },
  sinusoidalFrequencies: { good: { dim: 8, base: 100 }, more: [{ dim: 512 }, { dim: 7 }, { dim: 2, base: 1 }] },
  shiftRotation: {
    good: { dim: 8, start: 3, count: 64, by: 5, base: 10000, layout: 'interleaved' },
    more: [
      { dim: 8, count: 64, by: 5, layout: 'split' },
      { dim: 66, count: 4, by: 1000000 },
      { dim: 8, count: 0, by: 2 },
      { dim: 8, start: 2147483000, count: 600, by: 100 },
    ],
  },
  neighbourSteps: {
    good: { start: 120, count: 16, bits: 8 },
    more: [
      { count: 4, bits: 1 },
      { start: 2147483640, count: 8, bits: 31 },
      { count: 1048577, bits: 3 },
    ],
  },
  ropeFrequencies: {
    good: { dim: 64, base: 500000, scaling: LLAMA3 },
    more: [
      { dim: 8 },
      { dim: 64, scaling: YARN },
      { dim: 64, scaling: null },
      { dim: 64, scaling: { type: 'none' } },
      { dim: 64, base: 1.5, scaling: { type: 'yarn', factor: 4, originalContext: 8192 } },
      { dim: 128, base: 500000, scaling: { type: 'llama3', factor: 32, lowFreqFactor: 1, highFreqFactor: 4, originalContext: 8192 } },
      { dim: 64, scaling: { type: 'yarn', factor: 40, originalContext: 4096, betaFast: 16, betaSlow: 2 } },
    ],
  },
  ropeBands: {
    good: { dim: 64, base: 500000, scaling: LLAMA3 },
    more: [{ dim: 64, scaling: YARN }, { dim: 16 }],
  },
  rotate: {
    good: { data: table(3, 8), dim: 8, start: 5, base: 500, pairing: 'half', scaling: LLAMA3 },
    more: [
      { data: table(3, 8), dim: 8 },
      { data: table(3, 8), dim: 6 },
      { data: WITH_NAN, dim: 4 },
      { data: table(2, 4), dim: 4, start: 2147483647 },
      { data: table(1, 4), dim: 4, start: 2147483647 },
    ],
  },
  ropeScores: {
    good: {
      query: table(1, 8),
      key: table(1, 8, 0.3),
      dim: 8,
      base: 100,
      pairing: 'half',
      scaling: null,
      position: 4,
      fromOffset: -4,
      count: 20,
    },
    more: [
      { query: table(1, 8), key: table(1, 8, 0.3), dim: 8, count: 5 },
      { query: table(1, 8), key: table(1, 6), dim: 8, count: 5 },
      { query: table(1, 8), key: table(1, 8), dim: 8, count: 65537 },
      { query: table(1, 8), key: table(1, 8), dim: 8, position: 2147483647, count: 2 },
      { query: table(1, 8), key: table(1, 8), dim: 8, position: 2, fromOffset: -3, count: 2 },
      { query: WITH_NAN.subarray(4, 12), key: table(1, 8), dim: 8, count: 2 },
      { query: table(1, 8), key: WITH_NAN.subarray(4, 12), dim: 8, count: 2 },
    ],
  },
  ropePairingPermutation: {
    good: { dim: 8, from: 'interleaved', to: 'half' },
    more: [
      { dim: 8, from: 'half', to: 'interleaved' },
      { dim: 6, from: 'half', to: 'half' },
      { dim: 8, from: 'split', to: 'half' },
    ],
  },
  yarnMscale: { good: { factor: 40, mscaleAllDim: 0.707 }, more: [{ factor: 40 }, { factor: 0.5 }, { factor: 1 }] },
  alibiSlopes: { good: { heads: 8 }, more: [{ heads: 1 }, { heads: 12 }, { heads: 1025 }] },
  kvCache: {
    good: { attention: 'mla', latentDim: 512, ropeDim: 64, layers: 61, tokens: 131072, bytesPerElement: 1 },
    more: [
      { attention: 'mha', heads: 128, headDim: 128 },
      { attention: 'mha', heads: 128, headDim: 192, valueHeadDim: 128, layers: 60, tokens: 4096 },
      { attention: 'gqa', kvHeads: 8, headDim: 128, layers: 32, tokens: 131072 },
      { attention: 'mqa', headDim: 64, tokens: 0 },
      { attention: 'mla', latentDim: 512 },
      { attention: 'mla' },
      { attention: 'gqa', heads: 4, headDim: 128 },
      { attention: 'mha', heads: 65536, headDim: 65536, layers: 65536, bytesPerElement: 8, tokens: 2 },
      { attention: 'mha', heads: 8, headDim: 8, kvHeads: null, latentDim: 'x' },
      { attention: 'mqa', headDim: 8, latentDim: -4 },
      { attention: 'mla', latentDim: 512, ropeDim: 63 },
      { attention: 'xla' },
    ],
  },
  mlaAbsorption: {
    good: { rope: 'naive', tokens: 6, dModel: 32, heads: 2, headDim: 8, ropeDim: 4, latentDim: 12, start: 100, seed: 7 },
    more: [
      {},
      { rope: 'none' },
      { rope: 'decoupled', seed: 2 ** 53 },
      { rope: 'rotary' },
      { tokens: 1 },
      { start: 2147483641, tokens: 8 },
      { start: 2147483640, tokens: 8 },
      { headDim: 7, ropeDim: 9 },
    ],
  },
};

// Analysis options: each function with text.
const SENTENCE_GOOD = { kind: 'rope', dim: 8, start: 3, causal: true, embeddingStd: 0.5, base: 100, pairing: 'half', scaling: LLAMA3 };
const SENTENCE_MORE = [
  ...KINDS.flatMap((kind) => [{ kind }, { kind, causal: true }]),
  {},
  { kind: 'sinusoidal', dim: 16, layout: 'split', base: 50 },
  { kind: 'alibi', slope: 0.25, dim: 4 },
  { kind: 'rope', dim: 7 },
  { kind: 'integer', start: 2147483644 },
  { kind: 'integer', start: 2147483643 },
  { kind: 'binary', embeddingTable: table(5, 8) },
  { kind: 'binary', embeddingTable: table(4, 8) },
  { kind: 'binary', embeddingTable: WITH_NAN.subarray(0, 16), dim: 3 },
  { kind: 'binary', embeddingTable: null },
  { kind: 'binary', embeddingTable: new Float32Array(2048 * 256 + 1) },
  { bos: true },
  { tokenizer: 'bert' },
  { embeddings: 'word2vec' },
];

const OPTIONAL_KEYS = {
  encode: ['kind', 'start', 'count', 'dim', 'base', 'layout', 'pairing', 'slope'],
  analyze: [
    'kind',
    'dim',
    'start',
    'causal',
    'embeddingStd',
    'base',
    'layout',
    'pairing',
    'scaling',
    'slope',
    'tokenizer',
    'bos',
    'embeddings',
    'embeddingTable',
  ],
  kvCache: ['attention', 'heads', 'kvHeads', 'headDim', 'valueHeadDim', 'latentDim', 'ropeDim', 'layers', 'tokens', 'bytesPerElement'],
};

// Every option of a call tried with each bad value, the rest as in good.
function badOptionCalls(name, good, call) {
  const keys = [...new Set([...Object.keys(good), ...(OPTIONAL_KEYS[name] ?? [])])];
  return keys.flatMap((key) =>
    BAD_VALUES.map(([label, value]) => [`${name} ${key}=${label}`, (pe) => call(pe, { ...good, [key]: value })]),
  );
}

// The faults every options object is tried with: not an object, unknown keys, two wrong types.
function shapeCalls(name, good, call) {
  const keys = Object.keys(good);
  return [
    [`${name} no options`, (pe) => call(pe, undefined)],
    [`${name} options null`, (pe) => call(pe, null)],
    [`${name} options string`, (pe) => call(pe, 'dim')],
    [`${name} options array`, (pe) => call(pe, [])],
    [`${name} options Float32Array`, (pe) => call(pe, new Float32Array(2))],
    [`${name} options empty`, (pe) => call(pe, {})],
    [`${name} unknown key`, (pe) => call(pe, { ...good, colour: 'red' })],
    [`${name} two unknown keys`, (pe) => call(pe, { size: 1, ...good, colour: 'red' })],
    [`${name} first two keys wrong`, (pe) => call(pe, { ...good, [keys[0]]: 'x', [keys[1] ?? keys[0]]: 'y' })],
    [
      `${name} last two keys wrong`,
      (pe) => call(pe, { ...good, [keys.at(-1)]: Symbol.iterator.description, [keys.at(-2) ?? keys[0]]: 7.25 }),
    ],
    [`${name} first and last wrong types`, (pe) => call(pe, { ...good, [keys[0]]: true, [keys.at(-1)]: false })],
  ];
}

function scalingCalls(name, good, call) {
  const scalings = [
    ['llama3 full', { type: 'llama3', factor: 8, lowFreqFactor: 2, highFreqFactor: 3, originalContext: 4096 }],
    ['llama3 betaFast', { type: 'llama3', factor: 8, betaFast: 2 }],
    ['yarn lowFreqFactor', { type: 'yarn', factor: 8, originalContext: 4096, lowFreqFactor: 2 }],
    ['yarn missing originalContext', { type: 'yarn', factor: 8 }],
    ['llama3 missing factor', { type: 'llama3' }],
    ['none with factor', { type: 'none', factor: 2 }],
    ['no type', { factor: 2 }],
    ['type rope', { type: 'rope', factor: 2 }],
    ['type number', { type: 3 }],
    ['unknown key', { type: 'llama3', factor: 8, alpha: 1 }],
    ['factor string', { type: 'llama3', factor: '8' }],
    ['factor 0.5', { type: 'llama3', factor: 0.5 }],
    ['factor 1e7', { type: 'llama3', factor: 1e7 }],
    ['factor NaN', { type: 'yarn', factor: NaN, originalContext: 4096 }],
    ['lowFreqFactor 0', { type: 'llama3', factor: 8, lowFreqFactor: 0 }],
    ['highFreqFactor below low', { type: 'llama3', factor: 8, lowFreqFactor: 5 }],
    ['highFreqFactor Infinity', { type: 'llama3', factor: 8, highFreqFactor: Infinity }],
    ['originalContext 1.5', { type: 'llama3', factor: 8, originalContext: 1.5 }],
    ['originalContext 2^31', { type: 'yarn', factor: 8, originalContext: 2 ** 31 }],
    ['betaSlow -1', { type: 'yarn', factor: 8, originalContext: 4096, betaSlow: -1 }],
    ['betaFast below slow', { type: 'yarn', factor: 8, originalContext: 4096, betaSlow: 40 }],
    ['betaFast undefined', { type: 'yarn', factor: 8, originalContext: 4096, betaFast: undefined }],
    ['array', [1]],
    ['string', 'llama3'],
    ['Float32Array', new Float32Array(1)],
  ];
  return scalings.map(([label, scaling]) => [`${name} scaling ${label}`, (pe) => call(pe, { ...good, scaling })]);
}

const optionCall = (name) => (pe, options) => pe[name](options);
const sentenceCall =
  (name, text = TEXT) =>
  (pe, options) =>
    pe[name](text, options);

function optionFunctionCalls() {
  return Object.entries(OPTION_CALLS).flatMap(([name, { good, more }]) => {
    const call = optionCall(name);
    return [
      [`${name} good`, (pe) => call(pe, good)],
      ...more.map((options, i) => [`${name} more ${i}`, (pe) => call(pe, options)]),
      ...badOptionCalls(name, good, call),
      ...shapeCalls(name, good, call),
      ...('scaling' in good ? scalingCalls(name, good, call) : []),
    ];
  });
}

function sentenceCalls() {
  return ['analyze', 'compareShift'].flatMap((name) => {
    const extra = name === 'compareShift' ? { by: 1000 } : {};
    const good = { ...SENTENCE_GOOD, ...extra };
    const call = sentenceCall(name);
    return [
      [`${name} good`, (pe) => call(pe, good)],
      ...SENTENCE_MORE.map((options, i) => [`${name} more ${i}`, (pe) => call(pe, { ...options, ...extra })]),
      ...badOptionCalls('analyze', good, call).map(([label, run]) => [label.replace('analyze', name), run]),
      ...shapeCalls(name, good, call),
      ...scalingCalls(name, good, call),
      [`${name} text number`, (pe) => pe[name](42, good)],
      [`${name} text empty`, (pe) => pe[name]('', good)],
      [`${name} text one word`, (pe) => pe[name]('dog', good)],
      [`${name} text unicode`, (pe) => pe[name]('Ünïcode 猫 and 猫, emoji 🐶🐶 \uD800 tail', { kind: 'binary' })],
      [`${name} text too long`, (pe) => pe[name]('a'.repeat(65537), { kind: 'binary' })],
      [`${name} text too many tokens`, (pe) => pe[name]('a '.repeat(2049), { kind: 'binary' })],
      [`${name} text only`, (pe) => pe[name](TEXT)],
    ];
  });
}

function shiftCalls() {
  const call = sentenceCall('compareShift');
  return [
    ...[0, 1, 7, 1000, -1, 1.5, NaN, 2147483647, 2147483642, 2147483643].map((by) => [
      `compareShift shifted by ${by}`,
      (pe) => call(pe, { kind: 'sinusoidal', by }),
    ]),
    ['compareShift by missing', (pe) => call(pe, { kind: 'rope' })],
    ['compareShift by string', (pe) => call(pe, { kind: 'rope', by: '3' })],
    ['compareShift alibi', (pe) => call(pe, { kind: 'alibi', by: 50, causal: true })],
  ];
}

function tokenizeCalls() {
  const good = { tokenizer: 'words', bos: false, embeddings: 'synthetic' };
  const call = sentenceCall('tokenize');
  return [
    ['tokenize good', (pe) => call(pe, good)],
    ['tokenize text only', (pe) => pe.tokenize(TEXT)],
    ['tokenize unicode', (pe) => pe.tokenize('Ünïcode 猫 and 猫, emoji 🐶🐶 \uD800 tail')],
    ['tokenize number', (pe) => pe.tokenize(42)],
    ['tokenize too long', (pe) => pe.tokenize('a'.repeat(65537))],
    ['tokenize too many', (pe) => pe.tokenize('a '.repeat(2049))],
    ...badOptionCalls('tokenize', good, call),
    ...shapeCalls('tokenize', good, call),
  ];
}

// After loadTokenizer('gpt2') and loadEmbeddings('glove'): what only they reach.
function loadedCalls() {
  return [
    ['tokenize gpt2', (pe) => pe.tokenize(TEXT, { tokenizer: 'gpt2' })],
    ['tokenize gpt2 bos', (pe) => pe.tokenize(TEXT, { tokenizer: 'gpt2', bos: true })],
    ['analyze gpt2', (pe) => pe.analyze(TEXT, { tokenizer: 'gpt2', kind: 'rope' })],
    ['analyze gpt2 too many', (pe) => pe.analyze(' dog'.repeat(2049), { tokenizer: 'gpt2' })],
    ['compareShift gpt2', (pe) => pe.compareShift(TEXT, { tokenizer: 'gpt2', kind: 'alibi', by: 9 })],
    ['tokenize glove', (pe) => pe.tokenize('The cat and the kitten watched a plane', { embeddings: 'glove' })],
    ['analyze glove', (pe) => pe.analyze('The cat and the kitten watched a plane', { embeddings: 'glove', kind: 'sinusoidal' })],
    ['analyze glove std', (pe) => pe.analyze('the cat saw a dog', { embeddings: 'glove', embeddingStd: 1 })],
    ['analyze glove dim 100', (pe) => pe.analyze('the cat', { embeddings: 'glove', dim: 100 })],
    ['analyze glove dim 8', (pe) => pe.analyze('the cat', { embeddings: 'glove', dim: 8 })],
    ['analyze glove gpt2', (pe) => pe.analyze('the cat', { embeddings: 'glove', tokenizer: 'gpt2' })],
    ['analyze glove table', (pe) => pe.analyze('the cat', { embeddings: 'glove', embeddingTable: table(2, 100) })],
    ['compareShift glove', (pe) => pe.compareShift('the cat saw the cat', { embeddings: 'glove', kind: 'integer', by: 3 })],
  ];
}

// Before any load: the errors that name loadTokenizer and loadEmbeddings.
function unloadedCalls() {
  return [
    ['analyze llama3 unloaded', (pe) => pe.analyze(TEXT, { tokenizer: 'llama3' })],
    ['tokenize deepseek unloaded', (pe) => pe.tokenize(TEXT, { tokenizer: 'deepseek-v3' })],
    ['analyze glove unloaded', (pe) => pe.analyze(TEXT, { embeddings: 'glove' })],
    ['compareShift glove unloaded', (pe) => pe.compareShift(TEXT, { embeddings: 'glove', by: 1 })],
    ['tokenize glove unloaded', (pe) => pe.tokenize(TEXT, { embeddings: 'glove' })],
  ];
}

/** The API's constants, read as values. */
export const CONSTANT_NAMES = [
  'schemes',
  'tokenizers',
  'embeddings',
  'vocabularyClusters',
  'analysisConstants',
  'ropePresets',
  'modelPresets',
];

/** [label, call] before anything is loaded, then after gpt2 and glove are. */
export const CALLS_BEFORE_LOADING = [
  ...unloadedCalls(),
  ...optionFunctionCalls(),
  ...sentenceCalls(),
  ...shiftCalls(),
  ...tokenizeCalls(),
  ...['loadTokenizer', 'loadEmbeddings'].flatMap((name) =>
    ['words', 'synthetic', 'bert', undefined, 3].map((value) => [`${name} ${String(value)}`, (pe) => pe[name](value)]),
  ),
];
export const CALLS_AFTER_LOADING = loadedCalls();
