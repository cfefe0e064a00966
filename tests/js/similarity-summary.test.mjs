// The magnitude view's similarity title and note (web/views/magnitude/similarity-summary.js) on
// real analyses: "related" means two words of one of the core's synthetic word groups, so it is
// said only of the synthetic vectors; with GloVe's vectors, whose own similarities are the
// meaning, no pair is called related or unrelated.
// Run: node --test tests/js/similarity-summary.test.mjs   (after the wasm build)
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadPE } from '../../web/pe.js';
import { summarizeSimilarity } from '../../web/views/magnitude/similarity-summary.js';

const pe = await loadPE();
await pe.loadEmbeddings('glove');
await pe.loadTokenizer('gpt2');
const CAT = 'The cat and the kitten watched a plane';

function summary(kind, options, clusters) {
  const a = pe.analyze(CAT, { kind, ...options });
  return summarizeSimilarity({
    kind,
    scaleBrief: 'these word vectors',
    tokens: a.tokens,
    without: pe.cosineSimilarities({ data: a.tokenEmbedding, dim: a.dim }).data,
    withPE: pe.cosineSimilarities({ data: a.input, dim: a.dim }).data,
    positionNorms: a.norms.positionEncoding,
    clusters,
  });
}

test('with GloVe no sentence calls a pair related or unrelated, for every scheme', () => {
  for (const { name } of pe.schemes) {
    const { title, note, grouped, unit } = summary(name, { embeddings: 'glove' }, null);
    assert.deepEqual([grouped, unit], [false, 'words']);
    assert.doesNotMatch(`${title} ${note}`, /related|seeded/, `${name}: ${title} ${note}`);
  }
  assert.equal(
    summary('none', { embeddings: 'glove' }, null).title.startsWith('Without positions only the words shape similarity: pairs'),
    true,
  );
});

test("with the synthetic vectors the core's word groups decide which pairs are related", () => {
  const { title, relatedPairs } = summary('none', {}, pe.vocabularyClusters);
  assert.ok(relatedPairs > 0);
  assert.match(title, /related pair/);
  const bpe = summary('binary', { tokenizer: 'gpt2' }, []);
  assert.equal(bpe.unit, 'tokens');
  assert.match(summary('none', { tokenizer: 'gpt2' }, []).title, /seeded by their ids/);
});
