// The settings the two sentence views share (text, tokenizer, token embeddings, position scheme
// and its options, dimensions, first position): their link parameters, their limits, and the
// lecture's starting position. The schemes and their options come from the core's registry
// (pe.schemes).
import { choiceParam, coreCheckedParam, integerParam, textParam } from '../../lib/url-params.js';

export const DIM_LIMITS = { min: 2, max: 64 };
// Far past any context length the lecture discusses, and small enough that integer positions
// stay exact in float32 (up to 2^24).
export const START_LIMITS = { min: 0, max: 1_000_000 };
// The lecture's example: the first "dog" at position 200 (the second at 203).
export const LECTURE_START = 200;
// Room for a paragraph; the views draw one chip, strip and matrix row per token.
export const MAX_TEXT_LENGTH = 2000;
export const MAX_TOKENS = 256;

/** The options of the given schemes, each once (base is shared by sinusoidal and RoPE), leaving
 *  out those no control can set (a scaling object). */
export function schemeOptions(schemes) {
  const options = new Map();
  for (const scheme of schemes) {
    for (const option of scheme.options) if (option.type !== 'scaling') options.set(option.name, option);
  }
  return [...options.values()];
}

// A link value for a number option is checked by the core, which owns the limits: an analysis
// of no text fails only on the options.
function optionParam(pe, option) {
  if (option.type === 'choice')
    return choiceParam(
      option.default,
      option.choices.map(({ value }) => value),
    );
  return coreCheckedParam(option.default, option.name, (value) => pe.analyze('', { [option.name]: value }));
}

/** The link schema of a sentence view offering schemes, with the given default text and kind. */
export function sentenceParams(pe, schemes, { text, kind }) {
  return {
    text: textParam(text, MAX_TEXT_LENGTH),
    tokenizer: choiceParam(
      'words',
      pe.tokenizers.map(({ name }) => name),
    ),
    embeddings: choiceParam(
      'synthetic',
      pe.embeddings.map(({ name }) => name),
    ),
    kind: choiceParam(
      kind,
      schemes.map(({ name }) => name),
    ),
    ...Object.fromEntries(schemeOptions(schemes).map((option) => [option.name, optionParam(pe, option)])),
    dim: integerParam(8, DIM_LIMITS.min, DIM_LIMITS.max),
    start: integerParam(0, START_LIMITS.min, START_LIMITS.max),
  };
}
