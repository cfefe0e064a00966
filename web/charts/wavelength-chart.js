// A RoPE configuration's wavelengths, pair by pair (positions per full turn, log scale): before
// scaling and after, the band each pair falls in (kept, blended, divided: pe.ropeBands), and
// context lengths as lines across. Point at a pair, or Tab to the chart and use the arrow keys,
// to read it. The RoPE view and the DeepSeek view draw it, each in its own look (below): the two
// charts were drawn apart before and kept their looks when they became this one; agreeing on one
// look would leave most of a look's fields constant.
import { scaleLinear, scaleLog } from 'd3-scale';
import { clearSvg, drawAxis, svgElement } from './svg.js';
import { createSvgFigure } from './svg-figure.js';
import { formatShort, formatWhole } from '../lib/format.js';

const HEIGHT = 300;

/**
 * What a look holds:
 *   className, hint          the svg's class; what the readout says when no pair is in use
 *   label(pairs)             the chart's accessible name
 *   margin                   { top, right, bottom, left }
 *   pairs                    the x axis: { label, column (its name in the table), padded (half a
 *                            pair of room at each end), grid (lines up the plot), ticks(x, pairs,
 *                            width) (a count or the values) }
 *   lengths                  the y axis: { label, thin (every other decade when more than 6),
 *                            format(length) }
 *   shading                  null, or { fill: { band: colour }, name: { band: label } }: each run of
 *                            pairs in one band shaded and named above the plot
 *   after                    { band: colour } of the dots after scaling
 *   before                   { shape: 'line' | 'ring', color }: the wavelengths before scaling
 *   context                  { stroke, strokeWidth, labelClass, labelFill, labelGap, labelsOnTop }
 *   turn                     the readout's words for a turn ('a turn', 'one turn')
 */

/** [{ band, first, last }]: the runs of neighbouring pairs in one band, in order. */
export function bandRuns(bands) {
  const runs = [];
  bands.forEach((band, i) => {
    if (runs[runs.length - 1]?.band === band) runs[runs.length - 1].last = i;
    else runs.push({ band, first: i, last: i });
  });
  return runs;
}

// The x scale over the pairs and the log y scale up to the decade over every length drawn.
function scales(look, { width, pairs, top }) {
  const { margin } = look;
  const room = look.pairs.padded ? 0.5 : 0;
  const x = scaleLinear()
    .domain([-room, pairs - 1 + room])
    .range([margin.left, width - margin.right]);
  const y = scaleLog()
    .domain([1, 10 ** top])
    .range([HEIGHT - margin.bottom, margin.top]);
  return { x, y, left: margin.left, right: width - margin.right, bottom: HEIGHT - margin.bottom, top: margin.top };
}

function drawShading(svg, look, { x, top, bottom }, bands) {
  for (const { band, first, last } of bandRuns(bands)) {
    const [left, right] = [x(first - 0.5), x(last + 0.5)];
    svg.append(
      svgElement('rect', { x: left, y: top, width: right - left, height: bottom - top, fill: look.shading.fill[band] }),
      svgElement(
        'text',
        { x: (left + right) / 2, y: top - 8, 'text-anchor': 'middle', class: 'band-label' },
        look.shading.name[band] ?? band,
      ),
    );
  }
}

function drawAxes(svg, look, plot, { pairs, width, top }) {
  const { x, y, left, right, bottom } = plot;
  drawAxis(svg, x, {
    side: 'bottom',
    at: bottom,
    length: look.pairs.grid ? bottom - plot.top : 0,
    label: look.pairs.label,
    ticks: look.pairs.ticks(x, pairs, width),
    format: formatWhole,
  });
  const decades = Array.from({ length: top + 1 }, (_, k) => 10 ** k);
  drawAxis(svg, y, {
    side: 'left',
    at: left,
    length: right - left,
    label: look.lengths.label,
    ticks: decades.filter((_, k) => !look.lengths.thin || decades.length <= 6 || k % 2 === 0),
    format: look.lengths.format,
  });
}

