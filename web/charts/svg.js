// SVG for charts with axes: element creation and a labelled axis drawn from a
// d3 scale (d3 supplies the tick positions; the drawing stays here, with plain DOM).
import { INK, MUTED_INK, GRID_LINE } from './palette.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes; text, if given, is set as textContent. */
export function svgElement(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Empties svg for a new drawing, width x height px; label, when given, is its accessible name. */
export function clearSvg(svg, width, height, label) {
  svg.replaceChildren();
  svg.setAttribute('width', width);
  svg.setAttribute('height', height);
  if (label) svg.setAttribute('aria-label', label);
}

/**
 * Draws a bottom or left axis for scale into parent: ticks, tick labels, light grid lines across
 * the plot (length = the plot's other dimension) and the axis label.
 * options: { side: 'bottom' | 'left', at, length, label, ticks, format }
 * @param {Element} parent
 * @param {any} scale a d3 scale
 * @param {{ side: 'bottom' | 'left', at: number, length: number, label: string, ticks?: number | number[],
 *   format?: (value: number) => string }} options ticks: how many (about), or the tick values
 */
export function drawAxis(parent, scale, { side, at, length, label, ticks = 5, format }) {
  const axis = svgElement('g', { class: `axis axis-${side}` });
  const values = Array.isArray(ticks) ? ticks : scale.ticks(ticks);
  const tickFormat = format ?? scale.tickFormat(ticks);
  const [rangeStart, rangeEnd] = scale.range();
  const bottom = side === 'bottom';
  axis.append(
    svgElement(
      'line',
      bottom
        ? { x1: rangeStart, x2: rangeEnd, y1: at, y2: at, stroke: INK }
        : { x1: at, x2: at, y1: rangeStart, y2: rangeEnd, stroke: INK },
    ),
  );
  for (const value of values) {
    const p = scale(value);
    axis.append(
      svgElement(
        'line',
        bottom
          ? { x1: p, x2: p, y1: at, y2: at - length, stroke: GRID_LINE }
          : { x1: at, x2: at + length, y1: p, y2: p, stroke: GRID_LINE },
      ),
      svgElement(
        'text',
        bottom
          ? { x: p, y: at + 16, 'text-anchor': 'middle', fill: MUTED_INK, class: 'tick-label' }
          : { x: at - 6, y: p, 'text-anchor': 'end', 'dominant-baseline': 'middle', fill: MUTED_INK, class: 'tick-label' },
        tickFormat(value),
      ),
    );
  }
  const middle = (rangeStart + rangeEnd) / 2;
  axis.append(
    svgElement(
      'text',
      bottom
        ? { x: middle, y: at + 36, 'text-anchor': 'middle', fill: INK, class: 'axis-label' }
        : { x: 0, y: 0, transform: `translate(${at - 44} ${middle}) rotate(-90)`, 'text-anchor': 'middle', fill: INK, class: 'axis-label' },
      label,
    ),
  );
  parent.append(axis);
  return axis;
}
