// One or more series over whole numbers x = first .. first + n - 1 on an SVG chart with labelled
// axes, read point by point: pointing at an x, or Tab to the chart and the left and right arrow
// keys (Home, End), writes the description of that x into a readout line under the chart.
import { scaleLinear } from 'd3-scale';
import { clearSvg, drawAxis, svgElement } from './svg.js';
import { createSvgReadout } from './svg-readout.js';
import { element } from './figure.js';
import { textWidth } from './cell-canvas.js';
import { GRID_LINE } from './palette.js';

const MARKER_SPACING = 7; // px between points before each gets a dot

/** How a series chart is drawn, unless its layout says otherwise (layout.look). */
export const SERIES_LOOK = {
  margin: { top: 12, right: 14, bottom: 50, left: 62 },
  line: { width: 2, dashedWidth: 2, dash: '6 4' },
  dots: true, // a dot on every point once points are MARKER_SPACING px apart
  zeroLine: false, // a line across the plot at y = 0
  yTicks: 5,
  yNice: 10, // the y domain is widened to round numbers for about this many ticks
  minMarker: 0, // the least width of the readout's marker, px
  clipMarker: true, // the marker stays inside the plot
};

// Whole-number ticks from first to last, each label clear of the last by 16 px.
function wholeTicks(x, first, n, xFormat, plotWidth) {
  const room = textWidth(xFormat(first + n - 1)) + 16;
  const ticks = [];
  for (const tick of x.ticks(Math.max(2, Math.floor(plotWidth / room)))) {
    if (Number.isInteger(tick) && tick >= first && tick < first + n && (ticks.length === 0 || x(tick) - x(ticks[ticks.length - 1]) >= room))
      ticks.push(tick);
  }
  return ticks;
}

// A series as an SVG path; with more points than half-pixels, each pixel column is drawn as a
// vertical stroke from its lowest to its highest value, which looks the same and stays small.
function seriesPath(values, x, y, first, columns) {
  const n = values.length;
  let d = '';
  if (n <= 2 * columns) {
    // A value that is not a number (nothing measured there) leaves a gap.
    let pen = 'M';
    for (let j = 0; j < n; j += 1) {
      if (!Number.isFinite(values[j])) pen = 'M';
      else {
        d += `${pen}${x(first + j).toFixed(1)},${y(values[j]).toFixed(1)}`;
        pen = 'L';
      }
    }
    return d;
  }
  const start = (c) => Math.round((c * (n - 1)) / columns);
  for (let c = 0; c < columns; c += 1) {
    let [low, high] = [Infinity, -Infinity];
    for (let j = start(c); j <= start(c + 1); j += 1) [low, high] = [Math.min(low, values[j]), Math.max(high, values[j])];
    const px = x(first + start(c)).toFixed(1);
    d += `${c ? 'L' : 'M'}${px},${y(low).toFixed(1)}L${px},${y(high).toFixed(1)}`;
  }
  return d;
}

// Each series' line, and its points as dots where they are far enough apart.
function drawSeries(svg, { series, x, y, first, look, spacing }) {
  const n = series[0].values.length;
  const columns = Math.min(n, Math.ceil(x.range()[1] - x.range()[0]));
  const { width, dashedWidth, dash } = look.line;
  for (const { values, color, dashed } of series) {
    svg.append(
      svgElement('path', {
        d: seriesPath(values, x, y, first, columns),
        fill: 'none',
        stroke: color,
        'stroke-width': dashed ? dashedWidth : width,
        ...(dashed ? { 'stroke-dasharray': dash } : {}),
      }),
    );
    // A dashed line shows only between points: alone, its point gets a dot too.
    if (look.dots && spacing >= MARKER_SPACING && (!dashed || n === 1)) {
      const dots = svgElement('g', { fill: color });
      values.forEach((value, i) => {
        if (Number.isFinite(value)) dots.append(svgElement('circle', { cx: x(first + i).toFixed(1), cy: y(value).toFixed(1), r: 2.5 }));
      });
      svg.append(dots);
    }
  }
}

/**
 * Values that are not finite numbers are left out (a gap in the line).
 * label: the chart's accessible name; hint: what the readout says when no x is in use;
 * className: the svg's class. Returns { element, svg, draw(layout) } with layout
 *   { width, height, first, series: [{ values, color, dashed }], xLabel, yLabel, yDomain,
 *     xFormat, yFormat, xTicks, label, look, describe(index) }
 * values[index] is the series at x = first + index; yDomain [low, high] the y axis; xTicks, when
 * given, how many ticks (about) the x axis gets instead of as many whole numbers as fit; label a
 * new accessible name; look, what differs from SERIES_LOOK.
 */
export function createSeriesChart({ label = '', hint, className = '' }) {
  const wrapper = element('div', 'series-chart');
  const svg = svgElement('svg', { ...(className ? { class: className } : {}), role: 'img' });
  if (label) svg.setAttribute('aria-label', `${label}. Use the arrow keys to read each point.`);
  const reading = createSvgReadout(svg, { hint });
  wrapper.append(svg, reading.readout);

  return {
    element: wrapper,
    svg,
    draw(layout) {
      const { width, height, first, series, xLabel, yLabel, yDomain, xFormat = (value) => String(value), yFormat, describe } = layout;
      const look = { ...SERIES_LOOK, ...layout.look };
      const { margin } = look;
      const n = series[0].values.length;
      const right = width - margin.right;
      const bottom = height - margin.bottom;
      // One x alone sits in the middle of the plot.
      const x = scaleLinear()
        .domain(n > 1 ? [first, first + n - 1] : [first - 1, first + 1])
        .range([margin.left, right]);
      const y = scaleLinear().domain(yDomain).range([bottom, margin.top]).nice(look.yNice);
      clearSvg(svg, width, height, layout.label);
      const xTicks = layout.xTicks ?? wholeTicks(x, first, n, xFormat, right - margin.left);
      drawAxis(svg, x, { side: 'bottom', at: bottom, length: bottom - margin.top, label: xLabel, ticks: xTicks, format: xFormat });
      drawAxis(svg, y, { side: 'left', at: margin.left, length: right - margin.left, label: yLabel, ticks: look.yTicks, format: yFormat });
      if (look.zeroLine)
        svg.append(svgElement('line', { x1: margin.left, x2: right, y1: y(0), y2: y(0), stroke: GRID_LINE, 'stroke-width': 2 }));
      const spacing = n > 1 ? (right - margin.left) / (n - 1) : Infinity;
      drawSeries(svg, { series, x, y, first, look, spacing });
      const band = Math.max(look.minMarker, Math.min(spacing, right - margin.left));
      const clip = look.clipMarker ? [margin.left, right] : [-Infinity, Infinity];
      reading.draw({
        rows: 1,
        cols: n,
        itemAt: (px) => ({ row: 0, col: Math.round(x.invert(px)) - first }),
        box: (row, col) => {
          const left = Math.max(clip[0], x(first + col) - band / 2);
          return { x: left, y: margin.top, width: Math.min(clip[1], x(first + col) + band / 2) - left, height: bottom - margin.top };
        },
        describe: (row, col) => describe(col),
      });
    },
  };
}
