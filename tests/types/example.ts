// Every function of PE Lab's API used from TypeScript, as a reader of web/pe.d.ts would. Checked
// by `tsc -p tests/types` (strict) in `npm test`: each result's type is pinned with `exact`, and
// each call the types must refuse carries @ts-expect-error, so a type that loosens or drifts fails
// the check. example.test.mjs also runs this file, so every refused call is seen to throw the
// error named next to it, and the values behind the pinned types are checked at run time.
import { loadPE, loadMemoryProbe } from '../../web/pe.js';
import type {
  Analysis,
  AttentionKind,
  EmbeddingsName,
  CompleteScaling,
  Encoding,
  Layout,
  MemoryProbe,
  OptionDeclaration,
  Pairing,
  PE,
  RopeBand,
  Scaling,
  ScalingType,
  SchemeName,
  Stage,
  Task,
  Token,
  TokenizerName,
  Trainer,
  TrainerState,
} from '../../web/pe.js';

// exact<T>()(value) compiles only when value's type is T itself (not a subtype or a supertype).
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const exact =
  <Expected>() =>
  <Actual>(value: Actual & (Equal<Actual, Expected> extends true ? unknown : never)): Actual =>
    value;

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`example: ${what}`);
}

function throws(kind: typeof TypeError | typeof RangeError | typeof Error, call: () => unknown): void {
  try {
    call();
  } catch (error) {
    check(error instanceof kind && error.constructor === kind, `expected a ${kind.name}, got ${String(error)}`);
    return;
  }
  check(false, `expected a ${kind.name}, nothing was thrown`);
}

// Every member of the PE interface, no more and no fewer (tsc checks the keys), compared with
// the module's own keys below: a function added to pe.js without a type fails the run.
const members: { [K in keyof PE]: true } = {
  schemes: true,
  requests: true,
  rowNorms: true,
  encode: true,
  analyze: true,
  compareShift: true,
  vocabularyClusters: true,
  attentionWeights: true,
  analysisConstants: true,
  binaryStructure: true,
  smoothBits: true,
  cosineSimilarities: true,
  dotProducts: true,
  sinusoidalFrequencies: true,
  shiftRotation: true,
  neighbourSteps: true,
  ropeFrequencies: true,
  rotate: true,
  ropeScores: true,
  ropeBands: true,
  ropePresets: true,
  ropePairingPermutation: true,
  yarnMscale: true,
  alibiSlopes: true,
  kvCache: true,
  modelPresets: true,
  mlaAbsorption: true,
  tokenizers: true,
  loadTokenizer: true,
  tokenize: true,
  embeddings: true,
  loadEmbeddings: true,
  loadTrainer: true,
  trainer: true,
  tasks: true,
};

