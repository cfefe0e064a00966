// The sentence view: type a sentence, choose a position scheme, and watch where the copies of a
// repeated word come apart as they go through one attention head: in the input (integer, binary,
// sinusoidal), in the queries and keys (RoPE), in the attention weights (ALiBi, or the causal
// mask), or not at all. Everything redraws on every keystroke, in place.
import { element } from '../../charts/figure.js';
import { createSentenceControls } from '../shared/sentence-controls.js';
import { analysisOptions as withTableDim, analyzePanel } from '../shared/sentence-analysis.js';
import { createViewMessage } from '../shared/view-message.js';
import { createTokenizerLoading } from '../shared/tokenizer-choice.js';
import { createEmbeddingLoading } from '../shared/embedding-choice.js';
import { formatWhole } from '../../lib/format.js';
import { createDivergencePanel } from './divergence-panel.js';
import { createTokensFigure } from './tokens-figure.js';
import { createAttentionWeights } from './attention-weights.js';
import { createMaskTable } from './mask-table.js';
import { createShiftEffect } from './shift-effect.js';
import { EXAMPLES, SHIFT_LIMITS } from './sentence-params.js';

// How the view names the run with positions: "with RoPE (rotary)", or for the scheme that adds
// none, "with no positions" (the two runs are then the same).
function runNameOf(scheme) {
  return scheme.actsOn === 'none' ? 'with no positions' : `with ${scheme.label}`;
}

// The copies of a pair as the snapshot reports them.
function pairSnapshot({ a, b, firstDifference, identical, ...measures }) {
  const distances = Object.fromEntries(Object.entries(measures).filter(([name]) => name.endsWith('Distance') || name.endsWith('Cosine')));
  return { a, b, firstDifference, identical, ...distances };
}

// The view's state as plain JSON: the settings, the tokens and how their copies compare.
function sentenceSnapshot({ settings, analysis, shiftResult, message }) {
  const tokens = analysis ? analysis.tokens : [];
  return {
    ...settings,
    dim: analysis ? analysis.dim : settings.dim, // what is drawn: GloVe's own 100, not the disabled box's
    schemeOptions: analysis ? analysis.schemeOptions : null,
    count: tokens.length,
    tokens,
    duplicates: analysis ? analysis.duplicates : [],
    pairs: analysis ? analysis.pairs.map(pairSnapshot) : [],
    shift: shiftResult
      ? { by: shiftResult.by, maxWeightChange: shiftResult.maxWeightChange, weightsUnchanged: shiftResult.weightsUnchanged }
      : null,
    message: message.text(),
  };
}

/** @param {import('../registry.js').MountContext} context */
export function mount({ pe, root, state, onChange }) {
  let analysis = null;
  const controls = createSentenceControls({
    state,
    tokenizers: pe.tokenizers,
    embeddings: pe.embeddings,
    schemes: pe.schemes,
    withCausal: true,
    examples: EXAMPLES,
    firstCopy: () => analysis?.duplicates[0]?.[0] ?? 0,
    onInput: changed,
  });
  const message = createViewMessage();
  const loading = { tokenizers: createTokenizerLoading(pe, render), embeddings: createEmbeddingLoading(pe, render) };

  const tokensFigure = createTokensFigure(pe);
  const divergence = createDivergencePanel();
  const weights = createAttentionWeights();
  const maskTable = createMaskTable();
  const shift = createShiftEffect({ state, onInput: shiftChanged });
  const results = element('div', 'view-results');
  results.append(tokensFigure.figure, divergence.element, weights.figure, maskTable.figure, shift.figure);
  root.replaceChildren(controls.element, message.element, results);

  let settings = { ...state };
  let shiftResult = null;

  function changed() {
    render();
    onChange(settings);
  }

  // Only the shift figure depends on the distance in its box: typing there redraws that alone.
  function shiftChanged() {
    const by = shift.by();
    settings = { ...settings, shift: by ?? settings.shift };
    if (analysis) drawShift(by);
    onChange(settings);
  }

  const schemeOf = (name) => pe.schemes.find((scheme) => scheme.name === name);

  function draw(otherMask) {
    const { causal } = settings;
    const scheme = schemeOf(settings.kind);
    const runName = runNameOf(scheme);
    tokensFigure.update({ analysis, settings });
    divergence.update({ analysis, scheme, runName, causal, embeddingStd: analysis.embeddingStd });
    weights.update({ analysis, runName });
    maskTable.update({ byMask: { [String(causal)]: analysis, [String(!causal)]: otherMask }, causal, scheme, runName });
  }

  // by: the distance typed, or null while the box holds no usable number.
  function drawShift(by) {
    shiftResult = null;
    let shiftMessage = `The distance must be a whole number from 0 to ${formatWhole(SHIFT_LIMITS.max)}.`;
    if (by !== null) {
      try {
        shiftResult = pe.compareShift(settings.text, { ...analysisOptions(), by });
      } catch (error) {
        if (!(error instanceof RangeError || error instanceof TypeError)) throw error;
        shiftMessage = `This move cannot be made: ${error.message}.`;
      }
    }
    const scheme = schemeOf(settings.kind);
    const run = { runName: runNameOf(scheme), scheme, dim: analysis.dim, weights: analysis.weights.withPE, n: analysis.tokens.length };
    shift.update({ shift: shiftResult, message: shiftMessage, run });
  }

  // pe.analyze's options for the settings on screen: all but the text and the shift.
  function analysisOptions() {
    const options = withTableDim(pe, settings);
    delete options.text;
    delete options.shift;
    return options;
  }

  function render() {
    const read = controls.read();
    const by = shift.by();
    settings = { ...read.values, shift: by ?? settings.shift };
    const outcome = analyzePanel(pe, loading, read);
    analysis = outcome.analysis ?? null;
    message.show(outcome.message ?? null, outcome.level, outcome.action);
    results.hidden = !analysis;
    if (!analysis) return;
    // The same sentence with the other mask setting, for the four-setting table.
    const otherMask = pe.analyze(settings.text, { ...analysisOptions(), causal: !settings.causal });
    draw(otherMask);
    drawShift(by);
  }

  render();

  return {
    snapshot: () => sentenceSnapshot({ settings, analysis, shiftResult, message }),
  };
}
