// Property tests of the whole JavaScript API with fast-check: any value for any option (wrong
// types, NaN, +-Infinity, -0, huge and fractional numbers, strings, nested objects, extra keys,
// typed arrays of every kind and length) gives either a result or a TypeError / RangeError whose
// message names a parameter; never another exception, and never a broken module: a normal call
// right after always works. Failing inputs are shrunk and printed by fast-check with their seed.
// Run: node --test tests/js/properties.test.mjs   (after the wasm build)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';

import { loadMemoryProbe, loadPE } from '../../web/pe.js';

const pe = await loadPE();
const memory = await loadMemoryProbe();
const RUNS = 150;

// Numbers that stress parsers: edges, specials, fractions and sizes far past every limit.
const hostileNumber = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    2,
    7,
    8,
    64,
    4096,
    4097,
    2 ** 24,
    2 ** 31 - 1,
    2 ** 31,
    2 ** 53,
    1e300,
    -1e300,
    Number.MIN_VALUE,
    Number.EPSILON,
    0.5,
    1.5,
    NaN,
    Infinity,
    -Infinity,
  ),
  fc.integer({ min: -10, max: 300 }),
  fc.double({ noNaN: false }),
);
const TYPED_ARRAYS = [
  Float32Array,
  Float64Array,
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
];
const typedArray = fc
  .tuple(fc.constantFrom(...TYPED_ARRAYS), fc.nat({ max: 64 }), fc.double({ noNaN: false }))
  .map(([Type, length, fill]) => new Type(length).fill(Type === Float32Array || Type === Float64Array ? fill : 1));
const leaf = fc.oneof(
  hostileNumber,
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  typedArray,
  fc.constantFrom('binary', 'rope', 'alibi', 'llama3', 'yarn', 'half', 'split'),
);
const hostileValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('type', 'factor', 'originalContext', 'x'), tie('value'), { maxKeys: 3 }),
  ),
})).value;

// Values each option could sensibly take, so that most generated requests get past the type
// checks and reach the core's own checks and computations.
const PLAUSIBLE = {
  kind: fc.constantFrom(...pe.schemes.map(({ name }) => name)),
  start: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constant(2 ** 31 - 1)),
  count: fc.integer({ min: 0, max: 64 }),
  dim: fc.integer({ min: 1, max: 64 }),
  base: fc.constantFrom(10000, 500000, 2, 1.5),
  layout: fc.constantFrom('interleaved', 'split'),
  pairing: fc.constantFrom('interleaved', 'half'),
  scaling: fc.constantFrom(null, { type: 'llama3', factor: 8 }, { type: 'yarn', factor: 40, originalContext: 4096 }),
  slope: fc.constantFrom(0.5, 1e-3, 16),
  causal: fc.boolean(),
  embeddingStd: fc.constantFrom(0.02, 1, 10),
  by: fc.integer({ min: 0, max: 100 }),
  samplesPerPosition: fc.integer({ min: 1, max: 64 }),
  data: fc
    .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }))
    .map(([rows, width]) => Float32Array.from({ length: rows * width * 2 }, (_, j) => Math.sin(j))),
  heads: fc.integer({ min: 1, max: 16 }),
  factor: fc.constantFrom(1, 8, 32, 40),
  mscaleAllDim: fc.constantFrom(0.707, 1),
  bos: fc.constant(false),
  embeddingTable: fc.constant(null),
  query: fc.integer({ min: 1, max: 8 }).map((pairs) => Float32Array.from({ length: 2 * pairs }, (_, j) => Math.cos(j))),
  key: fc.integer({ min: 1, max: 8 }).map((pairs) => Float32Array.from({ length: 2 * pairs }, (_, j) => Math.sin(j))),
  position: fc.integer({ min: 0, max: 1000 }),
  fromOffset: fc.integer({ min: -10, max: 10 }),
  from: fc.constantFrom('interleaved', 'half'),
  to: fc.constantFrom('interleaved', 'half'),
  bits: fc.integer({ min: 1, max: 31 }),
  attention: fc.constantFrom('mha', 'gqa', 'mqa', 'mla'),
  kvHeads: fc.integer({ min: 1, max: 16 }),
  headDim: fc.constantFrom(2, 8, 16, 64),
  valueHeadDim: fc.constantFrom(null, 8, 16),
  latentDim: fc.constantFrom(8, 16, 512),
  ropeDim: fc.constantFrom(0, 2, 8, 64),
  layers: fc.integer({ min: 1, max: 64 }),
  tokens: fc.integer({ min: 0, max: 64 }),
  bytesPerElement: fc.constantFrom(1, 2, 4),
  rope: fc.constantFrom('none', 'naive', 'decoupled'),
  dModel: fc.constantFrom(8, 32, 64),
  seed: fc.integer({ min: 0, max: 1000 }),
};

