// The same query turned as position m under each pairing, channel by channel: q itself, R_m q
// with interleaved pairs (x_2i, x_2i+1) and R_m q with half pairs (x_i, x_i+d/2), on the diverging
// colour scale. Point at a cell, or Tab to the chart and use the arrow keys, to read it.
import { createFigure, element } from '../../charts/figure.js';
import { createCellCanvas, inkText } from '../../charts/cell-canvas.js';
import { createColorLegend } from '../../charts/color-legend.js';
import { formatShort, formatWhole } from '../../lib/format.js';

const ROW_HEIGHT = 24;
const HINT = 'Point at a cell, or Tab to the chart and use the arrow keys, to read a channel.';

/** Returns { figure, update({ q, rows: { interleaved, half }, partners, position, width }) };
 *  partners[pairing][c] is the channel paired with channel c. */
export function createPairingCells() {
  const frame = createFigure({ title: '' });
  const readout = element('p', 'readout', HINT);
  readout.setAttribute('aria-live', 'polite');
  const cells = createCellCanvas({ label: 'The query and its two rotations, channel by channel', readout, hint: HINT });
  const legend = createColorLegend('channel value');
  frame.body.append(cells.element, readout, legend.element);
  frame.setNote(
    'Interleaved pairs channels (2i, 2i + 1) (RoFormer, Meta’s Llama, DeepSeek); half pairs (i, i + d/2) ' +
      '(GPT-NeoX, Hugging Face’s rotate_half). Pair i turns by m θ_i in both.',
  );

  return {
    figure: frame.figure,
    update({ q, rows, partners, position, width }) {
      const dim = q.length;
      const names = width >= 500 ? ['q', 'R_m q, interleaved', 'R_m q, half'] : ['q', 'interleaved', 'half'];
      const labelWidth = width >= 500 ? 130 : 80;
      const data = [q, rows.interleaved, rows.half];
      let limit = 0;
      let differing = 0;
      for (let c = 0; c < dim; c += 1) {
        for (const row of data) limit = Math.max(limit, Math.abs(row[c]));
        if (rows.interleaved[c] !== rows.half[c]) differing += 1;
      }
      const cellWidth = Math.max(1, Math.min(40, (width - labelWidth) / dim));
      const m = formatWhole(position);
      frame.setTitle(
        differing === 0
          ? `At m = ${m} nothing turns: both pairings leave q as it is`
          : `At m = ${m} the two pairings turn the same q into different vectors: ${differing} of ${dim} channels differ`,
      );
      legend.update(limit, formatShort);
      frame.setData(() => ({
        name: 'rope-pairings',
        settings: { dim, position },
        columns: ['channel c', 'q_c', `(R_m q)_c, m = ${position}, interleaved pairing`, `(R_m q)_c, m = ${position}, half pairing`],
        rows: Array.from(q, (value, c) => [c, value, rows.interleaved[c], rows.half[c]]),
      }));
      cells.draw({
        width: labelWidth + cellWidth * dim,
        height: 3 * ROW_HEIGHT,
        x: labelWidth,
        y: 0,
        rows: 3,
        cols: dim,
        cellWidth,
        cellHeight: ROW_HEIGHT,
        value: (row, c) => data[row][c],
        limit,
        describe(row, c) {
          if (row === 0)
            return `channel ${c} of q: ${formatShort(q[c])}; interleaved pairs it with channel ${partners.interleaved[c]}, half with channel ${partners.half[c]}`;
          const pairing = row === 1 ? 'interleaved' : 'half';
          return `channel ${c} of R_m q at m = ${m}, ${pairing} pairing (with channel ${partners[pairing][c]}): ${formatShort(data[row][c])}`;
        },
        decorate(context) {
          inkText(context);
          names.forEach((name, row) => context.fillText(name, 0, (row + 0.5) * ROW_HEIGHT));
        },
      });
      return differing;
    },
  };
}
