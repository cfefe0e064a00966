// PE Lab's public JavaScript API: positional encodings computed by the C++ core (WebAssembly).
// Works in browsers and in Node 20 without a bundler:
//
//   import { loadPE } from './web/pe.js';
//   const pe = await loadPE();
//   const m = pe.encode({ kind: 'binary', start: 64, count: 12, dim: 8 });
//   m.data[r * m.dim + i]   // dimension i of position m.start + r (row-major Float32Array)
//
// Conventions (the same as ../src/core):
//   integer     every dimension of position p holds p (exact in float32 up to 2^24)
//   binary      dimension i is bit i of p; i = 0 is the least significant bit (the lecture's
//               "index 1"), so dimension i flips every 2^i positions
//   sinusoidal  w_k = base^(-2k/dim); layout 'interleaved' (default, the paper):
//               [sin p w_0, cos p w_0, sin p w_1, ...]; 'split': all sines, then all cosines
// Limits: 1 <= dim <= 4096 (even for sinusoidal); 0 <= start; start + count - 1 <= 2^31 - 1;
//         count * dim <= 16,777,216 values; base > 1.
//
// Sentence analysis (why positions are needed): tokens, token embeddings, positional encodings and
// one attention head run without and with positions:
//
//   const a = pe.analyze('The dog chased another dog', { kind: 'binary', dim: 8, start: 0 });
//   a.tokens              // [{ text: 'the', position: 0 }, { text: 'dog', position: 1 }, ...]
//   a.duplicates          // [[1, 4]]: indices of tokens with the same text, groups of 2+
//   a.tokenEmbedding      // Float32Array(n * dim), row r = token r; so are the four below
//   a.positionEncoding    //   pe.encode's table for positions start .. start + n - 1
//   a.input               //   tokenEmbedding + positionEncoding
//   a.context.withoutPE   //   attention over tokenEmbedding: duplicates get identical rows
//   a.context.withPE      //   attention over input
//   a.norms.tokenEmbedding, a.norms.positionEncoding  // Float64Array(n): each row's length
//   a.pairs               // [{ group, a, b, inputDistance, inputCosine, contextDistance,
//                         //   contextCosine }]: copies a < b of a repeated word (duplicates[group])
//                         //   compared; each measure is { withoutPE, withPE }: L2 distance or
//                         //   cosine similarity of the inputs (tokenEmbedding, then input) and
//                         //   of the attention outputs (context.withoutPE, context.withPE).
//                         //   Every pair among each word's first maxComparedCopies (16) copies.
// Lengths, distances and cosines are computed in double precision from the float32 rows;
// identical rows are at distance exactly 0 and, unless all zero, at cosine exactly 1; a cosine
// with an all-zero row is 0.
// Options (all optional): kind 'none' (no positional term) | 'integer' | 'binary' (default) |
// 'sinusoidal' (interleaved, base 10000); dim (default 8); start (default 0); causal (default
// false: a causal mask lets token i see tokens 0 .. i only, which already tells duplicates apart);
// embeddingStd (default 0.02): the standard deviation of every token-embedding component.
// Tokens: lowercased words (runs of letters and digits of any script) and single other
// characters (punctuation, emoji, each CJK ideograph); whitespace separates.
// Token embeddings: every component N(0, embeddingStd^2), the same on every machine for the same
// text and embeddingStd; related words (cat/kitten/dog/puppy, car/plane/train/bus, the lecture's
// words) sit close together. The default 0.02 (pe.analysisConstants.tokenEmbeddingStd) is GPT-2's
// initialisation; 1 is the Transformer paper's scale (it multiplies its embeddings, initialised
// with std 1/sqrt(d), by sqrt(d)). Another embeddingStd scales every token embedding by the same
// factor: lengths change, directions and cosine similarities do not. Attention (over the scaled
// embeddings): one head, softmax(Q K^T / sqrt(dim)) V, fixed weights.
// Limits: at most 2048 tokens; 1 <= dim <= 256 (even for sinusoidal); start >= 0 and
//         start + n - 1 <= 2^31 - 1 (pe.analysisConstants holds maxTokens, maxDim and
//         maxComparedCopies);
//         0.001 <= embeddingStd <= 10.
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
//                       //   j / samplesPerPosition, (1 - sin(2 pi x / 2^(i+1))) / 2, the sinusoid
//                       //   with bit i's period that crosses 1/2 where the bit jumps (bit i holds
//                       //   its value on [p, p + 1))
// Same start/count/dim limits and messages as pe.encode (start defaults to 0);
// 1 <= samplesPerPosition <= 64 (default 8).
//
// Errors: TypeError for a wrong type or an unknown name, RangeError for a value out of range;
//         the message names the parameter, what is allowed and what was received. The module
//         stays usable after any error. Returned arrays belong to the caller (no .delete()).
import createPECore from './generated/pe-core.mjs';
import wasmBase64 from './generated/pe-core-wasm.mjs';

