// Runs pe.analyze for a view and turns every way it can fail into a sentence for the reader, so
// a bad text or setting shows a message in the view instead of an exception.
import { MAX_TEXT_LENGTH, MAX_TOKENS } from './sentence-params.js';
import { formatWhole } from '../../lib/format.js';

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
      message:
        `This text is ${formatWhole(text.length)} characters long; this view reads at most ` +
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
      message:
        `This text has ${formatWhole(count)} tokens; this view draws at most ${MAX_TOKENS}. ` + 'Shorten it to see the figures again.',
    };
  }
  return { analysis };
}

/** pe.analyze's options for a panel's values: a table of word vectors brings its own dimension,
 *  so the panel's (kept for when the reader goes back to synthetic vectors) is left out. */
export function analysisOptions(pe, values) {
  const fixed = pe.embeddings.find(({ name }) => name === values.embeddings)?.dim ?? null;
  return fixed === null ? { ...values } : { ...values, dim: undefined };
}

/**
 * The outcome for what a sentence view's panel reads (createSentenceControls' read()): a number
 * that is not usable yet as an error; word vectors that need the words tokenizer with another
 * one; a tokenizer or word vectors still loading or that failed to load as their message, with
 * the button that tries again as action (loading: { tokenizers, embeddings },
 * createTokenizerLoading's and createEmbeddingLoading's);
 * otherwise analyzeSentence of the values plus extra, with the panel's notice (a value it
 * adjusted) as an info message beside the figures.
 */
export function analyzePanel(pe, loading, { values, problem, notice }, extra = {}) {
  if (problem) return { level: 'error', message: problem };
  const vectors = pe.embeddings.find(({ name }) => name === values.embeddings);
  if (vectors.dim !== null && values.tokenizer !== 'words') {
    const { label } = pe.tokenizers.find(({ name }) => name === values.tokenizer);
    return {
      level: 'error',
      message:
        `${vectors.label} holds vectors of whole words, and ${label}’s tokens are pieces of words: ` +
        'choose the words tokenizer to use these vectors, or the synthetic vectors to keep this tokenizer.',
    };
  }
  const waiting = loading.tokenizers.status(values.tokenizer) ?? loading.embeddings.status(values.embeddings);
  if (waiting) return waiting;
  const outcome = analyzeSentence(pe, { ...analysisOptions(pe, values), ...extra });
  if (outcome.analysis && notice) return { ...outcome, level: 'info', message: notice };
  return outcome;
}
