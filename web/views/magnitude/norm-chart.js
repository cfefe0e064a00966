// Length of each token's position vector next to the length of its word vector, on a log axis
// (integer positions are thousands of times longer, so a linear axis would flatten the words to
// zero). Point at a token, or Tab to the chart and use the arrow keys, to read its two lengths.
import { scaleLog } from 'd3-scale';
import { createFigure, element, setText } from '../../charts/figure.js';
import { drawAxis, svgElement } from '../../charts/svg.js';
import { CATEGORY_COLORS, INK, MUTED_INK, PAPER } from '../../charts/palette.js';
import { shorten, textWidth } from '../../charts/cell-canvas.js';
import { createSvgReadout } from '../../charts/svg-readout.js';
import { trackWidth } from '../../charts/width-tracker.js';
import { formatShort, formatWhole, powerOfTen, quoteToken, tokenLabel } from '../../lib/format.js';
import { formatRatio } from './ratio-words.js';

const WORD_COLOR = CATEGORY_COLORS[0]; // blue, solid line, circles
const POSITION_COLOR = CATEGORY_COLORS[4]; // vermilion, dashed line, squares
const HEIGHT = 280; // with a row of words under the axis; without it, WORD_ROW less
const WORD_ROW = 15;
const AXIS_NAME_GAP = 27; // from the last row of tick labels down to the axis name
const MIN_WIDTH = 240; // below this the plot has no room; the page itself is never this narrow
const MARGIN = { top: 12, right: 14, bottom: 66, left: 66 };
const HINT = 'Point at a token, or Tab to the chart and use the arrow keys, to read its lengths.';

// Powers of ten covering the values; every other one when there would be too many to read, and
// 2 and 5 times the lower one when the values fit in one decade (two ticks alone say little).
function decadeTicks(low, high) {
  const ticks = [];
  for (let exponent = Math.log10(low); exponent <= Math.log10(high) + 1e-9; exponent += 1) ticks.push(10 ** Math.round(exponent));
  if (ticks.length === 2) return [ticks[0], 2 * ticks[0], 5 * ticks[0], ticks[1]];
  return ticks.length > 7 ? ticks.filter((_, k) => k % 2 === 0) : ticks;
}

// Up to 100 as written; from 10³ as a power of ten, which fits between the axis name and the
// plot however long integer positions make the vectors (10¹⁰ at the last position).
function formatTick(value) {
  if (value < 1) return formatShort(value);
  const exponent = Math.round(Math.log10(value));
  return exponent >= 3 && 10 ** exponent === value ? powerOfTen(exponent) : formatWhole(value);
}

let chartCount = 0;

// A dot or square drawn by the browser at every vertex of a polyline: one element per series
// instead of one per token, so a keystroke does not create and lay out 128 new elements.
function vertexMarker(id, shape) {
  const marker = svgElement('marker', {
    id,
    viewBox: '0 0 10 10',
    refX: 5,
    refY: 5,
    markerWidth: 10,
    markerHeight: 10,
    markerUnits: 'userSpaceOnUse',
  });
  marker.append(shape);
  return marker;
}

// The readout's sentence for token r.
function describe({ tokens, tokenNorms, positionNorms, ratios }, r) {
  const comparison = positionNorms[r] === 0 ? 'the position adds nothing' : `${formatRatio(ratios[r])} the token's length`;
  const missing = tokens[r].oov ? ' (not in the table of word vectors: a synthetic vector)' : '';
  return (
    `${quoteToken(tokenLabel(tokens[r]))}${missing} at position ${formatWhole(tokens[r].position)}: token ` +
    `${formatShort(tokenNorms[r])}, position ${formatShort(positionNorms[r])} (${comparison})`
  );
}

