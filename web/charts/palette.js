// Colours of every chart, chosen to stay distinct under the common colour-vision deficiencies.
import { interpolateRdBu } from 'd3-scale-chromatic';

// Okabe & Ito's categorical palette (yellow left out: too faint on white). Used for duplicate
// groups and for series in line charts.
export const CATEGORY_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#000000'];

// Binary cells: light for 0, dark for 1; they differ in lightness, not only in hue.
export const BIT_COLORS = { 0: '#e8eef5', 1: '#0b3d6b' };

export const INK = '#1f2328';
export const MUTED_INK = '#59636e';
export const GRID_LINE = '#d0d7de';

/** Diverging colour for value in [-limit, limit]: blue below zero, white at zero, red above. */
export function divergingColor(value, limit) {
  const t = limit > 0 ? Math.max(-1, Math.min(1, value / limit)) : 0;
  return interpolateRdBu(0.5 - t / 2); // RdBu runs red -> blue, so flip it
}
