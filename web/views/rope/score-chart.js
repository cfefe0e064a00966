// Scores against the offset n - m as lines, one per series, read offset by offset: point at the
// chart, or Tab to it and use the left and right arrow keys (Home, End). A series chart
// (charts/series-chart.js) in a figure, with thinner lines and a line at score 0.
import { createFigure } from '../../charts/figure.js';
import { createSeriesChart } from '../../charts/series-chart.js';
import { formatWhole } from '../../lib/format.js';

const HEIGHT = 250;
const X_LABEL = 'offset n − m (key position − query position)';
const HINT = 'Point at the chart, or Tab to it and use the left and right arrow keys, to read the scores at one offset.';
// Up to 4,097 offsets: no dots, and a marker wide enough to see.
const LOOK = {
  margin: { top: 10, right: 14, bottom: 48, left: 60 },
  line: { width: 1.8, dashedWidth: 2.5, dash: '6 5' },
  dots: false,
  zeroLine: true,
  yTicks: 6,
  yNice: 6,
  minMarker: 3,
  clipMarker: false,
};

/** Returns { figure, body, setTitle, setNote, update({ count, series: [{ label, color, dashed,
 *  values }], width, yLabel, describe(j), name, settings }) }: values[j] is the score at offset j
 *  (0 .. count - 1); name and settings name the figure's files (lib/figure-data.js). */
export function createScoreChart() {
  const frame = createFigure({ title: '' });
  const chart = createSeriesChart({ hint: HINT, className: 'rope-chart' });
  frame.body.append(chart.element);
  let legendKey = '';

  return {
    figure: frame.figure,
    body: frame.body,
    setTitle: frame.setTitle,
    setNote: frame.setNote,
    update({ count, series, width, yLabel, describe, name, settings }) {
      frame.setData(() => ({
        name,
        settings,
        columns: [X_LABEL, ...series.map(({ label }) => `${yLabel}: ${label}`)],
        rows: Array.from({ length: count }, (_, j) => [j, ...series.map(({ values }) => values[j])]),
      }));
      let [low, high] = [0, 0];
      for (const { values } of series) {
        for (const v of values) {
          if (v < low) low = v;
          if (v > high) high = v;
        }
      }
      chart.draw({
        width,
        height: HEIGHT,
        first: 0,
        series,
        xLabel: X_LABEL,
        yLabel,
        yDomain: [low, high],
        xFormat: formatWhole,
        xTicks: Math.max(2, Math.floor(width / 90)),
        label: `${yLabel} against the offset, 0 to ${count - 1}. Use the arrow keys to read each offset.`,
        look: LOOK,
        describe,
      });
      const key = series.map(({ label, color }) => label + color).join();
      if (key !== legendKey) {
        legendKey = key;
        frame.setLegend(series.map(({ label, color, dashed }) => ({ label, color, shape: dashed ? 'dashed' : 'line' })));
      }
    },
  };
}
