// The duplicate-comparison panel (data-testid="divergence"): one comparison per repeated word,
// in that word's colour, after notes on what the causal mask and saturated attention do here.
// Every note is read from the core's verdicts on these copies. Comparisons are reused between
// keystrokes, so their canvases are redrawn rather than rebuilt.
import { element, setText } from '../../charts/figure.js';
import { CATEGORY_COLORS } from '../../charts/palette.js';
import { formatShort, formatWhole } from '../../lib/format.js';
import { createGroupComparison } from './group-comparison.js';

// One colour per repeated word, and no more words than distinct colours (Okabe-Ito has seven).
export const MAX_GROUPS_SHOWN = CATEGORY_COLORS.length;

// What a scheme that adds no vector does instead, for the heat strips' middle block.
const INSTEAD = {
  none: 'nothing is added',
  queryKey: 'it rotates the queries and keys instead',
  scores: 'it biases the attention scores instead',
};

const count = (pairs, test) => pairs.filter(test).length;

// What the mask does to these copies without positions, from the core's verdicts.
function causalNote(pairs, causal) {
  if (!causal) {
    return (
      'No mask: every token attends to every token, so without positions attention treats its input as an ' +
      'unordered set and the copies of a word get identical outputs wherever they stand.'
    );
  }
  const intro =
    'Causal mask on: each token attends only to itself and the tokens before it, so the copies of a word ' +
    'see different stretches of the sentence. ';
  const total = pairs.length;
  const apart = count(pairs, (pair) => !pair.identical.context.withoutPE);
  if (total === 0) return intro.trim();
  if (apart === total)
    return `${intro}Even without positions, every pair of copies here gets different outputs: the mask alone leaks word order.`;
  if (apart > 0) {
    return (
      `${intro}Even without positions, ${formatWhole(apart)} of the ${formatWhole(total)} pairs of copies here get ` +
      'different outputs: the mask alone leaks word order to them.'
    );
  }
  const weightsApart = count(pairs, (pair) => !pair.identical.weights.withoutPE);
  return weightsApart > 0
    ? `${intro}Without positions their attention weights differ, yet here their outputs come out equal in float32: ` +
        'each copy’s stretch mixes the same values in the same proportions.'
    : `${intro}Without positions the copies here still get outputs equal in float32.`;
}

// Copies whose inputs differ but whose attention outputs do not: why, from their rows of weights.
function saturationNote(pairs, analysis, scheme) {
  const matched = pairs.filter((pair) => !pair.identical.input.withPE && pair.identical.context.withPE);
  if (matched.length === 0) return '';
  const n = analysis.tokens.length;
  const weights = analysis.weights.withPE;
  let largest = 0;
  let gap = 0; // the largest difference between two copies' weights for one token
  for (const { a, b } of matched) {
    for (let j = 0; j < n; j += 1) {
      largest = Math.max(largest, weights[a * n + j], weights[b * n + j]);
      gap = Math.max(gap, Math.abs(weights[a * n + j] - weights[b * n + j]));
    }
  }
  const how = matched.every((pair) => pair.identical.weights.withPE)
    ? 'Those copies spread their attention over the tokens in the same way (rows of attention weights equal in ' +
      'float32), so they mix the same values.'
    : `Those copies' rows of attention weights differ by at most ${formatShort(gap)}, too little to move any output ` +
      'at float32 precision.';
  const why = scheme.name === 'integer' ? ' Integer positions make the attention scores grow with the square of the positions.' : '';
  return (
    `Why are some attention outputs equal in float32 although the inputs differ? ${how} ` +
    `The largest weight in their rows is ${formatShort(largest)}.${why}`
  );
}

// The strips' colour scales, fixed by what the values can be rather than by this sentence's
// extremes, so colours mean the same in every comparison: embeddings and queries to 4 standard
// deviations of the embedding (beyond that a cell keeps the end colour), positions to the largest
// value the scheme's table holds here (1 for binary and sinusoidal, the last position for integer).
function colorLimits(analysis, embeddingStd) {
  const token = 4 * embeddingStd;
  let position = 0;
  for (const value of analysis.positionEncoding) position = Math.max(position, Math.abs(value));
  return { token, position, input: token + position };
}