// Each function's options: their JS types, a typeof name or a class (the keys, in this order, are
// the allowed options) and the defaults of the optional ones.
const ENCODE_TYPES = { kind: 'string', start: 'number', count: 'number', dim: 'number', base: 'number', layout: 'string' };
const ENCODE_DEFAULTS = { start: 0, base: 10000, layout: 'interleaved' };
const ANALYZE_TYPES = { kind: 'string', dim: 'number', start: 'number', causal: 'boolean', embeddingStd: 'number' };
const ANALYZE_DEFAULTS = { kind: 'binary', dim: 8, start: 0, causal: false };
const BINARY_STRUCTURE_TYPES = { start: 'number', count: 'number', dim: 'number' };
const BINARY_STRUCTURE_DEFAULTS = { start: 0 };
const SMOOTH_BITS_TYPES = { start: 'number', count: 'number', dim: 'number', samplesPerPosition: 'number' };
const SMOOTH_BITS_DEFAULTS = { start: 0, samplesPerPosition: 8 };
const SIMILARITY_TYPES = { data: Float32Array, dim: 'number' };
const utf8 = new TextEncoder();

function describe(value) {
  if (value === undefined) return 'nothing (undefined)';
  if (typeof value === 'string') return `string "${value}"`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (ArrayBuffer.isView(value)) return `${/^[AEIOU]/.test(value.constructor.name) ? 'an' : 'a'} ${value.constructor.name}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

// An option given as undefined takes its default, as a destructuring default would.
function withDefaults(defaults, options) {
  const given = Object.entries(options).filter(([, value]) => value !== undefined);
  return { ...defaults, ...Object.fromEntries(given) };
}

// Returns the complete request: rejects anything that is not a plain options object with only
// the known keys, fills in defaults, then checks each value's JS type; ranges are checked by the
// C++ core, so the limits live in one place.
function readOptions(options, types, defaults) {
  const known = Object.keys(types);
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`options must be an object like { ${known.join(', ')} }; received ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new TypeError(`unknown option "${key}"; allowed options: ${known.join(', ')}`);
    }
  }
  const request = withDefaults(defaults, options);
  for (const [key, type] of Object.entries(types)) {
    const isClass = typeof type === 'function';
    if (isClass ? !(request[key] instanceof type) : typeof request[key] !== type) {
      throw new TypeError(`${key} must be a ${isClass ? type.name : type}; received ${describe(request[key])}`);
    }
  }
  return request;
}

// Raw core results are { data } or { error: 'TypeError' | 'RangeError', message }.
function unwrap(result) {
  if (result.error === 'TypeError') throw new TypeError(result.message);
  if (result.error === 'RangeError') throw new RangeError(result.message);
  return result;
}

// The core sends the analysis' tokens as one space-joined string (no token contains whitespace)
// and its duplicate groups as one Int32Array of [size, ...indices] runs: two conversions across
// the boundary instead of several per token.
function splitTokens(joined) {
  return joined === '' ? [] : joined.split(' ');
}

function splitGroups(runs) {
  const groups = [];
  for (let k = 0; k < runs.length; k += 1 + runs[k]) {
    groups.push(Array.from(runs.subarray(k + 1, k + 1 + runs[k])));
  }
  return groups;
}

// Uint8Array.fromBase64 where the engine has it (Chrome 140+, Firefox 133+, Safari 18.2+): the
// loop below takes ~10 ms of a page load for the ~100 KB module.
function decodeBase64(text) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// pairIndices holds [group, a, b] per pair and pairMeasures its 8 measures, in this order, each
// without then with positions (src/wasm/bindings.cpp).
const PAIR_MEASURES = ['inputDistance', 'inputCosine', 'contextDistance', 'contextCosine'];

