// The runs on screen: one per chosen scheme, in pe.schemes' order, all under one set of settings.
// A change of schemes adds or drops runs and leaves the others where they are; any other change
// of settings invalidates every run (they would no longer be comparable), so they start again.
import { createTrainer } from './trainer-runs.js';
import { createTrainingRun } from './training-run.js';

// The settings whose change starts every run again, and how the message names each.
export const RESETTING = {
  task: 'the task',
  norm: 'the norm',
  causal: 'the causal mask',
  start: 'the first position',
  length: 'the training length',
  size: 'the model size',
  lr: 'the learning rate',
  steps: 'the number of steps',
  seed: 'the seed',
};

/** The names of the settings that differ between two settings objects and reset the runs. */
export function resettingChanges(before, after) {
  return Object.keys(RESETTING).filter((key) => before[key] !== after[key]);
}

/** Returns { runs(), reset(settings), follow(settings) }: follow adds and drops runs for a new
 *  choice of schemes; reset replaces them all. Both throw the core's errors for bad settings. */
export function createRunSet(pe) {
  let runs = [];
  let trainers = new Map();

  function add(settings, scheme) {
    const trainer = createTrainer(pe, settings, scheme);
    trainers.set(scheme, trainer);
    return createTrainingRun({ trainer, scheme, trainingLength: settings.length });
  }

  function dropAll() {
    for (const trainer of trainers.values()) trainer.dispose();
    trainers = new Map();
    runs = [];
  }

  return {
    runs: () => runs,
    trainerOf: (scheme) => trainers.get(scheme),
    reset(settings) {
      dropAll();
      runs = settings.schemes.map((scheme) => add(settings, scheme));
    },
    follow(settings) {
      for (const run of runs) {
        if (settings.schemes.includes(run.scheme)) continue;
        trainers.get(run.scheme).dispose();
        trainers.delete(run.scheme);
      }
      const kept = new Map(runs.filter(({ scheme }) => trainers.has(scheme)).map((run) => [run.scheme, run]));
      runs = settings.schemes.map((scheme) => kept.get(scheme) ?? add(settings, scheme));
    },
  };
}
