// How long the token vectors are next to the position vectors, in numbers read off the norms,
// with the rule that gives each scheme's lengths. Shown with GloVe's word vectors, which are long
// (around 5), so whether a position drowns a word depends on the scheme's rule, not on a scale.
import { formatApart, formatShort, formatWhole, quoteToken, tokenLabel } from '../../lib/format.js';

// The most set bits any position from 0 to last has in dim bits: all dim once last reaches
// 2^dim - 1; else last's bit length when last is all ones (7 = 111), one less otherwise (a
// position up to 1,000,255 has at most 19 of its 20 bits set).
function mostSetBits(last, dim) {
  if (last >= 2 ** dim - 1) return dim;
  const length = Math.floor(Math.log2(last + 1));
  return 2 ** length === last + 1 ? length : Math.max(0, Math.floor(Math.log2(last)));
}

// Each scheme's length rule at dim dimensions, for positions up to last: true for every one.
const RULES = {
  integer: (dim) => `An integer position p has length √${dim} · p = ${formatShort(Math.sqrt(dim))}p here.`,
  binary: (dim, last) => {
    const bits = mostSetBits(last, dim);
    return (
      `A binary position’s length is the square root of its number of set bits: at most √${bits} = ` +
      `${formatShort(Math.sqrt(bits))} here, since no position up to ${formatWhole(last)} has more than ${bits} of its ${dim} bits set.`
    );
  },
  sinusoidal: (dim) =>
    `Every sinusoidal position has length √(${dim}/2) = ${formatShort(Math.sqrt(dim / 2))}: each sine and cosine pair adds 1.`,
  learned: (dim) =>
    `An untrained learned position is a random row, each value N(0, 0.02²): about 0.02 · √${dim} = ${formatShort(0.02 * Math.sqrt(dim))} long here, until a model trains it.`,
};

// "4.35 to 6.38"; ends that differ are written with as many digits as it takes to read differently.
const span = (values) => {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return low === high ? `${formatShort(low)}` : formatApart(low, high).join(' to ');
};

/** Sentences for kind at dim: the token and position lengths here and the first position longer
 *  than every token vector (or that there is none). */
export function lengthSentences(kind, dim, tokens, tokenNorms, positionNorms) {
  const sentences = [`Token vectors here are ${span(tokenNorms)} long.`];
  if (!RULES[kind]) return sentences.join(' ');
  sentences.push(RULES[kind](dim, tokens[tokens.length - 1].position), `Position vectors here are ${span(positionNorms)} long.`);
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
