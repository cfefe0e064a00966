// A tokens x tokens matrix on one canvas (row a, column b: some quantity of the pair), coloured on
// the diverging scale: blue for -limit through white to red for +limit, so a quantity that is
// never negative uses the white-to-red half. The tokens label the rows and columns when the cells
// are large enough to read; every cell reads out by pointer and keyboard (cell-canvas.js).
import { element, setText } from './figure.js';
import { CHART_FONT, createCellCanvas, shorten, textWidth } from './cell-canvas.js';
import { canvasColor, INK, MUTED_INK } from './palette.js';

const MAX_CELL = 40;
const MAX_SIZE = 480; // px; more would not show more, and every keystroke repaints the matrix
const MIN_LABELLED_CELL = 13; // a 12 px label needs about this much room
const LABEL_CHARACTERS = 9;
const GAP = 6;

/**
 * label: the matrix's accessible name; readout and hint as for cell-canvas.js. Returns
 * { element, update({ labels, matrix, limit, width, title, describe }) }: labels[r] names token
 * r, matrix[a * n + b] is the pair's value, describe(a, b) the readout's sentence for a cell.
 */
export function createTokenMatrix({ label, readout, hint }) {
  const block = element('div', 'token-matrix');
  const heading = element('h4', 'token-matrix-heading');
  const cells = createCellCanvas({ label, readout, hint });
  block.append(heading, cells.element);

  return {
    element: block,
    update({ labels, matrix, limit, width, title, describe }) {
      setText(heading, title);
      const n = labels.length;
      const shown = labels.map((text) => shorten(text, LABEL_CHARACTERS));
      const labelSpace = Math.ceil(Math.max(...shown.map(textWidth))) + GAP;
      const labelled = (width - labelSpace) / n >= MIN_LABELLED_CELL;
      // Unlabelled cells still get a thin margin for the "tokens in order" arrows.
      const margin = labelled ? labelSpace : 18;
      const cell = Math.max(1, Math.min(MAX_CELL, (Math.min(width, MAX_SIZE) - margin) / n));
      const size = margin + cell * n;
      cells.draw({
        width: size,
        height: size,
        x: margin,
        y: margin,
        rows: n,
        cols: n,
        cellWidth: cell,
        cellHeight: cell,
        value: (row, col) => matrix[row * n + col],
        limit,
        describe,
        decorate(context) {
          context.font = CHART_FONT;
          context.textBaseline = 'middle';
          if (!labelled) {
            context.fillStyle = canvasColor(MUTED_INK);
            context.fillText('tokens in order →', margin, margin / 2);
            context.save();
            context.translate(margin / 2, margin);
            context.rotate(Math.PI / 2);
            context.fillText('tokens in order →', 0, 0);
            context.restore();
            return;
          }
          context.fillStyle = canvasColor(INK);
          context.textAlign = 'right';
          shown.forEach((text, r) => context.fillText(text, margin - GAP, margin + (r + 0.5) * cell));
          context.textAlign = 'left';
          shown.forEach((text, c) => {
            context.save();
            context.translate(margin + (c + 0.5) * cell, margin - GAP);
            context.rotate(-Math.PI / 2);
            context.fillText(text, 0, 0);
            context.restore();
          });
        },
      });
    },
  };
}
