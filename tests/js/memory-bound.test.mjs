// Wasm memory stays within the bound web/pe.js documents for the largest accepted call of every
// pe.* function. Memory only ever grows, so the calls run one after another in one module and the
// memory is read after each: the first call past the bound is the one that needs more.
// Run: node --test tests/js/memory-bound.test.mjs   (after the wasm build; per call in a fresh
// process: node tests/bench/memory-bench.mjs)
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadMemoryProbe, loadPE } from '../../web/pe.js';
import { callerTables, LARGEST_CALLS } from './support/largest-calls.mjs';

const MIB = 2 ** 20;
const MEMORY_BOUND = 32 * MIB; // web/pe.js: "Memory: ... at most 32 MiB"

const pe = await loadPE();
const memory = await loadMemoryProbe();
const tables = callerTables();

test('the module starts at 16 MiB of wasm memory', () => {
  assert.equal(memory.memoryBytes(), 16 * MIB);
});

for (const [name, call, full] of LARGEST_CALLS) {
  test(`${name}: wasm memory stays at most 32 MiB`, { skip: full && 'minutes long: node tests/bench/memory-bench.mjs' }, (t) => {
    call(pe, tables);
    const bytes = memory.memoryBytes();
    t.diagnostic(`wasm memory after ${name}: ${(bytes / MIB).toFixed(2)} MiB`);
    assert.ok(bytes <= MEMORY_BOUND, `${name} grew wasm memory to ${(bytes / MIB).toFixed(2)} MiB`);
  });
}
