// The sentence's tokens and their positions as chips (token-chips.js), the copies of a repeated
// word in one colour and named in the legend, with a note on where the word vectors come from.
import { createFigure } from '../../charts/figure.js';
import { CATEGORY_COLORS } from '../../charts/palette.js';
import { quoteToken, tokenText } from '../../lib/format.js';
import { vectorsNote } from '../shared/embedding-note.js';
import { embeddingScales } from '../shared/embedding-scales.js';
import { MAX_GROUPS_SHOWN } from './divergence-panel.js';
import { createTokenChips } from './token-chips.js';

function colorOfToken(duplicates) {
  const colors = new Map();
  duplicates.slice(0, MAX_GROUPS_SHOWN).forEach((group, g) => {
    for (const index of group) colors.set(index, CATEGORY_COLORS[g]);
  });
  return (index) => colors.get(index);
}

/** Returns { figure, update({ analysis, settings }) } (analysis: pe.analyze's). */
export function createTokensFigure(pe) {
  const initScale = embeddingScales(pe.analysisConstants.tokenEmbeddingStd).init;
  const frame = createFigure({ title: 'Tokens and their positions: copies of a repeated word share a colour' });
  const chips = createTokenChips();
  frame.body.append(chips.element);
  let legendKey = null; // the legend is rebuilt only when the repeated words change

  return {
    figure: frame.figure,
    update({ analysis, settings }) {
      chips.update(analysis.tokens, colorOfToken(analysis.duplicates));
      const vectors = pe.embeddings.find(({ name }) => name === settings.embeddings);
      const mark = 'marked “not in table” on its chip';
      frame.setNote(vectorsNote(pe, { entry: vectors, scale: initScale, tokenizer: settings.tokenizer, analysis, mark }));
      const legend = analysis.duplicates.slice(0, MAX_GROUPS_SHOWN).map((group, g) => ({
        label: `${quoteToken(tokenText(analysis.tokens[group[0]]))} ×${group.length}`,
        color: CATEGORY_COLORS[g],
      }));
      const key = legend.map(({ label }) => label).join('\n');
      if (key !== legendKey) {
        legendKey = key;
        frame.setLegend(legend);
      }
    },
  };
}
