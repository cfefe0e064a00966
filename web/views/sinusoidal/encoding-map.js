// The encoding itself: positions down, dimensions across, each value coloured from −1 (blue)
// through 0 (white) to +1 (red), with each frequency pair's wavelength 2π / w_j under its columns.
// Point at a cell, or Tab to the map and use the arrow keys, to read its value and its formula.
import { createFigure } from '../../charts/figure.js';
import { createColorLegend } from '../../charts/color-legend.js';
import { formatApart, formatExact, formatShort, formatSmall, formatWhole, writeScientific } from '../../lib/format.js';
import { createHeatMap, everyNth, spacedTicks } from '../../charts/heat-map.js';
import { format } from 'd3-format';
import { textWidth } from '../../charts/cell-canvas.js';
import { matrixTable } from '../../lib/figure-data.js';
import { formatLarge, w } from './notation.js';

const HINT = 'Point at a cell, or Tab to the map and use the arrow keys, to read a value and how it is made.';
const MAX_CELL = 40;
const MAP_HEIGHT = 320; // px for the positions, whatever their count (cells of 1.25 to 16 px)
const COMPACT = format('.3~s'); // 6.28, 62.8, 6.28k
const axisWavelength = (length) => (length < 1e6 ? COMPACT(length) : formatLarge(length));

/** Pair j and whether column c is its sine or its cosine, in the layout. */
export function columnOf(c, dim, layout) {
  const pairs = dim / 2;
  return layout === 'interleaved' ? { pair: Math.floor(c / 2), sine: c % 2 === 0 } : { pair: c % pairs, sine: c < pairs };
}

function title(wavelengths) {
  const last = wavelengths.length - 1;
  if (last === 0)
    return `One pair of dimensions, one wave: sin and cos of the position, repeating every ${formatLarge(wavelengths[0])} positions`;
  // Written apart however close: at a base just above 1 every pair repeats every 6.28 or so.
  const [first, slowest] = formatApart(wavelengths[0], wavelengths[last], writeScientific);
  const [times] = formatApart(wavelengths[last] / wavelengths[0], 1, writeScientific);
  return (
    `Each pair of dimensions is one wave, each slower than the one before: pair 0 repeats every ${first} positions, ` +
    `pair ${last} every ${slowest} (${times} times as long)`
  );
}

// Which pairs turn all the way round over the positions shown (a span of count - 1 steps).
function note({ start, count, layout }, wavelengths) {
  const span = count - 1;
  const turning = wavelengths.filter((length) => length <= span).length;
  const pairs = wavelengths.length;
  const where = `From ${formatWhole(start)} to ${formatWhole(start + span)}`;
  let sentence;
  if (turning === pairs) sentence = `${where} every pair goes through at least one full turn.`;
  else if (turning === 0) sentence = `${where} no pair gets all the way round: even pair 0 needs ${formatShort(wavelengths[0])} positions.`;
  else {
    const rest = turning === pairs - 1 ? `pair ${pairs - 1} turns` : `pairs ${turning}–${pairs - 1} turn`;
    const first = turning === 1 ? 'pair 0 goes' : `pairs 0–${turning - 1} go`;
    sentence = `${where} ${first} through at least one full turn; ${rest} less than once.`;
  }
  const order =
    layout === 'interleaved'
      ? 'Columns 2j and 2j + 1 hold sin(p·w_j) and cos(p·w_j) (the paper’s interleaved layout).'
      : 'The first half of the columns holds the sines, the second half the cosines of the same pairs (split layout).';
  return `${sentence} ${order} Every value lies between −1 and 1.`;
}

/** Returns { figure, update({ settings, table, frequencies, wavelengths, width }) }. */
export function createEncodingMap() {
  const frame = createFigure({ title: '' });
  const map = createHeatMap({ label: 'The sinusoidal encoding: one row per position, one column per dimension', hint: HINT });
  const legend = createColorLegend('value');
  legend.update(1, formatShort);
  frame.body.append(map.element, legend.element);

  return {
    figure: frame.figure,
    update({ settings, table, frequencies, wavelengths, width }) {
      const { start, count, dim, layout } = settings;
      frame.setTitle(title(wavelengths));
      frame.setNote(note(settings, wavelengths));
      const labelRoom = textWidth(formatWhole(start + count - 1)) + 30;
      const cellWidth = Math.max(0.5, Math.min(MAX_CELL, (width - labelRoom) / dim));
      const cellHeight = Math.max(1.25, Math.min(16, MAP_HEIGHT / count));
      // A label under every pair that has room, centred on its two columns (interleaved) or on
      // its sine and its cosine column (split).
      const columns =
        layout === 'interleaved'
          ? Array.from(wavelengths, (length, j) => ({ at: 2 * j + 0.5, text: axisWavelength(length) }))
          : [...wavelengths, ...wavelengths].map((length, c) => ({ at: c, text: axisWavelength(length) }));
      frame.setData(() =>
        matrixTable({
          name: 'sinusoidal-encoding',
          settings: { start, count, dim, base: settings.base, layout },
          corner: 'position p',
          rowLabels: Array.from({ length: count }, (_, row) => start + row),
          columns: Array.from({ length: dim }, (_, c) => {
            const { pair, sine } = columnOf(c, dim, layout);
            return `dim ${c} = ${sine ? 'sin' : 'cos'}(p·w_${pair}), wavelength ${wavelengths[pair]}`;
          }),
          value: (row, col) => table[row * dim + col],
        }),
      );
      const widest = Math.max(...columns.map(({ text }) => textWidth(text)));
      map.draw({
        key: `${start} ${count} ${dim} ${settings.base} ${layout} ${cellWidth} ${cellHeight}`,
        rows: count,
        cols: dim,
        cellWidth,
        cellHeight,
        limit: 1,
        value: (row, col) => table[row * dim + col],
        rowTicks: everyNth(count, cellHeight, 14, (row) => formatWhole(start + row)),
        colTicks: spacedTicks(columns, cellWidth, widest + 10),
        rowName: 'position p',
        colName: 'wavelength 2π / w_j of each pair (positions)',
        describe(row, col) {
          const { pair, sine } = columnOf(col, dim, layout);
          const p = formatWhole(start + row);
          return (
            `position ${p}, dimension ${col} = ${sine ? 'sin' : 'cos'}(${p} · ${w(pair)}) = ${formatExact(table[row * dim + col])} · ` +
            `pair ${pair}: ${w(pair)} = ${formatSmall(frequencies[pair])}, wavelength ${formatLarge(wavelengths[pair])} positions`
          );
        },
      });
    },
  };
}
