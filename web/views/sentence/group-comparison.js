// One repeated word, compared with itself: the copies' vectors as heat strips and the distances
// between them, under a title that says whether positions told the copies apart.
import { createFigure, element } from '../../charts/figure.js';
import { listPositions, quoteToken } from '../shared/format.js';
import { createHeatStrips } from './heat-strips.js';
import { createDistanceTable } from './distance-table.js';

// More copies would make the strips a wall; the table already lists every pair of those shown.
const MAX_COPIES_SHOWN = 4;

const HINT = 'Point at a cell, or Tab to a strip and use the arrow keys, to read its exact value.';

function titleFor(word, positions, pairs, kind) {
  const where = `${quoteToken(word)} at positions ${listPositions(positions)}`;
  if (kind === 'none') return `${where}: with no positions added, the copies stay identical`;
  if (pairs.every((pair) => pair.inputDistance.withPE > 0)) return `${where}: identical until the positions are added`;
  return `${where}: some copies get the same ${kind} position vector and stay identical`;
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
