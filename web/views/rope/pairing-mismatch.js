// Weights trained with one pairing, run with the other: the scores come out wrong, and permuting
// the rows of W_q and W_k (pe.ropePairingPermutation) makes them agree again.
import { CATEGORY_COLORS } from '../../charts/palette.js';
import { formatShort, formatSmall, formatWhole } from '../../lib/format.js';
import { OTHER } from './rope-data.js';
import { SCORE_LABEL } from './offset-scores.js';
import { createScoreChart } from './score-chart.js';

const [BLUE, , , , VERMILLION, , BLACK] = CATEGORY_COLORS;

// "0, 2, 4, 6, …, 30, 1, 3, 5, 7, …, 31": a permutation's start, its middle and its end.
function listRows(p) {
  const n = p.length;
  const at = (from, to) => Array.from(p.subarray(from, to)).join(', ');
  return n <= 16 ? at(0, n) : `${at(0, 4)}, …, ${at(n / 2 - 1, n / 2 + 4)}, …, ${at(n - 1, n)}`;
}

/** Returns { figure, update({ settings, data, now, width }) }: data is loadRope's, now ropeAt's
 *  (rope-data.js). */
export function createPairingMismatch() {
  const chart = createScoreChart();

  return {
    figure: chart.figure,
    update({ settings, data, now, width }) {
      const { dim, base, pairing, seed, position, span } = settings;
      const other = OTHER[pairing];
      const { random, wrong, fixed } = now;
      chart.setTitle(
        `Trained with ${pairing} pairing, run with ${other}: scores off by up to ${formatShort(now.largestWrong)}; ` +
          `with the rows of W_q and W_k permuted, ${now.largestFixed === 0 ? 'they agree exactly' : `they agree to within ${formatSmall(now.largestFixed)}`}`,
      );
      chart.setNote(
        `Rows of the converted W_q and W_k, from the core: ${listRows(data.permutation)} of the trained ones. It moves each ` +
          `${pairing === 'interleaved' ? 'pair (2i, 2i + 1) to (i, i + d/2), as Hugging Face converts' : 'pair (i, i + d/2) to (2i, 2i + 1), undoing Hugging Face’s conversion of'} ` +
          'Meta’s Llama checkpoints; to q and k it does the same.',
      );
      chart.update({
        count: span + 1,
        width,
        yLabel: SCORE_LABEL,
        name: 'rope-pairing-mismatch',
        settings: { dim, base, trained: pairing, seed, position, span },
        series: [
          { label: `trained and run with ${pairing}`, color: BLUE, values: random.scores },
          { label: `run with ${other}, weights as trained`, color: VERMILLION, values: wrong },
          { label: `run with ${other}, rows permuted`, color: BLACK, dashed: true, values: fixed },
        ],
        describe: (j) =>
          `offset ${formatWhole(j)}: trained ${formatShort(random.scores[j])}, run with ${other} ${formatShort(wrong[j])}, with rows permuted ${formatShort(fixed[j])}`,
      });
    },
  };
}
