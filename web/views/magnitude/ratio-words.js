// The norm comparison in words: how many times longer the position vector is than the word's own
// vector, at the positions a reader should look at.
import { formatTimes, formatWhole, quoteToken } from '../shared/format.js';

function times(ratio) {
  return ratio >= 1 ? `${formatTimes(ratio)}× longer` : `${formatTimes(1 / ratio)}× shorter`;
}

/** Ratio of position norm to word norm per token (0 where the position vector is zero). */
export function normRatios(tokenNorms, positionNorms) {
  return Array.from(positionNorms, (norm, r) => norm / tokenNorms[r]);
}

/** The chart title: what the largest ratio says, with the word vectors' scale in a few words
 *  (scaleBrief, e.g. "word vectors at 0.02 per component"). */
export function normTitle(kind, ratios, scaleBrief) {
  const largest = Math.max(...ratios);
  if (largest === 0) return 'With no positional encoding nothing is added: the words keep their own vectors';
  const setting = `With ${kind} positions and ${scaleBrief}`;
  if (largest < 1) return `${setting}, every position vector is at least ${times(largest)} than its word's vector`;
  return `${setting}, the position vector is up to ${times(largest)} than the word's vector`;
}

/** Two or three sentences: the first token with a non-zero position vector, the last token, and
 *  position 0 when its vector is zero. */
export function ratioSentences(kind, tokens, ratios) {
  if (kind === 'none') {
    return 'The input to attention is the token embedding alone; the word order is not in it.';
  }
  const first = ratios.findIndex((ratio) => ratio > 0);
  if (first === -1) return `Every ${kind} position vector in this text is zero.`;
  const where = (r) => `position ${formatWhole(tokens[r].position)} (${quoteToken(tokens[r].text)})`;
  const sentences = [`At ${where(first)} the position vector is ${times(ratios[first])} than the word's vector.`];
  const last = tokens.length - 1;
  if (last !== first) sentences.push(`At ${where(last)} it is ${times(ratios[last])}.`);
  if (ratios[0] === 0) sentences.push(`At position ${formatWhole(tokens[0].position)} the ${kind} position vector is all zeros, so that word is left as it is.`);
  return sentences.join(' ');
}
