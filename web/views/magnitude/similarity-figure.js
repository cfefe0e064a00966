// The sentence's cosine-similarity matrix twice, without and with positions, on one colour scale,
// under a title computed from the numbers (does meaning survive the positions?).
import { createFigure, element } from '../../charts/figure.js';
import { createColorLegend } from '../../charts/color-legend.js';
import { trackWidth } from '../../charts/width-tracker.js';
import { createTokenMatrix } from '../../charts/token-matrix.js';
import { formatCosine, formatShort, formatWhole, quoteToken, tokenLabel } from '../../lib/format.js';
import { tokenPairTable } from '../shared/token-table.js';

const HINT = 'Point at a cell, or Tab to a matrix and use the arrow keys, to read the similarity of two tokens.';
const SIDE_BY_SIDE_FROM = 640; // below this width the two matrices stack
const COLUMN_GAP = 24;

/** Returns { figure, update({ kind, tokens, without, withPE, summary, settings }) }; the matrices redraw
 *  themselves when the figure's width changes. */
export function createSimilarityFigure() {
  const frame = createFigure({ title: '' });
  const readout = element('p', 'readout', HINT);
  readout.setAttribute('aria-live', 'polite');
  const without = createTokenMatrix({ label: 'Cosine similarity of the token embeddings', readout, hint: HINT });
  const withPE = createTokenMatrix({ label: 'Cosine similarity of the inputs (token + position)', readout, hint: HINT });
  const pair = element('div', 'matrix-pair');
  pair.append(without.element, withPE.element);
  const legend = createColorLegend('cosine similarity');
  legend.update(1, formatShort);
  frame.body.append(pair, legend.element, readout);

  let data = null;
  const availableWidth = trackWidth(frame.body, () => draw());
  function draw() {
    const { kind, tokens, without: plain, withPE: positioned } = data;
    const available = availableWidth();
    const width = available >= SIDE_BY_SIDE_FROM ? (available - COLUMN_GAP) / 2 : available;
    const n = tokens.length;
    const labels = tokens.map(tokenLabel);
    const name = (r) => `${quoteToken(tokenLabel(tokens[r]))} (position ${formatWhole(tokens[r].position)})`;
    const cosineOf = (matrix) => (a, b) => `${name(a)} and ${name(b)}: cosine similarity ${formatCosine(matrix[a * n + b])}`;
    without.update({ labels, matrix: plain, limit: 1, width, title: 'Without positions: token embeddings', describe: cosineOf(plain) });
    withPE.update({
      labels,
      matrix: positioned,
      limit: 1,
      width,
      describe: cosineOf(positioned),
      title: kind === 'none' ? 'With no positional encoding (the same)' : `With ${kind} positions: token + position`,
    });
  }

  return {
    figure: frame.figure,
    update(next) {
      data = next;
      frame.setData(() =>
        tokenPairTable({
          name: 'cosine-similarity',
          settings: next.settings,
          tokens: next.tokens,
          matrices: [
            { label: 'cosine similarity without positions', values: next.without },
            { label: `cosine similarity with ${next.kind} positions`, values: next.withPE },
          ],
        }),
      );
      frame.setTitle(next.summary.title);
      frame.setNote(next.summary.note);
      draw();
    },
  };
}
