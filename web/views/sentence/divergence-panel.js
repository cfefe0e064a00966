// The duplicate-comparison panel (data-testid="divergence"): one comparison per repeated word,
// in that word's colour, plus what the causal switch changes. Comparisons are reused between
// keystrokes, so their canvases are redrawn rather than rebuilt.
import { element, setText } from '../../charts/figure.js';
import { CATEGORY_COLORS } from '../../charts/palette.js';
import { formatWhole } from '../shared/format.js';
import { createGroupComparison } from './group-comparison.js';

// One colour per repeated word, and no more words than distinct colours (Okabe-Ito has seven).
export const MAX_GROUPS_SHOWN = CATEGORY_COLORS.length;

const CAUSAL_NOTE = {
  off: 'No mask: every token attends to every token, so attention treats its input as an ' +
    'unordered set. Identical input vectors therefore give identical outputs, wherever they stand.',
  on: 'Causal mask on: each token attends only to itself and the tokens before it. An earlier ' +
    'copy averages over fewer tokens than a later one, so the attention outputs differ even ' +
    'without positions: the mask by itself leaks word order.',
};

// Why positions can make the inputs differ and still leave the attention outputs identical.
const SATURATION_NOTE = {
  integer: 'Why are the attention outputs still identical? The integer positions are so large ' +
    'that softmax puts all the weight on one token, so every output is the same: another face ' +
    'of the magnitude problem: integer positions drown what the words say.',
  other: 'Why are the attention outputs still identical? Softmax puts all the weight on one ' +
    'token here, so every output is the same.',
};

// The strips' colour scales, fixed by what the values can be rather than by this sentence's
// extremes, so colours mean the same in every comparison and do not shift while typing:
// embeddings to 4 standard deviations (beyond that a cell keeps the end colour), binary and
// sinusoidal codes to 1, integer codes to the last token's position.
function colorLimits(analysis, kind, embeddingStd) {
  const token = 4 * embeddingStd;
  const lastPosition = analysis.tokens[analysis.tokens.length - 1].position;
  const position = { none: 0, integer: lastPosition }[kind] ?? 1;
  return { token, position, input: token + position };
}

/** Returns { element, update({ analysis, dim, kind, causal, embeddingStd }) }. */
export function createDivergencePanel() {
  const panel = element('section', 'divergence');
  panel.dataset.testid = 'divergence';
  panel.setAttribute('aria-label', 'Copies of repeated words compared');
  const causalNote = element('p', 'causal-note');
  const saturationNote = element('p', 'causal-note saturation-note');
  const empty = element('p', 'view-message', 'No word appears twice in this text, so there is nothing to compare. Try one of the examples.');
  const overflow = element('p', 'figure-note');
  const list = element('div', 'group-list');
  panel.append(causalNote, saturationNote, empty, list, overflow);
  const comparisons = [];

  return {
    element: panel,
    update({ analysis, dim, kind, causal, embeddingStd }) {
      const { pairs } = analysis;
      setText(causalNote, causal ? CAUSAL_NOTE.on : CAUSAL_NOTE.off);
      causalNote.classList.toggle('is-causal', causal);
      const groups = analysis.duplicates.slice(0, MAX_GROUPS_SHOWN);
      const saturated = pairs.some((pair) => pair.group < groups.length &&
        pair.inputDistance.withPE > 0 && pair.contextDistance.withPE === 0);
      saturationNote.hidden = !saturated;
      setText(saturationNote, saturated ? SATURATION_NOTE[kind === 'integer' ? 'integer' : 'other'] : '');
      empty.hidden = groups.length > 0;
      const hiddenGroups = analysis.duplicates.length - groups.length;
      overflow.hidden = hiddenGroups === 0;
      setText(overflow, `${formatWhole(hiddenGroups)} more repeated ${hiddenGroups === 1 ? 'word is' : 'words are'} not drawn (one colour per word, ${MAX_GROUPS_SHOWN} colours).`);

      while (comparisons.length < groups.length) comparisons.push(createGroupComparison());
      if (list.childElementCount !== groups.length) list.replaceChildren(...comparisons.slice(0, groups.length).map((c) => c.element));
      const limits = colorLimits(analysis, kind, embeddingStd);
      groups.forEach((group, g) => {
        comparisons[g].update({
          group, color: CATEGORY_COLORS[g], pairs: pairs.filter((pair) => pair.group === g),
          analysis, dim, kind, limits,
        });
      });
    },
  };
}
