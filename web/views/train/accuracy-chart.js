// Accuracy by length, one line per scheme, on held-out sequences from length 1 to 4 x the
// training length, the trained lengths shaded: where each scheme falls off. Refreshed as the runs
// measure it (training-run.js), so a line may lag its run's step; the table says at which step.
import { createFigure } from '../../charts/figure.js';
import { SERIES_LOOK, createSeriesChart } from '../../charts/series-chart.js';
import { svgElement } from '../../charts/svg.js';
import { formatWhole } from '../../lib/format.js';
import { ACCURACY_SEQUENCES } from './training-run.js';

const HEIGHT = 280;
const HINT = 'Point at a length, or Tab to the chart and use the left and right arrow keys, to read every scheme’s accuracy there.';
const percent = (value) => (Number.isFinite(value) ? `${Math.round(100 * value)}%` : '–');

// Which schemes hold 90% at twice the trained length, if any was measured there.
function title(measured, length, label) {
  if (!measured.length) return 'Accuracy by length: measured as the runs go, a line per scheme';
  const twice = 2 * length;
  const holding = measured.filter((run) => run.accuracy.accuracy[twice - 1] >= 0.9).map((run) => label(run.scheme));
  const where = `at ${twice}, twice the trained length`;
  if (!holding.length) return `Accuracy by length: no scheme stays above 90% ${where}`;
  return `Accuracy by length: ${holding.join(', ')} ${holding.length === 1 ? 'stays' : 'stay'} above 90% ${where}`;
}

// Every run in the legend from the start, so the chart reads before Play: one without a line yet
// says why.
function legendLabel(run, label) {
  if (run.accuracy) return label(run.scheme);
  if (run.divergedAt) return `${label(run.scheme)}: diverged at step ${formatWhole(run.divergedAt)}, before it was measured`;
  return `${label(run.scheme)}: not measured yet`;
}

// The trained lengths, 1 to length, as a band behind the lines.
function shadeTrained(svg, { width, lengths, length }) {
  const { left, right, top, bottom } = SERIES_LOOK.margin;
  const span = (width - left - right) / Math.max(1, lengths - 1);
  const x0 = left;
  const x1 = Math.min(width - right, left + (length - 1 + 0.5) * span);
  const band = svgElement('rect', {
    x: x0,
    y: top,
    width: x1 - x0,
    height: svg.height.baseVal.value - top - bottom,
    fill: 'var(--band-1)',
    class: 'trained-band',
  });
  svg.insertBefore(band, svg.querySelector('path'));
}

/** Returns { figure, update({ runs, width, length, classes, colorOf, label, settings }) }: classes
 *  is the task's number of answers. */
export function createAccuracyChart() {
  const frame = createFigure({ title: '' });
  const chart = createSeriesChart({
    label: 'Held-out accuracy by sequence length, one line per scheme',
    hint: HINT,
    className: 'train-chart',
  });
  frame.body.append(chart.element);
  return {
    figure: frame.figure,
    update({ runs, width, length, classes, colorOf, label, settings }) {
      const measured = runs.filter((run) => run.accuracy);
      const lengths = 4 * length;
      frame.setTitle(title(measured, length, label));
      frame.setNote(
        `Token accuracy on held-out sequences of their own seed: ${ACCURACY_SEQUENCES.during} per length while a run trains, ${ACCURACY_SEQUENCES.final} at its end. ` +
          `Shaded: lengths 1 to ${length}, the ones trained on. Guessing among the task’s ${classes} answers scores 1 in ${classes} (${percent(1 / classes)}).`,
      );
      frame.setLegend([
        ...runs.map((run) => ({ label: legendLabel(run, label), color: colorOf(run.scheme), shape: 'line' })),
        { label: 'trained lengths', color: 'var(--band-1)' },
      ]);
      const series = measured.length
        ? measured.map((run) => ({ values: run.accuracy.accuracy, color: colorOf(run.scheme) }))
        : [{ values: new Array(lengths).fill(NaN), color: 'none' }]; // axes only, until a run is measured
      chart.draw({
        width,
        height: HEIGHT,
        first: 1,
        series,
        xLabel: 'sequence length',
        yLabel: 'held-out accuracy',
        yDomain: [0, 1],
        xFormat: formatWhole,
        yFormat: percent,
        describe: (i) =>
          `length ${i + 1}: ${measured.map((run) => `${label(run.scheme)} ${percent(run.accuracy.accuracy[i])}`).join(', ') || 'not measured yet'}`,
      });
      shadeTrained(chart.svg, { width, lengths, length });
      frame.setData(() => ({
        name: 'accuracy-by-length',
        settings,
        columns: ['length', ...measured.map((run) => `${label(run.scheme)} (step ${run.accuracy.step})`)],
        rows: Array.from({ length: lengths }, (_, i) => [i + 1, ...measured.map((run) => run.accuracy.accuracy[i])]),
      }));
    },
  };
}
