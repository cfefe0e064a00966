// What the two similarity matrices say, in a title and a note generated from the numbers: do the
// related words (two different words of one of the core's word groups, pe.vocabularyClusters)
// still stand out from the unrelated ones once the positions are added, and which pair of
// different words is the most alike, without positions and with them.
import { formatCosine, formatSmall, formatWhole, listPositions, quoteToken, tokenText } from '../../lib/format.js';

// When every pair has at least this similarity, the title says so first: every input points
// nearly the same way.
const COLLAPSED = 0.9;

/** word -> its group's name, from pe.vocabularyClusters ([{ cluster, words }]). */
function clusterOf(clusters) {
  return new Map(clusters.flatMap(({ cluster, words }) => words.map((word) => [word, cluster])));
}

// The pair with the largest (sign 1) or smallest (sign -1) value of key; null for no pairs.
function extreme(pairs, key, sign) {
  let best = null;
  for (const pair of pairs) if (!best || sign * (pair[key] - best[key]) > 0) best = pair;
  return best;
}

/**
 * The comparison behind the sentences, for one set of similarities (key 'withoutPE' or 'withPE'):
 * { mostAlike, leastRelated, mostUnrelated, standsOut } where standsOut says whether every
 * related pair is more alike than every unrelated pair (null when one of the two kinds is
 * missing).
 */
function rank(pairs, key) {
  const related = pairs.filter((pair) => pair.related);
  const unrelated = pairs.filter((pair) => !pair.related);
  const leastRelated = extreme(related, key, -1);
  const mostUnrelated = extreme(unrelated, key, 1);
  return {
    mostAlike: extreme(pairs, key, 1),
    leastRelated,
    mostUnrelated,
    standsOut: leastRelated && mostUnrelated ? leastRelated[key] > mostUnrelated[key] : null,
  };
}

/**
 * without, withPE: cosine matrices (n x n) of the token embeddings and of the inputs;
 * positionNorms: length of each token's position vector; clusters: pe.vocabularyClusters, [] for
 * a BPE tokenizer's tokens (no group holds them), or null for real word vectors (GloVe), whose
 * own similarities are the meaning, so no pair is called related or unrelated;
 * scaleBrief: the word vectors' scale in a few words ("word vectors at 0.02 per component").
 * Tokens whose position vector is zero (position 0 for integer and binary) are left out when
 * positions are on: nothing was added to them, so they cannot show what adding positions does.
 * Returns { unit, grouped, pairs, relatedPairs, unrelatedPairs, withoutPE, withPE, minWithPE, title, note }:
 * pairs of different words { a, b, related, withoutPE, withPE }, and rank() of both matrices.
 */
export function summarizeSimilarity({ kind, scaleBrief, tokens, without, withPE, positionNorms, clusters }) {
  const n = tokens.length;
  const group = clusterOf(clusters ?? []);
  const takesPart = (r) => kind === 'none' || positionNorms[r] > 0;
  const pairs = [];
  let minWithPE = null;
  for (let a = 0; a < n; a += 1) {
    if (!takesPart(a)) continue;
    for (let b = a + 1; b < n; b += 1) {
      if (!takesPart(b)) continue;
      if (minWithPE === null || withPE[a * n + b] < minWithPE) minWithPE = withPE[a * n + b];
      const [wordA, wordB] = [tokens[a].text, tokens[b].text];
      // Copies of one token (equal ids under a BPE tokenizer) are alike for a reason of their own.
      if ((tokens[a].id ?? wordA) === (tokens[b].id ?? wordB)) continue;
      const related = group.has(wordA) && group.get(wordA) === group.get(wordB);
      pairs.push({ a, b, related, withoutPE: without[a * n + b], withPE: withPE[a * n + b] });
    }
  }
  const summary = {
    // What the pairs are pairs of: words of the built-in groups, or a BPE tokenizer's tokens,
    // which no group holds (their vectors are seeded by the id).
    unit: clusters === null || clusters.length > 0 ? 'words' : 'tokens',
    grouped: clusters !== null,
    pairs,
    relatedPairs: pairs.filter((pair) => pair.related).length,
    unrelatedPairs: pairs.filter((pair) => !pair.related).length,
    withoutPE: rank(pairs, 'withoutPE'),
    withPE: rank(pairs, 'withPE'),
    minWithPE,
  };
  const skipped = tokens.filter((_, r) => !takesPart(r));
  const skippedNote =
    skipped.length === 0
      ? ''
      : skipped.length === 1
        ? `Position ${formatWhole(skipped[0].position)} is left out of these numbers: its position vector is zero.`
        : `Positions ${listPositions(skipped.map((token) => token.position))} are left out of these numbers: their position vectors are zero.`;
  if (pairs.length === 0) {
    const title =
      skipped.length === 0
        ? `Similarity needs at least two different ${summary.unit}`
        : `Similarity needs at least two different ${summary.unit} whose position vectors are not zero`;
    return { ...summary, title, note: skippedNote };
  }
  return { ...summary, title: title(kind, scaleBrief, tokens, summary), note: note(kind, tokens, summary, skippedNote) };
}

const name = (tokens, { a, b }) => `${quoteToken(tokenText(tokens[a]))} and ${quoteToken(tokenText(tokens[b]))}`;

