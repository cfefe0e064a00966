// The same experiment run natively (build/native, the parity dump's losses) and in WebAssembly
// (pe.trainer): for every scheme of the registry, the first 50 losses agree within 1e-4
// relative. The two builds run the same C++; they differ only where compilers may contract or
// reorder float arithmetic (and in the SIMD width of the tiles), which float32 rounding shows.
// Run: node --test tests/trainer/native-agreement.test.mjs   (after `bash .ci/build.sh web native`)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { loadPE } from '../../web/pe.js';

const DUMP = fileURLToPath(new URL('../../build/native/tests/parity/trainer_parity_dump', import.meta.url));
const STEPS = 50;
const TOLERANCE = 1e-4;

const pe = await loadPE();
await pe.loadTrainer();

function nativeLosses(options) {
  const words = Object.entries(options).flatMap(([name, value]) => [`--${name}`, String(value)]);
  const dump = JSON.parse(execFileSync(DUMP, words, { maxBuffer: 1 << 30, encoding: 'utf8' }));
  return dump.steps.map(({ loss }) => loss);
}

test(`native and WebAssembly runs agree on the first ${STEPS} losses of every scheme`, () => {
  const worst = [];
  for (const { name: scheme } of pe.schemes) {
    // The default experiment's model and task, its schedule cut to the losses compared.
    const options = { scheme, steps: STEPS };
    const native = nativeLosses(options);
    const t = pe.trainer(options);
    const wasm = Array.from(t.step(STEPS).losses);
    t.dispose();
    assert.equal(wasm.length, STEPS, scheme);
    assert.equal(native.length, STEPS, scheme);
    const relative = wasm.map((loss, s) => Math.abs(loss - native[s]) / Math.abs(native[s]));
    const largest = Math.max(...relative);
    worst.push(`${scheme} ${largest.toExponential(1)}`);
    assert.ok(largest <= TOLERANCE, `${scheme}: step ${relative.indexOf(largest) + 1} differs by ${largest} relative`);
  }
  console.log(`largest relative difference of the first ${STEPS} losses: ${worst.join(', ')}`);
});
