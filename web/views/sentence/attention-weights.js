// The attention weights of the head, without and with positions, as two tokens x tokens matrices
// on the scale of probabilities (0 to 1): row i is how token i spreads its attention over the
// tokens (each row sums to 1; under the causal mask the upper triangle is 0). A third matrix shows
// what the positions changed, on a scale of its own, since with small word vectors attention is
// nearly even and the changes are small. The copies of a repeated word are the rows to compare:
// the title says, from the core's verdicts, whether they match.
import { createFigure, element } from '../../charts/figure.js';
import { createColorLegend } from '../../charts/color-legend.js';
import { createTokenMatrix } from '../../charts/token-matrix.js';
import { tokenPairTable } from '../shared/token-table.js';
import { trackWidth } from '../../charts/width-tracker.js';
import { formatExact, formatShort, formatWhole, quoteToken, tokenText } from '../../lib/format.js';

const HINT = 'Point at a cell, or Tab to a matrix and use the arrow keys, to read how much one token attends to another.';
const SIDE_BY_SIDE_FROM = 640; // below this width the two matrices stack
const COLUMN_GAP = 24;

// The title, read from the first repeated word's pairs.
function titleFor(analysis, runName) {
  const [group] = analysis.duplicates;
  if (!group) return 'Attention weights: row i shows how token i spreads its attention over the tokens';
  const pairs = analysis.pairs.filter((pair) => pair.group === 0);
  const word = quoteToken(tokenText(analysis.tokens[group[0]]));
  const state = (run) => {
    const differing = pairs.filter((pair) => !pair.identical.weights[run]).length;
    if (differing === 0) return 'equal in float32';
    return differing === pairs.length ? 'different' : 'partly different';
  };
  return `Attention weights: the rows of ${word} are ${state('withoutPE')} without positions and ${state('withPE')} ${runName}`;
}

/** Returns { figure, update({ analysis, runName }) }; the matrices redraw when the figure's width
 *  changes. */
export function createAttentionWeights() {
  const frame = createFigure({
    title: '',
    note: 'Each row sums to 1. Rows are the attending tokens (queries), columns the tokens they attend to (keys).',
  });
  frame.figure.dataset.testid = 'attention-weights';
  const readout = element('p', 'readout', HINT);
  readout.setAttribute('aria-live', 'polite');
  const without = createTokenMatrix({ label: 'Attention weights without positions', readout, hint: HINT });
  const withPE = createTokenMatrix({ label: 'Attention weights with positions', readout, hint: HINT });
  const change = createTokenMatrix({ label: 'Change of each attention weight made by the positions', readout, hint: HINT });
  const pair = element('div', 'matrix-pair');
  pair.append(without.element, withPE.element);
  const legend = createColorLegend('attention weight', { signed: false });
  legend.update(1, formatShort);
  const changeLegend = createColorLegend('change');
  frame.body.append(pair, legend.element, change.element, changeLegend.element, readout);
  let difference = new Float32Array(0);

  let data = null;
  const availableWidth = trackWidth(frame.body, () => draw());
  function draw() {
    const { analysis, runName } = data;
    const { tokens } = analysis;
    const n = tokens.length;
    const available = availableWidth();
    const width = available >= SIDE_BY_SIDE_FROM ? (available - COLUMN_GAP) / 2 : available;
    const plain = analysis.weights.withoutPE;
    const positioned = analysis.weights.withPE;
    if (difference.length !== n * n) difference = new Float32Array(n * n);
    let largestChange = 0;
    for (let e = 0; e < n * n; e += 1) {
      difference[e] = positioned[e] - plain[e];
      largestChange = Math.max(largestChange, Math.abs(difference[e]));
    }
    changeLegend.update(largestChange, formatShort);
    frame.setData(() =>
      tokenPairTable({
        name: 'attention-weights',
        settings: { kind: analysis.kind, dim: analysis.dim, causal: analysis.causal ? 'on' : 'off' },
        tokens,
        rowRole: 'query',
        colRole: 'key',
        matrices: [
          { label: 'weight without positions', values: plain },
          { label: `weight ${runName}`, values: positioned },
          { label: 'change made by the positions', values: difference },
        ],
      }),
    );
    const labels = tokens.map(tokenText);
    const name = (r) => `${quoteToken(tokenText(tokens[r]))} (position ${formatWhole(tokens[r].position)})`;
    const describe = (matrix, run) => (a, b) => `${run}: ${name(a)} gives ${name(b)} weight ${formatExact(matrix[a * n + b])}`;
    const run = runName[0].toUpperCase() + runName.slice(1);
    without.update({ labels, matrix: plain, limit: 1, width, title: 'Without positions', describe: describe(plain, 'without positions') });
    withPE.update({ labels, matrix: positioned, limit: 1, width, title: run, describe: describe(positioned, runName) });
    change.update({
      labels,
      matrix: difference,
      limit: largestChange,
      width,
      title: `Change made by the positions (${runName} minus without)`,
      describe: (a, b) => `change: ${name(a)} gives ${name(b)} ${formatExact(difference[a * n + b])} more ${runName} than without`,
    });
  }

  return {
    figure: frame.figure,
    update(next) {
      data = next;
      frame.setTitle(titleFor(next.analysis, next.runName));
      draw();
    },
  };
}
