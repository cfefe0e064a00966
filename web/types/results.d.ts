// What each function of the API returns (part of web/pe.d.ts, the API reference, which
// re-exports everything here). Tables are row-major: data[r * dim + i] is dimension i of row r.
// Every array belongs to the caller (a JS-owned copy: nothing to free).
import type { MlaAbsorptionOptions, SchemeName } from './options.js';
import type {
  EmbeddingsName,
  EncodingKind,
  Layout,
  Pairing,
  RopeBand,
  Scaling,
  Stage,
  Token,
  TokenizerName,
  WithAndWithout,
} from './values.js';

export interface Encoding {
  kind: EncodingKind;
  start: number;
  count: number;
  dim: number;
  base: number;
  layout: Layout;
  /** count * dim values: dimension i of position start + r at r * dim + i. */
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

/**
 * Two copies a < b of a repeated word compared at every stage, each measure in both runs. Every
 * pair among each word's first maxComparedCopies (16) copies. Lengths, distances and cosines are
 * computed in double precision from the float32 rows; equal rows are at distance exactly 0 and,
 * unless all zero, at cosine exactly 1; a cosine with an all-zero row is 0.
 */
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
  /**
   * Decided by the core, never by comparing floats in JS: two rows are identical when their L2
   * distance is at most what float32 rounding can put between two rows equal in exact
   * arithmetic. Inputs, queries, keys, weights, and outputs without the mask are computed by the
   * same operations in the same order for every token, so equal rows are bit-equal and compared
   * exactly; outputs under the causal mask are sums over prefixes of different lengths, and may
   * differ by up to contextRounding.
   */
  identical: {
    input: WithAndWithout<boolean>;
    query: WithAndWithout<boolean>;
    key: WithAndWithout<boolean>;
    weights: WithAndWithout<boolean>;
    context: WithAndWithout<boolean>;
  };
  /** The sum of both output rows' error bounds: (min(keys, 32) + chunks + 4) * 2^-24 *
   *  sum_j w_j |v_j| for each, chunks = ceil(keys / 32); 0 where rows are compared exactly. */
  contextRounding: WithAndWithout<number>;
  /** The first stage of the run with positions at which the copies differ: 'input' (integer,
   *  binary, sinusoidal), 'queryKey' (RoPE: the inputs stay identical), 'weights' (ALiBi, or a
   *  causal mask), 'output', or 'none'. */
  firstDifference: Stage;
}

/** One sentence through one attention head, run without positions and with the scheme. */
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
  /** The chosen scheme's options as used, e.g. { base, pairing, scaling }. */
  schemeOptions: SchemeOptionsByKind[K];
  tokens: Token[];
  /** Indices of tokens with the same text (with a BPE tokenizer: the same id), groups of 2+. */
  duplicates: number[][];
  /** n * dim values, row r = token r; so are positionEncoding, input, query, key and context. */
  tokenEmbedding: Float32Array;
  /** The scheme's table P for positions start .. start + n - 1 (zeros unless it acts on the input). */
  positionEncoding: Float32Array;
  /** tokenEmbedding + positionEncoding. */
  input: Float32Array;
  /** x W_q and x W_k, rotated under RoPE: the rows the head really uses (scores are q.k / sqrt(dim)). */
  query: WithAndWithout<Float32Array>;
  key: WithAndWithout<Float32Array>;
  /** n * n values, row i = token i's attention over the tokens, after bias, mask and softmax. */
  weights: WithAndWithout<Float32Array>;
  /** The attention outputs. */
  context: WithAndWithout<Float32Array>;
  /** Each row's length. */
  norms: { tokenEmbedding: Float64Array; positionEncoding: Float64Array };
  pairs: CopyPair[];
}

export interface ShiftComparison {
  by: number;
  /** The largest change of any attention weight of the run with positions. */
  maxWeightChange: number;
  /** The largest change of any output component. */
  maxContextChange: number;
  /** No weight moved by more than pe.analysisConstants.weightChangeTolerance (2^-17). */
  weightsUnchanged: boolean;
}

/** The head's fixed projections, each dim * dim, row-major, applied to row vectors: q = x W_q. */
export interface AttentionWeights {
  dim: number;
  query: Float32Array;
  key: Float32Array;
  value: Float32Array;
}

/** The binary encoding's structure; index i is 0-based, i = 0 the lecture's "index 1" (LSB). */
export interface BinaryStructure {
  start: number;
  count: number;
  dim: number;
  /** count - 1 values: bits that differ between positions start + r and start + r + 1
   *  (127 -> 128: 8, 128 -> 129: 1). */
  hamming: Uint8Array;
  /** count values: the smallest position with the same code as start + r (start + r itself
   *  below 2^dim; with 8 bits 256 -> 0). */
  sameCodeAs: Uint32Array;
  /** dim values: index i flips every 2^i positions. */
  flipPeriods: Float64Array;
  /** 2^dim, the first position whose code repeats, or null for dim >= 31. */
  repeatsFrom: number | null;
}

export interface SmoothBits {
  start: number;
  count: number;
  dim: number;
  samplesPerPosition: number;
  /** (count * samplesPerPosition + 1) * dim values: row j at x = start + j / samplesPerPosition
   *  holds, for each bit i, (1 - sin(2 pi (x + 1/2) / 2^(i+1))) / 2: the sinusoid with bit i's
   *  period that crosses 1/2 half-way between positions whose bits differ (position p's bit drawn
   *  over [p - 1/2, p + 1/2)); at a whole position it is on the bit's side of 1/2. */
  data: Float32Array;
}

