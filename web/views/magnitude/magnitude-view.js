// The magnitude view: how long each token's position vector is next to its word vector, and what
// adding it does to the similarities between words (integer positions drown the meaning). The
// word vectors come at two scales, GPT-2's initialisation and the Transformer paper's, because
// the answer for binary and sinusoidal positions depends on it, or as GloVe's real word vectors,
// which bring their own lengths (around 5) and 100 dimensions.
import { element, setText } from '../../charts/figure.js';
import { createSentenceControls } from '../shared/sentence-controls.js';
import { analyzePanel } from '../shared/sentence-analysis.js';
import { vectorsNote } from '../shared/embedding-note.js';
import { createEmbeddingLoading } from '../shared/embedding-choice.js';
import { embeddingScales } from '../shared/embedding-scales.js';
import { createViewMessage } from '../shared/view-message.js';
import { positionsName } from '../shared/scheme-words.js';
import { createTokenizerLoading } from '../shared/tokenizer-choice.js';
import { createNormChart } from './norm-chart.js';
import { normRatios, normTitle, ratioSentences } from './ratio-words.js';
import { lengthSentences } from './length-words.js';
import { createScaleControl } from './scale-control.js';
import { createSimilarityFigure } from './similarity-figure.js';
import { summarizeSimilarity } from './similarity-summary.js';
import { EXAMPLES, tableSchemes } from './magnitude-params.js';

// Everything the figures and the snapshot need, computed once per keystroke. Only the words
// tokenizer's synthetic vectors are placed in groups of related words.
function measure(pe, analysis, scale) {
  const { tokens, dim } = analysis;
  const kind = positionsName(pe.schemes.find(({ name }) => name === analysis.kind));
  const { tokenEmbedding: tokenNorms, positionEncoding: positionNorms } = analysis.norms;
  const without = pe.cosineSimilarities({ data: analysis.tokenEmbedding, dim }).data;
  const withPE = pe.cosineSimilarities({ data: analysis.input, dim }).data;
  const ratios = normRatios(tokenNorms, positionNorms);
  const summary = summarizeSimilarity({
    kind,
    scaleBrief: scale.brief,
    tokens,
    without,
    withPE,
    positionNorms,
    clusters: analysis.embeddings !== 'synthetic' ? null : analysis.tokenizer === 'words' ? pe.vocabularyClusters : [],
  });
  return { tokenNorms, positionNorms, ratios, without, withPE, summary };
}

// An n x n matrix as n rows of plain numbers, for the snapshot.
function matrixRows(matrix, n) {
  return Array.from({ length: n }, (_, a) => Array.from(matrix.subarray(a * n, (a + 1) * n)));
}

// The view's state as plain JSON: the settings, the tokens, their lengths and similarities.
function magnitudeSnapshot({ settings, analysis, measured, message }) {
  if (!analysis) return { ...settings, count: 0, tokens: [], message: message.text() };
  const n = analysis.tokens.length;
  const { summary } = measured;
  // A pair of token indices with both similarities, as the sentences name it.
  const pair = (p) =>
    p ? { a: p.a, b: p.b, words: [analysis.tokens[p.a].text, analysis.tokens[p.b].text], withoutPE: p.withoutPE, withPE: p.withPE } : null;
  const ranked = (r) => ({
    mostAlike: pair(r.mostAlike),
    leastRelated: pair(r.leastRelated),
    mostUnrelated: pair(r.mostUnrelated),
    standsOut: r.standsOut,
  });
  return {
    ...settings,
    dim: analysis.dim, // what is drawn: GloVe's own 100, not the disabled box's value
    embeddingStd: analysis.embeddingStd,
    count: n,
    tokens: analysis.tokens,
    tokenNorms: Array.from(measured.tokenNorms),
    positionNorms: Array.from(measured.positionNorms),
    ratios: measured.ratios,
    maxRatio: Math.max(...measured.ratios),
    // The pairs of different words the sentences compare (tokens left out: see the note), and
    // what the sentences say of them, without positions and with them; then withoutPE[a][b],
    // withPE[a][b]: the cosine similarity of tokens a and b, for any pair.
    similarity: {
      relatedPairs: summary.relatedPairs,
      unrelatedPairs: summary.unrelatedPairs,
      minWithPE: summary.minWithPE,
      ranked: { withoutPE: ranked(summary.withoutPE), withPE: ranked(summary.withPE) },
      withoutPE: matrixRows(measured.without, n),
      withPE: matrixRows(measured.withPE, n),
    },
    message: message.text(),
  };
}

