// What the page's token embeddings are, in one sentence both sentence views show.
import { formatShort } from './format.js';

/** scale: one of ./embedding-scales.js's scales, the one of the vectors on show. */
export function embeddingNote(scale) {
  return `Token embeddings here are synthetic toy vectors, not a trained model's: each component ` +
    `is random with standard deviation ${formatShort(scale.std)}, ${scale.origin}, and a few ` +
    'related words (dog, puppy, cat, kitten; car, plane, train, bus) are placed close together.';
}
