// What the two similarity matrices say, in numbers and in a title: the pair of different words
// most alike without positions (a related pair such as cat/kitten) and the pair least alike,
// before and after the positions are added, and whether the difference between them survives.
import { formatCosine, formatWhole, listPositions, quoteToken } from '../shared/format.js';

// Every pair with similarity at least this high counts as "collapsed" onto one direction.
const COLLAPSED = 0.9;
// How much of the gap between the most and the least alike pair must survive the positions for
// related words to still stand out; below LOST, the positions decide the similarities.
const KEPT = 0.5;
const LOST = 0.25;

/**
 * without, withPE: cosine matrices (n x n) of the token embeddings and of the inputs;
 * positionNorms: length of each token's position vector; scaleBrief: the word vectors' scale in
 * a few words ("word vectors at 0.02 per component"). Tokens whose position vector is zero (position 0
 * for integer and binary) are left out when positions are on: nothing was added to them, so they
 * cannot show what adding positions does.
 * Returns { related, unrelated, minWithPE, title, note } (related/unrelated null when fewer than
 * two different words take part).
 */
export function summarizeSimilarity({ kind, scaleBrief, tokens, without, withPE, positionNorms }) {
  const n = tokens.length;
  const takesPart = (r) => kind === 'none' || positionNorms[r] > 0;
  let related = null;
  let unrelated = null;
  let minWithPE = Infinity;
  for (let a = 0; a < n; a += 1) {
    if (!takesPart(a)) continue;
    for (let b = a + 1; b < n; b += 1) {
      if (!takesPart(b)) continue;
      minWithPE = Math.min(minWithPE, withPE[a * n + b]);
      if (tokens[a].text === tokens[b].text) continue; // copies are trivially alike
      const pair = { a, b, withoutPE: without[a * n + b], withPE: withPE[a * n + b] };
      if (!related || pair.withoutPE > related.withoutPE) related = pair;
      if (!unrelated || pair.withoutPE < unrelated.withoutPE) unrelated = pair;
    }
  }
  if (!related) {
    return { related, unrelated, minWithPE: null, title: 'Similarity needs at least two different words', note: '' };
  }

  const name = ({ a, b }) => `${quoteToken(tokens[a].text)} and ${quoteToken(tokens[b].text)}`;
  const change = (pair) => `${formatCosine(pair.withoutPE)} without positions, ${formatCosine(pair.withPE)} with them`;
  const gapWithout = related.withoutPE - unrelated.withoutPE;
  const gapWith = related.withPE - unrelated.withPE;
  const skipped = tokens.filter((_, r) => !takesPart(r));
  const note = (related === unrelated
    ? `The only pair of different words: ${name(related)}, ${change(related)}.`
    : `Most alike without positions: ${name(related)}, ${change(related)}. ` +
      `Least alike: ${name(unrelated)}, ${change(unrelated)}. ` +
      `The gap between them: ${formatCosine(gapWithout)} without positions, ${formatCosine(gapWith)} with them.`) +
    (skipped.length === 0 ? '' : skipped.length === 1
      ? ` Position ${formatWhole(skipped[0].position)} is left out of these numbers: its position vector is zero.`
      : ` Positions ${listPositions(skipped.map((token) => token.position))} are left out of these numbers: their position vectors are zero.`);

  const setting = `With ${kind} positions and ${scaleBrief}`;
  const kept = gapWith / gapWithout;
  let title;
  if (kind === 'none') title = 'Without positions only meaning shapes similarity: related words stand out';
  else if (minWithPE >= COLLAPSED) title = `${setting}, every pair of positioned tokens has similarity ${formatCosine(Math.floor(minWithPE * 1000) / 1000)} or more: the meaning is drowned`;
  else if (related === unrelated) title = `${setting}, the similarity of ${name(related)} goes from ${formatCosine(related.withoutPE)} to ${formatCosine(related.withPE)}`;
  else if (kept >= KEPT) title = `${setting}, related words still stand out from unrelated ones`;
  else if (kept >= LOST) title = `${setting}, related words still stand out, but by less than half as much as without positions`;
  else title = `${setting}, similarity follows the positions more than the meaning`;
  return { related, unrelated, minWithPE, title, note };
}
