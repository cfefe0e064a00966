// The four settings of mask and positions side by side: causal mask off or on, without positions
// or with the chosen scheme, and in each whether the copies of the repeated words come out of the
// head (their attention outputs) equal in float32 or apart. Equal is float32's verdict, and the
// title says so wherever it is given: a setting whose copies come out equal may still move them
// by less than float32 resolves (ALiBi at a slope of 16 with the mask), and must not read as one
// that does not tell them apart. The lecture's argument covers the top row;
// the bottom row is what a decoder like GPT or DeepSeek runs.
import { createFigure, element, setText } from '../../charts/figure.js';
import { formatWhole } from '../../lib/format.js';

const MASKS = [
  { causal: false, name: 'no mask' },
  { causal: true, name: 'causal mask' },
];
const RUNS = [{ run: 'withoutPE' }, { run: 'withPE' }];

// The copies' outputs in one cell: how many pairs differ, out of how many.
function cellState(pairs, run) {
  const apart = pairs.filter((pair) => !pair.identical.context[run]).length;
  return { apart, total: pairs.length };
}

function cellText({ apart, total }) {
  if (total === 0) return '—';
  if (apart === 0) return '= equal in float32';
  return apart === total ? '≠ apart' : `≠ ${formatWhole(apart)} of ${formatWhole(total)} pairs apart`;
}

function joinWords(words) {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Returns { figure, update({ byMask: { false: analysis, true: analysis }, causal, scheme,
 *  runName }) }: the analyses without and with the mask; causal marks the row the view shows. */
export function createMaskTable() {
  const frame = createFigure({ title: '' });
  frame.figure.dataset.testid = 'mask-table';
  const table = element('table', 'mask-table');
  const head = element('thead');
  const headRow = element('tr');
  const runHeads = RUNS.map(() => {
    const cell = element('th');
    cell.scope = 'col';
    return cell;
  });
  setText(runHeads[0], 'without positions');
  headRow.append(element('td'), ...runHeads);
  head.append(headRow);
  const body = element('tbody');
  const rows = MASKS.map(({ name }) => {
    const row = element('tr');
    const label = element('th', '', name);
    label.scope = 'row';
    const cells = RUNS.map(() => element('td', 'mask-cell'));
    row.append(label, ...cells);
    body.append(row);
    return { row, cells };
  });
  table.append(head, body);
  frame.body.append(table);

  return {
    figure: frame.figure,
    update({ byMask, causal, scheme, runName }) {
      setText(runHeads[1], runName);
      const states = MASKS.map(({ causal: masked }) => {
        const { pairs } = byMask[String(masked)];
        return RUNS.map(({ run }) => cellState(pairs, run));
      });
      MASKS.forEach(({ causal: masked }, m) => {
        rows[m].row.classList.toggle('is-current', masked === causal);
        rows[m].cells.forEach((cell, r) => {
          setText(cell, cellText(states[m][r]));
          const { apart, total } = states[m][r];
          cell.className = `mask-cell ${total === 0 ? '' : apart === 0 ? 'is-identical' : 'is-apart'}`;
        });
      });
      if (states[0][0].total === 0) {
        frame.setTitle('Mask and positions: no word repeats here, so there are no copies to tell apart');
        frame.setNote('');
        return;
      }
      // Without a scheme the right column repeats the left: only the mask is a setting of its own.
      const settings =
        scheme.actsOn === 'none'
          ? [{ name: 'the causal mask', state: states[1][0] }]
          : [
              { name: `${scheme.label} alone`, state: states[0][1] },
              { name: 'the causal mask alone', state: states[1][0] },
              { name: 'both together', state: states[1][1] },
            ];
      const named = (test) => settings.filter(({ state }) => test(state)).map(({ name }) => name);
      const apart = named((state) => state.apart === state.total);
      const partly = named((state) => state.apart > 0 && state.apart < state.total);
      const equal = named((state) => state.apart === 0);
      let title =
        apart.length > 0
          ? `What tells the copies apart in the attention outputs: ${joinWords(apart)}`
          : 'Nothing here tells every pair of copies apart in the attention outputs';
      if (partly.length > 0) title += `; ${joinWords(partly)}: only some pairs`;
      if (equal.length > 0) title += `; with ${joinWords(equal)}, equal in float32 (a smaller difference would not show)`;
      frame.setTitle(title);
      frame.setNote(
        'The row of the mask setting shown above is outlined. Equal in float32: equal as computed, or under the causal mask ' +
          'no further apart than float32 rounding can put equal rows; it need not mean equal in exact arithmetic.',
      );
    },
  };
}
