// The oscillation view's settings: their limits, link parameters, and the one-click examples.
import { flagParam, integerParam } from '../../app/url-params.js';

export const LIMITS = {
  start: { min: 0, max: 2147483647 }, // the core's positions: 0 .. 2^31 - 1
  // Past a few thousand positions even the slowest waves blur into bands at page width.
  count: { min: 1, max: 4096 },
  // Sixteen stacked lanes already fill a screen; index 16 flips every 32,768 positions.
  dim: { min: 1, max: 16 },
};

export const WAVES_PARAMS = {
  start: integerParam(0, LIMITS.start.min, LIMITS.start.max),
  count: integerParam(64, LIMITS.count.min, LIMITS.count.max),
  dim: integerParam(8, LIMITS.dim.min, LIMITS.dim.max),
  smooth: flagParam(false),
};

export const FIELDS = [
  { name: 'start', label: 'First position', limits: LIMITS.start },
  { name: 'count', label: 'Positions', limits: LIMITS.count },
  { name: 'dim', label: 'Bits d', limits: LIMITS.dim },
];

export const PRESETS = [
  { label: 'Lecture table: 64–75', title: 'Positions 64 to 75: indices 5 to 8 do not change at all', values: { start: 64, count: 12, dim: 8 } },
  { label: '0–255: every index flips', title: 'Long enough for index 8 to flip once', values: { start: 0, count: 256, dim: 8 } },
  { label: '0–31, 5 bits', title: 'Few positions, few indices: every jump is visible', values: { start: 0, count: 32, dim: 5 } },
];
