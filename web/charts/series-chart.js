// One or more series over whole numbers x = first .. first + n - 1 on an SVG chart with labelled
// axes, read point by point: pointing at an x, or Tab to the chart and the left and right arrow
// keys (Home, End), writes the description of that x into a readout line under the chart.
import { scaleLinear } from 'd3-scale';
import { drawAxis, svgElement } from './svg.js';
import { createSvgReadout } from './svg-readout.js';
import { element } from './figure.js';
import { textWidth } from './cell-canvas.js';

const MARGIN = { top: 12, right: 14, bottom: 50, left: 62 };
const MARKER_SPACING = 7; // px between points before each gets a dot

/**
 * label: the chart's accessible name; hint: what the readout says when no x is in use. Returns
 * { element, draw(layout) } with layout
 *   { width, height, first, series: [{ values, color, dashed }], xLabel, yLabel, yDomain,
 *     xFormat, yFormat, describe(index) }
 * values[index] is the series at x = first + index; yDomain [low, high] the y axis.
 */
export function createSeriesChart({ label, hint }) {
  const wrapper = element('div', 'series-chart');
  const svg = svgElement('svg', { role: 'img', 'aria-label': `${label}. Use the arrow keys to read each point.` });
  const reading = createSvgReadout(svg, { hint });
  wrapper.append(svg, reading.readout);

  return {
    element: wrapper,
    draw({ width, height, first, series, xLabel, yLabel, yDomain, xFormat = (value) => String(value), yFormat, describe }) {
      const n = series[0].values.length;
      const right = width - MARGIN.right;
      const bottom = height - MARGIN.bottom;
      // One x alone sits in the middle of the plot.
      const x = scaleLinear()
        .domain(n > 1 ? [first, first + n - 1] : [first - 1, first + 1])
        .range([MARGIN.left, right]);
      const y = scaleLinear().domain(yDomain).range([bottom, MARGIN.top]).nice();
      svg.replaceChildren();
      svg.setAttribute('width', width);
      svg.setAttribute('height', height);
      // Whole-number ticks, each label clear of the last by 16 px.
      const room = textWidth(xFormat(first + n - 1)) + 16;
      const xTicks = [];
      for (const tick of x.ticks(Math.max(2, Math.floor((right - MARGIN.left) / room)))) {
        if (
          Number.isInteger(tick) &&
          tick >= first &&
          tick < first + n &&
          (xTicks.length === 0 || x(tick) - x(xTicks[xTicks.length - 1]) >= room)
        )
          xTicks.push(tick);
      }
      drawAxis(svg, x, { side: 'bottom', at: bottom, length: bottom - MARGIN.top, label: xLabel, ticks: xTicks, format: xFormat });
      drawAxis(svg, y, { side: 'left', at: MARGIN.left, length: right - MARGIN.left, label: yLabel, ticks: 5, format: yFormat });
      const spacing = n > 1 ? (right - MARGIN.left) / (n - 1) : Infinity;
      for (const { values, color, dashed } of series) {
        const points = Array.from(values, (value, i) => `${x(first + i).toFixed(1)},${y(value).toFixed(1)}`);
        svg.append(
          svgElement('polyline', {
            points: points.join(' '),
            fill: 'none',
            stroke: color,
            'stroke-width': 2,
            ...(dashed ? { 'stroke-dasharray': '6 4' } : {}),
          }),
        );
        // A dashed line shows only between points: alone, its point gets a dot too.
        if (spacing >= MARKER_SPACING && (!dashed || n === 1)) {
          const dots = svgElement('g', { fill: color });
          for (const point of points) {
            const [cx, cy] = point.split(',');
            dots.append(svgElement('circle', { cx, cy, r: 2.5 }));
          }
          svg.append(dots);
        }
      }
      const band = Math.min(spacing, right - MARGIN.left);
      reading.draw({
        rows: 1,
        cols: n,
        itemAt: (px) => ({ row: 0, col: Math.round(x.invert(px)) - first }),
        box: (row, col) => {
          const left = Math.max(MARGIN.left, x(first + col) - band / 2);
          return { x: left, y: MARGIN.top, width: Math.min(right, x(first + col) + band / 2) - left, height: bottom - MARGIN.top };
        },
        describe: (row, col) => describe(col),
      });
    },
  };
}
