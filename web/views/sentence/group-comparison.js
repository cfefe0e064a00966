// One repeated word, compared with itself: the copies' vectors as heat strips and the distances
// between them, under a title that says whether positions told the copies apart.
import { createFigure, element } from '../../charts/figure.js';
import { listPositions, quoteToken } from '../shared/format.js';
import { createHeatStrips } from './heat-strips.js';
import { createDistanceTable } from './distance-table.js';

// More copies would make the strips a wall; the table already lists every pair of those shown.
const MAX_COPIES_SHOWN = 4;

const HINT = 'Point at a cell, or Tab to a strip and use the arrow keys, to read its exact value.';

// 'same' when every pair is at distance 0, 'differ' when none is, otherwise 'mixed'.
function agreement(pairs, distance) {
  const same = pairs.filter((pair) => distance(pair) === 0).length;
  if (same === pairs.length) return 'same';
  return same === 0 ? 'differ' : 'mixed';
}

// What the table below shows, read from its numbers (never from the settings alone), so the
// title cannot contradict it. The copies' inputs without positions are always identical: the
// same word has the same embedding.
function summaryFor(pairs, kind) {
  const inputs = agreement(pairs, (pair) => pair.inputDistance.withPE);
  const outputsWithout = agreement(pairs, (pair) => pair.contextDistance.withoutPE);
  const outputs = agreement(pairs, (pair) => pair.contextDistance.withPE);
  const some = (state) => (state === 'mixed' ? 'some of ' : '');
  if (inputs === 'same') {
    const why = kind === 'none' ? 'with no positions added' : `the ${kind} position vectors are the same`;
    if (outputs === 'same') return `${why}, the copies stay identical`;
    return kind === 'none'
      ? `identical inputs; the causal mask alone makes ${some(outputs)}their attention outputs differ`
      : `${why}, so the inputs stay identical; the causal mask alone makes ${some(outputs)}their attention outputs differ`;
  }
  const inputPart = inputs === 'mixed'
    ? `some copies get the same ${kind} position vector and keep identical inputs`
    : 'the positions make the inputs differ';
  if (outputs === 'same') return `${inputPart}, yet the attention outputs stay identical`;
  if (outputs === 'mixed') return `${inputPart}, but some attention outputs stay identical`;
  if (outputsWithout !== 'same') return `${inputPart}; the causal mask already makes ${some(outputsWithout)}the attention outputs differ without them`;
  return inputs === 'mixed' ? inputPart : 'identical until the positions are added';
}

function titleFor(word, positions, pairs, kind) {
  return `${quoteToken(word)} at positions ${listPositions(positions)}: ${summaryFor(pairs, kind)}`;
}

/** Returns { element, update(data) }; data = { group, color, pairs, analysis, dim, kind, limits }. */
export function createGroupComparison() {
  const { figure, body, setTitle, setNote } = createFigure({ title: '' });
  figure.classList.add('group-comparison');
  const readout = element('p', 'readout', HINT);
  readout.setAttribute('aria-live', 'polite');
  const strips = createHeatStrips(readout, HINT);
  const table = createDistanceTable();
  body.append(strips.element, readout, table.element);

  return {
    element: figure,
    update({ group, color, pairs, analysis, dim, kind, limits }) {
      const shown = group.slice(0, MAX_COPIES_SHOWN);
      const shownPairs = pairs.filter((pair) => shown.includes(pair.b));
      const { tokens } = analysis;
      const positions = shown.map((index) => tokens[index].position);
      if (figure.style.getPropertyValue('--group') !== color) figure.style.setProperty('--group', color);
      setTitle(titleFor(tokens[group[0]].text, positions, shownPairs, kind));
      setNote(group.length > shown.length
        ? `The word appears ${group.length} times; the first ${shown.length} copies are shown.`
        : '');
      strips.update({
        rows: shown.map((index) => ({ index, position: tokens[index].position })),
        dim,
        // Embeddings depend only on the word and positional encodings only on kind and position.
        source: JSON.stringify([tokens[group[0]].text, kind, dim, positions]),
        blocks: [
          { name: 'token embedding', title: 'Token embedding', values: analysis.tokenEmbedding, limit: limits.token },
          { name: 'positional encoding', title: kind === 'none' ? '+ positional encoding' : `+ ${kind} positional encoding`, values: analysis.positionEncoding, limit: limits.position },
          { name: 'input (token + position)', title: '= input to attention', values: analysis.input, limit: limits.input },
        ],
      });
      table.update(shownPairs, tokens);
    },
  };
}
