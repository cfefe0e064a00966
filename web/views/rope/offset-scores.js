// The score of the query at m with a key at n, against the offset n - m: the same curves at every
// m, and RoFormer's "long-term decay" read as the bound it is, not a property of every q and k.
import { CATEGORY_COLORS } from '../../charts/palette.js';
import { formatShort, formatSmall, formatWhole } from '../../lib/format.js';
import { createScoreChart } from './score-chart.js';

const [BLUE, ORANGE] = CATEGORY_COLORS;
export const SCORE_LABEL = 'score ⟨R_m q, R_n k⟩';

// How often the aligned curve rises, and the offset where the random one is largest in size.
function shape(random, aligned, count) {
  let rises = 0;
  let peak = 0;
  for (let j = 1; j < count; j += 1) {
    if (aligned[j] > aligned[j - 1]) rises += 1;
    if (Math.abs(random[j]) > Math.abs(random[peak])) peak = j;
  }
  return { rises, peak };
}

/** Returns { figure, body, update({ settings, now, width }) }: now is ropeAt's (rope-data.js). */
export function createOffsetScores() {
  const chart = createScoreChart();

  return {
    figure: chart.figure,
    body: chart.body,
    update({ settings, now, width }) {
      const { dim, base, pairing, seed, position, span } = settings;
      const { random, aligned } = now;
      const count = span + 1;
      const m = formatWhole(position);
      const { rises, peak } = shape(random.scores, aligned.scores, count);
      chart.setTitle(
        `The score depends only on the offset n − m: ${
          position === 0
            ? 'move m, and the curves stay where they are'
            : `at m = ${m} they are the curves of m = 0 to within ${formatSmall(now.drift)}`
        }`,
      );
      chart.setNote(
        'RoFormer’s “long-term decay” is an upper bound on the size of the score, shrinking on the whole as the offset grows, not a property ' +
          `of every q and k: here the aligned curve rises at ${formatWhole(rises)} of its ${formatWhole(span)} steps and the random one is largest in size at ` +
          `offset ${formatWhole(peak)}. q, k: row ${seed % dim} of W_q and W_k of a random attention head drawn from fixed seeds ` +
          '(“Other random q, k” takes the next row).',
      );
      chart.update({
        count,
        width,
        yLabel: SCORE_LABEL,
        name: 'rope-score-by-offset',
        settings: { dim, base, pairing, seed, position, span },
        series: [
          { label: 'random q, k', color: BLUE, values: random.scores },
          { label: 'aligned: k = q', color: ORANGE, values: aligned.scores },
        ],
        describe: (j) =>
          `offset ${formatWhole(j)} (m = ${m}, n = ${formatWhole(position + j)}): random q, k ${formatShort(random.scores[j])}, ` +
          `aligned ${formatShort(aligned.scores[j])}; RoFormer’s bounds ${formatShort(random.bounds[j])} and ${formatShort(aligned.bounds[j])}`,
      });
    },
  };
}
