// Plays the runs, as TensorFlow Playground does: about FRAME_BUDGET_MS of work per animation
// frame on the main thread (which works wherever the page does: file://, a strict CSP, a
// sandboxed iframe), shared round robin among the runs still busy, so the page keeps answering
// while every scheme trains. Pure: the clock and the frame source are given, so node tests drive it.

export const FRAME_BUDGET_MS = 8;
export const MIN_SLICE_MS = 2; // a run's slice is at least this, so a step or two fits in it
const LONGEST_GAP_MS = 100; // a longer gap between frames (a hidden tab) does not count as running

/**
 * runs(): the current runs (training-run.js); onFrame(): called after each frame's work and after
 * every transport action; now, requestFrame, cancelFrame: the clock and frames (the page's by
 * default). Returns { play(), pause(), stepOnce(), playing(), rate(run), clear() }.
 */
export function createScheduler({
  runs,
  onFrame,
  now = () => performance.now(),
  requestFrame = (callback) => requestAnimationFrame(callback),
  cancelFrame = (id) => cancelAnimationFrame(id),
}) {
  let frameId = null;
  let next = 0; // whose turn comes first in the next frame
  let lastFrame = null;
  const timing = new Map(); // run -> { wallMs, steps }: for steps per second while playing

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
    const slice = Math.max(MIN_SLICE_MS, FRAME_BUDGET_MS / Math.max(1, busy.length));
    for (let turns = 0; turns < busy.length && now() - start < FRAME_BUDGET_MS; turns += 1) {
      const run = busy[(next + turns) % busy.length];
      run.work(Math.min(slice, FRAME_BUDGET_MS - (now() - start)));
      next = (next + 1) % Math.max(1, busy.length);
    }
    busy.forEach((run, r) => (timingOf(run).steps += run.step - before[r]));
    if (busy.some((run) => run.busy)) frameId = requestFrame(frame);
    else lastFrame = null;
    onFrame();
  }

  const scheduler = {
    playing: () => frameId !== null,
    play() {
      if (frameId === null) frameId = requestFrame(frame);
      onFrame();
    },
    pause() {
      if (frameId !== null) cancelFrame(frameId);
      frameId = null;
      lastFrame = null;
      onFrame();
    },
    /** One step of every run (paused first). */
    stepOnce() {
      scheduler.pause();
      for (const run of runs()) run.stepOnce();
      onFrame();
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
      next = 0;
    },
  };
  return scheduler;
}
