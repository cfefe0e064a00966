// The norm comparison in words: how many times as long as the token's own vector the position
// vector is, at the positions a reader should look at. Always "N× as long as" (0.83× as long, not
// "1.2× shorter"), so a ratio below 1 reads without a reversed scale.
import { formatRatio as writeRatio, formatWhole, quoteToken, tokenText } from '../../lib/format.js';

/** "370×", "0.83×", "1.04×" (never "1×" for a ratio that is not 1): see format.js. */
export function formatRatio(ratio) {
  return `${writeRatio(ratio)}×`;
}

/** Ratio of position norm to word norm per token (0 where the position vector is zero). */
export function normRatios(tokenNorms, positionNorms) {
  return Array.from(positionNorms, (norm, r) => norm / tokenNorms[r]);
}

/** The chart title: what the largest ratio says, with the word vectors' scale in a few words
 *  (scaleBrief, e.g. "word vectors at 0.02 per component"). */
export function normTitle(kind, ratios, scaleBrief) {
  if (kind === 'none') return 'With no positional encoding nothing is added: the words keep their own vectors';
  const largest = Math.max(...ratios);
  if (largest === 0) return `Every ${kind} position vector here is zero: nothing is added to the words`;
  const setting = `With ${kind} positions and ${scaleBrief}`;
  if (largest < 1) return `${setting}, every position vector is shorter than its token's vector: at most ${formatRatio(largest)} as long`;
  return `${setting}, the position vector is up to ${formatRatio(largest)} as long as the token's vector`;
}

/** Two or three sentences: the first token with a non-zero position vector, the last token (or
 *  that its position vector is zero), and the first token when its position vector is zero. */
export function ratioSentences(kind, tokens, ratios) {
  if (kind === 'none') {
    return 'The input to attention is the token embedding alone; the word order is not in it.';
  }
  const first = ratios.findIndex((ratio) => ratio > 0);
  if (first === -1) return `Every ${kind} position vector in this text is zero.`;
  const where = (r) => `position ${formatWhole(tokens[r].position)} (${quoteToken(tokenText(tokens[r]))})`;
  const zero = (r) => `At ${where(r)} the ${kind} position vector is all zeros, so that token is left as it is.`;
  const sentences = [`At ${where(first)} the position vector is ${formatRatio(ratios[first])} as long as the token's vector.`];
  const last = tokens.length - 1;
  if (last !== first) sentences.push(ratios[last] === 0 ? zero(last) : `At ${where(last)} it is ${formatRatio(ratios[last])} as long.`);
  if (ratios[0] === 0) sentences.push(zero(0));
  return sentences.join(' ');
}
