// The training lab's runs and scheduler (web/views/train/training-run.js, run-scheduler.js) with a
// fake trainer and a fake clock: each frame's work stays within its budget and is shared round
// robin, measurements come at their steps and see one set of weights, Pause then Play continues
// where it stopped, a diverged run stops with its step and no non-finite loss.
// Run: node --test tests/js/train-scheduler.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACCURACY_POINTS,
  ACCURACY_SEQUENCES,
  HELD_OUT_POINTS,
  TOKENS_PER_PIECE,
  createTrainingRun,
  evaluationLengths,
} from '../../web/views/train/training-run.js';
import {
  FRAME_BUDGET_MS,
  LATE_FRAME_MS,
  QUIET_AFTER_INPUT_MS,
  QUIET_BUDGET_MS,
  createScheduler,
} from '../../web/views/train/run-scheduler.js';

// A trainer whose step costs msPerStep on the clock, whose loss at step s is 1 / s (or NaN from
// divergeAt on), and which records every call, with the step it was made at.
function fakeTrainer({ clock, steps, msPerStep = 1, divergeAt = 0 }) {
  const calls = [];
  let step = 0;
  let diverged = 0;
  const advance = (count, maxMs) => {
    const start = clock.t;
    const losses = [];
    while (losses.length < count && step < steps && !diverged && (losses.length === 0 || clock.t - start < maxMs)) {
      step += 1;
      clock.t += msPerStep;
      if (divergeAt && step >= divergeAt) diverged = step;
      losses.push(diverged ? NaN : 1 / step);
    }
    return { firstStep: step - losses.length + 1, losses };
  };
  return {
    calls,
    step(maxMs, maxSteps) {
      calls.push({ call: 'step', at: step, maxMs, maxSteps });
      return advance(maxSteps, maxMs);
    },
    stepOnce: () => advance(1, Infinity),
    state: () => ({ step, steps, finished: step === steps || diverged > 0, divergedAt: diverged || null }),
    evaluate(lengths, sequences) {
      calls.push({ call: 'evaluate', at: step, lengths, sequences });
      clock.t += 0.5;
      return { lengths, accuracy: lengths.map((length) => 1 / length), loss: 2 / (step + 1) };
    },
  };
}

// browserMs: the browser's own share of each frame; input: { at } the last input's time.
function setup({ schemes = ['a', 'b', 'c'], steps = 200, msPerStep = 1, divergeAt = {}, browserMs = 4 } = {}) {
  const clock = { t: 0 };
  const input = { at: -Infinity };
  const drawn = [];
  const frames = [];
  const trainers = {};
  const runs = schemes.map((scheme) => {
    trainers[scheme] = fakeTrainer({ clock, steps, msPerStep, divergeAt: divergeAt[scheme] ?? 0 });
    return createTrainingRun({ trainer: trainers[scheme], scheme, trainingLength: 4, now: () => clock.t });
  });
  const scheduler = createScheduler({
    runs: () => runs,
    onFrame: (details) => drawn.push(details),
    now: () => clock.t,
    requestFrame: (callback) => frames.push(callback),
    cancelFrame: () => frames.splice(0),
    lastInput: () => input.at,
  });
  const runFrame = () => {
    const before = clock.t;
    frames.shift()();
    const worked = clock.t - before;
    clock.t += browserMs;
    return worked;
  };
  return { clock, input, drawn, frames, runs, trainers, scheduler, runFrame };
}

test('a quiet page gives QUIET_BUDGET_MS a frame, round robin, and the runs finish together', () => {
  const { frames, runs, scheduler, runFrame } = setup();
  scheduler.play();
  const worked = [];
  while (frames.length) worked.push(runFrame());
  const count = worked.length;
  // Once each run's time per step is measured (after the first frame), no step starts that would
  // end past the budget.
  const longest = Math.max(...worked.slice(1));
  assert.equal(longest, QUIET_BUDGET_MS, `longest frame ${longest} ms`);
  assert.ok(count > (3 * 200) / QUIET_BUDGET_MS, `${count} frames`);
  for (const run of runs) {
    assert.equal(run.step, 200);
    assert.equal(run.finished, true);
    assert.equal(run.busy, false);
    assert.equal(run.losses.length, 200);
    assert.equal(run.losses[199], 1 / 200);
  }
  assert.equal(scheduler.playing(), false, 'stops by itself once every run is done');
});

