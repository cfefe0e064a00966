// pe.binaryStructure and pe.smoothBits across the real JS <-> WebAssembly boundary: the binary
// encoding's uneven jumps, repeats and flip periods, and the smooth wave of each bit's period.
// Run: node --test tests/js/binary-structure.test.mjs   (after the wasm build)
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadMemoryProbe, loadPE } from '../../web/pe.js';
import { assertThrows } from './support/assert-throws.mjs';

const pe = await loadPE();
const memory = await loadMemoryProbe();

// Independent reference: bits that differ between p and p + 1 within the lowest dim bits.
function referenceHamming(p, dim) {
  let changed = (p ^ (p + 1)) & (2 ** dim - 1);
  let bits = 0;
  for (; changed; changed >>>= 1) bits += changed & 1;
  return bits;
}

test('127 -> 128 flips all 8 bits and 128 -> 129 flips one', () => {
  const { hamming } = pe.binaryStructure({ start: 127, count: 3, dim: 8 });
  assert.ok(hamming instanceof Uint8Array);
  assert.deepEqual(Array.from(hamming), [8, 1]);
});

test('hamming distances agree with the encoded rows and with p XOR (p + 1)', () => {
  const options = { start: 1000, count: 300, dim: 12 };
  const { hamming } = pe.binaryStructure(options);
  const { data } = pe.encode({ kind: 'binary', ...options });
  assert.equal(hamming.length, 299);
  for (let r = 0; r + 1 < 300; r += 1) {
    let differing = 0;
    for (let i = 0; i < 12; i += 1) differing += data[r * 12 + i] !== data[(r + 1) * 12 + i];
    assert.equal(hamming[r], differing, `position ${1000 + r}`);
    assert.equal(hamming[r], referenceHamming(1000 + r, 12), `position ${1000 + r}`);
  }
});

test('with 8 bits, positions from 256 on repeat the codes of 0, 1, 2, ...', () => {
  const result = pe.binaryStructure({ start: 250, count: 12, dim: 8 });
  assert.equal(result.repeatsFrom, 256);
  assert.ok(result.sameCodeAs instanceof Uint32Array);
  assert.deepEqual(Array.from(result.sameCodeAs), [250, 251, 252, 253, 254, 255, 0, 1, 2, 3, 4, 5]);
});

test('31 bits give every allowed position its own code', () => {
  const result = pe.binaryStructure({ start: 2147483647 - 3, count: 4, dim: 31 });
  assert.equal(result.repeatsFrom, null);
  assert.deepEqual(Array.from(result.sameCodeAs), [2147483644, 2147483645, 2147483646, 2147483647]);
});

test('index k flips every 2^(k-1) positions', () => {
  const { flipPeriods } = pe.binaryStructure({ count: 1, dim: 8 });
  assert.ok(flipPeriods instanceof Float64Array);
  assert.deepEqual(Array.from(flipPeriods), [1, 2, 4, 8, 16, 32, 64, 128]);
});

test('65,536 positions x 16 bits in one call', () => {
  const result = pe.binaryStructure({ start: 0, count: 65536, dim: 16 });
  assert.equal(result.hamming.length, 65535);
  assert.equal(result.hamming[32767], 16); // 32767 -> 32768: every bit flips
  assert.equal(result.sameCodeAs[65535], 65535);
  assert.equal(result.repeatsFrom, 65536);
});

test('the smooth wave crosses 1/2 half-way between positions where the bit changes, and sides with the bit at each position', () => {
  const spp = 8;
  const { data, dim } = pe.smoothBits({ start: 64, count: 12, dim: 8, samplesPerPosition: spp });
  assert.equal(data.length, (12 * spp + 1) * 8);
  const bits = pe.encode({ kind: 'binary', start: 64, count: 12, dim: 8 }).data;
  const at = (x, i) => data[Math.round((x - 64) * spp) * dim + i];
  for (let p = 64; p < 76; p += 1) {
    for (let i = 0; i < dim; i += 1) {
      const bit = bits[(p - 64) * dim + i];
      // Read at a whole position, where an encoding reads it: on the bit's side of 1/2.
      assert.ok(bit === 1 ? at(p, i) > 0.5 : at(p, i) < 0.5, `index ${i + 1} at ${p}`);
      // Half-way to the next position it crosses 1/2 exactly when the bit changes there.
      if (p < 75 && bits[(p - 63) * dim + i] !== bit) assert.ok(Math.abs(at(p + 0.5, i) - 0.5) < 1e-6, `index ${i + 1} from ${p}`);
    }
    // Index 1 (i = 0) has period 2: read at whole positions it is the bit itself.
    assert.equal(at(p, 0), bits[(p - 64) * dim]);
  }
  // Index 3 (i = 2): runs of 4 positions, 64..67 are 0 and 68..71 are 1; 0 and 1 at their centres.
  assert.ok(Math.abs(at(65.5, 2) - 0) < 1e-6);
  assert.ok(Math.abs(at(69.5, 2) - 1) < 1e-6);
});

test('bad requests throw the same messages as pe.encode', () => {
  assertThrows(() => pe.binaryStructure({ start: 0, count: 4, dim: 0 }), RangeError, 'dim must be an integer from 1 to 4096; received 0');
  assertThrows(
    () => pe.binaryStructure({ start: 2147483647, count: 2, dim: 8 }),
    RangeError,
    'count must be an integer from 0 to 1 (the last position, start + count - 1, may be at most 2^31 - 1); received 2',
  );
  assertThrows(() => pe.binaryStructure({ count: '4', dim: 8 }), TypeError, 'count must be a number; received string "4"');
  assertThrows(
    () => pe.binaryStructure({ count: 4, dim: 8, kind: 'binary' }),
    TypeError,
    'unknown option "kind"; allowed options: start, count, dim',
  );
  assertThrows(
    () => pe.smoothBits({ count: 4, dim: 8, samplesPerPosition: 65 }),
    RangeError,
    'samplesPerPosition must be an integer from 1 to 64; received 65',
  );
  assertThrows(
    () => pe.smoothBits(null),
    TypeError,
    'options must be an object like { start, count, dim, samplesPerPosition }; received null',
  );
});

test('16,777,216 positions are described without holding them in wasm memory', () => {
  const before = memory.memoryBytes();
  const b = pe.binaryStructure({ start: 0, count: 16777216, dim: 1 });
  assert.ok(memory.memoryBytes() - before <= 4 * 2 ** 20, `wasm memory grew by ${memory.memoryBytes() - before} bytes`);
  assert.equal(b.hamming.length, 16777215);
  assert.equal(b.sameCodeAs.length, 16777216);
  assert.ok(
    b.hamming.every((flips) => flips === 1),
    'with one bit, every step flips it',
  );
  assert.equal(b.sameCodeAs[16777215], 1, 'the last position (odd) has the code of position 1');
  assert.equal(b.sameCodeAs[262144], 0, 'across a block boundary: 262,144 is even');
});

test('calls do not leak wasm memory', () => {
  const call = () => {
    pe.binaryStructure({ start: 0, count: 4096, dim: 16 });
    pe.smoothBits({ start: 0, count: 512, dim: 16, samplesPerPosition: 8 });
    try {
      pe.binaryStructure({ count: -1, dim: 8 });
    } catch {
      // expected: errors must not leak either
    }
  };
  call();
  const before = memory.heapBytesInUse();
  for (let n = 0; n < 200; n += 1) call();
  assert.equal(memory.heapBytesInUse(), before);
});
