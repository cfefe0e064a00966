// The grid's settings: their limits, link parameters, and the one-click examples.
import { integerParam } from '../../app/url-params.js';

export const LIMITS = {
  start: { min: 0, max: 2147483647 }, // the core's positions: 0 .. 2^31 - 1
  count: { min: 1, max: 65536 }, // 2^16 rows: every 16-bit code, still smooth to scroll
  // A position below 2^31 has 31 bits; more bits would only add columns of zeros.
  dim: { min: 1, max: 31 },
  zoom: { min: 2, max: 40 }, // row height in CSS pixels; text needs 14 and up
};

export const GRID_PARAMS = {
  start: integerParam(0, LIMITS.start.min, LIMITS.start.max),
  count: integerParam(16, LIMITS.count.min, LIMITS.count.max),
  dim: integerParam(8, LIMITS.dim.min, LIMITS.dim.max),
  zoom: integerParam(22, LIMITS.zoom.min, LIMITS.zoom.max),
};

export const FIELDS = [
  { name: 'start', label: 'First position', limits: LIMITS.start },
  { name: 'count', label: 'Positions (rows)', limits: LIMITS.count },
  { name: 'dim', label: 'Bits d', limits: LIMITS.dim },
];

export const PRESETS = [
  { label: 'Lecture table: 64–75', title: 'The lecture’s table: positions 64 to 75 with 8 bits', values: { start: 64, count: 12, dim: 8 } },
  { label: '200 = 11001000', title: 'The lecture’s example position 200 with 8 bits', values: { start: 200, count: 4, dim: 8 } },
  { label: '127 → 128: every bit flips', title: 'Neighbours 127 and 128 differ in all 8 bits', values: { start: 120, count: 16, dim: 8 } },
  { label: '8 bits run out at 256', title: 'From 256 on, 8 bits repeat the codes of 0, 1, 2, …', values: { start: 248, count: 16, dim: 8 } },
  { label: '65,536 positions × 16 bits', title: 'Every 16-bit code, one row each', values: { start: 0, count: 65536, dim: 16 } },
];