test('held-out losses and accuracy by length come at their steps, on one set of weights each', () => {
  const { frames, runs, trainers, scheduler, runFrame } = setup({ schemes: ['a'], steps: 200 });
  scheduler.play();
  while (frames.length) runFrame();
  const [run] = runs;
  const every = 200 / HELD_OUT_POINTS;
  assert.deepEqual(
    run.heldOut.map(({ step }) => step),
    Array.from({ length: HELD_OUT_POINTS + 1 }, (_, i) => i * every),
  );
  assert.equal(run.heldOut[3].loss, 2 / (3 * every + 1));
  assert.deepEqual(run.accuracy.lengths, evaluationLengths(4));
  assert.equal(run.accuracy.step, 200);
  // Each accuracy measurement is its pieces, every one taken at the step it belongs to.
  const accuracyCalls = trainers.a.calls.filter(({ call, lengths }) => call === 'evaluate' && lengths.join() !== '1,2,3,4'); // not the held-out loss's
  const piecesAt = new Map();
  for (const call of accuracyCalls) piecesAt.set(call.at, [...(piecesAt.get(call.at) ?? []), call]);
  const every4 = 200 / ACCURACY_POINTS;
  assert.deepEqual(
    [...piecesAt.keys()],
    [1, 2, 3, 4].map((k) => k * every4),
  );
  for (const [at, calls] of piecesAt) {
    assert.deepEqual(
      calls.flatMap(({ lengths }) => lengths),
      evaluationLengths(4),
    );
    // A quick look while training, pe-train's 32 sequences per length at the end.
    const sequences = at === 200 ? ACCURACY_SEQUENCES.final : ACCURACY_SEQUENCES.during;
    for (const call of calls) {
      assert.equal(call.sequences, sequences);
      const tokens = call.lengths.reduce((sum, length) => sum + length * sequences, 0);
      assert.ok(call.lengths.length === 1 || tokens <= TOKENS_PER_PIECE, `${tokens} tokens in one piece`);
    }
  }
  // No training slice ran past a measurement's step.
  for (const { call, at, maxSteps } of trainers.a.calls)
    if (call === 'step') assert.ok((at % every) + maxSteps <= every, `${at} + ${maxSteps}`);
});

test('Pause then Play continues where it stopped, with the same losses as an uninterrupted run', () => {
  const straight = setup({ schemes: ['a'] });
  straight.scheduler.play();
  while (straight.frames.length) straight.runFrame();

  const paused = setup({ schemes: ['a'] });
  paused.scheduler.play();
  for (let f = 0; f < 5; f += 1) paused.runFrame();
  paused.scheduler.pause();
  assert.equal(paused.frames.length, 0);
  const stoppedAt = paused.runs[0].step;
  assert.ok(stoppedAt > 0 && stoppedAt < 200);
  paused.scheduler.stepOnce();
  assert.equal(paused.runs[0].step, stoppedAt + 1, 'Step runs one step');
  paused.scheduler.play();
  while (paused.frames.length) paused.runFrame();
  assert.deepEqual(paused.runs[0].losses, straight.runs[0].losses);
  assert.deepEqual(paused.runs[0].heldOut, straight.runs[0].heldOut);
});

test('a diverged run stops at its step, keeps only finite losses and is measured no more', () => {
  const { frames, runs, scheduler, runFrame } = setup({ schemes: ['a', 'b'], divergeAt: { b: 37 } });
  scheduler.play();
  while (frames.length) runFrame();
  const b = runs[1];
  assert.equal(b.divergedAt, 37);
  assert.equal(b.finished, true);
  assert.equal(b.losses.length, 36);
  assert.ok(b.losses.every(Number.isFinite));
  assert.ok(b.heldOut.every(({ step }) => step < 37));
  assert.equal(runs[0].step, 200, 'the other run goes on to its end');
});

