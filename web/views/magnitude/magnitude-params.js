// The magnitude view's link settings, the schemes it offers and its example sentences.
import { choiceParam } from '../../lib/url-params.js';
import { sentenceParams } from '../shared/sentence-params.js';
import { SCALE_NAMES } from '../shared/embedding-scales.js';

// Related words (cat, kitten; plane) next to unrelated ones, as in the lecture.
const CAT = 'The cat and the kitten watched a plane';
export const EXAMPLES = [CAT, 'A puppy and a dog chased the train and the car'];

// This view compares the length of what a scheme adds to each word vector, so it offers the
// schemes with a table to add (and none); RoPE and ALiBi add nothing to the input.
export function tableSchemes(pe) {
  return pe.schemes.filter(({ actsOn }) => actsOn === 'none' || actsOn === 'input');
}

export function magnitudeParams(pe) {
  return { ...sentenceParams(pe, tableSchemes(pe), { text: CAT, kind: 'integer' }), scale: choiceParam('init', SCALE_NAMES) };
}
