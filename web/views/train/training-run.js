// One scheme's run: its trainer stepped a slice at a time, its training losses as they come, and
// the held-out measurements due at fixed steps (the loss on held-out sequences of the trained
// lengths, the accuracy by length up to 4 x the training length), taken in small pieces between
// slices so that no frame runs long. While a measurement is under way the run does not train, so
// every piece of it sees the same weights. Pure: the trainer (trainer-runs.js) and the clock are
// given, so the node tests drive it with a fake.

export const HELD_OUT_POINTS = 40; // held-out losses per run (and one before the first step)
export const ACCURACY_POINTS = 4; // accuracy refreshes per run, the last at its end
// Tokens evaluated per piece of an accuracy measurement: about a training step's work, so a piece
// fits a frame's slice as a step does.
export const TOKENS_PER_PIECE = 1024;
export const HELD_OUT_SEQUENCES = 8; // held-out sequences per length for the loss
// Held-out sequences per length for the accuracy: a quick look while training, and pe-train's
// 32 once the run has ended.
export const ACCURACY_SEQUENCES = { during: 8, final: 32 };

/** Lengths 1 to 4 x trainingLength: where the accuracy is measured. */
export function evaluationLengths(trainingLength) {
  return Array.from({ length: 4 * trainingLength }, (_, i) => i + 1);
}

// The lengths in groups of about TOKENS_PER_PIECE tokens (sequences of each), one length at least.
function piecesOf(lengths, sequences) {
  const groups = [[]];
  let tokens = 0;
  for (const length of lengths) {
    if (groups[groups.length - 1].length && tokens + length * sequences > TOKENS_PER_PIECE) {
      groups.push([]);
      tokens = 0;
    }
    groups[groups.length - 1].push(length);
    tokens += length * sequences;
  }
  return groups;
}

// The steps at which a measurement is due: every `every` steps, and the last.
function dueAt(step, steps, count) {
  const every = Math.max(1, Math.round(steps / count));
  return step === steps || step % every === 0;
}
function nextDue(step, steps, count) {
  const every = Math.max(1, Math.round(steps / count));
  return Math.min(steps, (Math.floor(step / every) + 1) * every);
}

/**
 * trainer: trainer-runs.js's wrapper; now(): milliseconds. Returns the run: its fields (scheme,
 * step, steps, losses: training loss of steps 1 .. step, heldOut: [{ step, loss }], accuracy:
 * { step, lengths, accuracy } or null, divergedAt, finished, busy) and work(maxMs), stepOnce(),
 * settle() (finishes any measurement under way).
 */
export function createTrainingRun({ trainer, scheme, trainingLength, now = () => performance.now() }) {
  const trainedLengths = Array.from({ length: trainingLength }, (_, i) => i + 1);
  const allLengths = evaluationLengths(trainingLength);
  const { steps } = trainer.state();
  const pieces = []; // measurement pieces still to run, in order
  const run = {
    scheme,
    step: 0,
    steps,
    losses: [],
    heldOut: [],
    accuracy: null,
    divergedAt: null,
    finished: false,
    /** Whether work() has anything left to do. */
    get busy() {
      return pieces.length > 0 || !run.finished;
    },
  };

  function measureHeldOut() {
    run.heldOut.push({ step: run.step, loss: trainer.evaluate(trainedLengths, HELD_OUT_SEQUENCES).loss });
  }

  // The accuracy at this step, a few lengths a piece; shown once every length is in.
  function queueAccuracy() {
    const taken = { step: run.step, lengths: [], accuracy: [] };
    const sequences = run.finished ? ACCURACY_SEQUENCES.final : ACCURACY_SEQUENCES.during;
    for (const lengths of piecesOf(allLengths, sequences)) {
      pieces.push(() => {
        const result = trainer.evaluate(lengths, sequences);
        taken.lengths.push(...result.lengths);
        taken.accuracy.push(...result.accuracy);
        if (taken.lengths.length === allLengths.length) run.accuracy = taken;
      });
    }
  }

  // After steps ran: the losses, the state, and the measurements now due.
  function record(report) {
    for (const loss of report.losses) if (Number.isFinite(loss)) run.losses.push(loss);
    const state = trainer.state();
    run.step = state.step;
    run.divergedAt = state.divergedAt;
    run.finished = state.finished;
    // Weights that are no longer finite have nothing to measure.
    if (run.divergedAt) return;
    if (dueAt(run.step, steps, HELD_OUT_POINTS)) pieces.push(measureHeldOut);
    if (dueAt(run.step, steps, ACCURACY_POINTS)) queueAccuracy();
  }

  pieces.push(measureHeldOut); // before the first step: where every curve starts
  return Object.assign(run, {
    /** One piece of work of about maxMs at most (a step may overrun it): a measurement piece
     *  when one is due, else training up to the next measurement. Returns the ms it took. */
    work(maxMs) {
      const start = now();
      if (pieces.length) pieces.shift()();
      else if (!run.finished) {
        const until = Math.min(nextDue(run.step, steps, HELD_OUT_POINTS), nextDue(run.step, steps, ACCURACY_POINTS));
        record(trainer.step(maxMs, until - run.step));
      }
      return now() - start;
    },
    /** One training step (and the measurements it makes due, at once). */
    stepOnce() {
      run.settle();
      if (!run.finished) record(trainer.stepOnce());
      run.settle();
    },
    settle() {
      while (pieces.length) pieces.shift()();
    },
  });
}
