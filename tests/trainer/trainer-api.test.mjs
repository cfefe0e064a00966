// pe.trainer through the real WebAssembly module: the module arrives on demand, every bad option
// is a named TypeError or RangeError and the module keeps working after it, a disposed trainer
// says so, 1,000 trainers created and disposed leave the module's heap where it was, trainers
// alive stay within their stated share of memory, and one never disposed is freed once collected.
// Run: node --test tests/trainer/trainer-api.test.mjs   (after `bash .ci/build.sh web`)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { loadPE } from '../../web/pe.js';
import { loadTrainerModule } from '../../web/api/trainer-module.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc');

const pe = await loadPE();
const SMALL = { dModel: 16, heads: 2, batchSize: 8, trainingLength: 8, steps: 20, warmupSteps: 2 };

test('before loadTrainer, trainer() says what to do and tasks is null', () => {
  assert.equal(pe.tasks, null);
  assert.throws(() => pe.trainer(), {
    constructor: Error,
    message: "the trainer's module is not loaded yet: await pe.loadTrainer() first",
  });
});

test("loadTrainer resolves to the trainer's declarations: the constructor and every method", async () => {
  const requests = await pe.loadTrainer();
  assert.deepEqual(Object.keys(requests).sort(), ['Trainer.attention', 'Trainer.evaluate', 'Trainer.step', 'trainer']);
  assert.equal(await pe.loadTrainer(), requests, 'loaded once');
  assert.deepEqual(
    pe.tasks.map(({ name }) => name),
    ['kback', 'first', 'max', 'seen', 'reverse'],
  );
  assert.ok(Object.isFrozen(pe.tasks[0]));
  const seed = requests.trainer.options.find(({ name }) => name === 'seed');
  assert.deepEqual([seed.type, seed.default, seed.allowed], ['number', 1, 'an integer from 0 to 9007199254740991']);
});