export interface CosineSimilarities {
  rows: number;
  dim: number;
  /** rows * rows values in [-1, 1]: rows x and y at x * rows + y. */
  data: Float64Array;
}
export interface DotProducts {
  rows: number;
  dim: number;
  /** rows * rows values: row x . row y, summed in double, at x * rows + y. */
  data: Float64Array;
  byOffset: {
    /** rows values: the smallest row r . row r + k over every r (k = 0: the squared lengths). */
    low: Float64Array;
    /** rows values: the largest; equal to low[k] when the dot product depends only on k. */
    high: Float64Array;
    /** Every diagonal constant up to float32 rounding of the rows: each high[k] - low[k] <=
     *  4 * 2^-24 * (largest squared length). */
    offsetOnly: boolean;
  };
}

export interface SinusoidalFrequencies {
  dim: number;
  base: number;
  /** dim / 2 values: w_k = base^(-2k/dim). */
  frequencies: Float64Array;
  /** dim / 2 values: 2 pi / w_k, the positions pair k takes to come round again. */
  wavelengths: Float64Array;
}

/** Moving k = by positions along the sinusoidal encoding as one rotation R_k: PE(p + k) = R_k PE(p). */
export interface ShiftRotation {
  dim: number;
  start: number;
  count: number;
  by: number;
  base: number;
  layout: Layout;
  /** dim / 2 values: k w_j reduced to [0, 2 pi). */
  angles: Float64Array;
  /** cos and sin of k w_j: pair j of PE(p), (sin p w_j, cos p w_j), turns by [[cos, sin], [-sin, cos]]. */
  cos: Float64Array;
  sin: Float64Array;
  /** R_k, dim * dim values, row-major in the layout's order of channels (blocks on the diagonal
   *  when interleaved); null past dim 64. */
  matrix: Float64Array | null;
  /** The largest |R_k PE(p) - PE(p + k)| (Euclidean) over p = start .. start + count - 1:
   *  pe.encode's float32 rows, R_k applied in double. */
  maxError: number;
  /** The first p where it occurs; null when count is 0. */
  maxErrorAt: number | null;
  /** Every R_k PE(p) within float32 rounding of PE(p + k): the error at most
   *  2^-24 (|PE(p)| + |PE(p + k)|) + 2e-13 sqrt(dim). */
  identical: boolean;
}

/** How far binary and sinusoidal move from each position to the next, at the same periods
 *  T_i = 2^(i+1) (bit i of the binary encoding repeats every T_i; the sinusoidal pair with that
 *  period is (sin 2 pi p / T_i, cos 2 pi p / T_i)). */
export interface NeighbourSteps {
  start: number;
  count: number;
  bits: number;
  /** bits values: T_i = 2^(i+1). */
  periods: Float64Array;
  /** count values: |B(p + 1) - B(p)| for p = start + r, B(p) bits 0 .. bits - 1 of p: the square
   *  root of the bits that flip (127 -> 128 with 8 bits: sqrt(8)). */
  binary: Float64Array;
  /** count values: the same for the sinusoidal pairs: one length for every p. */
  sinusoidal: Float64Array;
  /** Every step the same length, up to float32 rounding of the rows (binary rows are exact;
   *  sinusoidal ones within 4 * 2^-24 * sqrt(bits)). */
  even: { binary: boolean; sinusoidal: boolean };
}

export interface RopeScores {
  /** count values: at offset o = fromOffset + j, <R_m q, R_n k>, m = position, n = m + o, both
   *  rotated as pe.rotate does (float32) and summed in double: the same at every m up to float32
   *  rounding. */
  scores: Float64Array;
  /** count values: RoFormer's bound on |scores[j]| (section 3.4.3): max_i |h_(i+1) - h_i| *
   *  sum_(j'=1..dim/2) |sum_(i<j') e^(i o theta_i)|, h_i = q_i conj(k_i) over complex pairs,
   *  h_(dim/2) = 0. It shrinks on the whole as |o| grows; a score need not. */
  bounds: Float64Array;
}
export interface RopeBands {
  /** Each pair's band under the scaling. */
  bands: RopeBand[];
  counts: { kept: number; blended: number; divided: number };
  /** dim / 2 values each: 2 pi / theta_i in positions, after and before scaling. */
  wavelengths: Float64Array;
  originalWavelengths: Float64Array;
}

/** Numbers cached, exact integers; bytes = total * bytesPerElement. */
export interface KvCache {
  perTokenPerLayer: number;
  /** perTokenPerLayer * layers. */
  perToken: number;
  /** perToken * tokens. */
  total: number;
  bytes: number;
}

export interface MlaAbsorption extends Required<MlaAbsorptionOptions> {
  /** heads * tokens * tokens scores, every head's keys built from the latent, rotated where rope
   *  says: query m, key n, head h at (h * tokens + m) * tokens + n. */
  explicit: Float32Array;
  /** The same scores from the cache only, W_UK folded into the query. */
  absorbed: Float32Array;
  /** The largest |explicit - absorbed|: near 1e-7 of maxAbsScore for 'none' and 'decoupled';
   *  large for 'naive'. */
  maxAbsDifference: number;
  maxAbsScore: number;
  /** Matrices per head exact absorption needs: 1, or for 'naive' one per offset (2 * tokens - 1). */
  absorbedMatrices: number;
  /** Numbers cached per token and layer each way. */
  cacheElementsPerToken: { explicit: number; absorbed: number };
}
