// The magnitude view: how long each token's position vector is next to its word vector, and what
// adding it does to the similarities between words (integer positions drown the meaning).
import { element, setText } from '../../charts/figure.js';
import { sentenceParams } from '../shared/sentence-params.js';
import { createSentenceControls } from '../shared/sentence-controls.js';
import { analyzeSentence } from '../shared/sentence-analysis.js';
import { embeddingNote } from '../shared/embedding-note.js';
import { cosineMatrix, rowNorms } from '../shared/vector-math.js';
import { createNormChart } from './norm-chart.js';
import { normRatios, normTitle, ratioSentences } from './ratio-words.js';
import { createSimilarityFigure } from './similarity-figure.js';
import { summarizeSimilarity } from './similarity-summary.js';

// Related words (cat, kitten; plane) next to unrelated ones, as in the lecture.
const CAT = 'The cat and the kitten watched a plane';
const EXAMPLES = [CAT, 'A puppy and a dog chased the train and the car'];

// Everything the figures and the snapshot need, computed once per keystroke.
function measure(analysis, dim) {
  const n = analysis.tokens.length;
  const tokenNorms = rowNorms(analysis.tokenEmbedding, dim, n);
  const positionNorms = rowNorms(analysis.positionEncoding, dim, n);
  const without = cosineMatrix(analysis.tokenEmbedding, dim, n);
  const withPE = cosineMatrix(analysis.input, dim, n);
  const ratios = normRatios(tokenNorms, positionNorms);
  const summary = summarizeSimilarity(analysis.kind, analysis.tokens, without, withPE, positionNorms);
  return { tokenNorms, positionNorms, ratios, without, withPE, summary };
}

function mount({ pe, root, state, onChange }) {
  const controls = createSentenceControls({
    state, withCausal: false, examples: EXAMPLES,
    onInput() {
      render();
      onChange(settings);
    },
  });
  const message = element('p', 'view-message');
  message.setAttribute('role', 'status');
  const note = element('p', 'figure-note embedding-note', embeddingNote(pe.analysisConstants.tokenEmbeddingStd));
  const norms = createNormChart();
  const similarity = createSimilarityFigure();
  const results = element('div', 'view-results');
  results.append(norms.figure, similarity.figure, note);
  root.replaceChildren(controls.element, message, results);

  let settings = { ...state };
  let analysis = null;
  let measured = null;
  let problem = null;

  function draw() {
    const { tokens, kind } = analysis;
    norms.update({
      tokens, tokenNorms: measured.tokenNorms, positionNorms: measured.positionNorms,
      title: normTitle(kind, measured.ratios), words: ratioSentences(kind, tokens, measured.ratios),
    });
    similarity.update({ kind, tokens, without: measured.without, withPE: measured.withPE, summary: measured.summary });
  }

  function render() {
    const read = controls.read();
    settings = read.values;
    const outcome = read.problem ? { level: 'error', message: read.problem } : analyzeSentence(pe, settings);
    analysis = outcome.analysis ?? null;
    measured = analysis ? measure(analysis, settings.dim) : null;
    problem = outcome.message ?? null;
    message.hidden = !problem;
    setText(message, problem ?? '');
    message.classList.toggle('error', outcome.level === 'error');
    results.hidden = !analysis;
    if (analysis) draw();
  }

  render();

  return {
    snapshot() {
      if (!analysis) return { ...settings, count: 0, tokens: [], message: problem };
      const { related, unrelated, minWithPE } = measured.summary;
      return {
        ...settings,
        count: analysis.tokens.length,
        tokens: analysis.tokens,
        tokenNorms: Array.from(measured.tokenNorms),
        positionNorms: Array.from(measured.positionNorms),
        ratios: measured.ratios,
        maxRatio: Math.max(...measured.ratios),
        similarity: { related, unrelated, minWithPE },
        message: null,
      };
    },
  };
}

export const magnitudeView = {
  name: 'magnitude',
  params: sentenceParams({ text: CAT, kind: 'integer' }),
  mount,
};
