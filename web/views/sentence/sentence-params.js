// The sentence view's link settings and the example sentences it offers.
import { flagParam, integerParam } from '../../lib/url-params.js';
import { sentenceParams as sharedSentenceParams } from '../shared/sentence-params.js';

const DOG = 'The dog chased another dog';
export const EXAMPLES = [DOG, 'The dog chased the ball. It could not catch it.', 'the dog the dog'];
// How far "shift every position" moves the sentence: the box's limits and default.
export const SHIFT_LIMITS = { min: 0, max: 1_000_000 };
const DEFAULT_SHIFT = 1000;

export function sentenceParams(pe) {
  return {
    ...sharedSentenceParams(pe, pe.schemes, { text: DOG, kind: 'binary' }),
    causal: flagParam(false),
    shift: integerParam(DEFAULT_SHIFT, SHIFT_LIMITS.min, SHIFT_LIMITS.max),
  };
}