// The context lines; their labels, unless they go over the pairs (returned to append last).
function drawContexts(svg, look, { y, left, right }, contexts) {
  const { stroke, strokeWidth, labelClass, labelFill, labelGap, labelsOnTop } = look.context;
  const labels = [];
  for (const { length, label, dash } of contexts) {
    svg.append(
      svgElement('line', {
        x1: left,
        x2: right,
        y1: y(length),
        y2: y(length),
        stroke,
        ...(strokeWidth ? { 'stroke-width': strokeWidth } : {}),
        ...(dash ? { 'stroke-dasharray': dash } : {}),
      }),
    );
    const text = svgElement(
      'text',
      { x: left + 4, y: y(length) - labelGap, class: labelClass, ...(labelFill ? { fill: labelFill } : {}) },
      `${label} ${formatWhole(length)}`,
    );
    if (labelsOnTop) labels.push(text);
    else svg.append(text);
  }
  return labels;
}

function drawPairs(svg, look, { x, y }, { wavelengths, originalWavelengths, bands }) {
  const { shape, color } = look.before;
  if (shape === 'line') {
    svg.append(
      svgElement('polyline', {
        points: Array.from(originalWavelengths, (value, i) => `${x(i).toFixed(1)},${y(value).toFixed(1)}`).join(' '),
        fill: 'none',
        stroke: color,
        'stroke-width': 1.5,
        'stroke-dasharray': '4 3',
      }),
    );
  }
  wavelengths.forEach((value, i) => {
    svg.append(svgElement('circle', { cx: x(i), cy: y(value), r: 3.5, fill: look.after[bands[i]] }));
    if (shape === 'ring')
      svg.append(
        svgElement('circle', { cx: x(i), cy: y(originalWavelengths[i]), r: 4.5, fill: 'none', stroke: color, 'stroke-width': 1.5 }),
      );
  });
}

/**
 * Returns { frame, figure, body, update({ bands, contexts, width, name, settings }) } drawn in
 * look: bands is pe.ropeBands' { wavelengths, originalWavelengths, bands }; contexts
 * [{ length, label, dash }] the lines across; name and settings name the figure's files. The
 * frame's title, legend and note are the caller's. onResize(width), if given, redraws at a new
 * width, and width() is then the figure's.
 */
export function createWavelengthChart({ look, onResize = null }) {
  const { frame, figure, body, svg, reading, width } = createSvgFigure({ className: look.className, hint: look.hint, onResize });

  return {
    frame,
    figure,
    body,
    width,
    update({ bands: measured, contexts, width: full, name, settings }) {
      const { wavelengths, originalWavelengths, bands } = measured;
      const pairs = wavelengths.length;
      const top = Math.ceil(Math.log10(Math.max(...wavelengths, ...contexts.map(({ length }) => length))));
      const plot = scales(look, { width: full, pairs, top });
      clearSvg(svg, full, HEIGHT, look.label(pairs));
      if (look.shading) drawShading(svg, look, plot, bands);
      drawAxes(svg, look, plot, { pairs, width: full, top });
      const labels = drawContexts(svg, look, plot, contexts);
      drawPairs(svg, look, plot, measured);
      svg.append(...labels);
      const { x } = plot;
      const step = pairs > 1 ? x(1) - x(0) : 8;
      reading.draw({
        rows: 1,
        cols: pairs,
        itemAt: (px) => ({ row: 0, col: Math.round(x.invert(px)) }),
        box: (row, i) => ({ x: x(i) - step / 2, y: plot.top, width: step, height: plot.bottom - plot.top }),
        describe: (row, i) =>
          `pair ${i}: ${look.turn} every ${formatShort(originalWavelengths[i])} positions before scaling, ` +
          `${formatShort(wavelengths[i])} after (${bands[i]})`,
      });
      frame.setData(() => ({
        name,
        settings,
        columns: [look.pairs.column, 'positions per turn before scaling', 'positions per turn after scaling', 'band'],
        rows: Array.from(wavelengths, (value, i) => [i, originalWavelengths[i], value, bands[i]]),
      }));
    },
  };
}
