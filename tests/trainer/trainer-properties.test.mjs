// Properties of pe.trainer over options drawn by fast-check, each checked against the trainer's
// own declarations: an accepted set of options gives a trainer whose promises hold (one loss per
// step run, finite unless the run says it diverged; accuracies in [0, 1]; attention rows that sum
// to 1 over the keys the mask allows; a position table of rows x dim), the same seed repeats the
// run bit for bit, and a rejected set throws a TypeError or RangeError naming an option.
// Run: node --test tests/trainer/trainer-properties.test.mjs   (after `bash .ci/build.sh web`)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';

import { loadPE } from '../../web/pe.js';

const pe = await loadPE();
const requests = await pe.loadTrainer();
const declared = requests.trainer.options;

// Small models only (each case trains), drawn over the whole registry of schemes and tasks.
const smallOptions = fc.record(
  {
    task: fc.constantFrom(...pe.tasks.map(({ name }) => name)),
    scheme: fc.constantFrom(...pe.schemes.map(({ name }) => name)),
    pairing: fc.constantFrom('interleaved', 'half'),
    norm: fc.constantFrom('rms', 'layer'),
    causal: fc.boolean(),
    layers: fc.integer({ min: 1, max: 2 }),
    heads: fc.constantFrom(1, 2, 4),
    dModel: fc.constantFrom(8, 16),
    trainingLength: fc.integer({ min: 1, max: 12 }),
    batchSize: fc.integer({ min: 1, max: 8 }),
    steps: fc.integer({ min: 1, max: 6 }),
    learningRate: fc.double({ min: 1e-4, max: 1, noNaN: true }),
    firstPosition: fc.integer({ min: 0, max: 100_000 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
  },
  { requiredKeys: [] },
);

test('accepted options give a trainer that keeps its promises, repeatable from its seed', () => {
  fc.assert(
    fc.property(smallOptions, (options) => {
      let t;
      try {
        t = pe.trainer(options);
      } catch (error) {
        // Only the rules between options can refuse these: heads against dModel, RoPE's pairs, a
        // training length shorter than the task's first labelled sequence.
        assert.ok(error instanceof RangeError && /^(heads|dModel \/ heads|trainingLength) must be /.test(error.message), error.message);
        return;
      }
      const { losses } = t.step(t.options.steps);
      const state = t.state();
      assert.equal(losses.length, state.step);
      assert.ok(state.divergedAt !== null || state.step === t.options.steps);
      assert.ok(losses.every((loss) => Number.isFinite(loss) && loss >= 0));
      const longest = 4 * t.options.trainingLength;
      for (const result of t.evaluate({ lengths: [1, longest], sequences: 2 }).byLength)
        assert.ok(Number.isNaN(result.tokenAccuracy) || (result.tokenAccuracy >= 0 && result.tokenAccuracy <= 1));
      const map = t.attention({ length: longest, head: t.options.heads - 1 });
      for (let i = 0; i < longest && state.divergedAt === null; i += 1) {
        const row = map.weights.subarray(i * longest, (i + 1) * longest);
        const total = row.reduce((sum, w) => sum + w, 0);
        assert.ok(Math.abs(total - 1) < 1e-3, `row ${i} sums to ${total}`);
        if (t.options.causal)
          assert.ok(
            row.subarray(i + 1).every((w) => w === 0),
            'the mask hides later keys',
          );
      }
      const table = t.positionTable();
      assert.equal(table.values.length, table.rows * table.dim);
      assert.equal(table.learned, t.options.scheme === 'learned');
      const again = pe.trainer(options);
      assert.deepEqual(again.step(t.options.steps).losses, losses);
      again.dispose();
      t.dispose();
    }),
    { numRuns: 60, seed: 19 },
  );
});

// Any value for any declared option: either accepted, or a named error.
const anyValue = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.string({ maxLength: 6 }),
  fc.constant(null),
  fc.constantFrom(...pe.schemes.map(({ name }) => name)),
);
const anyOptions = fc.dictionary(fc.constantFrom(...declared.map(({ name }) => name), 'dmodel'), anyValue, { maxKeys: 4 });

test('any options are accepted or rejected with a TypeError or RangeError naming an option', () => {
  const names = [...declared.map(({ name }) => name), 'unknown option', 'batchSize x trainingLength', 'dModel / heads', 'options'];
  fc.assert(
    fc.property(anyOptions, (options) => {
      try {
        pe.trainer({ ...options, steps: 1 }).dispose();
      } catch (error) {
        assert.ok(error instanceof TypeError || error instanceof RangeError, String(error));
        assert.ok(
          names.some((name) => error.message.startsWith(name)),
          error.message,
        );
      }
    }),
    { numRuns: 300, seed: 21 },
  );
});
