// The diverging palette's B-spline (web/charts/palette.js, written there so the first load does not
// carry d3-color): the same colour strings as d3-interpolate's interpolateRgbBasis, which the page
// used before, at every t of a fine grid, the ends and past them.
// Run: node --test tests/js/palette.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interpolateRgbBasis } from 'd3-interpolate';
import { RED_TO_BLUE_HEX, divergingColor, rgbBasis } from '../../web/charts/palette.js';

const GRID = [-0.5, -1e-9, ...Array.from({ length: 2001 }, (_, k) => k / 2000), 1 + 1e-9, 1.5];

test('rgbBasis gives interpolateRgbBasis’s colours, for the diverging scheme and short lists', () => {
  for (const colors of [
    RED_TO_BLUE_HEX,
    ['#000000', '#ffffff'],
    ['#ff0000', '#00ff00', '#0000ff'],
    ['#67001f', '#f7f7f7', '#053061', '#fddbc7'],
  ]) {
    const ours = rgbBasis(colors);
    const d3 = interpolateRgbBasis(colors);
    for (const t of GRID) assert.equal(ours(t), d3(t), `${colors.join()} at t = ${t}`);
  }
});

test('divergingColor runs red above zero, white at zero, blue below, clamped past the limit', () => {
  const d3 = interpolateRgbBasis(RED_TO_BLUE_HEX);
  assert.equal(divergingColor(0, 1), d3(0.5));
  assert.equal(divergingColor(3, 1), d3(0));
  assert.equal(divergingColor(-3, 1), d3(1));
  assert.equal(divergingColor(0.25, 0), d3(0.5), 'a zero limit is white');
});