export async function runExample(): Promise<void> {
  const pe = exact<PE>()(await loadPE());
  const typed = Object.keys(members).sort().join(', ');
  check(
    Object.keys(pe).sort().join(', ') === typed,
    `pe's members are the PE interface's: ${typed}; pe has ${Object.keys(pe).sort().join(', ')}`,
  );

  // Registries and constants: typed, readonly, and frozen at run time.
  const scheme = pe.schemes[0];
  exact<SchemeName>()(scheme.name);
  const names: SchemeName[] = pe.schemes.map((s) => s.name);
  check(names.join() === 'none,integer,binary,sinusoidal,rope,alibi,learned', 'the schemes are the SchemeName union');
  // @ts-expect-error the registry is readonly
  throws(TypeError, () => pe.schemes.push(scheme));
  // @ts-expect-error so are its entries
  throws(TypeError, () => (pe.schemes[0].label = 'x'));
  exact<number>()(pe.analysisConstants.maxTokens);
  // @ts-expect-error the constants are readonly
  throws(TypeError, () => (pe.analysisConstants.maxDim = 1));
  exact<readonly string[]>()(pe.vocabularyClusters[0].words);
  const llama = pe.ropePresets.find((preset) => preset.name === 'llama3.1');
  check(llama?.scaling?.type === 'llama3' && llama.scaling.lowFreqFactor === 1, 'a preset holds a complete scaling object');
  exact<CompleteScaling | null>()(pe.ropePresets[0].scaling);
  // @ts-expect-error a preset's scaling is frozen
  throws(TypeError, () => pe.ropePresets[2].scaling && (pe.ropePresets[2].scaling.factor = 2));
  const v3 = pe.modelPresets.find((model) => model.id === 'deepseek-v3');
  check(v3 !== undefined && v3.rope.softmaxFactor !== null && v3.rope.wavelengths.bands.length === 32, 'DeepSeek-V3 preset');
  exact<number | null>()(pe.modelPresets[0].latentDim);
  exact<readonly RopeBand[]>()(pe.modelPresets[0].rope.wavelengths.bands);
  const dims = pe.requests.encode.options.find((option) => option.name === 'dim');
  exact<OptionDeclaration | undefined>()(dims);
  check(dims?.required === true && dims.allowed === 'an integer from 1 to 4096', "encode's dim, as the core declares it");
  // @ts-expect-error the declarations are readonly
  throws(TypeError, () => (pe.requests.encode.echo = false));

  // encode
  const table = exact<Encoding>()(pe.encode({ kind: 'sinusoidal', start: 64, count: 12, dim: 8, layout: 'split' }));
  exact<Float32Array>()(table.data);
  exact<Layout>()(table.layout);
  check(table.data instanceof Float32Array && table.data.length === 12 * 8 && table.layout === 'split', 'encode');
  // @ts-expect-error kind is one of the encodings
  throws(TypeError, () => pe.encode({ kind: 'rope', count: 1, dim: 2 }));
  // @ts-expect-error count and dim are required
  throws(TypeError, () => pe.encode({ kind: 'binary' }));
  // @ts-expect-error encode takes no pairing
  throws(TypeError, () => pe.encode({ kind: 'binary', count: 1, dim: 1, pairing: 'half' }));
  // @ts-expect-error layouts are 'interleaved' and 'split'
  throws(TypeError, () => pe.encode({ kind: 'sinusoidal', count: 1, dim: 2, layout: 'halves' }));
  // @ts-expect-error dim is a number
  throws(TypeError, () => pe.encode({ kind: 'binary', count: 1, dim: '8' }));
  throws(RangeError, () => pe.encode({ kind: 'binary', count: 1, dim: 0 }));

  // analyze: the result's kind and schemeOptions follow the kind asked for (binary by default)
  const plain = pe.analyze('The dog chased another dog');
  exact<Analysis<'binary'>>()(plain);
  check(plain.kind === 'binary' && Object.keys(plain.schemeOptions).length === 0, 'analyze defaults to binary');
  const rope = pe.analyze('The dog chased another dog', {
    kind: 'rope',
    dim: 8,
    causal: true,
    scaling: { type: 'yarn', factor: 4, originalContext: 64 },
  });
  exact<Scaling | null>()(rope.schemeOptions.scaling);
  exact<Pairing>()(rope.schemeOptions.pairing);
  exact<number>()(pe.analyze('a b a', { kind: 'alibi', slope: 0.25 }).schemeOptions.slope);
  check(rope.schemeOptions.scaling?.type === 'yarn' && rope.schemeOptions.pairing === 'interleaved', 'analyze reports its options');
  const [token] = rope.tokens;
  check(token.text === 'the' && token.position === 0, 'tokens');
  exact<number[][]>()(rope.duplicates);
  exact<Float32Array>()(rope.weights.withPE);
  exact<Float64Array>()(rope.norms.positionEncoding);
  const [pair] = rope.pairs;
  exact<Stage>()(pair.firstDifference);
  exact<boolean>()(pair.identical.input.withPE);
  check(pair.firstDifference === 'queryKey' && pair.identical.input.withPE, 'RoPE keeps the inputs identical');
  const chosen: SchemeName = names[4];
  exact<Analysis<SchemeName>>()(pe.analyze('a', { kind: chosen }));
  // @ts-expect-error text is a string
  throws(TypeError, () => pe.analyze(42));
  // @ts-expect-error kinds are scheme names
  throws(TypeError, () => pe.analyze('a', { kind: 'rotary' }));
  // @ts-expect-error a yarn scaling needs originalContext
  throws(TypeError, () => pe.analyze('a', { kind: 'rope', scaling: { type: 'yarn', factor: 4 } }));
  // @ts-expect-error llama3 takes no betaFast
  throws(TypeError, () => pe.analyze('a', { kind: 'rope', scaling: { type: 'llama3', factor: 4, betaFast: 2 } }));
  // @ts-expect-error unknown options are refused
  throws(TypeError, () => pe.analyze('a', { heads: 2 }));
  throws(RangeError, () => pe.analyze('a', { embeddingStd: 100 }));

  // tokenizers and word vectors: loaded on demand, then named in analyze's options
  exact<TokenizerName[]>()(pe.tokenizers.map((entry) => entry.name));
  exact<number | null>()(pe.tokenizers[0].bos);
  exact<EmbeddingsName>()(pe.embeddings[1].name);
  // @ts-expect-error the entries are readonly
  throws(TypeError, () => (pe.embeddings[1].dim = 8));
  await pe.loadTokenizer('gpt2');
  const ids = pe.tokenize('The dog chased another dog', { tokenizer: 'gpt2' }).map((t) => t.id);
  exact<(number | undefined)[]>()(ids);
  check(ids.join() === '464,3290,26172,1194,3290', 'GPT-2 ids');
  await pe.loadEmbeddings('glove');
  const glove = pe.analyze('a cat and a kitten', { embeddings: 'glove', kind: 'integer' });
  exact<Token[]>()(glove.tokens);
  exact<boolean | undefined>()(glove.tokens[0].oov);
  check(glove.dim === 100 && glove.tokens[0].oov === true && glove.tokens[1].oov === false, 'GloVe: dim 100, "a" missing');
  exact<Analysis<'binary'>>()(pe.analyze('cat', { embeddingTable: glove.tokenEmbedding.slice(100, 200), dim: 100 }));
  throws(RangeError, () => pe.analyze('cat', { embeddings: 'glove', dim: 8 }));
  throws(RangeError, () => pe.analyze('cat', { embeddings: 'glove', tokenizer: 'gpt2' }));
  // @ts-expect-error embeddings are 'synthetic' or 'glove'
  throws(TypeError, () => pe.analyze('cat', { embeddings: 'word2vec' }));
  // @ts-expect-error tokenizers are named
  throws(TypeError, () => pe.tokenize('cat', { tokenizer: 'bert' }));
  // @ts-expect-error embeddingTable is a Float32Array
  throws(TypeError, () => pe.analyze('cat', { embeddingTable: [0.1], dim: 1 }));

  // compareShift
  const shift = pe.compareShift('The dog chased another dog', { kind: 'rope', by: 1000 });
  exact<boolean>()(shift.weightsUnchanged);
  check(shift.by === 1000 && shift.weightsUnchanged, 'RoPE sees only distances');
  // @ts-expect-error by is required
  throws(TypeError, () => pe.compareShift('a', { kind: 'rope' }));

  // attentionWeights, binaryStructure, smoothBits
  exact<Float32Array>()(pe.attentionWeights({ dim: 8 }).value);
  const bits = pe.binaryStructure({ start: 120, count: 16, dim: 8 });
  exact<Uint8Array>()(bits.hamming);
  exact<Uint32Array>()(bits.sameCodeAs);
  exact<number | null>()(bits.repeatsFrom);
  check(bits.hamming[7] === 8 && bits.repeatsFrom === 256, 'binaryStructure: 127 -> 128 flips 8 bits');
  exact<Float32Array>()(pe.smoothBits({ count: 4, dim: 4, samplesPerPosition: 2 }).data);
  // @ts-expect-error count is required
  throws(TypeError, () => pe.binaryStructure({ dim: 4 }));

  // cosineSimilarities, dotProducts
  const cosines = pe.cosineSimilarities({ data: rope.input, dim: rope.dim });
  exact<Float64Array>()(cosines.data);
  check(cosines.rows === 5, 'cosineSimilarities');
  const dots = pe.dotProducts({ data: pe.encode({ kind: 'sinusoidal', count: 64, dim: 32 }).data, dim: 32 });
  exact<boolean>()(dots.byOffset.offsetOnly);
  check(dots.byOffset.offsetOnly, 'the sinusoidal dot product depends only on the offset');
  // @ts-expect-error data is a Float32Array
  throws(TypeError, () => pe.dotProducts({ data: [1, 2], dim: 1 }));
  // @ts-expect-error a Float64Array is not one
  throws(TypeError, () => pe.cosineSimilarities({ data: new Float64Array(4), dim: 2 }));

  // rowNorms: an integer position p is p sqrt(dim) long
  const lengths = pe.rowNorms({ data: pe.encode({ kind: 'integer', start: 3, count: 2, dim: 4 }).data, dim: 4 });
  exact<Float64Array>()(lengths.data);
  check(lengths.rows === 2 && lengths.data[0] === 6 && lengths.data[1] === 8 && lengths.dim === 4, 'rowNorms');
  // @ts-expect-error dim is required
  throws(TypeError, () => pe.rowNorms({ data: new Float32Array(4) }));
  throws(RangeError, () => pe.rowNorms({ data: new Float32Array(5), dim: 2 }));

  // sinusoidalFrequencies, shiftRotation, neighbourSteps
  exact<Float64Array>()(pe.sinusoidalFrequencies({ dim: 32 }).wavelengths);
  const turn = pe.shiftRotation({ dim: 8, by: 5, count: 64 });
  exact<Float64Array | null>()(turn.matrix);
  exact<number | null>()(turn.maxErrorAt);
  check(turn.identical && turn.matrix?.length === 64, 'shiftRotation');
  const steps = pe.neighbourSteps({ start: 120, count: 16, bits: 8 });
  exact<{ binary: boolean; sinusoidal: boolean }>()(steps.even);
  check(!steps.even.binary && steps.even.sinusoidal, 'neighbourSteps');
  // @ts-expect-error by is required
  throws(TypeError, () => pe.shiftRotation({ dim: 8, count: 1 }));

  // RoPE and ALiBi primitives
  const llama3: Scaling = { type: 'llama3', factor: 32 };
  if (rope.schemeOptions.scaling) exact<ScalingType>()(rope.schemeOptions.scaling.type);
  exact<Float64Array>()(pe.ropeFrequencies({ dim: 64, base: 500000, scaling: llama3 }));
  exact<Float64Array>()(pe.ropeFrequencies({ dim: 64, scaling: null }));
  const rotated = pe.rotate({ data: table.data, dim: 8, start: 3, pairing: 'half', scaling: { type: 'none' } });
  exact<Float32Array>()(rotated);
  check(rotated.length === table.data.length, 'rotate keeps the shape');
  // @ts-expect-error pairings are 'interleaved' and 'half'
  throws(TypeError, () => pe.rotate({ data: table.data, dim: 8, pairing: 'neox' }));
  // @ts-expect-error scaling types are 'none', 'llama3' and 'yarn'
  throws(TypeError, () => pe.ropeFrequencies({ dim: 8, scaling: { type: 'ntk', factor: 2 } }));
  const query = new Float32Array([1, 0, 0, 1]);
  const scores = pe.ropeScores({ query, key: query, dim: 4, position: 7, fromOffset: -2, count: 5 });
  exact<Float64Array>()(scores.bounds);
  check(scores.scores.length === 5, 'ropeScores');
  const bands = pe.ropeBands({ dim: 128, base: 500000, scaling: llama3 });
  exact<RopeBand[]>()(bands.bands);
  check(bands.counts.kept + bands.counts.blended + bands.counts.divided === 64, 'ropeBands counts every pair');
  const permutation = pe.ropePairingPermutation({ dim: 8, from: 'interleaved', to: 'half' });
  exact<Int32Array>()(permutation);
  check(permutation.join() === '0,2,4,6,1,3,5,7', 'ropePairingPermutation');
  // @ts-expect-error from and to are pairings
  throws(TypeError, () => pe.ropePairingPermutation({ dim: 8, from: 'interleaved', to: 'split' }));
  exact<number>()(pe.yarnMscale({ factor: 40 }));
  check(Math.abs(pe.yarnMscale({ factor: 40 }) - 1.36889) < 1e-5, 'yarnMscale');
  throws(RangeError, () => pe.yarnMscale({ factor: 0.5 }));
  exact<Float64Array>()(pe.alibiSlopes({ heads: 8 }));
  throws(RangeError, () => pe.alibiSlopes({ heads: 0 }));

  // kvCache and MLA
  const attention: AttentionKind = 'mla';
  const cache = pe.kvCache({ attention, latentDim: 512, ropeDim: 64, layers: 61, tokens: 131072, heads: null });
  exact<number>()(cache.bytes);
  check(cache.perTokenPerLayer === 576 && cache.bytes === 9210691584, 'kvCache of DeepSeek-V3');
  // @ts-expect-error attention kinds are 'mha', 'gqa', 'mqa' and 'mla'
  throws(TypeError, () => pe.kvCache({ attention: 'mlp', heads: 1, headDim: 1 }));
  throws(TypeError, () => pe.kvCache({ attention: 'mha' }));
  const mla = pe.mlaAbsorption({ rope: 'naive', tokens: 4 });
  exact<Float32Array>()(mla.absorbed);
  check(mla.rope === 'naive' && mla.absorbedMatrices === 7, 'naive RoPE needs one matrix per offset');
  exact<number>()(pe.mlaAbsorption().cacheElementsPerToken.absorbed);
  // @ts-expect-error rope is 'none', 'naive' or 'decoupled'
  throws(TypeError, () => pe.mlaAbsorption({ rope: 'full' }));

  // The training lab, a module of its own
  check(pe.tasks === null, 'no tasks before the trainer is loaded');
  throws(Error, () => pe.trainer());
  const trainerRequests = await pe.loadTrainer();
  check(
    trainerRequests.trainer.options.some(({ name }) => name === 'seed'),
    "the trainer's options are declared",
  );
  exact<readonly Task[] | null>()(pe.tasks);
  check(pe.tasks?.[0].name === 'kback', 'kback is the first task');
  const run = exact<Trainer>()(pe.trainer({ scheme: 'learned', dModel: 16, heads: 2, steps: 4 }));
  exact<Float32Array>()(run.step(2).losses);
  exact<number>()(run.step({ steps: 2, maxMs: 60_000 }).firstStep);
  exact<TrainerState>()(run.state());
  check(run.state().finished && run.state().divergedAt === null, 'the run ends at its last step');
  check(run.evaluate({ lengths: [1, 8] }).byLength.length === 2, 'evaluate by length');
  exact<Float32Array>()(run.attention({ length: 3, head: 1 }).weights);
  check(run.positionTable().learned && run.options.dModel === 16, 'a learned table');
  // @ts-expect-error lengths is an array of numbers
  throws(TypeError, () => run.evaluate({ lengths: 8 }));
  // @ts-expect-error schemes are named
  throws(TypeError, () => pe.trainer({ scheme: 'rotary' }));
  throws(RangeError, () => pe.trainer({ layers: 5 }));
  run.dispose();
  throws(Error, () => run.state());

  // The test hook
  const probe = exact<MemoryProbe>()(await loadMemoryProbe());
  check(probe.memoryBytes() >= probe.heapBytesInUse(), 'memory probe');
}
