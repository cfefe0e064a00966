// pe.trainer: a small transformer trained by the C++ core (src/training), one object per run. Its
// options and its methods' options are declared by the core (src/training/trainer_request.hpp,
// trainer_calls.hpp) and checked from those declarations, as every function of the API is. Each
// object holds a handle into the trainer's module; dispose() frees it, and a FinalizationRegistry
// frees those nobody disposed once they are collected (later, and not on a schedule: dispose).
import { fromDeclaration, readOptions, unwrap } from './options.js';

function deepFreeze(value) {
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) Object.values(Object.freeze(value)).forEach(deepFreeze);
  return value;
}

// step(n) or step({ steps, maxMs }): a number is the steps to run.
const stepOptions = (options) => (typeof options === 'number' ? { steps: options } : options);

// The object pe.trainer returns, over the module's handle: each method checks its options from
// its declaration ("Trainer.step", ...) and throws once the trainer is disposed.
function trainerObject(handle, options, requests, collector) {
  let live = true;
  const ensureLive = (method) => {
    if (!live) throw new Error(`trainer.${method}: this trainer was disposed`);
  };
  const step = fromDeclaration(requests['Trainer.step'], (request) => handle.step(request));
  const evaluate = fromDeclaration(requests['Trainer.evaluate'], (request) => handle.evaluate(request));
  const attention = fromDeclaration(requests['Trainer.attention'], (request) => handle.attention(request));
  const trainer = {
    options,
    step(count) {
      ensureLive('step');
      return step(stepOptions(count));
    },
    evaluate(request) {
      ensureLive('evaluate');
      return evaluate(request);
    },
    attention(request) {
      ensureLive('attention');
      return attention(request);
    },
    positionTable() {
      ensureLive('positionTable');
      return handle.positionTable();
    },
    weights() {
      ensureLive('weights');
      return handle.weights();
    },
    state() {
      ensureLive('state');
      return handle.state();
    },
    dispose() {
      if (!live) return;
      live = false;
      collector.unregister(trainer);
      handle.delete();
    },
  };
  collector.register(trainer, handle, trainer);
  return Object.freeze(trainer);
}

/**
 * The training lab's API over its loaded module: its declarations, the tasks (frozen) and
 * trainer(options). Loaded with the module (trainer-module.js), never with the page's first load.
 * @param {any} core the module's raw functions (src/wasm/trainer_bindings.cpp)
 */
export function trainerApi(core) {
  const requests = deepFreeze(core.requests());
  const collector = new FinalizationRegistry((handle) => handle.delete());
  return {
    requests,
    tasks: deepFreeze(core.tasks()),
    trainer(options) {
      const request = readOptions(options === undefined ? {} : options, requests.trainer.options);
      const handle = unwrap(core.trainer(request));
      return trainerObject(handle, deepFreeze(request), requests, collector);
    },
  };
}
