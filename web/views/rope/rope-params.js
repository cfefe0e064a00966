// The RoPE view's settings: their link parameters and limits. The presets and the base's limits
// come from the core.
import { choiceParam, coreCheckedParam, integerParam } from '../../lib/url-params.js';

export const DIMS = [8, 16, 32, 64, 128];
export const SPANS = [64, 256, 1024, 4096]; // offsets 0 .. span
export const POSITION_LIMITS = { min: 0, max: 100000 };
export const MAX_SEED = 4294967295; // any whole number; row seed mod dim of W_q and W_k

/** A whole number from a fixed list (a select of numbers). */
function numberChoiceParam(defaultValue, choices) {
  return {
    defaultValue,
    parse(raw) {
      const value = Number(raw);
      return /^\d+$/.test(raw) && choices.includes(value) ? { value } : { error: `must be one of ${choices.join(', ')}` };
    },
    format: String,
  };
}

/** The link schema; a base is checked by the core, which owns its limits. */
export function ropeParams(pe) {
  return {
    dim: numberChoiceParam(32, DIMS),
    base: coreCheckedParam(10000, 'base', (base) => pe.ropeFrequencies({ dim: 2, base })),
    pairing: choiceParam('interleaved', ['interleaved', 'half']),
    position: integerParam(20, POSITION_LIMITS.min, POSITION_LIMITS.max),
    span: numberChoiceParam(256, SPANS),
    seed: integerParam(1, 0, MAX_SEED),
    preset: choiceParam(
      'llama3.1',
      pe.ropePresets.map(({ name }) => name),
    ),
  };
}