// The length axis, and under the plot each labelled token's text (when shown) and position.
function drawAxes(axes, { y, x, low, high, labels, labelled, width, bottom }) {
  const plotWidth = width - MARGIN.left - MARGIN.right;
  axes.replaceChildren();
  drawAxis(axes, y, {
    side: 'left',
    at: MARGIN.left,
    length: plotWidth,
    label: 'vector length (log scale)',
    ticks: decadeTicks(low, high),
    format: formatTick,
  });
  const positionRow = bottom + 16 + (labelled ? WORD_ROW : 0); // under the words, if shown
  for (const { r, text, position } of labels) {
    if (text !== null)
      axes.append(svgElement('text', { x: x(r), y: bottom + 16, 'text-anchor': 'middle', fill: INK, class: 'tick-label' }, text));
    axes.append(svgElement('text', { x: x(r), y: positionRow, 'text-anchor': 'middle', fill: MUTED_INK, class: 'tick-label' }, position));
  }
  axes.append(
    svgElement('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: bottom, y2: bottom, stroke: INK }),
    svgElement(
      'text',
      { x: MARGIN.left + plotWidth / 2, y: positionRow + AXIS_NAME_GAP, 'text-anchor': 'middle', fill: INK, class: 'axis-label' },
      labelled ? 'token and its position' : 'position of the token',
    ),
  );
}

// Layers: the axes and labels are rebuilt only when they change (rarely while typing); the two
// series are two polylines whose points are rewritten, with a marker at each vertex.
function createLayers(svg) {
  chartCount += 1;
  const wordMarker = `norm-word-${chartCount}`;
  const positionMarker = `norm-position-${chartCount}`;
  const defs = svgElement('defs');
  defs.append(
    vertexMarker(wordMarker, svgElement('circle', { cx: 5, cy: 5, r: 4, fill: WORD_COLOR })),
    vertexMarker(positionMarker, svgElement('rect', { x: 1, y: 1, width: 8, height: 8, fill: POSITION_COLOR })),
  );
  const axes = svgElement('g');
  const wordLine = svgElement('polyline', { fill: 'none', stroke: WORD_COLOR, 'stroke-width': 2 });
  const positionLine = svgElement('polyline', { fill: 'none', stroke: POSITION_COLOR, 'stroke-width': 2, 'stroke-dasharray': '6 4' });
  const zeros = svgElement('g'); // hollow squares over the markers of zero-length position vectors
  svg.append(defs, axes, wordLine, positionLine, zeros);
  const lines = [
    [wordLine, wordMarker],
    [positionLine, positionMarker],
  ];
  return { axes, wordLine, positionLine, zeros, lines };
}

// What is written under the plot: each token's text (when there is room) and position, or every
// k-th position alone.
function tokenLabels(tokens, step, labelled) {
  const n = tokens.length;
  const widestPosition = textWidth(formatWhole(tokens[n - 1].position));
  const every = labelled ? 1 : Math.ceil((widestPosition + 12) / step);
  const maxCharacters = Math.max(3, Math.floor(step / 8));
  const labels = [];
  for (let r = 0; r < n; r += every) {
    labels.push({ r, text: labelled ? shorten(tokenLabel(tokens[r]), maxCharacters) : null, position: formatWhole(tokens[r].position) });
  }
  return labels;
}

// A hollow square on the floor for each zero-length position vector (a log axis has no 0).
function zeroSquares(positionNorms, x, bottom) {
  const squares = [];
  positionNorms.forEach((norm, r) => {
    if (norm === 0)
      squares.push(
        svgElement('rect', { x: x(r) - 4, y: bottom - 4, width: 8, height: 8, fill: PAPER, stroke: POSITION_COLOR, 'stroke-width': 1.5 }),
      );
  });
  return squares;
}

// Sets or removes the markers at the lines' vertices.
function markVertices(lines, markers) {
  for (const [line, id] of lines) {
    for (const end of ['marker-start', 'marker-mid', 'marker-end']) {
      if (markers) line.setAttribute(end, `url(#${id})`);
      else line.removeAttribute(end);
    }
  }
}

/** Returns { figure, update({ tokens, tokenNorms, positionNorms, ratios, title, words }) }
 *  (ratios: each position length over its token's length); the chart redraws itself when its
 *  width changes. */
export function createNormChart() {
  const frame = createFigure({ title: '' });
  frame.setLegend([
    { label: 'token: length of the token embedding', color: WORD_COLOR, shape: 'line' },
    { label: 'position: length of the positional encoding', color: POSITION_COLOR, shape: 'dashed' },
  ]);
  const words = element('p', 'ratio-words');
  const svg = svgElement('svg', { class: 'norm-chart', role: 'img' });
  const reading = createSvgReadout(svg, { hint: HINT });
  frame.body.append(words, svg, reading.readout);

  const { axes, wordLine, positionLine, zeros, lines } = createLayers(svg);
  let axesKey = '';

  let data = null;
  const availableWidth = trackWidth(frame.body, () => draw());

  function draw() {
    const { tokens, tokenNorms, positionNorms } = data;
    const n = tokens.length;
    const width = Math.max(MIN_WIDTH, availableWidth());
    const plotWidth = width - MARGIN.left - MARGIN.right;
    const bottom = HEIGHT - MARGIN.bottom;
    const step = plotWidth / n;
    // Token labels under the axis when each token has room, else every k-th position.
    const labelled = step >= 40;
    const height = HEIGHT - (labelled ? 0 : WORD_ROW);
    const values = [...tokenNorms, ...positionNorms].filter((value) => value > 0);
    const low = 10 ** Math.floor(Math.log10(Math.min(...values)));
    const high = Math.max(low * 10, 10 ** Math.ceil(Math.log10(Math.max(...values))));
    const y = scaleLog().domain([low, high]).range([bottom, MARGIN.top]);
    const x = (r) => MARGIN.left + (r + 0.5) * step;
    // A log axis has no zero: a zero-length position vector is drawn on the floor, hollow.
    const yOf = (value) => (value > 0 ? y(value) : bottom);

    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('width', width);
    svg.setAttribute('height', height);
    svg.setAttribute('aria-label', `Lengths of the word and position vectors of ${n} tokens, log scale. ${words.textContent}`);

    const labels = tokenLabels(tokens, step, labelled);
    const key = JSON.stringify([width, n, low, high, labels]);
    if (key !== axesKey) {
      axesKey = key;
      drawAxes(axes, { y, x, low, high, labels, labelled, width, bottom });
    }

    const points = (norms) => Array.from(norms, (value, r) => `${x(r).toFixed(1)},${yOf(value).toFixed(1)}`).join(' ');
    wordLine.setAttribute('points', points(tokenNorms));
    positionLine.setAttribute('points', points(positionNorms));
    // Markers only where the tokens are far enough apart to tell them apart.
    const markers = step >= 8;
    markVertices(lines, markers);
    const squares = markers ? zeroSquares(positionNorms, x, bottom) : [];
    if (squares.length > 0 || zeros.childElementCount > 0) zeros.replaceChildren(...squares);
    // One item per token: its whole column, so a pointer anywhere above the token reads it.
    reading.draw({
      rows: 1,
      cols: n,
      itemAt(px) {
        const r = Math.floor((px - MARGIN.left) / step);
        return r >= 0 && r < n ? { row: 0, col: r } : null;
      },
      box: (row, r) => ({ x: x(r) - step / 2, y: MARGIN.top, width: step, height: bottom - MARGIN.top }),
      describe: (row, r) => describe(data, r),
    });
  }

  return {
    figure: frame.figure,
    update(next) {
      data = next;
      frame.setData(() => ({
        name: 'vector-lengths',
        settings: next.settings,
        columns: ['token', 'position', 'length of the token embedding', 'length of the positional encoding', 'position ÷ word'],
        rows: next.tokens.map((token, r) => [tokenLabel(token), token.position, next.tokenNorms[r], next.positionNorms[r], next.ratios[r]]),
      }));
      frame.setTitle(next.title);
      setText(words, next.words);
      frame.setNote(
        next.positionNorms.some((norm) => norm === 0)
          ? 'A hollow square is a position vector of length 0. A log axis has no 0, so it sits on the bottom edge.'
          : '',
      );
      draw();
    },
  };
}
