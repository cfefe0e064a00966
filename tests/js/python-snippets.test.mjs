// "Copy as code" (web/lib/python-snippets.js): the NumPy and PyTorch snippets, run by Debian's
// python3-numpy and python3-torch (.ci/ensure-toolchain.sh test installs them), against the core's
// pe.encode / pe.rotate / pe.ropeFrequencies over every kind, layout, pairing and scaling, odd
// starts and positions up to 2^31 - 1. All snippets of a library run in one python3 process
// (tests/js/support/run-snippets.py), since importing torch alone takes seconds.
// Run: node --test tests/js/python-snippets.test.mjs   (after the wasm build)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

import { loadPE } from '../../web/pe.js';
import { encodingSnippet, frequencySnippet, LIBRARIES, rotationSnippet } from '../../web/lib/python-snippets.js';

const pe = await loadPE();
const RUNNER = fileURLToPath(new URL('./support/run-snippets.py', import.meta.url));
// Debian's own interpreter, the one python3-numpy and python3-torch install into (a python3
// earlier on PATH, e.g. pyenv's, would not see them).
const PYTHON = '/usr/bin/python3';
const LAST = 2 ** 31 - 1;
// Absolute, for every value: both sides compute in float64 and round to float32 once, so they
// agree up to the last bits of libm's sin, cos and pow. Integer positions up to 2^31 round to the
// same float32; rotated rows of size up to 100 (float32 step 7.6e-6) matched exactly; the largest
// gap seen was 4.8e-7, at size 0.64, position 2^31 - 3, base 1.5. No relative tolerance is needed.
const TOLERANCE = 1e-5;

/** Runs cases ([{ code, result }]) in one python process; returns their results as nested lists. */
function runPython(cases) {
  const run = spawnSync(PYTHON, [RUNNER], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 1 << 30 });
  assert.equal(run.status, 0, `${PYTHON} failed (are python3-numpy and python3-torch installed?): ${run.error ?? run.stderr}`);
  return JSON.parse(run.stdout);
}

function assertClose(actual, expected, what) {
  const flat = actual.flat(Infinity);
  assert.equal(flat.length, expected.length, `${what}: ${flat.length} values, expected ${expected.length}`);
  for (let j = 0; j < expected.length; j += 1) {
    const gap = Math.abs(flat[j] - expected[j]);
    if (!(gap <= TOLERANCE)) {
      assert.fail(`${what}: value ${j} is ${flat[j]}, the core's ${expected[j]} (off by ${gap})`);
    }
  }
}

// Deterministic float32 rows in [-scale, scale] (mulberry32).
function randomRows(length, seed, scale = 1) {
  let s = seed >>> 0;
  return Float32Array.from({ length }, () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return scale * (2 * (((t ^ (t >>> 14)) >>> 0) / 4294967296) - 1);
  });
}

const SCALINGS = [
  null,
  { type: 'llama3', factor: 8 },
  { type: 'llama3', factor: 32, lowFreqFactor: 2, highFreqFactor: 5, originalContext: 4096 },
  { type: 'yarn', factor: 40, originalContext: 4096 },
  { type: 'yarn', factor: 4, originalContext: 32768, betaFast: 16, betaSlow: 2 },
];

function encodingCases() {
  const cases = [];
  for (const [start, count] of [
    [0, 16],
    [7, 13],
    [64, 12],
    [LAST - 9, 10],
  ]) {
    for (const dim of [1, 8, 31]) {
      cases.push({ kind: 'integer', start, count, dim });
      cases.push({ kind: 'binary', start, count, dim });
    }
    cases.push({ kind: 'binary', start, count, dim: 40 }); // past the 31 bits a position has
    for (const layout of ['interleaved', 'split']) {
      for (const [dim, base] of [
        [2, 10000],
        [32, 10000],
        [64, 500000],
        [10, 1.5],
      ])
        cases.push({ kind: 'sinusoidal', start, count, dim, base, layout });
    }
  }
  cases.push({ kind: 'sinusoidal', start: 3, count: 300, dim: 512, base: 10000, layout: 'interleaved' }); // past an anchor of the core's walk
  return cases;
}

