// Scores against the offset n - m as lines, one per series, read offset by offset: point at the
// chart, or Tab to it and use the left and right arrow keys (Home, End).
import { scaleLinear } from 'd3-scale';
import { createFigure } from '../../charts/figure.js';
import { drawAxis, svgElement } from '../../charts/svg.js';
import { createSvgReadout } from '../../charts/svg-readout.js';
import { GRID_LINE } from '../../charts/palette.js';
import { formatWhole } from '../shared/format.js';

const HEIGHT = 250;
const X_LABEL = 'offset n − m (key position − query position)';
const MARGIN = { top: 10, right: 14, bottom: 48, left: 60 };
const HINT = 'Point at the chart, or Tab to it and use the left and right arrow keys, to read the scores at one offset.';

/** Returns { figure, setTitle, setNote, update({ count, series: [{ label, color, dashed, values }],
 *  width, yLabel, describe(j), name, settings }) }: values[j] is the score at offset j (0 .. count - 1);
 *  name and settings name the figure's files (lib/figure-data.js). */
export function createScoreChart() {
  const frame = createFigure({ title: '' });
  const svg = svgElement('svg', { class: 'rope-chart', role: 'img' });
  const reading = createSvgReadout(svg, { hint: HINT });
  frame.body.append(svg, reading.readout);
  let key = '';

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
      let low = 0;
      let high = 0;
      for (const { values } of series) for (const v of values) ((low = v < low ? v : low), (high = v > high ? v : high));
      const x = scaleLinear()
        .domain([0, count - 1])
        .range([MARGIN.left, width - MARGIN.right]);
      const y = scaleLinear()
        .domain([low, high])
        .nice(6)
        .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
      svg.replaceChildren();
      svg.setAttribute('width', width);
      svg.setAttribute('height', HEIGHT);
      svg.setAttribute('aria-label', `${yLabel} against the offset, 0 to ${count - 1}. Use the arrow keys to read each offset.`);
      drawAxis(svg, x, {
        side: 'bottom',
        at: y.range()[0],
        length: HEIGHT - MARGIN.top - MARGIN.bottom,
        label: X_LABEL,
        ticks: Math.max(2, Math.floor(width / 90)),
        format: formatWhole,
      });
      drawAxis(svg, y, { side: 'left', at: MARGIN.left, length: width - MARGIN.left - MARGIN.right, label: yLabel, ticks: 6 });
      svg.append(svgElement('line', { x1: x(0), x2: x(count - 1), y1: y(0), y2: y(0), stroke: GRID_LINE, 'stroke-width': 2 }));
      // With more offsets than half-pixels, each pixel column draws its lowest and highest score.
      const columns = Math.min(count, Math.ceil(x(count - 1) - x(0)));
      const first = (c) => Math.round((c * (count - 1)) / columns);
      for (const { color, dashed, values } of series) {
        let d = '';
        if (count <= 2 * columns) {
          for (let j = 0; j < count; j += 1) d += `${j ? 'L' : 'M'}${x(j).toFixed(1)},${y(values[j]).toFixed(1)}`;
        } else {
          for (let c = 0; c < columns; c += 1) {
            let [low, high] = [Infinity, -Infinity];
            for (let j = first(c); j <= first(c + 1); j += 1) [low, high] = [Math.min(low, values[j]), Math.max(high, values[j])];
            const px = x(first(c)).toFixed(1);
            d += `${c ? 'L' : 'M'}${px},${y(low).toFixed(1)}L${px},${y(high).toFixed(1)}`;
          }
        }
        svg.append(
          svgElement('path', {
            d,
            fill: 'none',
            stroke: color,
            'stroke-width': dashed ? 2.5 : 1.8,
            ...(dashed ? { 'stroke-dasharray': '6 5' } : {}),
          }),
        );
      }
      const step = Math.max(3, x(1) - x(0));
      reading.draw({
        rows: 1,
        cols: count,
        itemAt: (px) => ({ row: 0, col: Math.round(x.invert(px)) }),
        box: (row, j) => ({ x: x(j) - step / 2, y: MARGIN.top, width: step, height: y.range()[0] - MARGIN.top }),
        describe: (row, j) => describe(j),
      });
      const legendKey = series.map(({ label, color }) => label + color).join();
      if (legendKey !== key) {
        key = legendKey;
        frame.setLegend(series.map(({ label, color, dashed }) => ({ label, color, shape: dashed ? 'dashed' : 'line' })));
      }
    },
  };
}
