// One lane per index, stacked from index 1 (fastest) down to index d (slowest): the bit's value
// against position as a square wave, position p holding its bit on [p - 1/2, p + 1/2), so a jump
// falls half-way between two positions and each whole position sits mid-step. On request each
// lane also carries its smooth counterpart from pe.smoothBits, the sinusoid of the same period
// that crosses 1/2 at those half-way points.
// Point at a lane, or Tab to the chart and use the arrow keys, to read one bit.
import { scaleLinear } from 'd3-scale';
import { textWidth } from '../../charts/cell-canvas.js';
import { clearSvg, drawAxis, svgElement } from '../../charts/svg.js';
import { createSvgFigure } from '../../charts/svg-figure.js';
import { CATEGORY_COLORS, GRID_LINE, INK, MUTED_INK } from '../../charts/palette.js';
import { formatWhole } from '../../lib/format.js';

const SQUARE_COLOR = CATEGORY_COLORS[0]; // blue, solid
const SMOOTH_COLOR = CATEGORY_COLORS[4]; // vermillion, dashed
const MARGIN = { top: 4, right: 12, bottom: 48, left: 44 };
const LANE = { label: 18, plot: 26, gap: 10 };
const LANE_HEIGHT = LANE.label + LANE.plot + LANE.gap;
const HINT = 'Point at a wave, or Tab to the chart and use the arrow keys (left and right: position, up and down: index), to read a bit.';

// Each lane's label, "index 7 · flips every 64 positions", or all of them in the short form
// "index 7 · every 64" when a long one does not fit in room pixels (a phone, or a narrow embed).
function laneLabels(dim, flipPeriods, room) {
  const periods = Array.from(flipPeriods); // a Float64Array would map strings to NaN
  const names = periods.map((_, i) => {
    if (i === 0) return dim === 1 ? 'index 1 (LSB and MSB)' : 'index 1 (LSB)';
    return i === dim - 1 ? `index ${dim} (MSB)` : `index ${i + 1}`;
  });
  const every = periods.map((period) => (period === 1 ? 'every position' : `every ${formatWhole(period)}`));
  const long = names.map((name, i) => `${name} · flips ${every[i]}${periods[i] === 1 ? '' : ' positions'}`);
  return long.every((label) => textWidth(label) <= room) ? long : names.map((name, i) => `${name} · ${every[i]}`);
}

// "no flip here" for a lane that stays flat over the range, inside the plot at its right end, in
// the half away from the flat line (where the smooth wave does not go either: it crosses ½ only
// half-way between positions whose bits differ, at the range's edges at most), so every such lane
// says it at any width.
function noFlipNote(bit, right, high, low) {
  const y = bit === 1 ? low - 4 : high + 12;
  return svgElement('text', { x: right - 4, y, 'text-anchor': 'end', class: 'no-flip-note', fill: MUTED_INK }, 'no flip here');
}

// The step outline of bit i over the rows: flat across each position, vertical at each flip.
function squarePath(bits, dim, i, count, x, yOf) {
  let path = `M${x(0).toFixed(1)},${yOf(bits[i])}`;
  for (let r = 0; r < count; r += 1) {
    path += `H${x(r + 1).toFixed(1)}`;
    if (r + 1 < count && bits[(r + 1) * dim + i] !== bits[r * dim + i]) path += `V${yOf(bits[(r + 1) * dim + i])}`;
  }
  return path;
}

// The samples of smooth (pe.smoothBits from position smooth.first) that fall inside the plot,
// [start - 1/2, start + count - 1/2]; position p is drawn at xOf(p).
function smoothPath(smooth, dim, i, { start, count }, xOf, yOf) {
  const { data, first, samplesPerPosition } = smooth;
  const points = [];
  for (let s = 0; s * dim < data.length; s += 1) {
    const position = first + s / samplesPerPosition;
    if (position < start - 0.5 || position > start + count - 0.5) continue;
    points.push(`${xOf(position).toFixed(1)},${yOf(data[s * dim + i]).toFixed(1)}`);
  }
  return `M${points.join('L')}`;
}

