// One cosine-similarity matrix: token a's row, token b's column, blue for -1 through white to red
// for +1; the tokens label the rows and columns when the cells are large enough to read.
import { element, setText } from '../../charts/figure.js';
import { CHART_FONT, createCellCanvas, shorten, textWidth } from '../../charts/cell-canvas.js';
import { INK, MUTED_INK } from '../../charts/palette.js';
import { formatCosine, formatWhole, quoteToken } from '../shared/format.js';

const MAX_CELL = 40;
const MAX_SIZE = 480; // px; more would not show more, and every keystroke repaints the matrix
const MIN_LABELLED_CELL = 13; // a 12 px label needs about this much room
const LABEL_CHARACTERS = 9;
const GAP = 6;

/** Returns { element, update({ tokens, matrix, width, title }) }; cells are read out in readout. */
export function createSimilarityMatrix({ label, readout, hint }) {
  const block = element('div', 'similarity-block');
  const heading = element('h4', 'similarity-heading');
  const cells = createCellCanvas({ label, readout, hint });
  block.append(heading, cells.element);

  return {
    element: block,
    update({ tokens, matrix, width, title }) {
      setText(heading, title);
      const n = tokens.length;
      const labels = tokens.map((token) => shorten(token.text, LABEL_CHARACTERS));
      const labelSpace = Math.ceil(Math.max(...labels.map(textWidth))) + GAP;
      const labelled = (width - labelSpace) / n >= MIN_LABELLED_CELL;
      // Unlabelled cells still get a thin margin for the "tokens in order" arrows.
      const margin = labelled ? labelSpace : 18;
      const cell = Math.max(1, Math.min(MAX_CELL, (Math.min(width, MAX_SIZE) - margin) / n));
      const size = margin + cell * n;
      const name = (r) => `${quoteToken(tokens[r].text)} (position ${formatWhole(tokens[r].position)})`;
      cells.draw({
        width: size, height: size, x: margin, y: margin, rows: n, cols: n, cellWidth: cell, cellHeight: cell,
        value: (row, col) => matrix[row * n + col],
        limit: 1,
        describe: (row, col) => `${name(row)} and ${name(col)}: cosine similarity ${formatCosine(matrix[row * n + col])}`,
        decorate(context) {
          context.font = CHART_FONT;
          context.textBaseline = 'middle';
          if (!labelled) {
            context.fillStyle = MUTED_INK;
            context.fillText('tokens in order →', margin, margin / 2);
            context.save();
            context.translate(margin / 2, margin);
            context.rotate(Math.PI / 2);
            context.fillText('tokens in order →', 0, 0);
            context.restore();
            return;
          }
          context.fillStyle = INK;
          context.textAlign = 'right';
          labels.forEach((text, r) => context.fillText(text, margin - GAP, margin + (r + 0.5) * cell));
          context.textAlign = 'left';
          labels.forEach((text, c) => {
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