function rotationCases() {
  const cases = [];
  let seed = 1;
  for (const scaling of SCALINGS) {
    for (const pairing of ['interleaved', 'half']) {
      for (const [dim, base] of [
        [2, 10000],
        [8, 10000],
        [64, 500000],
        [128, 1.5],
      ]) {
        for (const [start, rows, scale] of [
          [0, 3, 1],
          [13, 2, 1],
          [LAST - 2, 3, 1],
          [99999, 1, 100],
        ]) {
          cases.push({ rows: randomRows(rows * dim, (seed += 1), scale), dim, start, base, pairing, scaling });
        }
      }
    }
  }
  return cases;
}

function frequencyCases() {
  const presets = pe.ropePresets.map(({ dim, base, scaling }) => ({ dim, base, scaling })); // what the RoPE view copies
  return [
    ...presets,
    ...SCALINGS.flatMap((scaling) =>
      [
        [2, 10000],
        [64, 10000],
        [128, 500000],
        [64, 1.5],
      ].map(([dim, base]) => ({ dim, base, scaling })),
    ),
  ];
}

for (const { name: library, label } of LIBRARIES) {
  test(`${label} snippets rebuild pe.encode, pe.rotate and pe.ropeFrequencies`, () => {
    const encodings = encodingCases();
    const rotations = rotationCases();
    const frequencies = frequencyCases();
    const cases = [
      ...encodings.map((settings) => ({ code: encodingSnippet(library, settings), result: 'P' })),
      ...rotations.map((settings) => ({ code: rotationSnippet(library, settings), result: 'rotated' })),
      ...frequencies.map((settings) => ({ code: frequencySnippet(library, settings), result: 'theta' })),
    ];
    const results = runPython(cases);
    const expected = [
      ...encodings.map((settings) => pe.encode(settings).data),
      ...rotations.map(({ rows, ...options }) => pe.rotate({ data: rows, ...options })),
      ...frequencies.map((settings) => pe.ropeFrequencies(settings)),
    ];
    const described = [...encodings, ...rotations, ...frequencies].map(({ rows, ...settings }) => JSON.stringify(settings));
    results.forEach((result, j) => {
      if (result?.error) assert.fail(`${described[j]}: the snippet failed:\n${result.error}\n${cases[j].code}`);
      assertClose(result, expected[j], `${library} ${described[j]}`);
    });
  });
}

test('the snippets state their conventions and settings, and reject what they cannot write', () => {
  const binary = encodingSnippet('numpy', { kind: 'binary', start: 64, count: 12, dim: 8 });
  assert.match(binary, /^# PE Lab's binary positional encoding: positions 64 to 75 \(rows\), d = 8\./);
  assert.match(binary, /i = 0 is the least significant bit \(LSB/);
  const split = encodingSnippet('torch', { kind: 'sinusoidal', start: 0, count: 4, dim: 8, base: 500000, layout: 'split' });
  assert.match(split, /base 500000, layout split/);
  assert.match(split, /^start, count, d, base = 0, 4, 8, 500000\.0$/m);
  const rope = rotationSnippet('torch', {
    rows: new Float32Array([0.1, 2]),
    dim: 2,
    start: 20,
    pairing: 'half',
    scaling: { type: 'llama3', factor: 8 },
  });
  assert.match(rope, /llama3 scaling \(factor 8, low_freq_factor 1, high_freq_factor 4, original context 8192\)/);
  assert.match(rope, /Pairing half: pair i is \(x_i, x_\(i\+d\/2\)\)/);
  assert.match(rope, /\[0\.1, 2\.0\]/); // float32 values written as the shortest decimal that reads back
  assert.throws(
    () => encodingSnippet('jax', { kind: 'binary', start: 0, count: 1, dim: 1 }),
    /library must be 'numpy' or 'torch'; received "jax"/,
  );
  assert.throws(
    () => encodingSnippet('numpy', { kind: 'rope', start: 0, count: 1, dim: 2 }),
    /kind must be 'integer', 'binary' or 'sinusoidal'/,
  );
});
