// Why RoPE has to be decoupled, measured: for each RoPE variant, the scores of a seeded layer
// computed with W^UK folded into the query against the explicit ones (pe.mlaAbsorption), as the
// largest difference over the largest score on a log scale.
import { createBarChart } from '../../charts/bar-chart.js';
import { CATEGORY_COLORS as COLORS } from '../../charts/palette.js';
import { formatShort, formatSmall } from '../../lib/format.js';
import { VARIANTS } from './mla-data.js';
import { setMathNote } from './math-text.js';

// The two ways agree when they differ by at most this share of the largest score: float32
// rounding stays near 1e-7 of it, a real difference is far above.
const AGREEMENT = 1e-4;
const [AGREE, DIFFER] = [COLORS[2], COLORS[4]];

function table(runs, share, settings) {
  return {
    name: 'mla-folding',
    settings: { tokens: settings.tokens, start: settings.start, seed: settings.seed },
    columns: [
      'RoPE variant',
      'largest |score difference|',
      'largest |score|',
      'difference ÷ score',
      'numbers cached per token, folded',
      'explicit',
      'folded matrices per head',
    ],
    rows: VARIANTS.map(([rope, name]) => {
      const { maxAbsDifference, maxAbsScore, absorbedMatrices, cacheElementsPerToken: cached } = runs[rope];
      return [name, maxAbsDifference, maxAbsScore, share(rope), cached.absorbed, cached.explicit, absorbedMatrices];
    }),
  };
}

function bar(run, rope, name, share) {
  const { maxAbsDifference, maxAbsScore, absorbedMatrices, cacheElementsPerToken: cached } = run;
  return {
    label: rope,
    value: share,
    color: share <= AGREEMENT ? AGREE : DIFFER,
    text: `${formatSmall(share)} · caches ${cached.absorbed} of ${cached.explicit}`,
    describe: `${name}: largest difference ${formatSmall(maxAbsDifference)}, largest score ${formatShort(maxAbsScore)}; caches ${cached.absorbed} per token instead of ${cached.explicit}; ${absorbedMatrices} folded matrices per head`,
  };
}

/** Returns { figure, update({ runs, settings }) }: runs holds pe.mlaAbsorption's result for each
 *  variant; onResize redraws at a new width. */
export function createFoldingChart({ onResize }) {
  const chart = createBarChart({ onResize });

  return {
    figure: chart.figure,
    update({ runs, settings }) {
      const share = (rope) => runs[rope].maxAbsDifference / runs[rope].maxAbsScore;
      const list = (agree) =>
        VARIANTS.filter(([rope]) => share(rope) <= AGREEMENT === agree)
          .map(([rope, name]) => `${name} (${formatSmall(share(rope))})`)
          .join(' and ');
      const [agreeing, differing] = [list(true), list(false)];
      chart.frame.setTitle(
        `Folding Wᵁᴷ into the query gives the explicit scores ${agreeing ? `with ${agreeing}` : 'in no variant'}${differing ? `, not with ${differing}` : ''}`,
      );
      chart.update({
        axisLabel: 'largest difference ÷ largest score (log)',
        labelWidth: 72,
        textWidth: 160,
        bars: VARIANTS.map(([rope, name]) => bar(runs[rope], rope, name, share(rope))),
      });
      chart.frame.setLegend([
        { label: 'agree (within 10⁻⁴)', color: AGREE },
        { label: 'differ', color: DIFFER },
      ]);
      chart.frame.setData(() => table(runs, share, settings));
      const { tokens, heads, headDim, ropeDim, latentDim, dModel } = runs.none;
      setMathNote(
        chart.frame,
        `A seeded layer (${tokens} tokens, ${heads} heads of ${headDim}, latent ${latentDim}, RoPE ${ropeDim}, d_model ${dModel}) scored with keys built from c^{KV} and from the cache alone. ` +
          `With RoPE on the full keys, exact folding needs a matrix per offset between two tokens: ${runs.naive.absorbedMatrices} for ${tokens} tokens, not one per head.`,
      );
    },
  };
}
