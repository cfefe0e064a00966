// One clock per frequency pair of the query: the pair of R_m q as a hand in its plane, and the
// same pair at position 0 as a dashed hand. Pair i turns by theta_i per position, so from pair 0
// to the last the hands go from spinning to barely moving. Point at a clock, or Tab to the chart
// and use the arrow keys, to read its pair.
import { clearSvg, svgElement } from '../../charts/svg.js';
import { createSvgFigure } from '../../charts/svg-figure.js';
import { CATEGORY_COLORS, GRID_LINE, MUTED_INK, PAPER } from '../../charts/palette.js';
import { formatShort, formatWhole } from '../../lib/format.js';

const HAND_COLOR = CATEGORY_COLORS[0];
const LABEL_ROOM = 14;
const HINT = 'Point at a clock, or Tab to the chart and use the arrow keys, to read its pair.';

// The readout's sentence for pair k; shown, the hands' { rotated, position } once turned.
function describe({ channels, theta, wavelengths }, shown, k) {
  const a = channels[2 * k];
  const b = channels[2 * k + 1];
  const hand = shown
    ? `; at m = ${formatWhole(shown.position)} the hand is (${formatShort(shown.rotated[a])}, ${formatShort(shown.rotated[b])})`
    : '';
  return `pair ${k} (channels ${a} and ${b}): turns ${formatShort(theta[k])} rad per position, a full turn every ${formatShort(wavelengths[k])} positions${hand}`;
}

// The numbers the clocks draw, one row per pair.
function clockTable({ q, channels, pairing, theta, wavelengths }, rotated, position) {
  return {
    name: 'rope-clocks',
    settings: { dim: q.length, pairing, position },
    columns: [
      'pair k',
      'channel a',
      'channel b',
      'θ_k (rad per position)',
      'positions per turn',
      'q_a (m = 0)',
      'q_b (m = 0)',
      `(R_m q)_a, m = ${position}`,
      `(R_m q)_b, m = ${position}`,
    ],
    rows: Array.from(theta, (angle, k) => {
      const [a, b] = [channels[2 * k], channels[2 * k + 1]];
      return [k, a, b, angle, wavelengths[k], q[a], q[b], rotated[a], rotated[b]];
    }),
  };
}

/** Returns { figure, build({ q, channels, theta, wavelengths, width, pairing }), turn(rotated, position) }:
 *  channels[2k], channels[2k + 1] are pair k's channels (pairing names them); rotated is R_m q (pe.rotate). */
export function createClocks() {
  const { frame, svg, reading } = createSvgFigure({ className: 'rope-clocks', hint: HINT });
  frame.setLegend([
    { label: 'hand: the pair of R_m q (query at position m)', color: HAND_COLOR, shape: 'line' },
    { label: 'the same pair at position 0', color: MUTED_INK, shape: 'dashed' },
  ]);
  let hands = [];
  let layout = null;
  let shown = null; // { rotated, position }

  return {
    figure: frame.figure,
    build({ q, channels, theta, wavelengths, width, pairing }) {
      const pairs = theta.length;
      // Big clocks in about two rows, never smaller than 46 px.
      const cell = Math.max(46, Math.min(96, Math.floor(width / Math.ceil(pairs / 2))));
      const cols = Math.max(1, Math.min(pairs, Math.floor(width / cell)));
      const rows = Math.ceil(pairs / cols);
      const radius = cell / 2 - 5;
      let largest = 0;
      for (const value of q) largest = Math.max(largest, Math.abs(value));
      // A pair is never longer than sqrt(2) times its largest channel, and turning keeps it.
      const scale = radius / (Math.SQRT2 * largest);
      layout = { q, channels, pairing, theta, wavelengths, cell, cols, radius, scale };
      clearSvg(
        svg,
        cols * cell,
        rows * (cell + LABEL_ROOM),
        `${pairs} clocks, one per pair of the query, fastest first. Use the arrow keys to read each pair.`,
      );
      hands = [];
      for (let k = 0; k < pairs; k += 1) {
        const cx = ((k % cols) + 0.5) * cell;
        const cy = Math.floor(k / cols) * (cell + LABEL_ROOM) + cell / 2;
        const x0 = cx + q[channels[2 * k]] * scale;
        const y0 = cy - q[channels[2 * k + 1]] * scale;
        const hand = svgElement('line', {
          x1: cx,
          y1: cy,
          x2: x0,
          y2: y0,
          stroke: HAND_COLOR,
          'stroke-width': 2.5,
          'stroke-linecap': 'round',
        });
        svg.append(
          svgElement('circle', { cx, cy, r: radius, fill: PAPER, stroke: GRID_LINE }),
          svgElement('line', { x1: cx, y1: cy, x2: x0, y2: y0, stroke: MUTED_INK, 'stroke-dasharray': '3 2' }),
          hand,
          svgElement('text', { x: cx, y: cy + cell / 2 + 9, 'text-anchor': 'middle', class: 'clock-label' }, `pair ${k}`),
        );
        hands.push({ hand, cx, cy });
      }
      const last = pairs - 1;
      frame.setTitle(
        `Pair 0 turns ${formatShort(theta[0])} rad per position (a turn every ${formatShort(wavelengths[0])} positions), ` +
          `pair ${last} only ${formatShort(theta[last])} (a turn every ${formatShort(wavelengths[last])}): fast pairs spin, slow pairs barely move`,
      );
    },
    /** Points every hand at its pair of rotated, the query turned as position. */
    turn(rotated, position) {
      shown = { rotated, position };
      const { channels, scale, cell, cols } = layout;
      frame.setData(() => clockTable(layout, rotated, position));
      hands.forEach(({ hand, cx, cy }, k) => {
        hand.setAttribute('x2', (cx + rotated[channels[2 * k]] * scale).toFixed(2));
        hand.setAttribute('y2', (cy - rotated[channels[2 * k + 1]] * scale).toFixed(2));
      });
      const rowHeight = cell + LABEL_ROOM;
      reading.draw({
        rows: Math.ceil(hands.length / cols),
        cols,
        itemAt: (px, py) => {
          const k = Math.floor(py / rowHeight) * cols + Math.floor(px / cell);
          return px >= 0 && px < cols * cell && k < hands.length ? { row: Math.floor(k / cols), col: k % cols } : null;
        },
        box: (row, col) => ({ x: col * cell, y: row * rowHeight, width: cell, height: rowHeight }),
        describe: (row, col) => (row * cols + col < hands.length ? describe(layout, shown, row * cols + col) : 'no pair here'),
      });
    },
  };
}