test('steps per second and time left are measured on the wall clock while playing', () => {
  const { runs, scheduler, runFrame } = setup({ schemes: ['a', 'b'] });
  assert.equal(scheduler.rate(runs[0]), null, 'no rate before any frame');
  scheduler.play();
  for (let f = 0; f < 10; f += 1) runFrame();
  const rate = scheduler.rate(runs[0]);
  assert.ok(rate.perSecond > 100 && rate.perSecond < 1000, `${rate.perSecond} steps/s`);
  assert.ok(Math.abs(rate.secondsLeft - (200 - runs[0].step) / rate.perSecond) < 1e-9);
});

test('input in the last QUIET_AFTER_INPUT_MS, or a late frame, gives training FRAME_BUDGET_MS only', () => {
  const { clock, input, frames, scheduler, runFrame } = setup({ steps: 2000 });
  scheduler.play();
  for (let f = 0; f < 3; f += 1) runFrame(); // time per step measured
  input.at = clock.t;
  const typing = [];
  while (clock.t - input.at <= QUIET_AFTER_INPUT_MS) typing.push(runFrame());
  assert.ok(Math.max(...typing) <= FRAME_BUDGET_MS, `typing: frames of ${Math.max(...typing)} ms`);
  assert.equal(runFrame(), QUIET_BUDGET_MS, 'quiet again after QUIET_AFTER_INPUT_MS');
  clock.t += LATE_FRAME_MS; // the page's own work made the next frame late
  assert.ok(runFrame() <= FRAME_BUDGET_MS, 'after a late frame');
  assert.equal(runFrame(), QUIET_BUDGET_MS, 'and back once frames come on time');
  assert.ok(frames.length);
});

test('a step is not started past the budget: slices are shortened by the measured time per step', () => {
  const { frames, scheduler, runFrame } = setup({ schemes: ['a', 'b'], msPerStep: 3, steps: 300 });
  scheduler.play();
  const worked = [];
  while (frames.length) worked.push(runFrame());
  // The first frame has no measurement yet: its one step may overrun by a step.
  assert.ok(worked[0] <= QUIET_BUDGET_MS + 3, `first frame ${worked[0]} ms`);
  assert.ok(Math.max(...worked.slice(1)) <= QUIET_BUDGET_MS, `longest later frame ${Math.max(...worked.slice(1))} ms`);
  // A step longer than the budget still runs, one a frame, so every frame makes progress.
  const slow = setup({ schemes: ['a'], msPerStep: 20, steps: 5 });
  slow.scheduler.play();
  const slowFrames = [];
  while (slow.frames.length) slowFrames.push(slow.runFrame());
  assert.ok(Math.max(...slowFrames.slice(1)) <= 20, `longest frame ${Math.max(...slowFrames.slice(1))} ms: one step at most`);
  assert.equal(slow.runs[0].step, 5);
});

test('frames that only trained say so, so the view can skip drawing them; actions and the last frame do not', () => {
  const { drawn, frames, scheduler, runFrame } = setup({ schemes: ['a'], steps: 50 });
  scheduler.play();
  assert.deepEqual(drawn.pop(), { onlyTrained: false }, 'Play');
  runFrame();
  assert.deepEqual(drawn.pop(), { onlyTrained: true });
  scheduler.pause();
  assert.deepEqual(drawn.pop(), { onlyTrained: false }, 'Pause');
  scheduler.play();
  while (frames.length) runFrame();
  assert.deepEqual(drawn.at(-1), { onlyTrained: false }, 'the frame that ended the runs');
  assert.ok(drawn.slice(1, -1).every(({ onlyTrained }) => onlyTrained));
});
