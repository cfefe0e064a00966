// The rotation R_k that moves every position k steps on (pe.shiftRotation): as a d x d matrix up to
// 64 dimensions, pair by pair beyond, under a title that states how exactly R_k PE(p) matches
// PE(p + k) over the positions shown.
import { createFigure } from '../../charts/figure.js';
import { matrixTable } from '../../lib/figure-data.js';
import { createColorLegend } from '../../charts/color-legend.js';
import { formatExact, formatShort, formatSmall, formatWhole } from '../../lib/format.js';
import { createHeatMap, everyNth } from '../../charts/heat-map.js';
import { columnOf } from './encoding-map.js';
import { rotation as R, w } from './notation.js';

const HINT = 'Point at a cell, or Tab to the matrix and use the arrow keys, to read an entry of the rotation.';
const MAX_SIZE = 420;
const MAX_CELL = 40;

function title({ by, start, count }, shift) {
  const k = formatWhole(by);
  const last = formatWhole(start + count - 1);
  const error = formatSmall(shift.maxError);
  if (!shift.identical) return `${R(by)} PE(p) misses PE(p + ${k}) by up to ${error}, at p = ${formatWhole(shift.maxErrorAt)}`;
  const rotation = `PE(p + ${k}) = ${R(by)} PE(p): one rotation for every p from ${formatWhole(start)} to ${last}`;
  return shift.maxError === 0
    ? `${rotation}, exactly: not one value differs`
    : `${rotation}; the largest difference is ${error}, at p = ${formatWhole(shift.maxErrorAt)}, float32 rounding`;
}

function note({ by, dim, layout }, shift) {
  const pairs = dim / 2;
  const angles =
    pairs === 1
      ? `Here the one pair turns by ${formatSmall(shift.angles[0])} rad`
      : `Here pair 0 turns by ${formatSmall(shift.angles[0])} rad and pair ${pairs - 1} by ${formatSmall(shift.angles[pairs - 1])} rad`;
  const blocks = !shift.matrix
    ? `With more than 64 dimensions the matrix is shown pair by pair: cos(${formatWhole(by)}·w_j) and sin(${formatWhole(by)}·w_j), the entries of each block.`
    : layout === 'interleaved'
      ? 'A pair’s sine and cosine are neighbouring channels, so the 2 × 2 blocks sit on the diagonal.'
      : `A pair’s sine and cosine are d/2 = ${pairs} channels apart (split layout), so each 2 × 2 block is spread over the four quadrants.`;
  return (
    `${R(by)} turns pair j, (sin p·w_j, cos p·w_j), by the angle k·w_j with the block [cos, sin; −sin, cos] and mixes no ` +
    `two pairs; p appears nowhere in it. ${angles} (angles past a whole turn, 2π, wrap round). ${blocks}`
  );
}

// "sin of pair 3" for channel c.
function channelName(c, dim, layout) {
  const { pair, sine } = columnOf(c, dim, layout);
  return `${sine ? 'sin' : 'cos'} of pair ${pair}`;
}

/** Returns { figure, update({ settings, shift, width }) }: shift is pe.shiftRotation's result. */
export function createRotation() {
  const frame = createFigure({ title: '' });
  const map = createHeatMap({
    label: 'The rotation matrix R_k: one row per channel of PE(p + k), one column per channel of PE(p)',
    hint: HINT,
  });
  const legend = createColorLegend('entry of R_k');
  legend.update(1, formatShort);
  frame.body.append(map.element, legend.element);

  return {
    figure: frame.figure,
    update({ settings, shift, width }) {
      const { by, dim, layout } = settings;
      frame.setTitle(title(settings, shift));
      frame.setNote(note(settings, shift));
      const k = formatWhole(by);
      const turn = (j) => `pair ${j} turns by ${k} · ${w(j)} = ${formatSmall(shift.angles[j])} rad after whole turns`;
      const key = `${by} ${dim} ${settings.base} ${layout}`;
      const settingsShown = { by, dim, base: settings.base, layout };
      if (!shift.matrix) {
        // Two rows, one column per pair: the cosine and the sine of each block.
        const pairs = dim / 2;
        frame.setData(() =>
          matrixTable({
            name: 'rotation-blocks',
            settings: settingsShown,
            corner: 'entry',
            rowLabels: [`cos(${by}·w_j)`, `sin(${by}·w_j)`],
            columns: Array.from({ length: pairs }, (_, j) => `pair j = ${j}`),
            value: (row, col) => (row === 0 ? shift.cos[col] : shift.sin[col]),
          }),
        );
        const cell = Math.max(1, Math.min(MAX_CELL, (width - 60) / pairs));
        map.draw({
          key: `${key} ${cell}`,
          rows: 2,
          cols: pairs,
          cellWidth: cell,
          cellHeight: 24,
          limit: 1,
          value: (row, col) => (row === 0 ? shift.cos[col] : shift.sin[col]),
          rowTicks: [
            { at: 0, text: 'cos' },
            { at: 1, text: 'sin' },
          ],
          colTicks: everyNth(pairs, cell, 30, String),
          rowName: '',
          colName: 'pair j',
          describe: (row, col) =>
            `${row === 0 ? 'cos' : 'sin'}(${k} · ${w(col)}) = ${formatExact(row === 0 ? shift.cos[col] : shift.sin[col])} · ${turn(col)}`,
        });
        return;
      }
      frame.setData(() =>
        matrixTable({
          name: 'rotation-matrix',
          settings: settingsShown,
          corner: 'row: channel of PE(p + k)',
          rowLabels: Array.from({ length: dim }, (_, row) => `${row} (${channelName(row, dim, layout)})`),
          columns: Array.from({ length: dim }, (_, col) => `column ${col}: channel of PE(p) (${channelName(col, dim, layout)})`),
          value: (row, col) => shift.matrix[row * dim + col],
        }),
      );
      const cell = Math.max(1, Math.min(MAX_CELL, (Math.min(width, MAX_SIZE) - 70) / dim));
      map.draw({
        key: `${key} ${cell}`,
        rows: dim,
        cols: dim,
        cellWidth: cell,
        cellHeight: cell,
        limit: 1,
        value: (row, col) => shift.matrix[row * dim + col],
        rowTicks: everyNth(dim, cell, 14, String),
        colTicks: everyNth(dim, cell, 24, String),
        rowName: 'channel of PE(p + k)',
        colName: 'channel of PE(p)',
        describe(row, col) {
          const value = formatExact(shift.matrix[row * dim + col]);
          const [to, from] = [columnOf(row, dim, layout), columnOf(col, dim, layout)];
          const where = `row ${row} (${channelName(row, dim, layout)}), column ${col} (${channelName(col, dim, layout)})`;
          if (to.pair !== from.pair) return `${where}: ${value}, pairs do not mix`;
          const entry = to.sine === from.sine ? 'cos' : `${to.sine ? '' : '−'}sin`;
          return `${where}: ${entry}(${k} · ${w(to.pair)}) = ${value} · ${turn(to.pair)}`;
        },
      });
    },
  };
}