// Options built from a function's own names (some left out, most given a plausible value, some a
// hostile one), plus now and then a key it does not know.
function optionsFor(names) {
  const valueOf = (name) => fc.oneof({ weight: 3, arbitrary: PLAUSIBLE[name] }, { weight: 1, arbitrary: hostileValue });
  return fc
    .tuple(
      fc.record(Object.fromEntries(names.map((name) => [name, valueOf(name)])), { requiredKeys: [] }),
      fc.option(fc.tuple(fc.string({ minLength: 1, maxLength: 6 }), hostileValue), { nil: null }),
    )
    .map(([options, extra]) => (extra ? { ...options, [extra[0]]: extra[1] } : options));
}

// Every function of the API with options, its option names as the core declares them, and how
// to call it with generated options. tokenizer and embeddings are left to their defaults: the
// others load data first (tokenizers.test.mjs, glove-analysis.test.mjs).
const TEXTS = { analyze: 'the dog the dog', compareShift: 'a b a', tokenize: 'the dog the dog' };
const LOADED_BY_NAME = ['tokenizer', 'embeddings'];
const FUNCTIONS = Object.entries(pe.requests).map(([name, { options }]) => ({
  name,
  options: options.map((option) => option.name).filter((option) => !LOADED_BY_NAME.includes(option)),
  call: name in TEXTS ? (o) => pe[name](TEXTS[name], o) : (o) => pe[name](o),
}));

// The names a message may name: the functions' options, their nested keys, and the API's own
// words for the whole request.
const OPTION_NAMES = Object.values(pe.requests).flatMap(({ options }) => options.map((option) => option.name));
const NAMED = new RegExp(`\\b(options?|text|count \\* dim|scaling(\\.\\w+)?|${[...new Set(OPTION_NAMES)].join('|')})\\b`);

// A normal call after any other: the module must still answer, with the right numbers.
function assertModuleWorks() {
  assert.deepEqual(Array.from(pe.encode({ kind: 'binary', start: 200, count: 1, dim: 8 }).data), [0, 0, 0, 1, 0, 0, 1, 1]);
}

// Sizes a generated request may ask for are kept to what runs fast: the limits themselves are
// tested elsewhere; here only the kinds of values matter.
function tooBig(options) {
  const count = typeof options.count === 'number' ? options.count : 0;
  const dim = typeof options.dim === 'number' ? options.dim : 0;
  return count * dim > 2 ** 20 || (typeof options.samplesPerPosition === 'number' && count * options.samplesPerPosition > 2 ** 20);
}

for (const { name, options, call } of FUNCTIONS) {
  test(`${name}: any options give a result or a TypeError/RangeError naming a parameter, and the module keeps working`, () => {
    fc.assert(
      fc.property(optionsFor(options), (generated) => {
        fc.pre(!tooBig(generated));
        try {
          call(generated);
        } catch (error) {
          assert.ok(
            error instanceof TypeError || error instanceof RangeError,
            `${name} threw ${error?.constructor?.name}: ${error?.message}`,
          );
          assert.match(error.message, NAMED, `${name}: the message names no parameter: ${error.message}`);
        }
        assertModuleWorks();
      }),
      { numRuns: RUNS },
    );
  });
}

test('anything that is not an options object is a TypeError for every function', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...FUNCTIONS),
      leaf.filter((value) => value === null || typeof value !== 'object' || ArrayBuffer.isView(value)),
      ({ call }, value) => {
        fc.pre(value !== undefined); // an absent options object takes the defaults where there are any
        assert.throws(
          () => call(value),
          (error) => error instanceof TypeError && /options must be an object/.test(error.message),
        );
        assertModuleWorks();
      },
    ),
    { numRuns: RUNS },
  );
});

test('any text, even malformed Unicode, is analysed or refused by a RangeError about its length', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
      const analysis = pe.analyze(text);
      assert.ok(analysis.tokens.every(({ text: token }) => token.length > 0 && !/\s/u.test(token)));
      assertModuleWorks();
    }),
    { numRuns: RUNS },
  );
});

test('10,000 mixed calls, accepted and refused, leave the wasm heap where it started', () => {
  const calls = [
    () => pe.analyze('The dog chased another dog', { kind: 'rope', causal: true }),
    () => pe.encode({ kind: 'sinusoidal', count: 64, dim: 16 }),
    () => pe.rotate({ data: new Float32Array(64), dim: 8, start: 9 }),
    () => pe.binaryStructure({ start: 120, count: 16, dim: 8 }),
    () => pe.compareShift('a b a', { kind: 'alibi', by: 3 }),
    () => assert.throws(() => pe.encode({ kind: 'rope', count: 1, dim: 8 })),
    () => assert.throws(() => pe.analyze('x', { slope: -1 })),
    () => assert.throws(() => pe.cosineSimilarities({ data: new Float32Array(3), dim: 2 })),
  ];
  calls.forEach((call) => call());
  const before = memory.heapBytesInUse();
  for (let n = 0; n < 10000; n += 1) calls[n % calls.length]();
  assert.equal(memory.heapBytesInUse(), before);
});
