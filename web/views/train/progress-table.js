// Each run's progress: its step, steps per second while playing, the time left, and how it ended
// (done, or diverged at step N: never a NaN).
import { element, setText } from '../../charts/figure.js';
import { formatWhole } from '../../lib/format.js';

/** What a run's status cell says. */
export function runStatus(run) {
  if (run.divergedAt) return `diverged at step ${formatWhole(run.divergedAt)}`;
  if (run.finished) return run.busy ? 'measuring' : 'done';
  return run.step === 0 ? 'ready' : 'training';
}

function seconds(value) {
  if (value < 1) return 'under 1 s';
  return value < 90 ? `${Math.round(value)} s` : `${Math.round(value / 60)} min`;
}

/** Returns { element, update({ runs, rate(run), label(scheme) }) }. */
export function createProgressTable() {
  const table = element('table', 'train-progress');
  const head = element('tr');
  for (const name of ['scheme', 'step', 'steps/s', 'time left', 'status']) {
    const cell = element('th', '', name);
    cell.scope = 'col';
    head.append(cell);
  }
  table.createTHead().append(head);
  const body = element('tbody');
  table.append(body);
  table.dataset.control = 'progress';
  const rows = new Map();

  return {
    element: table,
    update({ runs, rate, label }) {
      const shown = new Set(runs.map(({ scheme }) => scheme));
      for (const [scheme, row] of rows) {
        if (shown.has(scheme)) continue;
        row.line.remove();
        rows.delete(scheme);
      }
      for (const run of runs) {
        if (!rows.has(run.scheme)) {
          const line = element('tr');
          const cells = Array.from({ length: 5 }, () => element('td'));
          line.append(...cells);
          line.dataset.scheme = run.scheme;
          rows.set(run.scheme, { line, cells });
        }
        const { line, cells } = rows.get(run.scheme);
        body.append(line); // in the runs' order
        const speed = rate(run);
        const going = speed && !run.finished;
        const texts = [
          label(run.scheme),
          // A narrow page breaks it after "of" ("600 of" over "100,000"), never before.
          `${formatWhole(run.step)}\u00a0of ${formatWhole(run.steps)}`,
          speed ? formatWhole(Math.round(speed.perSecond)) : '–',
          going ? seconds(speed.secondsLeft) : '–',
          runStatus(run),
        ];
        texts.forEach((text, c) => setText(cells[c], text));
        line.classList.toggle('diverged', Boolean(run.divergedAt));
      }
    },
  };
}
