// PE(p) · PE(q) for every pair of positions shown (pe.dotProducts of the encoded table), next to
// its diagonals read as one curve: PE(p) · PE(p + k) against the offset k, the smallest and the
// largest value over every p, which lie on top of each other because only k matters.
import { createFigure, element, setText } from '../../charts/figure.js';
import { matrixTable } from '../../lib/figure-data.js';
import { createColorLegend } from '../../charts/color-legend.js';
import { textWidth } from '../../charts/cell-canvas.js';
import { CATEGORY_COLORS } from '../../charts/palette.js';
import { createSeriesChart } from '../../charts/series-chart.js';
import { formatExact, formatShort, formatSmall, formatWhole } from '../../lib/format.js';
import { createHeatMap, everyNth } from '../../charts/heat-map.js';
import { pe } from './notation.js';

const MATRIX_HINT = 'Point at a cell, or Tab to the matrix and use the arrow keys, to read the dot product of two positions.';
const CURVE_HINT = 'Point at the curve, or Tab to it and use the left and right arrow keys, to read one offset.';
const SIDE_BY_SIDE_FROM = 720;
const GAP = 24;
const MAX_MATRIX = 420;
const MAX_CELL = 48;
const CURVE_HEIGHT = 300;

/** The numbers the figure states: { limit (the largest squared length), spread and spreadAt (the
 *  widest diagonal: its largest minus its smallest entry, and its offset), lowest and lowestAt
 *  (the smallest PE(p) · PE(p + k) of any offset) }, from pe.dotProducts' byOffset. */
export function similarityFacts({ low, high }) {
  const facts = { limit: high[0], spread: -1, spreadAt: 0, lowest: Infinity, lowestAt: 0 };
  for (let k = 0; k < low.length; k += 1) {
    if (high[k] - low[k] > facts.spread) [facts.spread, facts.spreadAt] = [high[k] - low[k], k];
    if (low[k] < facts.lowest) [facts.lowest, facts.lowestAt] = [low[k], k];
  }
  return facts;
}

function title(facts, offsetOnly) {
  const spread = formatSmall(facts.spread);
  if (!offsetOnly)
    return `PE(p) · PE(q) varies by up to ${spread} along a diagonal: it depends on where the positions are, not only on their distance`;
  const only = 'PE(p) · PE(q) depends only on the distance q − p: along every diagonal it';
  return facts.spread === 0 ? `${only} has one value exactly` : `${only} varies by at most ${spread}, float32 rounding`;
}

function curveHeading(facts, count) {
  const start = `PE(p) · PE(p + k) against the offset k: ${formatShort(facts.limit)} at k = 0, the squared length of every PE(p)`;
  return count < 2 ? start : `${start}; lowest here ${formatShort(facts.lowest)}, at k = ${formatWhole(facts.lowestAt)}`;
}

/** Returns { figure, update({ settings, dots, width }) }: dots is pe.dotProducts of the encoded
 *  table. */
export function createSimilarity() {
  const frame = createFigure({ title: '' });
  const pair = element('div', 'sin-pair');
  const matrixBlock = element('div', 'sin-part');
  const curveBlock = element('div', 'sin-part');
  const matrixHeading = element('h4', 'sin-part-heading', 'PE(p) · PE(q) for every pair of positions');
  const curveHeadingLine = element('h4', 'sin-part-heading');
  const matrix = createHeatMap({ label: 'Dot products of the position vectors, one row and one column per position', hint: MATRIX_HINT });
  const legend = createColorLegend('PE(p) · PE(q)');
  const curve = createSeriesChart({ label: 'Dot product of two positions against their offset', hint: CURVE_HINT });
  matrixBlock.append(matrixHeading, matrix.element, legend.element);
  curveBlock.append(curveHeadingLine, curve.element);
  pair.append(matrixBlock, curveBlock);
  frame.body.append(pair);
  frame.setLegend([
    { label: 'smallest PE(p) · PE(p + k) over the positions shown', color: CATEGORY_COLORS[0], shape: 'line' },
    { label: 'largest', color: CATEGORY_COLORS[4], shape: 'dashed' },
  ]);
  frame.setNote(
    'A diagonal of the matrix holds the pairs of positions the same distance apart; the curve reads each ' +
      'diagonal as one value. Pair j contributes sin(p·w_j) sin(q·w_j) + cos(p·w_j) cos(q·w_j) = cos((q − p)·w_j), ' +
      'so PE(p) · PE(q) is the sum of these cosines and p itself drops out.',
  );

  return {
    figure: frame.figure,
    update({ settings, dots, width }) {
      const { start, count } = settings;
      const { low, high } = dots.byOffset;
      const facts = similarityFacts(dots.byOffset);
      frame.setTitle(title(facts, dots.byOffset.offsetOnly));
      setText(curveHeadingLine, curveHeading(facts, count));
      const sideBySide = width >= SIDE_BY_SIDE_FROM;
      const partWidth = sideBySide ? Math.floor((width - GAP) / 2) : width;
      for (const part of [matrixBlock, curveBlock]) part.style.width = `${partWidth}px`;
      const labels = (index) => formatWhole(start + index);
      const labelRoom = textWidth(labels(count - 1)) + 30;
      const cell = Math.max(1, Math.min(MAX_CELL, (Math.min(partWidth, MAX_MATRIX) - labelRoom) / count));
      // The matrix; the curve is each diagonal's smallest and largest entry.
      frame.setData(() =>
        matrixTable({
          name: 'sinusoidal-dot-products',
          settings: { start, count, dim: settings.dim, base: settings.base, layout: settings.layout },
          corner: 'position p \\ position q',
          rowLabels: Array.from({ length: count }, (_, row) => start + row),
          columns: Array.from({ length: count }, (_, col) => `PE(p) · PE(${start + col})`),
          value: (row, col) => dots.data[row * count + col],
        }),
      );
      legend.update(facts.limit, formatShort);
      matrix.draw({
        key: `${start} ${count} ${settings.dim} ${settings.base} ${settings.layout} ${cell}`,
        rows: count,
        cols: count,
        cellWidth: cell,
        cellHeight: cell,
        limit: facts.limit,
        value: (row, col) => dots.data[row * count + col],
        rowTicks: everyNth(count, cell, 14, labels),
        colTicks: everyNth(count, cell, textWidth(labels(count - 1)) + 10, labels),
        rowName: 'position p',
        colName: 'position q',
        describe: (row, col) =>
          `${pe(start + row)} · ${pe(start + col)} = ${formatExact(dots.data[row * count + col])} · ` +
          `distance ${formatWhole(Math.abs(col - row))}`,
      });
      curve.draw({
        width: partWidth,
        height: CURVE_HEIGHT,
        first: 0,
        series: [
          { values: low, color: CATEGORY_COLORS[0] },
          { values: high, color: CATEGORY_COLORS[4], dashed: true },
        ],
        xLabel: 'offset k',
        yLabel: 'PE(p) · PE(p + k)',
        yDomain: [Math.min(0, facts.lowest), facts.limit],
        yFormat: formatShort,
        describe(k) {
          const last = start + count - 1 - k;
          const where =
            k === count - 1
              ? `p = ${formatWhole(start)}, the one pair this far apart here`
              : `every p from ${formatWhole(start)} to ${formatWhole(last)}`;
          return (
            `offset k = ${formatWhole(k)}: PE(p) · PE(p + ${formatWhole(k)}) from ${formatExact(low[k])} to ${formatExact(high[k])} ` +
            `for ${where} (a spread of ${formatSmall(high[k] - low[k])})`
          );
        },
      });
    },
  };
}
