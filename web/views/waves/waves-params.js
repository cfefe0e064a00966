// The oscillation view's settings: their limits, link parameters, and the one-click examples.
import { flagParam } from '../../lib/url-params.js';
import { integerParams, POSITION_LIMITS, rangeFields } from '../shared/range-params.js';

export const LIMITS = {
  start: POSITION_LIMITS,
  // Past a few thousand positions even the slowest waves blur into bands at page width.
  count: { min: 1, max: 4096 },
  // Sixteen stacked lanes already fill a screen; index 16 flips every 32,768 positions.
  dim: { min: 1, max: 16 },
};

export const WAVES_PARAMS = {
  ...integerParams({ start: 0, count: 64, dim: 8 }, LIMITS),
  smooth: flagParam(false),
};

export const FIELDS = rangeFields(LIMITS, 'Positions');

export const PRESETS = [
  {
    label: 'Lecture table: 64–75',
    title: 'Positions 64 to 75: indices 5 to 8 do not change at all',
    values: { start: 64, count: 12, dim: 8 },
  },
  { label: '0–255: every index flips', title: 'Long enough for index 8 to flip once', values: { start: 0, count: 256, dim: 8 } },
  { label: '0–31, 5 bits', title: 'Few positions, few indices: every jump is visible', values: { start: 0, count: 32, dim: 5 } },
];
