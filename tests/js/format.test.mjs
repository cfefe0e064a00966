// How the views write numbers (web/lib/format.js): the digits a reader sees, pinned, so
// a change of formatter or rounding rule shows up here rather than on the page.
// Run: node --test tests/js/format.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  formatCosine,
  formatDistinctCosine,
  formatExact,
  formatRatio,
  formatShort,
  formatSmall,
  formatTimes,
  formatWhole,
  listPositions,
  quoteToken,
} from '../../web/lib/format.js';

test('formatExact: float32 precision, 7 significant digits, grouped, U+2212 minus', () => {
  assert.equal(formatExact(0.02130127064883709), '0.02130127');
  assert.equal(formatExact(200.02130126953125), '200.0213');
  assert.equal(formatExact(1000003), '1,000,003');
  assert.equal(formatExact(-0.5), '−0.5');
  assert.equal(formatExact(-0), '0');
  assert.equal(formatExact(1e-7), '0.0000001');
});

test('formatShort: 3 significant digits of the stored double, trailing zeros dropped', () => {
  assert.equal(formatShort(0.056568542), '0.0566');
  assert.equal(formatShort(565.685), '566');
  assert.equal(formatShort(1234), '1,230');
  assert.equal(formatShort(0), '0');
  assert.equal(formatShort(-2.5), '−2.5');
  // 9.995 is stored as 9.99499999...: rounding the stored value gives 9.99, not 10.
  assert.equal(formatShort(9.995), '9.99');
});

test('formatCosine: three decimals, more only to show a value just short of 1', () => {
  assert.equal(formatCosine(0.912), '0.912');
  assert.equal(formatCosine(-0.054), '−0.054');
  assert.equal(formatCosine(1), '1.000');
  assert.equal(formatCosine(0.99985), '0.99985');
  assert.equal(formatCosine(0.9999927), '0.9999927');
  assert.equal(formatCosine(1 - 1e-12), '1.000', 'gaps under 1e-9 are rounding in the sums');
  assert.equal(formatCosine(-0.0004), '0.000', 'a value that rounds to zero has no sign');
});

test('formatDistinctCosine: the cosine of rows that differ never reads as exactly 1 (issue 23, finding 13)', () => {
  assert.equal(formatDistinctCosine(0.912), '0.912');
  assert.equal(formatDistinctCosine(0.99985), '0.99985');
  assert.equal(formatDistinctCosine(1 - 3.1e-13), '1 − 3.1 × 10⁻¹³');
  assert.equal(formatDistinctCosine(-1 + 2e-12), '−1 + 2.0 × 10⁻¹²');
  assert.equal(formatDistinctCosine(1), '1 (to 16 digits)', 'parallel rows of different lengths');
});

test('formatWhole and formatTimes: grouped whole numbers and two significant digits', () => {
  assert.equal(formatWhole(2147483647), '2,147,483,647');
  assert.equal(formatWhole(-0), '0');
  assert.equal(formatTimes(9923), '9,900');
  assert.equal(formatTimes(2.46), '2.5');
  assert.equal(formatTimes(370.4), '370');
});

test('formatRatio: two significant digits, more when two would show a ratio that is not 1 as "1"', () => {
  assert.equal(formatRatio(11897.77), '12,000');
  assert.equal(formatRatio(0.612), '0.61');
  assert.equal(formatRatio(1), '1');
  assert.equal(formatRatio(1.04), '1.04');
  assert.equal(formatRatio(1.003054), '1.003');
  assert.equal(formatRatio(0.99996), '0.99996');
});

test('formatSmall: three significant digits from 0.001 up, a power of ten below', () => {
  assert.equal(formatSmall(0.32815), '0.328');
  assert.equal(formatSmall(0.0012345), '0.00123');
  assert.equal(formatSmall(2.5e-9), '2.5 × 10⁻⁹');
  assert.equal(formatSmall(8.58e-5), '8.6 × 10⁻⁵');
  assert.equal(formatSmall(9.96e-9), '1.0 × 10⁻⁸', 'rounding carries into the power');
  assert.equal(formatSmall(-3e-12), '−3.0 × 10⁻¹²');
  assert.equal(formatSmall(0), '0');
});

test('listPositions and quoteToken: the words around numbers', () => {
  assert.equal(listPositions([7]), '7');
  assert.equal(listPositions([0, 4]), '0 and 4');
  assert.equal(listPositions([0, 3, 1000]), '0, 3 and 1,000');
  assert.equal(quoteToken('dog'), '“\u2068dog\u2069”');
});
