// The sinusoidal view's settings: their limits, link parameters, number boxes and one-click
// examples. The layouts and the base's default come from the core's registry (pe.schemes).
import { choiceParam, coreCheckedParam, integerParam } from '../../lib/url-params.js';
import { integerParams, POSITION_LIMITS } from '../shared/range-params.js';

const LIMITS = {
  start: POSITION_LIMITS,
  // The similarity matrix is count x count: 256 positions already make cells under 2 px.
  count: { min: 2, max: 256 },
  dim: { min: 2, max: 512 }, // even; 512 is the paper's d_model
  by: POSITION_LIMITS,
  bits: { min: 1, max: 16 }, // as in the waves view
};

const DEFAULTS = { start: 0, count: 64, dim: 32, by: 3, bits: 8 };
export const RANGE_KEYS = ['start', 'count', 'by']; // reset together when the core rejects a link

/** The sinusoidal scheme's option named name, from pe.schemes. */
export function schemeOption(pe, name) {
  return pe.schemes.find((scheme) => scheme.name === 'sinusoidal').options.find((option) => option.name === name);
}

// An even whole number in [min, max]: one sin/cos pair per frequency.
function evenParam(defaultValue, { min, max }) {
  const whole = integerParam(defaultValue, min, max);
  return {
    ...whole,
    parse(raw) {
      const parsed = whole.parse(raw);
      return 'error' in parsed || parsed.value % 2 === 0 ? parsed : { error: `must be an even whole number from ${min} to ${max}` };
    },
  };
}

/** The link schema. A base is checked by the core, whose message is cut to the rule. */
export function sinusoidalParams(pe) {
  const base = schemeOption(pe, 'base');
  const layout = schemeOption(pe, 'layout');
  return {
    ...integerParams(DEFAULTS, LIMITS),
    dim: evenParam(DEFAULTS.dim, LIMITS.dim),
    base: coreCheckedParam(base.default, 'base', (value) => pe.sinusoidalFrequencies({ dim: 2, base: value })),
    layout: choiceParam(
      layout.default,
      layout.choices.map(({ value }) => value),
    ),
  };
}

export const FIELDS = [
  { name: 'start', label: 'First position', limits: LIMITS.start },
  { name: 'count', label: 'Positions', limits: LIMITS.count },
  { name: 'dim', label: 'Dimensions d (even)', limits: LIMITS.dim },
  { name: 'by', label: 'Offset k', limits: LIMITS.by },
  { name: 'bits', label: 'Bits to compare', limits: LIMITS.bits },
];

export const PRESETS = [
  { label: 'The paper’s d = 512', title: 'The Transformer paper’s model width: 256 frequency pairs', values: { dim: 512, count: 64 } },
  {
    label: 'd = 8: four pairs',
    title: 'Few dimensions: every 2 × 2 block of the rotation is readable',
    values: { dim: 8, count: 32, by: 1 },
  },
  { label: '127 → 128 with 8 bits', title: 'Where binary flips all 8 bits at once', values: { start: 120, count: 16, bits: 8 } },
  {
    label: 'From position 1,000,000',
    title: 'Far along the text: the same bands and the same rotation',
    values: { start: 1000000, count: 64 },
  },
];
