// The settings the two sentence views share (text, encoding, dimensions, first position): their
// link parameters, their limits, and the lecture's starting position.
import { choiceParam, integerParam, textParam } from '../../app/url-params.js';

export const KINDS = ['none', 'integer', 'binary', 'sinusoidal'];
export const DIM_LIMITS = { min: 2, max: 64 };
// Far past any context length the lecture discusses, and small enough that integer positions
// stay exact in float32 (up to 2^24).
export const START_LIMITS = { min: 0, max: 1_000_000 };
// The lecture's example: the first "dog" at position 200.
export const LECTURE_START = 200;
// Room for a paragraph; the views draw one chip, strip and matrix row per token.
export const MAX_TEXT_LENGTH = 2000;
export const MAX_TOKENS = 256;

/** The link schema of a sentence view with the given default text and encoding. */
export function sentenceParams({ text, kind }) {
  return {
    text: textParam(text, MAX_TEXT_LENGTH),
    kind: choiceParam(kind, KINDS),
    dim: integerParam(8, DIM_LIMITS.min, DIM_LIMITS.max),
    start: integerParam(0, START_LIMITS.min, START_LIMITS.max),
  };
}
