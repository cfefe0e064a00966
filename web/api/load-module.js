// Loading a WebAssembly module built from the core's sources (src/wasm/CMakeLists.txt): its
// Emscripten factory, handed the module's bytes (carried as text, one character per byte), so
// the loader never fetch()es: that fails over file://, under a strict CSP's connect-src and on
// file paths in Node. Each module loads once; every caller shares it.
import { latin1Bytes } from '../lib/latin1-bytes.js';

const loaded = new Map();

/**
 * Resolves to the module the factory makes from wasmText's bytes, made once per factory.
 * @template Module
 * @param {(module: { wasmBinary: Uint8Array }) => Promise<Module>} factory
 * @param {string} wasmText
 * @returns {Promise<Module>}
 */
export function loadModule(factory, wasmText) {
  if (!loaded.has(factory)) loaded.set(factory, factory({ wasmBinary: latin1Bytes(wasmText) }));
  return loaded.get(factory);
}
