// Where position enters, for one repeated word: the four stages of the head side by side
// (input -> queries and keys -> attention weights -> output), each marked "same" or "differs" for
// the word's copies, once without positions and once with the chosen scheme. The stage where the
// copies first come apart with positions is outlined.
import { element, setText } from '../../charts/figure.js';
import { STAGES, agreement, firstDifferingStage } from './stages.js';

// No-break spaces keep each sign with its word when a narrow cell wraps.
const MARKS = { same: '=\u00a0same', differ: '≠\u00a0differs', mixed: '≠\u00a0some differ' };
const RUNS = [
  { run: 'withoutPE', name: 'without positions' },
  { run: 'withPE', name: 'with positions' },
];

/** Returns { element, update(pairs, runName) }; runName names the run with positions. */
export function createStageStrip() {
  const table = element('table', 'stage-strip');
  const caption = element(
    'caption',
    '',
    'Where the copies come apart, stage by stage through the attention head ' +
      '(weights: how each copy spreads its attention; output: what the head passes on)',
  );
  const headRow = element('tr');
  headRow.append(element('td'));
  STAGES.forEach((stage, s) => {
    const cell = element('th', s > 0 ? 'stage-name follows' : 'stage-name', stage.name);
    cell.scope = 'col';
    headRow.append(cell);
  });
  const head = element('thead');
  head.append(headRow);
  const body = element('tbody');
  const rows = RUNS.map(({ run, name }) => {
    const row = element('tr');
    const label = element('th', '', name);
    label.scope = 'row';
    const cells = STAGES.map(() => element('td', 'stage-mark'));
    row.append(label, ...cells);
    body.append(row);
    return { run, label, cells };
  });
  table.append(caption, head, body);

  return {
    element: table,
    update(pairs, runName) {
      setText(rows[1].label, runName);
      for (const { run, cells } of rows) {
        const first = firstDifferingStage(pairs, run);
        STAGES.forEach((stage, s) => {
          const state = agreement(pairs, stage, run);
          setText(cells[s], MARKS[state]);
          cells[s].className = `stage-mark is-${state}${run === 'withPE' && stage === first ? ' is-first' : ''}`;
        });
      }
    },
  };
}
