// Benchmark of the three encoders and of RoPE's rotation at 16384 positions x 512 dims
// (8,388,608 values per table).
// Run: node tests/bench/encode-bench.mjs   (after the wasm build; wired as `npm run bench`)
//
// For each it times, in ns per output value:
//   wasm      pe.encode() (pe.rotate() of a fixed table), including the copies across the boundary
//   plain JS  the same formula written the way a course author would, into a new Float32Array
//   fill      new Float32Array(n).fill(1): the memory-write bound every method has to pay
// and checks the goals: sinusoidal wasm at least 8x faster than plain JS; binary, integer and
// rotate wasm within 4x of allocate + fill. Each round runs every measurement once, in a rotated order, so
// all numbers come from one run under the same conditions; the table shows the medians.
import { loadPE } from '../../web/pe.js';

const COUNT = 16384;
const DIM = 512;
const VALUES = COUNT * DIM;
const BASE = 10000;
const WARMUP_ROUNDS = 2;
const ROUNDS = 11;
const SINUSOIDAL_SPEEDUP_GOAL = 8;
const FILL_RATIO_GOAL = 4;

function plainIntegerTable() {
  const out = new Float32Array(VALUES);
  for (let p = 0; p < COUNT; p += 1) out.fill(p, p * DIM, (p + 1) * DIM);
  return out;
}

// JS takes shift counts mod 32 (p >> 32 is p), so only bits 0..30 are shifted out; positions are
// below 2^31, and the higher dimensions keep the zeros the allocation gives them.
function plainBinaryTable() {
  const liveBits = Math.min(DIM, 31);
  const out = new Float32Array(VALUES);
  for (let p = 0; p < COUNT; p += 1) {
    const row = p * DIM;
    for (let i = 0; i < liveBits; i += 1) out[row + i] = (p >> i) & 1;
  }
  return out;
}

// Interleaved layout, inverse frequencies hoisted out of the loops, Math.sin/Math.cos per value.
function plainSinusoidalTable() {
  const pairs = DIM / 2;
  const inverseFrequency = new Float64Array(pairs);
  for (let k = 0; k < pairs; k += 1) inverseFrequency[k] = Math.pow(BASE, (-2 * k) / DIM);
  const out = new Float32Array(VALUES);
  for (let p = 0; p < COUNT; p += 1) {
    const row = p * DIM;
    for (let k = 0; k < pairs; k += 1) {
      const angle = p * inverseFrequency[k];
      out[row + 2 * k] = Math.sin(angle);
      out[row + 2 * k + 1] = Math.cos(angle);
    }
  }
  return out;
}

// The rows pe.rotate turns: any finite values will do; these are seeded, so every run turns the
// same table.
const ROTATED = Float32Array.from({ length: VALUES }, (_, j) => Math.sin(j * 0.618));

// Interleaved pairs, row r turned by r * theta_k; theta and the angle in float64 as the core.
function plainRotation() {
  const pairs = DIM / 2;
  const theta = new Float64Array(pairs);
  for (let k = 0; k < pairs; k += 1) theta[k] = Math.pow(BASE, (-2 * k) / DIM);
  const out = new Float32Array(VALUES);
  for (let p = 0; p < COUNT; p += 1) {
    const row = p * DIM;
    for (let k = 0; k < pairs; k += 1) {
      const angle = p * theta[k];
      const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
      const [x, y] = [ROTATED[row + 2 * k], ROTATED[row + 2 * k + 1]];
      out[row + 2 * k] = x * cos - y * sin;
      out[row + 2 * k + 1] = x * sin + y * cos;
    }
  }
  return out;
}

function allocateAndFill() {
  return new Float32Array(VALUES).fill(1);
}

const pe = await loadPE();
const wasmTable = (kind) => () => pe.encode({ kind, start: 0, count: COUNT, dim: DIM, base: BASE }).data;

const ENCODERS = [
  { kind: 'integer', wasm: wasmTable('integer'), plain: plainIntegerTable },
  { kind: 'binary', wasm: wasmTable('binary'), plain: plainBinaryTable },
  { kind: 'sinusoidal', wasm: wasmTable('sinusoidal'), plain: plainSinusoidalTable },
  { kind: 'rotate', wasm: () => pe.rotate({ data: ROTATED, dim: DIM, base: BASE }), plain: plainRotation },
];

