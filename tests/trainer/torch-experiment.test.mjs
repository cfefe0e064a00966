// "Copy as PyTorch" (web/lib/torch-experiment.js) run in /usr/bin/python3 with torch: started from
// the core's initial weights (trainer.weights() before the first step), the script's first 10
// losses are pe.trainer's within 1e-4 relative, for every scheme (RoPE under both pairings), both
// norms, and every task (the script draws its own batches, so this holds its task rules and
// random streams to the core's too); without them it runs on its own and its loss falls.
// Run: node --test tests/trainer/torch-experiment.test.mjs   (after `bash .ci/build.sh web`)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { loadPE } from '../../web/pe.js';
import { experimentScript } from '../../web/lib/torch-experiment.js';

const PYTHON = '/usr/bin/python3';
const TOLERANCE = 1e-4;
const COMPARED_STEPS = 10;
const pe = await loadPE();
await pe.loadTrainer();
const folder = mkdtempSync(join(tmpdir(), 'torch-experiment-'));
after(() => rmSync(folder, { recursive: true, force: true }));

// A quick run in which 10 steps move the weights well: a short warm-up, a high learning rate,
// clipping that bites, and a first position other than 0.
const QUICK = {
  layers: 2,
  dModel: 16,
  heads: 2,
  batchSize: 8,
  trainingLength: 8,
  steps: 40,
  warmupSteps: 3,
  learningRate: 0.02,
  clipNorm: 0.5,
  firstPosition: 3,
  seed: 11,
};
const SCHEMES = [
  { scheme: 'none' },
  { scheme: 'integer' },
  { scheme: 'binary' },
  { scheme: 'sinusoidal' },
  { scheme: 'rope', pairing: 'interleaved' },
  { scheme: 'rope', pairing: 'half' },
  { scheme: 'alibi' },
  { scheme: 'learned' },
];
const task = (name) => pe.tasks.find((entry) => entry.name === name);

/** Writes the script (and the weights, if any) and runs it: its printed losses, and all it printed. */
function runScript(name, script, args = []) {
  const path = join(folder, `${name}.py`);
  writeFileSync(path, script);
  const out = execFileSync(PYTHON, [path, ...args], { encoding: 'utf8', timeout: 120000 });
  return { out, losses: [...out.matchAll(/^step +\d+ +loss (\S+)$/gm)].map((m) => Number(m[1])) };
}

const worstDifference = (losses, core) => Math.max(...losses.map((loss, i) => Math.abs(loss - core[i]) / Math.abs(core[i])));
const weightsJson = (trainer) =>
  JSON.stringify({ [trainer.options.scheme]: trainer.weights().map((t) => ({ ...t, values: Array.from(t.values) })) });

SCHEMES.forEach((variant, index) => {
  for (const norm of ['rms', 'layer']) {
    // Every task, in turn, under each scheme and norm.
    const taskName = pe.tasks[(2 * index + (norm === 'layer')) % pe.tasks.length].name;
    const label = `${variant.scheme}${variant.pairing ? `-${variant.pairing}` : ''}-${norm}-${taskName}`;
    test(`${label}: from the core's initial weights, the first ${COMPARED_STEPS} losses are the core's`, () => {
      const trainer = pe.trainer({ ...QUICK, ...variant, norm, task: taskName, causal: index % 3 !== 2 });
      try {
        const weightsPath = join(folder, `${label}.json`);
        writeFileSync(weightsPath, weightsJson(trainer));
        const core = Array.from(trainer.step(COMPARED_STEPS).losses);
        const script = experimentScript(task(taskName), [trainer.options]);
        const { losses } = runScript(label, script, ['--weights', weightsPath, '--stop-after', String(COMPARED_STEPS), '--log-every', '1']);
        assert.equal(losses.length, COMPARED_STEPS);
        const worst = worstDifference(losses, core);
        assert.ok(
          worst <= TOLERANCE,
          `worst relative difference ${worst.toExponential(2)}; core ${core.join(', ')}; script ${losses.join(', ')}`,
        );
      } finally {
        trainer.dispose();
      }
    });
  }
});

test("the comparison can fail: from PyTorch's own initial weights the losses are not the core's", () => {
  const trainer = pe.trainer({ ...QUICK, scheme: 'rope' });
  try {
    const core = Array.from(trainer.step(COMPARED_STEPS).losses);
    const { losses } = runScript('own-weights', experimentScript(task('kback'), [trainer.options]), [
      '--stop-after',
      String(COMPARED_STEPS),
      '--log-every',
      '1',
    ]);
    assert.ok(worstDifference(losses, core) > 100 * TOLERANCE, `core ${core.join(', ')}; script ${losses.join(', ')}`);
  } finally {
    trainer.dispose();
  }
});

test('standalone (its own seeded weights), every chosen scheme in one script: it runs, and each loss falls', () => {
  const options = { ...QUICK, steps: 150, warmupSteps: 10, learningRate: 0.01, firstPosition: 0 };
  const runs = ['rope', 'learned'].map((scheme) => {
    const trainer = pe.trainer({ ...options, scheme, task: 'first' });
    const resolved = trainer.options;
    trainer.dispose();
    return resolved;
  });
  const { out, losses } = runScript('standalone', experimentScript(task('first'), runs), ['--log-every', '1']);
  assert.equal(losses.length, 2 * options.steps);
  for (const run of [losses.slice(0, options.steps), losses.slice(options.steps)]) {
    const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
    assert.ok(mean(run.slice(-20)) < 0.7 * mean(run.slice(0, 20)), `loss did not fall: ${run.slice(0, 3)} ... ${run.slice(-3)}`);
  }
  assert.match(out, /Held-out token accuracy by length/);
  assert.doesNotMatch(out, /lab's initial weights/);
});

test('the generator refuses runs it cannot write, saying what was wrong', () => {
  const trainer = pe.trainer({ ...QUICK, scheme: 'rope' });
  const options = trainer.options;
  trainer.dispose();
  assert.throws(() => experimentScript(task('kback'), []), { name: 'TypeError', message: /runs must list at least one/ });
  assert.throws(() => experimentScript(task('kback'), [options, { ...options, norm: 'layer' }]), {
    name: 'RangeError',
    message: 'every run must share norm; received "rms", "layer"',
  });
  assert.throws(() => experimentScript({ ...task('kback'), name: 'sort' }, [options]), {
    name: 'TypeError',
    message: /task must be one of kback, first, max, seen, reverse; received "sort"/,
  });
});
