// What the page's token embeddings are, in one sentence both sentence views show.
import { formatShort } from './format.js';

/** std: the standard deviation of every embedding component (from pe.analyze's documentation). */
export function embeddingNote(std) {
  return `Token embeddings here are synthetic toy vectors, not a trained model's: each component ` +
    `is random with standard deviation ${formatShort(std)}, the scale of a freshly initialised ` +
    'model such as GPT-2, and a few related words (dog, puppy, cat, kitten; car, plane, train, ' +
    'bus) are placed close together.';
}
