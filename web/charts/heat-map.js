// A heat map with axes (the sinusoidal view's maps, the training lab's attention and position
// tables): the cell canvas (diverging colours, a readout by pointer and keys) with labelled axes
// drawn around it: row ticks and the rows' name on the left, column ticks and the columns' name
// underneath; an overlay, if given, is drawn over the cells (a marked range).
import { element } from './figure.js';
import { createCellCanvas, inkText, textWidth } from './cell-canvas.js';
import { canvasColor, MUTED_INK } from './palette.js';

const TICK_GAP = 6;
const NAME_SPACE = 18; // the rotated rows' name, left of the row ticks
const BOTTOM = 40; // column ticks, then the columns' name
const TOP = 6;

/** Items of candidates ({ at, text }, at in cells from the first row or column, as a fraction for
 *  a label centred between cells) kept greedily from the first, each at least gap px from the
 *  last one kept. */
export function spacedTicks(candidates, cellSize, gap) {
  const kept = [];
  for (const tick of candidates) {
    if (kept.length === 0 || (tick.at - kept[kept.length - 1].at) * cellSize >= gap) kept.push(tick);
  }
  return kept;
}

const STEPS = [1, 2, 4, 8, 16, 32, 64, 128, 256];

/** Every step-th row (or column) index from 0, as ticks labelled by text(index), the step a power
 *  of two that keeps labels at least gap px apart. */
export function everyNth(count, cellSize, gap, text) {
  const step = STEPS.find((candidate) => candidate * cellSize >= gap) ?? STEPS[STEPS.length - 1];
  const ticks = [];
  for (let index = 0; index < count; index += step) ticks.push({ at: index, text: text(index) });
  return ticks;
}

/** Returns { element, readout, draw(layout) }: layout as createCellCanvas's cells (rows, cols,
 *  cellWidth, cellHeight, value, limit, describe, key) plus rowTicks and colTicks ([{ at, text }],
 *  see spacedTicks), rowName and colName, and optionally overlay(context, { x, y, cellWidth,
 *  cellHeight, plotWidth, plotHeight }), drawn last; the canvas is sized to fit them. */
export function createHeatMap({ label, hint }) {
  const readout = element('p', 'readout', hint);
  readout.setAttribute('aria-live', 'polite');
  const cells = createCellCanvas({ label, readout, hint });
  const block = element('div', 'heat-map');
  block.append(cells.element, readout);

  return {
    element: block,
    readout,
    draw({ rows, cols, cellWidth, cellHeight, rowTicks, colTicks, rowName, colName, overlay = null, ...rest }) {
      const rowLabels = Math.ceil(Math.max(0, ...rowTicks.map(({ text }) => textWidth(text))));
      const x = NAME_SPACE + rowLabels + TICK_GAP;
      const plotWidth = cols * cellWidth;
      const plotHeight = rows * cellHeight;
      // Room for half of the last column label past the cells, and for the columns' name.
      const lastTick = colTicks[colTicks.length - 1];
      const ticksEnd = lastTick ? (lastTick.at + 0.5) * cellWidth + textWidth(lastTick.text) / 2 : 0;
      const nameWidth = textWidth(colName);
      const width = Math.ceil(x + Math.max(plotWidth, ticksEnd, nameWidth));
      // A short map gets room above and below for its rows' name, which runs along it.
      const pad = Math.max(0, (textWidth(rowName) + 8 - plotHeight) / 2);
      const y = TOP + pad;
      cells.draw({
        ...rest,
        width,
        height: y + plotHeight + Math.max(BOTTOM, pad),
        x,
        y,
        rows,
        cols,
        cellWidth,
        cellHeight,
        decorate(context) {
          inkText(context, { align: 'right' });
          for (const { at, text } of rowTicks) context.fillText(text, x - TICK_GAP, y + (at + 0.5) * cellHeight);
          context.textAlign = 'center';
          context.textBaseline = 'top';
          for (const { at, text } of colTicks) {
            const centre = x + (at + 0.5) * cellWidth;
            context.fillRect(centre - 0.5, y + plotHeight, 1, 4);
            context.fillText(text, centre, y + plotHeight + 6);
          }
          context.fillStyle = canvasColor(MUTED_INK);
          context.fillText(colName, x + Math.max(plotWidth, nameWidth) / 2, y + plotHeight + 23);
          context.save();
          context.translate(NAME_SPACE / 2 + 2, y + plotHeight / 2);
          context.rotate(-Math.PI / 2);
          context.textBaseline = 'middle';
          context.fillText(rowName, 0, 0);
          context.restore();
          overlay?.(context, { x, y, cellWidth, cellHeight, plotWidth, plotHeight });
        },
      });
    },
  };
}
