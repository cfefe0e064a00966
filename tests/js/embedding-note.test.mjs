// The note about the page's token embeddings (web/views/shared/embedding-note.js and
// embedding-scales.js): it names every word group of the core, at the scale on show, and says
// which source each scale comes from.
// Run: node --test tests/js/embedding-note.test.mjs   (after the wasm build)
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadPE } from '../../web/pe.js';
import { embeddingNote, wordVectorNote } from '../../web/views/shared/embedding-note.js';
import { embeddingScales } from '../../web/views/shared/embedding-scales.js';

const pe = await loadPE();
const scales = embeddingScales(pe.analysisConstants.tokenEmbeddingStd);
const [words, gpt2] = pe.tokenizers;

test("the note lists every word of every one of the core's groups, in the core's order", () => {
  const note = embeddingNote(scales.init, pe.vocabularyClusters, words);
  assert.ok(pe.vocabularyClusters.length >= 8);
  let at = 0;
  for (const { cluster, words } of pe.vocabularyClusters) {
    const entry = `${cluster}: ${words.join(', ')}`;
    const found = note.indexOf(entry, at);
    assert.ok(found >= at, `the group ${entry} is missing or out of order`);
    at = found + entry.length;
  }
  // The pairs the magnitude view finds most alike are among them, not only cat and kitten.
  assert.match(note, /determiners: the, a, an, another/);
  assert.match(note, /pronouns: it, he, she, they/);
});

test("each scale says where it comes from: GPT-2 for 0.02, the paper's √d on tensor2tensor's 1/√d for 1", () => {
  assert.equal(scales.init.std, 0.02);
  assert.match(
    embeddingNote(scales.init, pe.vocabularyClusters, words),
    /standard deviation 0\.02, the scale at which GPT-2 initialises its token embeddings\./,
  );
  const paper = embeddingNote(scales.paper, pe.vocabularyClusters, words);
  assert.match(
    paper,
    /standard deviation 1, the scale of the Transformer paper’s embeddings \(the paper multiplies them by √d; its authors’ library, tensor2tensor, initialises them with standard deviation 1\/√d, so the product has standard deviation 1\)/,
  );
  assert.match(scales.paper.choice, /Transformer paper’s × √d on tensor2tensor’s 1\/√d initialisation/);
  assert.match(scales.init.choice, /GPT-2/);
});

test('with a BPE tokenizer the note says the vectors are seeded by the token id and grouped by nothing', () => {
  const note = embeddingNote(scales.init, pe.vocabularyClusters, gpt2);
  assert.match(note, /standard deviation 0\.02/);
  assert.match(note, /With GPT-2’s tokenizer each token’s vector is drawn from a random generator seeded by its token id/);
  assert.match(note, /no tokens are placed close together/);
  assert.doesNotMatch(note, /animals/);
});

test("with GloVe the note gives the numbers of this analysis: the dimension, the missing words' scale and which they are", async () => {
  await pe.loadEmbeddings('glove');
  const glove = pe.embeddings.find(({ name }) => name === 'glove');
  const a = pe.analyze('a cat and a qwxzv', { embeddings: 'glove' });
  const note = wordVectorNote(glove, a, 'marked * in the figures');
  assert.match(note, /^Token embeddings here are real word vectors, GloVe 6B 100d: 100 numbers per word/);
  assert.match(note, /\(marked \* in the figures\) gets a synthetic random vector instead, with standard deviation 0\.529 per component/);
  assert.match(note, /so about 5\.29 long/);
  assert.match(note, /Not in the table here: “\u2068a\u2069”, “\u2068qwxzv\u2069”\.$/);
  assert.match(wordVectorNote(glove, pe.analyze('cat and kitten', { embeddings: 'glove' }), 'x'), /Every token here is in the table\.$/);
});
