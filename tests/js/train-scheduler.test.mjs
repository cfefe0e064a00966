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
import { FRAME_BUDGET_MS, createScheduler } from '../../web/views/train/run-scheduler.js';

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

function setup({ schemes = ['a', 'b', 'c'], steps = 200, msPerStep = 1, divergeAt = {} } = {}) {
  const clock = { t: 0 };
  const frames = [];
  const trainers = {};
  const runs = schemes.map((scheme) => {
    trainers[scheme] = fakeTrainer({ clock, steps, msPerStep, divergeAt: divergeAt[scheme] ?? 0 });
    return createTrainingRun({ trainer: trainers[scheme], scheme, trainingLength: 4, now: () => clock.t });
  });
  const scheduler = createScheduler({
    runs: () => runs,
    onFrame: () => {},
    now: () => clock.t,
    requestFrame: (callback) => frames.push(callback),
    cancelFrame: () => frames.splice(0),
  });
  const runFrame = () => {
    const before = clock.t;
    frames.shift()();
    clock.t += 8; // the browser's own share of the frame
    return clock.t - 8 - before;
  };
  return { clock, frames, runs, trainers, scheduler, runFrame };
}

test('a frame works about FRAME_BUDGET_MS, round robin, and the runs finish together', () => {
  const { frames, runs, scheduler, runFrame } = setup();
  scheduler.play();
  let longest = 0;
  let count = 0;
  while (frames.length) {
    longest = Math.max(longest, runFrame());
    count += 1;
  }
  // One step may start just before the budget ends: it overruns by at most one step's cost.
  assert.ok(longest <= FRAME_BUDGET_MS + 1, `longest frame ${longest} ms`);
  assert.ok(count > 200 / 8, `${count} frames`);
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
