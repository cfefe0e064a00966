// One repeated word, compared with itself: where its copies come apart (the stage strip), their
// vectors as heat strips, and the distances at every stage, under a title that says what the
// numbers show.
import { createFigure, element } from '../../charts/figure.js';
import { listPositions, quoteToken, tokenText } from '../../lib/format.js';
import { createHeatStrips } from './heat-strips.js';
import { createDistanceTable } from './distance-table.js';
import { createStageStrip } from './stage-strip.js';
import { STAGES, agreement, firstDifferingStage } from './stages.js';

// More copies would make the strips a wall; the table already lists every pair of those shown.
const MAX_COPIES_SHOWN = 4;

const HINT = 'Point at a cell, or Tab to a strip and use the arrow keys, to read its exact value.';

const WHERE = {
  input: 'in their inputs',
  queryKey: 'in their queries and keys',
  weights: 'in their attention weights',
  output: 'only in their attention outputs',
};

// What the stage strip below shows, read from the core's verdicts (never from the settings
// alone), so the title cannot contradict it. A verdict of equal is one of float32: a scheme that
// acts may still move the copies by less than float32 resolves (ALiBi with a slope of 1e-9), so
// the title says so; without a scheme, copies the head computes alike are equal exactly.
function summaryFor(pairs, runName, schemeActs) {
  const first = firstDifferingStage(pairs, 'withPE');
  if (!first && !schemeActs) return `identical at every stage ${runName}: nothing here tells the copies apart`;
  if (!first) {
    return (
      `equal in float32 at every stage ${runName}: nothing here tells the copies apart at float32 precision ` +
      '(a smaller difference would not show)'
    );
  }
  const some = agreement(pairs, first, 'withPE') === 'mixed' ? 'some copies' : 'the copies';
  const summary = `${runName}, ${some} first differ ${WHERE[first.key]}`;
  if (first.key === 'output') return summary;
  const outputs = agreement(pairs, STAGES[STAGES.length - 1], 'withPE');
  if (outputs === 'same') return `${summary}, yet their attention outputs are equal in float32`;
  return `${summary}, and ${outputs === 'mixed' ? 'some of ' : ''}their attention outputs differ`;
}

/** Returns { element, update(data) } with data = { group, color, pairs, analysis, runName,
 *  schemeActs, blocks, source }: runName names the run with positions ("with RoPE (rotary)"),
 *  schemeActs whether it has a scheme; blocks and source as heat-strips.js takes them. */
export function createGroupComparison() {
  const { figure, body, setTitle, setNote, setData } = createFigure({ title: '' });
  figure.classList.add('group-comparison');
  const strip = createStageStrip();
  const readout = element('p', 'readout', HINT);
  readout.setAttribute('aria-live', 'polite');
  const strips = createHeatStrips(readout, HINT);
  const table = createDistanceTable();
  body.append(strip.element, strips.element, readout, table.element);

  return {
    element: figure,
    update({ group, color, pairs, analysis, runName, schemeActs, blocks, source }) {
      const shown = group.slice(0, MAX_COPIES_SHOWN);
      const shownPairs = pairs.filter((pair) => shown.includes(pair.b));
      const { tokens } = analysis;
      const positions = shown.map((index) => tokens[index].position);
      if (figure.style.getPropertyValue('--group') !== color) figure.style.setProperty('--group', color);
      setTitle(
        `${quoteToken(tokenText(tokens[group[0]]))} at positions ${listPositions(positions)}: ${summaryFor(shownPairs, runName, schemeActs)}`,
      );
      setNote(group.length > shown.length ? `The word appears ${group.length} times; the first ${shown.length} copies are shown.` : '');
      strip.update(shownPairs, runName);
      strips.update({
        rows: shown.map((index) => ({ index, position: tokens[index].position })),
        dim: analysis.dim,
        source: JSON.stringify([tokens[group[0]].text, source, positions]),
        blocks,
      });
      table.update(shownPairs, tokens);
      // Each copy's vector at each stage drawn, one row per stage and copy, one column per dimension.
      setData(() => ({
        name: `copies-of-${tokens[group[0]].text}`,
        settings: { kind: analysis.kind, dim: analysis.dim },
        columns: ['vector', 'token', 'position', ...Array.from({ length: analysis.dim }, (_, d) => `dim ${d}`)],
        rows: blocks.flatMap(({ name, values }) =>
          shown.map((index) => [
            name,
            tokenText(tokens[index]),
            tokens[index].position,
            ...values.slice(index * analysis.dim, (index + 1) * analysis.dim),
          ]),
        ),
      }));
    },
  };
}
