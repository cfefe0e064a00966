// The grid's settings: their limits, link parameters, and the one-click examples.
import { integerParams, POSITION_LIMITS, rangeFields } from '../shared/range-params.js';

export const LIMITS = {
  start: POSITION_LIMITS,
  count: { min: 1, max: 65536 }, // 2^16 rows: every 16-bit code, still smooth to scroll
  // A position below 2^31 has 31 bits; more bits would only add columns of zeros.
  dim: { min: 1, max: 31 },
  zoom: { min: 2, max: 40 }, // row height in CSS pixels; text needs 14 and up
};

export const GRID_PARAMS = integerParams({ start: 0, count: 16, dim: 8, zoom: 22 }, LIMITS);

export const FIELDS = rangeFields(LIMITS, 'Positions (rows)');

export const PRESETS = [
  { label: 'Lecture table: 64–75', title: 'The lecture’s table: positions 64 to 75 with 8 bits', values: { start: 64, count: 12, dim: 8 } },
  { label: '200 = 11001000', title: 'The lecture’s example position 200 with 8 bits', values: { start: 200, count: 4, dim: 8 } },
  { label: '127 → 128: every bit flips', title: 'Neighbours 127 and 128 differ in all 8 bits', values: { start: 120, count: 16, dim: 8 } },
  {
    label: '8 bits run out at 256',
    title: 'From 256 on, 8 bits repeat the codes of 0, 1, 2, …',
    values: { start: 248, count: 16, dim: 8 },
  },
  { label: '65,536 positions × 16 bits', title: 'Every 16-bit code, one row each', values: { start: 0, count: 65536, dim: 16 } },
];
