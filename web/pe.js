// PE Lab's public JavaScript API: positional encodings computed by the C++ core (WebAssembly).
// Works in browsers and in Node 20 without a bundler:
//
//   import { loadPE } from './web/pe.js';
//   const pe = await loadPE();
//   const m = pe.encode({ kind: 'binary', start: 64, count: 12, dim: 8 });
//   m.data[r * m.dim + i]   // dimension i of position m.start + r (row-major Float32Array)
//
// Conventions (the same as ../src/core):
//   integer     every dimension of position p holds p (exact in float32 up to 2^24)
//   binary      dimension i is bit i of p; i = 0 is the least significant bit (the lecture's
//               "index 1"), so dimension i flips every 2^i positions
//   sinusoidal  w_k = base^(-2k/dim); layout 'interleaved' (default, the paper):
//               [sin p w_0, cos p w_0, sin p w_1, ...]; 'split': all sines, then all cosines
// Limits: 1 <= dim <= 4096 (even for sinusoidal); 0 <= start; start + count - 1 <= 2^31 - 1;
//         count * dim <= 16,777,216 values; base > 1.
// Errors: TypeError for a wrong type or an unknown name, RangeError for a value out of range;
//         the message names the parameter, what is allowed and what was received. The module
//         stays usable after any error. Returned arrays belong to the caller (no .delete()).
import createPECore from './generated/pe-core.mjs';
import wasmBase64 from './generated/pe-core-wasm.mjs';

const ENCODE_DEFAULTS = { start: 0, base: 10000, layout: 'interleaved' };
const ENCODE_OPTIONS = ['kind', 'start', 'count', 'dim', 'base', 'layout'];

function describe(value) {
  if (value === undefined) return 'nothing (undefined)';
  if (typeof value === 'string') return `string "${value}"`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

// Rejects anything that is not a plain options object with only the known keys, then checks
// each value's JS type; ranges are checked by the C++ core, so the limits live in one place.
function checkOptions(options, known, types) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`options must be an object like { ${known.join(', ')} }; received ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new TypeError(`unknown option "${key}"; allowed options: ${known.join(', ')}`);
    }
  }
  for (const [key, type] of Object.entries(types)) {
    if (typeof options[key] !== type) {
      throw new TypeError(`${key} must be a ${type}; received ${describe(options[key])}`);
    }
  }
}

// Raw core results are { data } or { error: 'TypeError' | 'RangeError', message }.
function unwrap(result) {
  if (result.error === 'TypeError') throw new TypeError(result.message);
  if (result.error === 'RangeError') throw new RangeError(result.message);
  return result;
}

function decodeBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function makeApi(core) {
  return {
    /** Returns { kind, start, count, dim, base, layout, data: Float32Array(count * dim) }. */
    encode(options) {
      checkOptions(options, ENCODE_OPTIONS, {});
      const request = { ...ENCODE_DEFAULTS, ...options };
      checkOptions(request, ENCODE_OPTIONS, {
        kind: 'string', start: 'number', count: 'number', dim: 'number', base: 'number', layout: 'string',
      });
      const { kind, start, count, dim, base, layout } = request;
      const { data } = unwrap(core.encode(kind, start, count, dim, base, layout));
      return { kind, start, count, dim, base, layout, data };
    },

    /** Bytes allocated on the wasm heap right now; for leak checks in tests. */
    heapBytesInUse() {
      return core.heapBytesInUse();
    },
  };
}

let loading = null;

/** Resolves to the API once the WebAssembly module is ready; later calls share one instance. */
export function loadPE() {
  loading ??= createPECore({ wasmBinary: decodeBase64(wasmBase64) }).then(makeApi);
  return loading;
}
