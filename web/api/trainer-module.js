// The training lab's WebAssembly module (src/wasm/trainer_bindings.cpp) and its API (trainer.js),
// loaded on demand so the page's first load carries neither. In a page they arrive as a classic
// script, trainer.js beside the page's own (web/build/bundle.mjs), which registers the module's
// factory and bytes and the API's maker: classic
// scripts load over file://, under a strict CSP and in sandboxed iframes, where import() and
// fetch() are refused. In Node it is imported from web/generated/.
import { canLoadScripts, loadScript, registry } from '../lib/classic-scripts.js';
import { loadModule } from './load-module.js';

export const TRAINER_SCRIPT = 'trainer.js';
export const TRAINER_REGISTRY = '__peLabTrainer';

// { factory, wasmText, trainerApi }. The Node specifiers are built at run time so that bundlers
// leave them alone (the page's bundle must not carry the module).
async function moduleCode() {
  if (canLoadScripts) {
    await loadScript(TRAINER_SCRIPT);
    const code = registry(TRAINER_REGISTRY).module;
    if (!code) throw new Error(`the file ${TRAINER_SCRIPT} did not register the trainer's module`);
    return code;
  }
  const specifier = (...parts) => parts.join('');
  const [factory, wasm, api] = await Promise.all([
    import(specifier('../generated/', 'pe-trainer.mjs')),
    import(specifier('../generated/', 'pe-trainer-wasm.mjs')),
    import(specifier('./', 'trainer.js')),
  ]);
  return { factory: factory.default, wasmText: wasm.default, trainerApi: api.trainerApi };
}

let loading = null;

/** Resolves to { core, api }: the trainer's module and its API over it, loaded once; after a
 *  failure, a later call tries again. */
export function loadTrainerModule() {
  loading ??= moduleCode()
    .then(async ({ factory, wasmText, trainerApi }) => {
      const core = await loadModule(factory, wasmText);
      return { core, api: trainerApi(core) };
    })
    .catch((error) => {
      loading = null;
      throw error;
    });
  return loading;
}

const NOT_LOADED = "the trainer's module is not loaded yet: await pe.loadTrainer() first";

/**
 * The training lab's members of pe: loadTrainer, then trainer and tasks once it has resolved
 * (before, trainer throws and tasks is null). Property descriptors, so tasks stays a getter.
 */
export function trainerMembers() {
  let api = null;
  return Object.getOwnPropertyDescriptors({
    async loadTrainer() {
      api ??= (await loadTrainerModule()).api;
      return api.requests;
    },
    trainer(options) {
      if (!api) throw new Error(NOT_LOADED);
      return api.trainer(options);
    },
    get tasks() {
      return api ? api.tasks : null;
    },
  });
}
