// Colours of every chart, chosen to stay distinct under the common colour-vision deficiencies.
import { interpolateRgbBasis } from 'd3-interpolate';

// ColorBrewer's 11-class RdBu scheme (Cynthia Brewer, colorbrewer2.org), red to blue, through a
// B-spline as d3-scale-chromatic's interpolateRdBu does. Listed here rather than imported from
// d3-scale-chromatic because that module builds all of its ~70 schemes when loaded, ~13 ms of
// the page's first render for the one used.
const RED_TO_BLUE = interpolateRgbBasis(['#67001f', '#b2182b', '#d6604d', '#f4a582', '#fddbc7', '#f7f7f7',
  '#d1e5f0', '#92c5de', '#4393c3', '#2166ac', '#053061']);

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
  return RED_TO_BLUE(0.5 - t / 2); // it runs red -> blue, so flip it
}
