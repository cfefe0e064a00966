// The training lab's settings: their link parameters, and the limits of the numbers the trainer
// takes, read from the trainer's own declarations (src/training/trainer_request.hpp, as
// pe.loadTrainer() resolves to them) so that no bound is written twice. The link is read before
// the trainer's module has arrived: its numbers are checked there for their kind only (a whole
// number, a decimal number), and against the declared limits once the view has them
// (limitNotes). The defaults are the core's (task kback, RMSNorm, causal, training length 16,
// learning rate 0.01, 600 steps, seed 1; size small is its 2 layers, d_model 32, 4 heads), which
// the browser test checks against the same declarations.
import { choiceParam, flagParam, integerParam, listParam, nameParam, numberParam, tupleParam, wholeParam } from '../../lib/url-params.js';
import { PREFERRED_PAIR } from './attention-choice.js';
import { SIZES } from './trainer-runs.js';

// The view's numbers and the trainer's options they are given as.
const DECLARED = { start: 'firstPosition', length: 'trainingLength', lr: 'learningRate', steps: 'steps', seed: 'seed' };
// A run in the page: 100,000 steps already take minutes for every scheme (the trainer takes more).
const PAGE_MAX_STEPS = 100000;

export const NORMS = [
  { value: 'rms', label: 'RMSNorm (Llama, DeepSeek)' },
  { value: 'layer', label: 'LayerNorm (GPT-2)' },
];

const most = (key) => Math.max(...Object.values(SIZES).map((size) => size[key]));

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
    // The numbers' limits arrive with the trainer's module (limitNotes).
    start: wholeParam(0),
    length: wholeParam(16),
    size: choiceParam('small', Object.keys(SIZES)),
    lr: numberParam(0.01, () => null),
    steps: wholeParam(600),
    seed: wholeParam(1),
    // The attention panel's choice: two schemes side by side, a layer and a head, counted from 1
    // as the panel names them; whether the runs and the model size allow them is fitChoice's.
    pair: tupleParam(PREFERRED_PAIR, schemes, 2),
    layer: integerParam(1, 1, most('layers')),
    head: integerParam(1, 1, most('heads')),
    autoplay: flagParam(false),
  };
}

/**
 * The limits of the view's numbers from the trainer's declarations (pe.loadTrainer()'s): whole
 * numbers as { min, max }, the learning rate as { above, max }; steps stop at the page's own
 * maximum where the trainer allows more.
 */
export function trainLimits(declarations) {
  const rangeOf = (field) => declarations.trainer.options.find(({ name }) => name === DECLARED[field]).range;
  const whole = (field) => ({ min: rangeOf(field).minimum, max: rangeOf(field).maximum });
  const steps = whole('steps');
  return {
    start: whole('start'),
    length: whole('length'),
    steps: { ...steps, max: Math.min(steps.max, PAGE_MAX_STEPS) },
    seed: whole('seed'),
    lr: { above: rangeOf('lr').exclusiveMinimum, max: rangeOf('lr').maximum },
  };
}

/** Whether value is within limit (trainLimits' shapes). */
export function allows(limit, value) {
  if ('above' in limit) return value > limit.above && value <= limit.max;
  return Number.isInteger(value) && value >= limit.min && value <= limit.max;
}

/** What limit allows, as a sentence words it: 'a whole number from 1 to 64'. */
export function limitWords(limit) {
  return 'above' in limit ? `a number above ${limit.above} and at most ${limit.max}` : `a whole number from ${limit.min} to ${limit.max}`;
}

/** The link's numbers that limits do not allow, each set back to its default in settings;
 *  returns a sentence for each. */
export function limitNotes(settings, limits, schema) {
  const notes = [];
  for (const [field, limit] of Object.entries(limits)) {
    if (allows(limit, settings[field])) continue;
    const fallback = schema[field].defaultValue;
    notes.push(`The link’s ${field} "${settings[field]}" must be ${limitWords(limit)}, so the default "${fallback}" is used.`);
    settings[field] = fallback;
  }
  return notes;
}
