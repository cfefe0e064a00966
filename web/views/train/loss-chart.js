// Every run's loss on one chart, log scale, drawn as the steps come: training loss (solid, the
// batch of each step) and held-out loss (dashed with dots, sequences of the trained lengths from
// their own seed). A diverged run ends in a cross at its step. The numbers behind it are the
// core's, in "Show the numbers" and the CSV.
import { scaleLinear, scaleLog } from 'd3-scale';
import { createFigure } from '../../charts/figure.js';
import { clearSvg, drawAxis, svgElement } from '../../charts/svg.js';
import { MUTED_INK } from '../../charts/palette.js';
import { formatShort, formatWhole } from '../../lib/format.js';

const HEIGHT = 300;
const MARGIN = { top: 12, right: 16, bottom: 50, left: 62 };
const FLOOR = 1e-4; // losses below this are drawn at it: the log axis needs a bottom

// The mean loss of each pixel column's steps: a path no longer than the chart is wide.
function trainingPath(losses, x, y, columns) {
  const perColumn = Math.max(1, Math.ceil(losses.length / columns));
  let d = '';
  for (let i = 0; i < losses.length; i += perColumn) {
    const part = losses.slice(i, i + perColumn);
    const mean = part.reduce((sum, value) => sum + value, 0) / part.length;
    d += `${d ? 'L' : 'M'}${x(i + (part.length + 1) / 2).toFixed(1)},${y(Math.max(FLOOR, mean)).toFixed(1)}`;
  }
  return d;
}

function drawRun(svg, run, { x, y, color, columns }) {
  if (run.losses.length)
    svg.append(svgElement('path', { d: trainingPath(run.losses, x, y, columns), fill: 'none', stroke: color, 'stroke-width': 1.5 }));
  const points = run.heldOut.map(({ step, loss }) => [x(step), y(Math.max(FLOOR, loss))]);
  if (points.length) {
    const d = points.map(([px, py], i) => `${i ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`).join('');
    svg.append(svgElement('path', { d, fill: 'none', stroke: color, 'stroke-width': 2, 'stroke-dasharray': '6 4' }));
    const dots = svgElement('g', { fill: color });
    for (const [cx, cy] of points) dots.append(svgElement('circle', { cx: cx.toFixed(1), cy: cy.toFixed(1), r: 2.5 }));
    svg.append(dots);
  }
  if (run.divergedAt) {
    const last = run.losses.length ? run.losses[run.losses.length - 1] : y.domain()[1];
    const [cx, cy] = [x(run.divergedAt), y(Math.max(FLOOR, last))];
    svg.append(
      svgElement('path', {
        d: `M${cx - 5},${cy - 5}L${cx + 5},${cy + 5}M${cx - 5},${cy + 5}L${cx + 5},${cy - 5}`,
        stroke: color,
        'stroke-width': 2.5,
      }),
    );
  }
}

// What to notice: the held-out losses where the runs are now, lowest and highest.
function title(runs, label) {
  const latest = runs.filter((run) => run.heldOut.length > 1).map((run) => ({ run, last: run.heldOut[run.heldOut.length - 1] }));
  if (latest.length < 1) return 'Loss of every scheme as it trains (log scale): lower is better, a flat curve learned nothing';
  latest.sort((a, b) => a.last.loss - b.last.loss);
  const [best, worst] = [latest[0], latest[latest.length - 1]];
  const say = ({ run, last }) => `${label(run.scheme)} (${formatShort(last.loss)} at step ${formatWhole(last.step)})`;
  if (latest.length === 1) return `Held-out loss of ${say(best)}: lower is better, a flat curve learned nothing`;
  return `Lowest held-out loss so far: ${say(best)}; highest: ${say(worst)}`;
}

function table(runs, label) {
  const longest = Math.max(0, ...runs.map((run) => run.losses.length));
  const heldOut = runs.map((run) => new Map(run.heldOut.map(({ step, loss }) => [step, loss])));
  return {
    name: 'training-loss',
    settings: {},
    columns: ['step', ...runs.flatMap((run) => [`${label(run.scheme)} training loss`, `${label(run.scheme)} held-out loss`])],
    rows: Array.from({ length: longest + 1 }, (_, step) => [
      step,
      ...runs.flatMap((run, r) => [step ? (run.losses[step - 1] ?? null) : null, heldOut[r].get(step) ?? null]),
    ]),
  };
}

/** Returns { figure, update({ runs, width, colorOf, label, settings }) }. */
export function createLossChart() {
  const frame = createFigure({ title: '' });
  const svg = svgElement('svg', { class: 'train-chart', role: 'img' });
  frame.body.append(svg);
  frame.setNote(
    'Solid: the loss of each step’s training batch (steps that fall on the same pixel column averaged). Dashed with dots: the loss on held-out sequences of the trained lengths. ✕: a run that diverged.',
  );
  return {
    figure: frame.figure,
    update({ runs, width, colorOf, label, settings }) {
      const steps = Math.max(1, ...runs.map((run) => run.steps));
      const values = runs.flatMap((run) => [...run.losses, ...run.heldOut.map(({ loss }) => loss)]).filter(Number.isFinite);
      const high = Math.max(1, ...values);
      const low = Math.max(FLOOR, Math.min(high / 10, ...values));
      const x = scaleLinear()
        .domain([0, steps])
        .range([MARGIN.left, width - MARGIN.right]);
      const y = scaleLog()
        .domain([low, high])
        .range([HEIGHT - MARGIN.bottom, MARGIN.top])
        .nice();
      const heading = title(runs, label);
      frame.setTitle(heading);
      clearSvg(svg, width, HEIGHT, `${heading}. The numbers are under “Show the numbers”.`);
      const bottom = HEIGHT - MARGIN.bottom;
      drawAxis(svg, x, { side: 'bottom', at: bottom, length: bottom - MARGIN.top, label: 'training step', ticks: 6, format: formatWhole });
      const ticks = y.ticks().filter((tick) => Number.isInteger(Math.log10(tick)));
      drawAxis(svg, y, {
        side: 'left',
        at: MARGIN.left,
        length: width - MARGIN.left - MARGIN.right,
        label: 'loss (log scale)',
        ticks,
        format: formatShort,
      });
      const columns = Math.max(1, Math.round(width - MARGIN.left - MARGIN.right));
      for (const run of runs) drawRun(svg, run, { x, y, color: colorOf(run.scheme), columns });
      frame.setLegend([
        ...runs.map((run) => ({ label: label(run.scheme), color: colorOf(run.scheme), shape: 'line' })),
        { label: 'held-out (dashed)', color: MUTED_INK, shape: 'dashed' },
      ]);
      frame.setData(() => ({ ...table(runs, label), settings }));
    },
  };
}
