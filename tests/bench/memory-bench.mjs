// Wasm memory after the largest accepted call of every pe.* function, each in a fresh Node
// process (memory only grows, so a shared module would hide a call's own need), with its time.
// Run: node tests/bench/memory-bench.mjs [--full] [NAME ...]   (after the wasm build; --full adds
// the similarity calls at 2048 x 4096, minutes each)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { loadMemoryProbe, loadPE } from '../../web/pe.js';
import { callerTables, LARGEST_CALLS } from '../js/support/largest-calls.mjs';

const MIB = 2 ** 20;
const [, , ...args] = process.argv;

if (args[0] === '--one') {
  const [pe, memory] = await Promise.all([loadPE(), loadMemoryProbe()]);
  const tables = callerTables();
  const [, call] = LARGEST_CALLS.find(([name]) => name === args[1]);
  const before = memory.memoryBytes();
  const began = performance.now();
  call(pe, tables);
  console.log(JSON.stringify({ before, after: memory.memoryBytes(), ms: performance.now() - began }));
} else {
  const names = args.filter((arg) => arg !== '--full');
  const chosen = LARGEST_CALLS.filter(([name, , full]) => (names.length ? names.includes(name) : !full || args.includes('--full')));
  console.log('| call | wasm memory before (MiB) | after (MiB) | time (ms) |\n|---|---|---|---|');
  for (const [name] of chosen) {
    const output = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--one', name], { encoding: 'utf8' });
    const { before, after, ms } = JSON.parse(output);
    console.log(`| ${name} | ${(before / MIB).toFixed(2)} | ${(after / MIB).toFixed(2)} | ${ms.toFixed(0)} |`);
  }
}