// "“kitten” and “watched” (0.897) are more alike than “the” and “a” (0.771)".
function beats(tokens, ranked, key) {
  const { mostUnrelated: high, leastRelated: low } = ranked;
  return `${name(tokens, high)} (${formatCosine(high[key])}) are more alike than ${name(tokens, low)} (${formatCosine(low[key])})`;
}

// How far the least alike related pair is above the most alike unrelated one.
function margin(ranked, key) {
  return ranked.leastRelated[key] - ranked.mostUnrelated[key];
}

function range(pairs, key) {
  const values = pairs.map((pair) => pair[key]);
  return `${formatCosine(Math.min(...values))} to ${formatCosine(Math.max(...values))}`;
}

function title(kind, scaleBrief, tokens, summary) {
  const { pairs, relatedPairs, unrelatedPairs, minWithPE, unit } = summary;
  const both = relatedPairs > 0 && unrelatedPairs > 0;
  if (kind === 'none') {
    const start = `Without positions only the ${unit} shape similarity`;
    const { standsOut } = summary.withoutPE;
    if (pairs.length === 1) return `${start}: ${name(tokens, pairs[0])} have similarity ${formatCosine(pairs[0].withoutPE)}`;
    if (!summary.grouped) return `${start}: pairs of different words have similarities from ${range(pairs, 'withoutPE')}`;
    if (relatedPairs === 0 && unit === 'tokens') return `${start}; no two tokens here are related (their vectors are seeded by their ids)`;
    if (relatedPairs === 0) return `${start}; no two words here are related (the word groups are listed below)`;
    if (unrelatedPairs === 0) return `${start}; every pair of different words here is related`;
    return standsOut
      ? `${start}: every related pair is more alike than every unrelated pair`
      : `${start}, and not every related pair stands out: ${beats(tokens, summary.withoutPE, 'withoutPE')}`;
  }
  const setting = `With ${kind} positions and ${scaleBrief}`;
  const { standsOut } = summary.withPE;
  if (minWithPE >= COLLAPSED) {
    // Rounded down, so "or more" holds for the number shown.
    const every = `${setting}, every pair of positioned tokens has similarity ${formatCosine(Math.floor(minWithPE * 1000) / 1000)} or more`;
    if (!both) return `${every}, whatever the ${unit}`;
    if (!standsOut) return `${every}, related or not: the meaning is drowned`;
    const before = summary.withoutPE.standsOut ? ` (${formatSmall(margin(summary.withoutPE, 'withoutPE'))} without positions)` : '';
    return `${every}; related pairs still come first, but only by ${formatSmall(margin(summary.withPE, 'withPE'))}${before}`;
  }
  if (pairs.length === 1) {
    return `${setting}, the similarity of ${name(tokens, pairs[0])} goes from ${formatCosine(pairs[0].withoutPE)} to ${formatCosine(pairs[0].withPE)}`;
  }
  if (relatedPairs === 0) {
    const unrelated = summary.grouped ? `; no two of these ${unit} are related` : '';
    return `${setting}, pairs of different ${unit} have similarities from ${range(pairs, 'withPE')} (${range(pairs, 'withoutPE')} without positions)${unrelated}`;
  }
  if (unrelatedPairs === 0) {
    return `${setting}, every pair of different words here is related; their similarities run from ${range(pairs, 'withPE')} (${range(pairs, 'withoutPE')} without positions)`;
  }
  return standsOut
    ? `${setting}, related words still stand out: every related pair is more alike than every unrelated pair`
    : `${setting}, related words no longer stand out: ${beats(tokens, summary.withPE, 'withPE')}`;
}

function note(kind, tokens, summary, skippedNote) {
  const sentences = [];
  const { withoutPE: before, withPE: after } = summary;
  const both = summary.relatedPairs > 0 && summary.unrelatedPairs > 0;
  if (both) {
    sentences.push(
      `Related pairs are two different words of one word group (listed below): ${formatWhole(summary.relatedPairs)} here, ` +
        `next to ${formatWhole(summary.unrelatedPairs)} unrelated ${summary.unrelatedPairs === 1 ? 'pair' : 'pairs'}.`,
    );
  }
  if (kind === 'none') {
    if (summary.pairs.length > 1)
      sentences.push(
        `Most alike pair of different ${summary.unit}: ${name(tokens, before.mostAlike)}, ${formatCosine(before.mostAlike.withoutPE)}.`,
      );
  } else {
    if (both) {
      sentences.push(
        before.standsOut
          ? 'Without positions every related pair is more alike than every unrelated pair.'
          : `Even without positions not every related pair stands out: ${beats(tokens, before, 'withoutPE')}.`,
      );
    }
    if (summary.pairs.length > 1) {
      const words = ({ a, b }) => [tokens[a].text, tokens[b].text].sort().join(' ');
      const same = words(before.mostAlike) === words(after.mostAlike);
      sentences.push(
        `Most alike pair of different ${summary.unit} without positions: ${name(tokens, before.mostAlike)}, ` +
          `${formatCosine(before.mostAlike.withoutPE)}; ` +
          (same
            ? `with them still ${name(tokens, after.mostAlike)}, ${formatCosine(after.mostAlike.withPE)}.`
            : `with them ${name(tokens, after.mostAlike)}, ${formatCosine(after.mostAlike.withPE)}.`),
      );
    }
  }
  if (skippedNote) sentences.push(skippedNote);
  return sentences.join(' ');
}