/** @param {import('../registry.js').MountContext} context */
export function mount({ pe, root, state, onChange }) {
  const scales = embeddingScales(pe.analysisConstants.tokenEmbeddingStd);
  const scaleControl = createScaleControl(scales, state.scale);
  const controls = createSentenceControls({
    state,
    tokenizers: pe.tokenizers,
    embeddings: pe.embeddings,
    schemes: tableSchemes(pe),
    withCausal: false,
    examples: EXAMPLES,
    extras: [scaleControl.element],
    firstCopy: () => analysis?.duplicates[0]?.[0] ?? 0,
    onInput() {
      render();
      onChange(settings);
    },
  });
  const message = createViewMessage();
  // A load that ends changes no setting: the view draws again, as the sentence view does.
  const loading = { tokenizers: createTokenizerLoading(pe, render), embeddings: createEmbeddingLoading(pe, render) };
  const note = element('p', 'figure-note embedding-note');
  const norms = createNormChart();
  const similarity = createSimilarityFigure();
  const results = element('div', 'view-results');
  results.append(norms.figure, similarity.figure, note);
  root.replaceChildren(controls.element, message.element, results);

  let settings = { ...state };
  let analysis = null;
  let measured = null;

  function draw(scale, vectors) {
    const { tokens, kind, dim } = analysis;
    const { tokenNorms, positionNorms, ratios } = measured;
    // The settings a figure's exported files name: the scale, or the table of word vectors.
    const shown = {
      kind,
      dim,
      start: settings.start,
      ...(vectors.dim === null ? { scale: settings.scale } : { embeddings: settings.embeddings }),
    };
    const named = positionsName(pe.schemes.find(({ name }) => name === kind));
    const words = ratioSentences(named, tokens, ratios);
    norms.update({
      settings: shown,
      tokens,
      tokenNorms,
      positionNorms,
      ratios,
      title: normTitle(named, ratios, scale.brief),
      words: vectors.dim === null ? words : `${words} ${lengthSentences(kind, dim, tokens, tokenNorms, positionNorms)}`,
    });
    similarity.update({
      settings: shown,
      kind: named,
      tokens,
      without: measured.without,
      withPE: measured.withPE,
      summary: measured.summary,
    });
    setText(note, vectorsNote(pe, { entry: vectors, scale, tokenizer: analysis.tokenizer, analysis, mark: 'marked * in the figures' }));
  }

  function render() {
    const read = controls.read();
    settings = { ...read.values, scale: scaleControl.read() };
    // A table of word vectors has its own lengths: the scale applies to the synthetic vectors only.
    const vectors = pe.embeddings.find(({ name }) => name === settings.embeddings);
    scaleControl.element.hidden = vectors.dim !== null;
    const scale = vectors.dim === null ? scales[settings.scale] : { brief: `${vectors.label} word vectors` };
    const outcome = analyzePanel(pe, loading, read, vectors.dim === null ? { embeddingStd: scale.std } : {});
    analysis = outcome.analysis ?? null;
    measured = analysis ? measure(pe, analysis, scale) : null;
    message.show(outcome.message ?? null, outcome.level, outcome.action);
    results.hidden = !analysis;
    if (analysis) draw(scale, vectors);
  }

  render();

  return {
    snapshot: () => magnitudeSnapshot({ settings, analysis, measured, message }),
  };
}