/** Flips of bit i between neighbouring rows of the range. */
export function flipsInRange(bits, dim, i, count) {
  let flips = 0;
  for (let r = 0; r + 1 < count; r += 1) flips += bits[(r + 1) * dim + i] !== bits[r * dim + i] ? 1 : 0;
  return flips;
}

// One row per position: each index's bit, and with the smooth counterpart on, each sinusoid's
// value at that position (the curve's samples that fall on whole positions).
function wavesTable({ start, count, dim, bits, smooth }) {
  const indices = Array.from({ length: dim }, (_, i) => i);
  const name = (i) => `index ${i + 1} = bit ${i}${i === 0 ? ' (LSB)' : ''}${i === dim - 1 && dim > 1 ? ' (MSB)' : ''}`;
  const sample = (r, i) => smooth.data[(start + r - smooth.first) * smooth.samplesPerPosition * dim + i];
  return {
    name: 'square-waves',
    settings: { start, count, dim, smooth: smooth ? 'on' : 'off' },
    columns: ['position', ...indices.map(name), ...(smooth ? indices.map((i) => `index ${i + 1} sinusoid`) : [])],
    rows: Array.from({ length: count }, (_, r) => [
      start + r,
      ...indices.map((i) => bits[r * dim + i]),
      ...(smooth ? indices.map((i) => sample(r, i)) : []),
    ]),
  };
}

function title(dim) {
  return dim === 1
    ? 'Along the positions, index 1 is a square wave that flips at every position'
    : 'Along the positions, each index is a square wave, flipping half as often as the one above';
}

