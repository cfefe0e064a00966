// The copies of one repeated word as heat strips: one row per copy, one cell per dimension, in
// three blocks (token embedding, positional encoding, their sum). Rows of a block sit directly
// above one another so equal vectors look equal cell by cell. Each block has its own diverging
// scale: token embeddings are ~0.02 while integer positions reach the hundreds, and one shared
// scale would paint the embeddings plain white.
import { element, setText } from '../../charts/figure.js';
import { createCellCanvas, inkText, textWidth } from '../../charts/cell-canvas.js';
import { createColorLegend } from '../../charts/color-legend.js';
import { trackWidth } from '../../charts/width-tracker.js';
import { canvasColor, MUTED_INK } from '../../charts/palette.js';
import { formatExact, formatShort, formatWhole } from '../../lib/format.js';

const ROW_HEIGHT = 20;
const MAX_CELL_WIDTH = 44; // a few dimensions stay squarish instead of stretching across the page
const AXIS_HEIGHT = 30; // dimension ticks under the last block
const LABEL_GAP = 8;
const AXIS_NAME = 'dimension';

const TICK_SPACING = 36; // px between dimension tick labels, so two-digit labels never touch

// Dimension ticks at powers-of-two steps, always including the first and the last dimension.
function dimensionTicks(dim, cellWidth) {
  const every = [1, 2, 4, 8, 16, 32].find((step) => step * cellWidth >= TICK_SPACING) ?? 64;
  const ticks = [];
  for (let i = 0; i < dim - 1; i += every) ticks.push(i);
  if ((dim - 1 - ticks[ticks.length - 1]) * cellWidth < TICK_SPACING && ticks.length > 1) ticks.pop();
  ticks.push(dim - 1);
  return ticks;
}

function createBlock(name, readout, hint) {
  const block = element('div', 'strip-block');
  const title = element('span', 'strip-title');
  const legend = createColorLegend();
  const head = element('div', 'strip-head');
  head.append(title, legend.element);
  const cells = createCellCanvas({ label: `${name} of each copy`, readout, hint });
  block.append(head, cells.element);
  return { block, title, legend, cells };
}

/**
 * readout: the line that shows a hovered or focused cell. Returns { element, update(data) } with
 * data = { rows: [{ index, position }], dim, source, blocks: [{ name, title, values, limit }] };
 * values is a (tokens x dim) matrix of pe.analyze, rows[k].index picks its row for copy k, and
 * source names what the values follow from (word, encoding, positions), so strips whose picture
 * is unchanged by a keystroke are not repainted.
 */
export function createHeatStrips(readout, hint) {
  const container = element('div', 'heat-strips');
  const blocks = [];
  let current = null;
  const availableWidth = trackWidth(container, () => draw(current));

  function draw({ rows, dim, source, blocks: data }) {
    while (blocks.length < data.length) blocks.push(createBlock(data[blocks.length].name, readout, hint));
    if (container.childElementCount !== data.length) container.replaceChildren(...blocks.slice(0, data.length).map((b) => b.block));

    const labels = rows.map((row) => `position ${formatWhole(row.position)}`);
    const labelWidth = Math.ceil(Math.max(textWidth(AXIS_NAME), ...labels.map(textWidth))) + LABEL_GAP;
    const cellWidth = Math.max(1, Math.min(MAX_CELL_WIDTH, (availableWidth() - labelWidth) / dim));
    const width = labelWidth + cellWidth * dim;

    data.forEach(({ name, title, values, limit }, b) => {
      const { title: titleNode, legend, cells } = blocks[b];
      const allZero = limit === 0;
      setText(titleNode, allZero ? `${title} (all zeros)` : title);
      legend.element.hidden = allZero;
      if (!allZero) legend.update(limit, formatShort);
      const last = b === data.length - 1;
      const stripsHeight = rows.length * ROW_HEIGHT;
      cells.draw({
        key: `${source} ${name} ${limit} ${cellWidth} ${labelWidth} ${last}`,
        width,
        height: stripsHeight + (last ? AXIS_HEIGHT : 0),
        x: labelWidth,
        y: 0,
        rows: rows.length,
        cols: dim,
        cellWidth,
        cellHeight: ROW_HEIGHT,
        value: (row, col) => values[rows[row].index * dim + col],
        limit,
        describe: (row, col) => `${labels[row]}, ${name}, dimension ${col}: ${formatExact(values[rows[row].index * dim + col])}`,
        decorate(context) {
          inkText(context, { align: 'right' });
          labels.forEach((label, row) => context.fillText(label, labelWidth - LABEL_GAP, (row + 0.5) * ROW_HEIGHT));
          if (!last) return;
          context.fillStyle = canvasColor(MUTED_INK);
          context.textBaseline = 'top';
          context.fillText(AXIS_NAME, labelWidth - LABEL_GAP, stripsHeight + 6);
          context.textAlign = 'center';
          for (const tick of dimensionTicks(dim, cellWidth)) {
            const x = labelWidth + (tick + 0.5) * cellWidth;
            const halfLabel = textWidth(String(tick)) / 2;
            context.fillRect(x - 0.5, stripsHeight, 1, 4);
            // The last label is pulled in so it is not cut off at the canvas edge.
            context.fillText(String(tick), Math.min(x, width - halfLabel), stripsHeight + 6);
          }
        },
      });
    });
  }

  return {
    element: container,
    update(data) {
      current = data;
      draw(data);
    },
  };
}
