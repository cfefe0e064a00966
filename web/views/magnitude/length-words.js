// How long the token vectors are next to the position vectors, in numbers read off the norms,
// with the rule that gives each scheme's lengths. Shown with GloVe's word vectors, which are long
// (around 5), so whether a position drowns a word depends on the scheme's rule, not on a scale.
import { formatShort, formatWhole, quoteToken, tokenLabel } from '../../lib/format.js';

// Each scheme's length rule at dim dimensions: always true, whatever the positions.
const RULES = {
  integer: (dim) => `An integer position p has length √${dim} · p = ${formatShort(Math.sqrt(dim))}p here.`,
  binary: (dim) =>
    `A binary position’s length is the square root of its number of set bits: at most √${dim} = ` + `${formatShort(Math.sqrt(dim))} here.`,
  sinusoidal: (dim) =>
    `Every sinusoidal position has length √(${dim}/2) = ${formatShort(Math.sqrt(dim / 2))}: each sine and cosine pair adds 1.`,
  learned: (dim) =>
    `An untrained learned position is a random row, each value N(0, 0.02²): about 0.02 · √${dim} = ${formatShort(0.02 * Math.sqrt(dim))} long here, until a model trains it.`,
};

const span = (values) => {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return low === high ? `${formatShort(low)}` : `${formatShort(low)} to ${formatShort(high)}`;
};

/** Sentences for kind at dim: the token and position lengths here and the first position longer
 *  than every token vector (or that there is none). */
export function lengthSentences(kind, dim, tokens, tokenNorms, positionNorms) {
  const sentences = [`Token vectors here are ${span(tokenNorms)} long.`];
  if (!RULES[kind]) return sentences.join(' ');
  sentences.push(RULES[kind](dim), `Position vectors here are ${span(positionNorms)} long.`);
  const longest = Math.max(...tokenNorms);
  const first = Array.from(positionNorms).findIndex((norm) => norm > longest);
  sentences.push(
    first === -1
      ? `None is longer than the longest token vector (${formatShort(longest)}).`
      : `The first one longer than every token vector here (the longest is ${formatShort(longest)}): position ` +
          `${formatWhole(tokens[first].position)} (${quoteToken(tokenLabel(tokens[first]))}), ${formatShort(positionNorms[first])} long.`,
  );
  return sentences.join(' ');
}