// Index i's lane: its name, the 0 and 1 lines, the square wave and, if asked, the smooth one.
function lane(i, label, { start, count, dim, bits, smooth, width, x, axisScale }) {
  const top = MARGIN.top + i * LANE_HEIGHT;
  const high = top + LANE.label;
  const low = high + LANE.plot;
  const yOf = (value) => low - value * LANE.plot;
  const group = svgElement('g', { class: 'lane' });
  group.append(
    svgElement('text', { x: MARGIN.left, y: top + 12, class: 'lane-label' }, label),
    svgElement('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: high, y2: high, stroke: GRID_LINE }),
    svgElement('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: low, y2: low, stroke: GRID_LINE }),
    svgElement('text', { x: MARGIN.left - 6, y: high, 'text-anchor': 'end', 'dominant-baseline': 'middle', fill: MUTED_INK }, '1'),
    svgElement('text', { x: MARGIN.left - 6, y: low, 'text-anchor': 'end', 'dominant-baseline': 'middle', fill: MUTED_INK }, '0'),
    svgElement('path', { d: squarePath(bits, dim, i, count, x, yOf), fill: 'none', stroke: SQUARE_COLOR, 'stroke-width': 2 }),
  );
  if (flipsInRange(bits, dim, i, count) === 0) group.append(noFlipNote(bits[i], width - MARGIN.right, high, low));
  if (smooth) {
    group.append(
      svgElement('path', {
        d: smoothPath(smooth, dim, i, { start, count }, axisScale, yOf),
        fill: 'none',
        stroke: SMOOTH_COLOR,
        'stroke-width': 2,
        'stroke-dasharray': '5 3',
      }),
    );
  }
  return group;
}

/** Returns { figure, availableWidth(), plotWidth(width), update({ start, count, dim, bits, flipPeriods, smooth, width }) };
 *  onResize(width) runs when the figure's width changes (SVG text keeps its size, so the view
 *  redraws rather than scales). */
export function createSquareWaves({ onResize }) {
  const { frame, svg, reading, width: availableWidth } = createSvgFigure({ className: 'wave-chart', hint: HINT, onResize });
  frame.setTitle(title(8));

  return {
    figure: frame.figure,
    /** The width the charts of this view may take (the figure's inner width). */
    availableWidth,
    /** The width of the plotting area for a chart width, to choose how finely to sample. */
    plotWidth: (width) => width - MARGIN.left - MARGIN.right,
    /** smooth: null, or { data, first, samplesPerPosition }: pe.smoothBits from position first
     *  (at most start) on, to at least start + count - 1/2. */
    update({ start, count, dim, bits, flipPeriods, smooth, width }) {
      frame.setTitle(title(dim));
      const height = MARGIN.top + dim * LANE_HEIGHT + MARGIN.bottom;
      clearSvg(
        svg,
        width,
        height,
        `Square waves of indices 1 to ${dim} over positions ${start} to ${start + count - 1}. Use the arrow keys to read each bit.`,
      );
      // x is in rows from the range's start, so row r covers [x(r), x(r + 1)); position start + r
      // sits at its middle.
      const x = scaleLinear()
        .domain([0, count])
        .range([MARGIN.left, width - MARGIN.right]);
      const axisScale = scaleLinear()
        .domain([start - 0.5, start + count - 0.5])
        .range(x.range());
      const ticks = axisScale.ticks(Math.max(2, Math.floor((width - 60) / 80))).filter(Number.isInteger);
      const bottom = MARGIN.top + dim * LANE_HEIGHT;
      drawAxis(svg, axisScale, { side: 'bottom', at: bottom, length: bottom - MARGIN.top, label: 'position', ticks, format: formatWhole });

      const labels = laneLabels(dim, flipPeriods, width - MARGIN.left);
      for (let i = 0; i < dim; i += 1) svg.append(lane(i, labels[i], { start, count, dim, bits, smooth, width, x, axisScale }));
      svg.append(
        svgElement(
          'text',
          {
            x: 0,
            y: 0,
            transform: `translate(14 ${(MARGIN.top + bottom) / 2}) rotate(-90)`,
            'text-anchor': 'middle',
            fill: INK,
            class: 'axis-label',
          },
          dim >= 4 ? 'bit value, one lane per index' : 'bit value',
        ),
      );

      // Item (row, col) is index row + 1 at position start + col: its bit is bits[col * dim + row].
      const step = (x(count) - x(0)) / count;
      reading.draw({
        rows: dim,
        cols: count,
        itemAt: (px, py) => ({ row: Math.floor((py - MARGIN.top) / LANE_HEIGHT), col: Math.floor((px - MARGIN.left) / step) }),
        box: (row, col) => ({ x: x(col), y: MARGIN.top + row * LANE_HEIGHT + LANE.label - 4, width: step, height: LANE.plot + 8 }),
        describe: (row, col) => `index ${row + 1} (code index ${row}), position ${formatWhole(start + col)}: bit ${bits[col * dim + row]}`,
      });

      frame.setData(() => wavesTable({ start, count, dim, bits, smooth }));
      frame.setLegend([
        { label: 'bit value (square wave)', color: SQUARE_COLOR, shape: 'line' },
        ...(smooth ? [{ label: 'sinusoid with the same period', color: SMOOTH_COLOR, shape: 'dashed' }] : []),
      ]);
      frame.setNote(
        smooth
          ? 'Dashed: for index k, the sinusoid with the same period (2^k positions), crossing ½ where the bit jumps, half-way ' +
              'between two positions. It never jumps. At each whole position it is above ½ where the bit is 1 and below ½ where ' +
              'it is 0; for index 1, whose period is only 2 positions, it is exactly the bit there, and the values in between ' +
              'appear only between positions. Keeping one wave per index, fast to slow, but making each one smooth is the idea ' +
              'the sinusoidal encoding of “Attention Is All You Need” develops.'
          : 'Every change is a jump straight from 0 to 1 or back, with nothing in between. Tick “smooth counterpart” to ' +
              'overlay the sinusoid of the same period on each wave.',
      );
    },
  };
}
