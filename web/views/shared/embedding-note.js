// What the page's token embeddings are, in a note both sentence views show. The word groups
// are the core's own (pe.vocabularyClusters), so the note names every word that sits close to
// others, never a hand-kept subset.
import { formatShort, quoteToken } from '../../lib/format.js';

// "animals: cat, kitten, dog, puppy; vehicles: car, plane, train, bus; …"
function groupList(clusters) {
  return clusters.map(({ cluster, words }) => `${cluster}: ${words.join(', ')}`).join('; ');
}

/**
 * scale: one of ./embedding-scales.js's scales, the one of the vectors on show; clusters:
 * pe.vocabularyClusters ([{ cluster, words }]); tokenizer: the entry of pe.tokenizers in use.
 */
export function embeddingNote(scale, clusters, tokenizer) {
  const start =
    "Token embeddings here are synthetic toy vectors, not a trained model's: each component " +
    `is random with standard deviation ${formatShort(scale.std)}, ${scale.origin}`;
  if (tokenizer.name !== 'words') {
    return (
      `${start}. With ${tokenizer.label}’s tokenizer each token’s vector is drawn from a random generator seeded by ` +
      'its token id, so it is the same in every sentence and on every machine; the ids carry no meaning here, so no ' +
      'tokens are placed close together.'
    );
  }
  return (
    `${start}. The words of each of these groups are placed close together: ${groupList(clusters)}. ` +
    'Any two different words of one group count as a related pair.'
  );
}

/**
 * The note for a table of word vectors: entry, the one of pe.embeddings in use; analysis,
 * pe.analyze's result with it (its dim, embeddingStd and tokens' oov), as the page calls it:
 * with no embeddingStd of its own, so the synthetic vectors of missing words get the table's;
 * mark: how the view marks such a word ('marked * in the figures').
 */
export function wordVectorNote(entry, analysis, mark) {
  const missing = [...new Set(analysis.tokens.filter(({ oov }) => oov).map(({ text }) => text))];
  const { dim, embeddingStd } = analysis;
  return (
    `Token embeddings here are real word vectors, ${entry.label}: ${dim} numbers per word, used as they are: trained on how often words ` +
    `occur together, so words used in similar contexts tend to point in similar directions. A word the table lacks (${mark}) ` +
    `gets a synthetic random vector instead, with standard deviation ${formatShort(embeddingStd)} per component, ` +
    `the table’s root-mean-square component, so about ${formatShort(embeddingStd * Math.sqrt(dim))} long like a typical vector of ` +
    'the table; its direction means nothing. ' +
    (missing.length > 0 ? `Not in the table here: ${missing.map(quoteToken).join(', ')}.` : 'Every token here is in the table.')
  );
}

/** The note for the word vectors in use (entry, one of pe.embeddings): embeddingNote for the
 *  synthetic ones at scale with the tokenizer named tokenizer, else wordVectorNote. */
export function vectorsNote(pe, { entry, scale, tokenizer, analysis, mark }) {
  if (entry.dim !== null) return wordVectorNote(entry, analysis, mark);
  return embeddingNote(
    scale,
    pe.vocabularyClusters,
    pe.tokenizers.find(({ name }) => name === tokenizer),
  );
}
