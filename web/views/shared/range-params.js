// What the settings of the two binary views (grid and waves) have in common: the core's range of
// positions, the three number boxes every range view shows, and link parameters made from the
// view's own limits and defaults.
import { integerParam } from '../../lib/url-params.js';

export const POSITION_LIMITS = { min: 0, max: 2147483647 }; // the core's positions: 0 .. 2^31 - 1

/** Link parameters, in the order of defaults: each name a whole number within limits[name]. */
export function integerParams(defaults, limits) {
  return Object.fromEntries(
    Object.entries(defaults).map(([name, value]) => [name, integerParam(value, limits[name].min, limits[name].max)]),
  );
}

/** The number boxes of a range view in display order; countLabel names the view's rows. */
export function rangeFields(limits, countLabel) {
  return [
    { name: 'start', label: 'First position', limits: limits.start },
    { name: 'count', label: countLabel, limits: limits.count },
    { name: 'dim', label: 'Bits d', limits: limits.dim },
  ];
}