function splitPairs(indices, measures) {
  const pairs = [];
  for (let p = 0; p * 3 < indices.length; p += 1) {
    const pair = { group: indices[p * 3], a: indices[p * 3 + 1], b: indices[p * 3 + 2] };
    PAIR_MEASURES.forEach((name, m) => {
      pair[name] = { withoutPE: measures[p * 8 + m * 2], withPE: measures[p * 8 + m * 2 + 1] };
    });
    pairs.push(pair);
  }
  return pairs;
}

function makeApi(core) {
  return {
    /** Returns { kind, start, count, dim, base, layout, data: Float32Array(count * dim) }. */
    encode(options) {
      const request = readOptions(options, ENCODE_TYPES, ENCODE_DEFAULTS);
      const { kind, start, count, dim, base, layout } = request;
      const { data } = unwrap(core.encode(kind, start, count, dim, base, layout));
      return { kind, start, count, dim, base, layout, data };
    },

    /**
     * Returns { kind, dim, start, causal, embeddingStd, tokens: [{ text, position }], duplicates,
     * tokenEmbedding, positionEncoding, input, context: { withoutPE, withPE }, norms, pairs }.
     */
    analyze(text, options = {}) {
      if (typeof text !== 'string') {
        throw new TypeError(`text must be a string; received ${describe(text)}`);
      }
      const request = readOptions(options, ANALYZE_TYPES, { ...ANALYZE_DEFAULTS, embeddingStd: core.tokenEmbeddingStd });
      const { kind, dim, start, causal, embeddingStd } = request;
      // The core gets UTF-8 bytes from TextEncoder, which turns lone surrogates into U+FFFD;
      // Emscripten's own string conversion would glue them to the next character instead.
      const raw = unwrap(core.analyze(utf8.encode(text), kind, dim, start, causal, embeddingStd));
      return {
        kind, dim, start, causal, embeddingStd,
        tokens: splitTokens(raw.tokens).map((token, r) => ({ text: token, position: start + r })),
        duplicates: splitGroups(raw.duplicates),
        tokenEmbedding: raw.tokenEmbedding,
        positionEncoding: raw.positionEncoding,
        input: raw.input,
        context: { withoutPE: raw.contextWithoutPE, withPE: raw.contextWithPE },
        norms: { tokenEmbedding: raw.tokenNorms, positionEncoding: raw.positionNorms },
        pairs: splitPairs(raw.pairIndices, raw.pairMeasures),
      };
    },

    /** Limits of analyze() and the default standard deviation of its token embeddings'
     *  components. */
    analysisConstants: Object.freeze({
      maxTokens: core.analysisMaxTokens,
      maxDim: core.analysisMaxDim,
      maxComparedCopies: core.analysisMaxComparedCopies,
      tokenEmbeddingStd: core.tokenEmbeddingStd,
    }),

    /** Returns { start, count, dim, hamming, sameCodeAs, flipPeriods, repeatsFrom }. */
    binaryStructure(options) {
      const request = readOptions(options, BINARY_STRUCTURE_TYPES, BINARY_STRUCTURE_DEFAULTS);
      const { start, count, dim } = request;
      return { start, count, dim, ...unwrap(core.binaryStructure(start, count, dim)) };
    },

    /** Returns { start, count, dim, samplesPerPosition, data: Float32Array }. */
    smoothBits(options) {
      const request = readOptions(options, SMOOTH_BITS_TYPES, SMOOTH_BITS_DEFAULTS);
      const { start, count, dim, samplesPerPosition } = request;
      const { data } = unwrap(core.smoothBits(start, count, dim, samplesPerPosition));
      return { start, count, dim, samplesPerPosition, data };
    },

    /** Returns { rows, dim, data: Float64Array(rows * rows) }. */
    cosineSimilarities(options) {
      const { data, dim } = readOptions(options, SIMILARITY_TYPES, {});
      const { rows, data: matrix } = unwrap(core.cosineSimilarities(data, dim));
      return { rows, dim, data: matrix };
    },

    /** Bytes allocated on the wasm heap right now; for leak checks in tests. */
    heapBytesInUse() {
      return core.heapBytesInUse();
    },

    /** Size of the wasm memory (it only ever grows); for tests of results outliving growth. */
    memoryBytes() {
      return core.memoryBytes();
    },
  };
}

let loading = null;

/** Resolves to the API once the WebAssembly module is ready; later calls share one instance. */
export function loadPE() {
  loading ??= createPECore({ wasmBinary: decodeBase64(wasmBase64) }).then(makeApi);
  return loading;
}