// The comparison is only fair if both sides build the same table (sinusoidal and rotate: up to
// float32 rounding of two different float64 computations).
for (const { kind, wasm, plain } of ENCODERS) {
  const [fromWasm, fromPlain] = [wasm(), plain()];
  let maxDifference = 0;
  for (let j = 0; j < VALUES; j += 1) {
    maxDifference = Math.max(maxDifference, Math.abs(fromWasm[j] - fromPlain[j]));
  }
  if (maxDifference > 1e-6) throw new Error(`${kind}: wasm and plain JS differ by ${maxDifference}`);
}

const measurements = [{ name: 'fill', run: allocateAndFill, samples: [] }];
for (const encoder of ENCODERS) {
  measurements.push({ name: `${encoder.kind} wasm`, run: encoder.wasm, samples: [] });
  measurements.push({ name: `${encoder.kind} plain JS`, run: encoder.plain, samples: [] });
}

// Reading one value of every result keeps the work observable, so no engine can skip it.
let checksum = 0;
function timeOnce(run) {
  const begin = process.hrtime.bigint();
  const data = run();
  const elapsed = Number(process.hrtime.bigint() - begin);
  if (data.length !== VALUES) throw new Error(`expected ${VALUES} values, got ${data.length}`);
  checksum += data[VALUES - 1];
  return elapsed / VALUES;
}

for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round += 1) {
  for (let j = 0; j < measurements.length; j += 1) {
    const measurement = measurements[(round + j) % measurements.length];
    const nsPerValue = timeOnce(measurement.run);
    if (round >= WARMUP_ROUNDS) measurement.samples.push(nsPerValue);
  }
}

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
const nsPerValue = (name) => median(measurements.find((m) => m.name === name).samples);

const fill = nsPerValue('fill');
const header = ['encoder', 'wasm ns/value', 'plain JS ns/value', 'fill ns/value', 'JS / wasm', 'wasm / fill', 'goal', 'met'];
const rows = ENCODERS.map(({ kind }) => {
  const wasm = nsPerValue(`${kind} wasm`);
  const plain = nsPerValue(`${kind} plain JS`);
  const speedup = plain / wasm;
  const fillRatio = wasm / fill;
  const goal =
    kind === 'sinusoidal'
      ? { text: `JS / wasm >= ${SINUSOIDAL_SPEEDUP_GOAL}`, met: speedup >= SINUSOIDAL_SPEEDUP_GOAL }
      : { text: `wasm / fill <= ${FILL_RATIO_GOAL}`, met: fillRatio <= FILL_RATIO_GOAL };
  return {
    met: goal.met,
    cells: [
      kind,
      wasm.toFixed(3),
      plain.toFixed(3),
      fill.toFixed(3),
      `${speedup.toFixed(1)}x`,
      `${fillRatio.toFixed(1)}x`,
      goal.text,
      goal.met ? 'yes' : 'NO',
    ],
  };
});

const widths = header.map((title, c) => Math.max(title.length, ...rows.map((r) => r.cells[c].length)));
const line = (cells) => `| ${cells.map((cell, c) => cell.padStart(widths[c])).join(' | ')} |`;
console.log(
  `${COUNT} positions x ${DIM} dims = ${VALUES} values per table; median of ${ROUNDS} ` +
    `interleaved rounds after ${WARMUP_ROUNDS} warm-up rounds (node ${process.version})`,
);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row.cells));
console.log(rows.every((r) => r.met) ? 'All goals met.' : 'Some goals missed (see "met").');
// Both sides of the sinusoidal comparison return a fresh array, so its cost bounds the ratio.
const ceiling = nsPerValue('sinusoidal plain JS') / fill;
console.log(
  `Ceiling here: a fresh table costs ${fill.toFixed(3)} ns/value (fill), so no encoder ` +
    `that returns one can beat plain JS sinusoidal by more than ${ceiling.toFixed(1)}x.`,
);
console.log(`(checksum ${checksum}, read so no engine can skip the work)`);
