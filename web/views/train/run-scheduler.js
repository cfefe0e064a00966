// Plays the runs, as TensorFlow Playground does: a share of each animation frame on the main
// thread (which works wherever the page does: file://, a strict CSP, a sandboxed iframe), shared
// round robin among the runs still busy, so the page keeps answering while every scheme trains.
// The share is FRAME_BUDGET_MS while something else needs the main thread (input in the last
// QUIET_AFTER_INPUT_MS, or a frame that came late: the page's own work did not fit beside ours),
// and QUIET_BUDGET_MS otherwise, most of a 60 Hz frame: the default experiment then trains in
// about 1.5 x the bare trainer's time instead of 2.5 x. A step is never started that would end
// past the share: each run's time per step is measured and the slice it is given shortened by it.
// Pure: the clock, the frame source and the last input's time are given, so node tests drive it.

export const FRAME_BUDGET_MS = 8;
export const QUIET_BUDGET_MS = 12;
export const QUIET_AFTER_INPUT_MS = 500;
// A frame that starts later than this after the previous one came late (60 Hz frames are 16.7 ms
// apart; a late one skipped at least a refresh).
export const LATE_FRAME_MS = 25;
export const MIN_SLICE_MS = 2; // a run's slice is at least this, so a step or two fits in it
const LONGEST_GAP_MS = 100; // a longer gap between frames (a hidden tab) does not count as running
const STEP_COST_WEIGHT = 0.25; // the weight of the newest slice in a run's time per step

/** The time (performance.now()) of the page's last input, as a function; -Infinity before any. */
export function watchInput(target = globalThis.document) {
  let last = -Infinity;
  const note = () => (last = performance.now());
  for (const type of ['keydown', 'pointerdown', 'wheel', 'input']) target?.addEventListener(type, note, { capture: true, passive: true });
  return () => last;
}

/**
 * runs(): the current runs (training-run.js); onFrame({ onlyTrained }): called after each frame's
 * work (onlyTrained: the frame trained and more frames follow, so drawing may wait) and after
 * every transport action (onlyTrained false); now, requestFrame, cancelFrame, lastInput: the
 * clock, frames and the last input's time (the page's by default). Returns { play(), pause(),
 * stepOnce(), playing(), rate(run), clear() }.
 */
export function createScheduler({
  runs,
  onFrame,
  now = () => performance.now(),
  requestFrame = (callback) => requestAnimationFrame(callback),
  cancelFrame = (id) => cancelAnimationFrame(id),
  lastInput = watchInput(),
}) {
  let frameId = null;
  let next = 0; // whose turn comes first in the next frame
  let lastFrame = null;
  const timing = new Map(); // run -> { wallMs, steps }: for steps per second while playing
  const stepCost = new Map(); // run -> ms per step, measured

  function timingOf(run) {
    if (!timing.has(run)) timing.set(run, { wallMs: 0, steps: 0 });
    return timing.get(run);
  }

  function frame() {
    frameId = null;
    const start = now();
    const busy = runs().filter((run) => run.busy);
    const gap = lastFrame === null ? 0 : Math.min(start - lastFrame, LONGEST_GAP_MS);
    lastFrame = start;
    const before = busy.map((run) => run.step);
    busy.forEach((run) => (timingOf(run).wallMs += gap));
    const quiet = gap <= LATE_FRAME_MS && start - lastInput() > QUIET_AFTER_INPUT_MS;
    const budget = quiet ? QUIET_BUDGET_MS : FRAME_BUDGET_MS;
    const slice = Math.max(MIN_SLICE_MS, budget / Math.max(1, busy.length));
    // Turns go round the busy runs until the budget is spent (the first always works, so every
    // frame makes progress) or no run is busy.
    for (let turns = 0; busy.some((run) => run.busy); turns += 1) {
      const left = budget - (now() - start);
      const run = busy[next % busy.length];
      next = (next + 1) % busy.length;
      if (!run.busy) continue;
      const perStep = stepCost.get(run) ?? 0;
      if (turns > 0 && left < Math.max(perStep, Number.EPSILON)) {
        next = (next + busy.length - 1) % busy.length; // its turn comes first in the next frame
        break;
      }
      const stepBefore = run.step;
      const took = run.work(Math.max(0, Math.min(slice, left) - perStep));
      if (run.step > stepBefore) {
        const measured = took / (run.step - stepBefore);
        stepCost.set(run, stepCost.has(run) ? perStep + STEP_COST_WEIGHT * (measured - perStep) : measured);
      }
    }
    busy.forEach((run, r) => (timingOf(run).steps += run.step - before[r]));
    const more = busy.some((run) => run.busy);
    if (more) frameId = requestFrame(frame);
    else lastFrame = null;
    onFrame({ onlyTrained: more });
  }

  const scheduler = {
    playing: () => frameId !== null,
    play() {
      if (frameId === null) frameId = requestFrame(frame);
      onFrame({ onlyTrained: false });
    },
    pause() {
      if (frameId !== null) cancelFrame(frameId);
      frameId = null;
      lastFrame = null;
      onFrame({ onlyTrained: false });
    },
    /** One step of every run (paused first). */
    stepOnce() {
      scheduler.pause();
      for (const run of runs()) run.stepOnce();
      onFrame({ onlyTrained: false });
    },
    /** Steps per second and seconds left of a run while played; null before it has a rate. */
    rate(run) {
      const { wallMs, steps } = timingOf(run);
      if (!(wallMs > 0 && steps > 0)) return null;
      const perSecond = (1000 * steps) / wallMs;
      return { perSecond, secondsLeft: (run.steps - run.step) / perSecond };
    },
    /** Forgets the runs' timings (their runs were replaced). */
    clear() {
      scheduler.pause();
      timing.clear();
      stepCost.clear();
      next = 0;
    },
  };
  return scheduler;
}
