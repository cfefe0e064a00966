// The training lab's settings: their link parameters and limits. The defaults are the core's
// (src/training/trainer_request.hpp: task kback, RMSNorm, causal, training length 16, learning
// rate 0.01, 600 steps, seed 1; size small is its 2 layers, d_model 32, 4 heads), which the
// browser test checks against the trainer's declarations (pe.loadTrainer()).
import { choiceParam, flagParam, integerParam, listParam, nameParam, numberParam } from '../../lib/url-params.js';
import { SIZES } from './trainer-runs.js';

export const LIMITS = {
  start: { min: 0, max: 1e9 },
  length: { min: 1, max: 64 },
  // A run in the page: 100,000 steps already take minutes for every scheme.
  steps: { min: 1, max: 100000 },
  seed: { min: 0, max: Number.MAX_SAFE_INTEGER },
  lr: { above: 0, max: 10 },
};

export const NORMS = [
  { value: 'rms', label: 'RMSNorm (Llama, DeepSeek)' },
  { value: 'layer', label: 'LayerNorm (GPT-2)' },
];

const checkRate = (value) => (value > LIMITS.lr.above && value <= LIMITS.lr.max ? null : `must be above 0 and at most ${LIMITS.lr.max}`);

/** The link schema; schemes are pe.schemes' names, every one by default. */
export function trainParams(pe) {
  const schemes = pe.schemes.map(({ name }) => name);
  return {
    task: nameParam('kback'),
    schemes: listParam(schemes, schemes),
    norm: choiceParam(
      'rms',
      NORMS.map(({ value }) => value),
    ),
    causal: flagParam(true),
    start: integerParam(0, LIMITS.start.min, LIMITS.start.max),
    length: integerParam(16, LIMITS.length.min, LIMITS.length.max),
    size: choiceParam('small', Object.keys(SIZES)),
    lr: numberParam(0.01, checkRate),
    steps: integerParam(600, LIMITS.steps.min, LIMITS.steps.max),
    seed: integerParam(1, LIMITS.seed.min, LIMITS.seed.max),
    autoplay: flagParam(false),
  };
}