// The heat strips' blocks: what goes into the head, and for a scheme acting on queries and keys,
// the queries before and after it acts.
function stripBlocks(analysis, scheme, limits) {
  const added =
    scheme.actsOn === 'input'
      ? `+ ${scheme.label} positional encoding${scheme.name === 'binary' ? ' (bit 0, the least significant, on the left: the reverse of how a binary number is written)' : ''}`
      : `+ no positional vector: ${INSTEAD[scheme.actsOn]}`;
  const blocks = [
    { name: 'token embedding', title: 'Token embedding', values: analysis.tokenEmbedding, limit: limits.token },
    { name: 'positional encoding', title: added, values: analysis.positionEncoding, limit: limits.position },
    { name: 'input (token + position)', title: '= input to attention', values: analysis.input, limit: limits.input },
  ];
  if (scheme.actsOn === 'queryKey') {
    blocks.push(
      { name: 'query before rotation', title: 'Query x W_q, before the rotation', values: analysis.query.withoutPE, limit: limits.token },
      {
        name: 'query after rotation',
        title: `Query turned by ${scheme.label}: each pair by its position × θ`,
        values: analysis.query.withPE,
        limit: limits.token,
      },
    );
  }
  return blocks;
}

/** Returns { element, update(data) } with data = { analysis, scheme, runName, causal,
 *  embeddingStd }. */
export function createDivergencePanel() {
  const panel = element('section', 'divergence');
  panel.dataset.testid = 'divergence';
  panel.setAttribute('aria-label', 'Copies of repeated words compared');
  const causalLine = element('p', 'causal-note');
  const saturationLine = element('p', 'causal-note saturation-note');
  const empty = element(
    'p',
    'view-message',
    'No word appears twice in this text, so there is nothing to compare. Try one of the examples.',
  );
  const overflow = element('p', 'figure-note');
  const list = element('div', 'group-list');
  panel.append(causalLine, saturationLine, empty, list, overflow);
  const comparisons = [];

  return {
    element: panel,
    update({ analysis, scheme, runName, causal, embeddingStd }) {
      const groups = analysis.duplicates.slice(0, MAX_GROUPS_SHOWN);
      const pairs = analysis.pairs.filter((pair) => pair.group < groups.length);
      setText(causalLine, causalNote(pairs, causal));
      causalLine.classList.toggle('is-causal', causal);
      const saturation = saturationNote(pairs, analysis, scheme);
      saturationLine.hidden = !saturation;
      setText(saturationLine, saturation);
      empty.hidden = groups.length > 0;
      const hiddenGroups = analysis.duplicates.length - groups.length;
      overflow.hidden = hiddenGroups === 0;
      setText(
        overflow,
        `${formatWhole(hiddenGroups)} more repeated ${hiddenGroups === 1 ? 'word is' : 'words are'} not drawn (one colour per word, ${MAX_GROUPS_SHOWN} colours).`,
      );

      while (comparisons.length < groups.length) comparisons.push(createGroupComparison());
      if (list.childElementCount !== groups.length) list.replaceChildren(...comparisons.slice(0, groups.length).map((c) => c.element));
      const limits = colorLimits(analysis, embeddingStd);
      const blocks = stripBlocks(analysis, scheme, limits);
      // Embeddings depend only on the word; positions and queries on the settings below.
      const source = JSON.stringify([scheme.name, analysis.schemeOptions, analysis.dim, analysis.start, causal]);
      groups.forEach((group, g) => {
        comparisons[g].update({
          group,
          color: CATEGORY_COLORS[g],
          pairs: pairs.filter((pair) => pair.group === g),
          analysis,
          runName,
          schemeActs: scheme.actsOn !== 'none',
          blocks,
          source,
        });
      });
    },
  };
}
