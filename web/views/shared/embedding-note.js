// What the page's token embeddings are, in a note both sentence views show. The word groups
// are the core's own (pe.vocabularyClusters), so the note names every word that sits close to
// others, never a hand-kept subset.
import { formatShort } from './format.js';

// "animals: cat, kitten, dog, puppy; vehicles: car, plane, train, bus; …"
function groupList(clusters) {
  return clusters.map(({ cluster, words }) => `${cluster}: ${words.join(', ')}`).join('; ');
}

/**
 * scale: one of ./embedding-scales.js's scales, the one of the vectors on show; clusters:
 * pe.vocabularyClusters ([{ cluster, words }]); tokenizer: the entry of pe.tokenizers in use.
 */
export function embeddingNote(scale, clusters, tokenizer) {
  const start = 'Token embeddings here are synthetic toy vectors, not a trained model\'s: each component ' +
    `is random with standard deviation ${formatShort(scale.std)}, ${scale.origin}`;
  if (tokenizer.name !== 'words') {
    return `${start}. With ${tokenizer.label}’s tokenizer each token’s vector is drawn from a random generator seeded by ` +
      'its token id, so it is the same in every sentence and on every machine; the ids carry no meaning here, so no ' +
      'tokens are placed close together.';
  }
  return `${start}. The words of each of these groups are placed close together: ${groupList(clusters)}. ` +
    'Any two different words of one group count as a related pair.';
}
