// The one module of the view that calls the trainer's API (pe.trainer, pe.tasks; issue 19's
// shape): every other part of the view sees the plain shapes this module returns, so a change of
// the API touches this file alone. The trainer's module arrives on demand (pe.loadTrainer), so
// loadTrainer resolves before the first trainer is made.

// The model's size presets: the README's default model (small) and a quicker one (tiny).
export const SIZES = {
  small: { layers: 2, dModel: 32, heads: 4 },
  tiny: { layers: 1, dModel: 16, heads: 2 },
};

/** Loads the trainer's module (once): resolves to { tasks, declarations }: the tasks of the
 *  core's registry, [{ name, label, needs, description, vocabulary, classes }] in its order, the
 *  first the default, and the trainer's declarations of its options (as pe.requests). */
export async function loadTrainer(pe) {
  const declarations = await pe.loadTrainer();
  const tasks = Array.from(pe.tasks, ({ name, label, needs, description, vocabulary, classes }) => ({
    name,
    label,
    needs,
    description,
    vocabulary,
    classes,
  }));
  return { tasks, declarations };
}

/** The trainer's options for one scheme under the view's settings. */
export function trainerOptions(settings, scheme) {
  return {
    task: settings.task,
    scheme,
    norm: settings.norm,
    causal: settings.causal,
    ...SIZES[settings.size],
    trainingLength: settings.length,
    firstPosition: settings.start,
    learningRate: settings.lr,
    steps: settings.steps,
    seed: settings.seed,
  };
}

/** Every option of one scheme's run as the trainer fills them in (its defaults included): what
 *  "Copy as PyTorch" writes its script from. */
export function resolvedOptions(pe, settings, scheme) {
  const trainer = pe.trainer(trainerOptions(settings, scheme));
  const { options } = trainer;
  trainer.dispose();
  return options;
}

/**
 * A trainer for one scheme, wrapped: { step(maxMs), stepOnce(), state(), evaluate(lengths,
 * sequences), attention({ length, example, layer, head }), positionTable(), dispose() }. Throws
 * the core's TypeError or RangeError for options it refuses.
 */
export function createTrainer(pe, settings, scheme) {
  const trainer = pe.trainer(trainerOptions(settings, scheme));
  const losses = (report) => ({ firstStep: report.firstStep, losses: Array.from(report.losses) });
  return {
    /** Up to maxSteps steps, none started after maxMs (one at least): { firstStep, losses }. */
    step: (maxMs, maxSteps) => losses(trainer.step({ steps: maxSteps, maxMs })),
    stepOnce: () => losses(trainer.step({ steps: 1 })),
    /** { step, steps, finished, divergedAt (null unless it diverged) } */
    state() {
      const { step, steps, finished, divergedAt } = trainer.state();
      return { step, steps, finished, divergedAt: divergedAt || null };
    },
    /** Held-out token accuracy per length (in the order asked) and the loss over all of them. */
    evaluate(lengths, sequences) {
      const { byLength, loss } = trainer.evaluate({ lengths, sequences });
      return { lengths: byLength.map((row) => row.length), accuracy: byLength.map((row) => row.tokenAccuracy), loss };
    },
    /** Held-out sequence `example` of `length`: tokens, labels, predictions and one head's
     *  weights, (length, length) row-major, row i over keys 0 .. length - 1. */
    attention(request) {
      const { length, tokens, labels, predictions, weights } = trainer.attention(request);
      return { length, tokens: Array.from(tokens), labels: Array.from(labels), predictions: Array.from(predictions), weights };
    },
    /** The table added to the input: { firstPosition, rows, dim, learned, values (rows, dim),
     *  trained (rows: 1 where training reached the row) }; rows 0 for schemes that add none. */
    positionTable() {
      const { firstPosition, rows, dim, learned, values, trained } = trainer.positionTable();
      return { firstPosition, rows, dim, learned, values, trained: Array.from(trained, Boolean) };
    },
    dispose: () => trainer.dispose(),
  };
}
