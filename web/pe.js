// PE Lab's public JavaScript API: positional encodings computed by the C++ core (WebAssembly),
// in browsers and in Node 20 without a bundler. pe.d.ts documents it, function by function.
//
//   import { loadPE } from './web/pe.js';
//   const pe = await loadPE();
//   const m = pe.encode({ kind: 'binary', start: 64, count: 12, dim: 8 });
//
// The API object is made in api/make-api.js from the declarations the core exports.
import { loadModule } from './api/load-module.js';
import { makeApi } from './api/make-api.js';
import createPECore from './generated/pe-core.mjs';
import wasmText from './generated/pe-core-wasm.mjs';

const loadCore = () => loadModule(createPECore, wasmText);
let loadingApi = null;

/** Resolves to the API once the WebAssembly module is ready; later calls share one instance. */
export function loadPE() {
  loadingApi ??= loadCore().then(makeApi);
  return loadingApi;
}

/**
 * For tests, not part of the API: resolves to { heapBytesInUse(), memoryBytes() } of the module
 * loadPE uses, the bytes allocated on its heap right now (for leak checks) and the size of its
 * memory, which only ever grows (for checks that results outlive growth and that calls stay
 * within a bound).
 */
export async function loadMemoryProbe() {
  const core = await loadCore();
  return { heapBytesInUse: () => core.heapBytesInUse(), memoryBytes: () => core.memoryBytes() };
}
