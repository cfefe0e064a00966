// Runs pe.analyze for a view and turns every way it can fail into a sentence for the reader, so
// a bad text or setting shows a message in the view instead of an exception.
import { MAX_TEXT_LENGTH, MAX_TOKENS } from './sentence-params.js';
import { formatWhole } from './format.js';

/**
 * settings: { text, ...options } where options are pe.analyze's (tokenizer, kind, the scheme's
 * options, dim, start, and optionally causal and embeddingStd). Returns { analysis } or { message, level }
 * where level is 'info' for an empty box (nothing is wrong yet) and 'error' for input that
 * cannot be drawn.
 */
function analyzeSentence(pe, { text, ...options }) {
  if (text.trim() === '') {
    return { level: 'info', message: 'Type a sentence (or pick an example) to see its tokens.' };
  }
  if (text.length > MAX_TEXT_LENGTH) {
    return {
      level: 'error',
      message: `This text is ${formatWhole(text.length)} characters long; this view reads at most ` +
        `${formatWhole(MAX_TEXT_LENGTH)}. Shorten it to see the figures again.`,
    };
  }
  let analysis;
  try {
    analysis = pe.analyze(text, options);
  } catch (error) {
    // The API reports bad input as TypeError or RangeError with a readable message; anything
    // else is a bug and must not be hidden.
    if (!(error instanceof RangeError || error instanceof TypeError)) throw error;
    return { level: 'error', message: `These settings cannot be drawn: ${error.message}.` };
  }
  const count = analysis.tokens.length;
  if (count === 0) {
    return { level: 'info', message: 'This text has no words or symbols, only spaces, so there are no tokens.' };
  }
  if (count > MAX_TOKENS) {
    return {
      level: 'error',
      message: `This text has ${formatWhole(count)} tokens; this view draws at most ${MAX_TOKENS}. ` +
        'Shorten it to see the figures again.',
    };
  }
  return { analysis };
}

/**
 * The outcome for what a sentence view's panel reads (createSentenceControls' read()): a number
 * that is not usable yet as an error, a tokenizer still loading or that failed to load as its
 * message (tokenizers: createTokenizerLoading's), otherwise analyzeSentence of the values plus
 * extra, with the panel's notice (a value it adjusted) as an info message beside the figures.
 */
export function analyzePanel(pe, tokenizers, { values, problem, notice }, extra = {}) {
  if (problem) return { level: 'error', message: problem };
  const waiting = tokenizers.status(values.tokenizer);
  if (waiting) return waiting;
  const outcome = analyzeSentence(pe, { ...values, ...extra });
  if (outcome.analysis && notice) return { ...outcome, level: 'info', message: notice };
  return outcome;
}