// [call, error class, message]: one of each way to fail, from JS's checks and the core's.
const BAD_CALLS = [
  [() => pe.trainer({ dmodel: 16 }), TypeError, /^unknown option "dmodel"; allowed options: task, scheme, /],
  [() => pe.trainer({ layers: '2' }), TypeError, 'layers must be a number; received string "2"'],
  [() => pe.trainer({ causal: 1 }), TypeError, 'causal must be a boolean; received number 1'],
  [() => pe.trainer({ task: 'copy' }), TypeError, 'task must be "kback", "first", "max", "seen" or "reverse"; received "copy"'],
  [() => pe.trainer({ layers: 5 }), RangeError, 'layers must be an integer from 1 to 4; received 5'],
  [() => pe.trainer({ dModel: 30 }), RangeError, 'heads must be a divisor of dModel (30); received 4'],
  [() => pe.trainer({ beta2: 1 }), RangeError, 'beta2 must be a number at least 0 and less than 1; received 1'],
  [() => pe.trainer(null), TypeError, /^options must be an object like \{ task, scheme, /],
];

test('bad options are named TypeErrors and RangeErrors, and the module keeps working', async () => {
  await pe.loadTrainer();
  for (const [call, type, message] of BAD_CALLS) {
    assert.throws(
      call,
      (error) => error.constructor === type && (typeof message === 'string' ? error.message === message : message.test(error.message)),
    );
    const t = pe.trainer(SMALL);
    assert.equal(t.step(2).losses.length, 2);
    t.dispose();
  }
});

test("a trainer's methods check their options, and keep working after an error", async () => {
  await pe.loadTrainer();
  const t = pe.trainer(SMALL);
  const bad = [
    [() => t.step(0), RangeError, 'steps must be an integer from 1 to 1000000; received 0'],
    [() => t.step({ maxMs: -1 }), RangeError, 'maxMs must be a number from 0 to 3600000; received -1'],
    [() => t.step('3'), TypeError, 'options must be an object like { steps, maxMs }; received string "3"'],
    [() => t.evaluate({ lengths: 8 }), TypeError, 'lengths must be an array of numbers; received number 8'],
    [() => t.evaluate({ lengths: [] }), TypeError, 'lengths must list at least one length; received none'],
    [() => t.evaluate({ lengths: [33] }), RangeError, 'lengths[0] must be an integer from 1 to evaluationLength (32); received 33'],
    [() => t.evaluate(), TypeError, 'options must be an object like { lengths, sequences }; received nothing (undefined)'],
    [() => t.attention({ length: 4, layer: 2 }), RangeError, 'layer must be an integer from 0 to 1; received 2'],
    [() => t.attention({ length: 4, head: 2 }), RangeError, 'head must be an integer from 0 to 1; received 2'],
  ];
  for (const [call, type, message] of bad) {
    assert.throws(call, { constructor: type, message });
    assert.equal(t.step().losses.length, 1);
  }
  assert.equal(t.state().step, bad.length);
  t.dispose();
});

test('step runs what it is asked, stops at the end of the run, and a disposed trainer says so', async () => {
  await pe.loadTrainer();
  const t = pe.trainer(SMALL);
  assert.deepEqual(t.step(5).firstStep, 1);
  const rest = t.step({ maxMs: 60_000 });
  assert.deepEqual([rest.firstStep, rest.losses.length, t.state().finished], [6, 15, true]);
  assert.equal(t.step(3).losses.length, 0);
  assert.deepEqual(Object.keys(t.options).length, 24);
  assert.ok(Object.isFrozen(t.options));
  t.dispose();
  t.dispose();
  for (const call of [() => t.step(), () => t.state(), () => t.evaluate({ lengths: [1] }), () => t.positionTable(), () => t.weights()])
    assert.throws(call, { constructor: Error, message: /^trainer\.\w+: this trainer was disposed$/ });
});

test("1,000 trainers created, used and disposed leave the module's heap where it was", async () => {
  await pe.loadTrainer();
  const { core: module } = await loadTrainerModule();
  const round = (i) => {
    const t = pe.trainer({ ...SMALL, scheme: ['rope', 'learned', 'alibi', 'binary'][i % 4], seed: i });
    t.step(1);
    if (i % 10 === 0) t.evaluate({ lengths: [3] });
    t.dispose();
  };
  round(0);
  const before = module.heapBytesInUse();
  for (let i = 1; i <= 1000; i += 1) round(i);
  assert.equal(module.heapBytesInUse(), before);
});

test("trainers alive stay within their stated share of the module's memory", async () => {
  await pe.loadTrainer();
  const { core: module } = await loadTrainerModule();
  const heap = module.heapBytesInUse();
  // The largest options: 4 layers, d_model 128, 8 heads, 2,048 tokens a batch, 512-token evaluation.
  const largest = { layers: 4, dModel: 128, heads: 8, batchSize: 32, trainingLength: 64, evaluationLength: 512, steps: 1 };
  const alive = [pe.trainer(largest), pe.trainer(SMALL), pe.trainer()];
  alive[0].step(1);
  alive[0].evaluate({ lengths: [512], sequences: 1 });
  alive[0].attention({ length: 512, layer: 3, head: 7 });
  const stated = alive.reduce((sum, t) => sum + t.state().memoryBytes, 0);
  const used = module.heapBytesInUse() - heap;
  // Each trainer's share counts its buffers; what it does not count (bookkeeping) stays small.
  assert.ok(used <= stated * 1.05 + 65_536, `heap grew ${used} bytes for ${stated} stated`);
  assert.ok(used >= stated * 0.95, `heap grew ${used} bytes for ${stated} stated`);
  console.log(
    `stated shares: ${alive.map((t) => (t.state().memoryBytes / 2 ** 20).toFixed(1)).join(', ')} MiB; module memory ${(module.memoryBytes() / 2 ** 20).toFixed(0)} MiB`,
  );
  for (const t of alive) t.dispose();
  assert.equal(module.heapBytesInUse(), heap);
});

test('a trainer never disposed is freed once it is collected', async () => {
  await pe.loadTrainer();
  const { core: module } = await loadTrainerModule();
  const before = module.heapBytesInUse();
  (() => pe.trainer(SMALL).step(1))();
  assert.ok(module.heapBytesInUse() > before);
  for (let i = 0; i < 50 && module.heapBytesInUse() > before; i += 1) {
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.equal(module.heapBytesInUse(), before);
});
