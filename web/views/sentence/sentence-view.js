// The sentence view: type a sentence, see its tokens and positions, and watch the copies of a
// repeated word go from identical to different once positions are added, in the input vectors
// and in the attention outputs. Everything redraws on every keystroke, in place.
import { createFigure, element } from '../../charts/figure.js';
import { flagParam } from '../../app/url-params.js';
import { CATEGORY_COLORS } from '../../charts/palette.js';
import { sentenceParams } from '../shared/sentence-params.js';
import { createSentenceControls } from '../shared/sentence-controls.js';
import { analyzePanel } from '../shared/sentence-analysis.js';
import { createViewMessage } from '../shared/view-message.js';
import { embeddingNote } from '../shared/embedding-note.js';
import { embeddingScales } from '../shared/embedding-scales.js';
import { quoteToken } from '../shared/format.js';
import { createTokenChips } from './token-chips.js';
import { createDivergencePanel, MAX_GROUPS_SHOWN } from './divergence-panel.js';

const DOG = 'The dog chased another dog';
const EXAMPLES = [DOG, 'The dog chased the ball. It could not catch it.'];

function colorOfToken(duplicates) {
  const colors = new Map();
  duplicates.slice(0, MAX_GROUPS_SHOWN).forEach((group, g) => {
    for (const index of group) colors.set(index, CATEGORY_COLORS[g]);
  });
  return (index) => colors.get(index);
}

function mount({ pe, root, state, onChange }) {
  const controls = createSentenceControls({
    state, withCausal: true, examples: EXAMPLES,
    onInput() {
      render();
      onChange(settings);
    },
  });
  const message = createViewMessage();

  const tokensFigure = createFigure({
    title: 'Tokens and their positions: copies of a repeated word share a colour',
    note: embeddingNote(embeddingScales(pe.analysisConstants.tokenEmbeddingStd).init),
  });
  const chips = createTokenChips();
  tokensFigure.body.append(chips.element);
  const divergence = createDivergencePanel();
  const results = element('div', 'view-results');
  results.append(tokensFigure.figure, divergence.element);
  root.replaceChildren(controls.element, message.element, results);

  let settings = { ...state };
  let analysis = null;

  let legendKey = null; // the legend is rebuilt only when the repeated words change
  function draw() {
    const { dim, kind, causal } = settings;
    chips.update(analysis.tokens, colorOfToken(analysis.duplicates));
    const legend = analysis.duplicates.slice(0, MAX_GROUPS_SHOWN).map((group, g) => ({
      label: `${quoteToken(analysis.tokens[group[0]].text)} ×${group.length}`,
      color: CATEGORY_COLORS[g],
    }));
    const key = legend.map(({ label }) => label).join('\n');
    if (key !== legendKey) {
      legendKey = key;
      tokensFigure.setLegend(legend);
    }
    divergence.update({ analysis, dim, kind, causal, embeddingStd: pe.analysisConstants.tokenEmbeddingStd });
  }

  function render() {
    const read = controls.read();
    settings = read.values;
    const outcome = analyzePanel(pe, read);
    analysis = outcome.analysis ?? null;
    message.show(outcome.message ?? null, outcome.level);
    results.hidden = !analysis;
    if (analysis) draw();
  }

  render();

  return {
    snapshot() {
      const tokens = analysis ? analysis.tokens : [];
      return {
        ...settings,
        count: tokens.length,
        tokens,
        duplicates: analysis ? analysis.duplicates : [],
        pairs: analysis ? analysis.pairs.map(({ a, b, inputDistance, contextDistance, inputCosine, contextCosine }) =>
          ({ a, b, inputDistance, contextDistance, inputCosine, contextCosine })) : [],
        message: message.text(),
      };
    },
  };
}

export const sentenceView = {
  name: 'sentence',
  params: { ...sentenceParams({ text: DOG, kind: 'binary' }), causal: flagParam(false) },
  mount,
};
