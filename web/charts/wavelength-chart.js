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
import { textWidth } from './cell-canvas.js';

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

const DOT = 4.5; // the largest radius of a pair's mark (drawPairs)

// The places a context line's label can go, with how many of the pairs' marks each covers:
// above the line at the left (where the rising wavelengths are still under it) and under it at
// the right (where they are over it). A label's box runs from 11 px over its baseline to 3 px
// under it.
function labelPlaces(look, { x, y, left, right }, marks, length, width) {
  const { labelGap } = look.context;
  const line = y(length);
  const covered = (baseline, from) =>
    marks.filter(
      (values, i) =>
        x(i) + DOT > from &&
        x(i) - DOT < from + width &&
        values.some((value) => y(value) + DOT > baseline - 11 && y(value) - DOT < baseline + 3),
    ).length;
  return [
    { place: { x: left + 4, y: line - labelGap }, covers: covered(line - labelGap, left + 4) },
    {
      place: { x: right - 4, y: line + labelGap + 10, 'text-anchor': 'end' },
      covers: covered(line + labelGap + 10, right - 4 - width),
    },
  ];
}

// Sets text to the first of its wordings (the full one, then the short one, if any) that has a
// place clear of the marks, or else where the full one covers the fewest. Measured as set (its
// class makes it bolder than the chart font); while the chart is hidden, estimated.
function placeLabel(text, look, plot, marks, length, wordings) {
  let best = null;
  for (const words of wordings) {
    text.textContent = words;
    const width = text.getComputedTextLength() || textWidth(words) * 1.25;
    const clear = labelPlaces(look, plot, marks, length, width).sort((a, b) => a.covers - b.covers)[0];
    if (!best || clear.covers === 0) best = { words, ...clear };
    if (clear.covers === 0) break;
  }
  text.textContent = best.words;
  for (const [name, value] of Object.entries(best.place)) text.setAttribute(name, String(value));
}

// The context lines; their labels, unless they go over the pairs (returned to append last).
// marks: the values drawn for each pair (after scaling, and before when drawn as rings).
function drawContexts(svg, look, plot, contexts, marks) {
  const { stroke, strokeWidth, labelClass, labelFill, labelsOnTop } = look.context;
  const { y, left, right } = plot;
  const labels = [];
  for (const { length, label, short, dash } of contexts) {
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
    const text = svgElement('text', { class: labelClass, ...(labelFill ? { fill: labelFill } : {}) });
    svg.append(text);
    const wordings = [label, ...(short ? [short] : [])].map((words) => `${words} ${formatWhole(length)}`);
    placeLabel(text, look, plot, marks, length, wordings);
    if (labelsOnTop) labels.push(text);
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
 * [{ length, label, short, dash }] the lines across (short: fewer words for
 * the label, used where the full one would cover the pairs); name and settings name the figure's files. The
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
      const marks = Array.from(wavelengths, (value, i) => (look.before.shape === 'ring' ? [value, originalWavelengths[i]] : [value]));
      const labels = drawContexts(svg, look, plot, contexts, marks);
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
