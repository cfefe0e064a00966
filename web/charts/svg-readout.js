// Reading an SVG chart item by item, as the cell canvas does for its cells: pointing at an item,
// or Tab to the chart and the arrow keys (Home, End), writes its description into a readout line
// under the chart and moves a marker onto it. Items are (row, col) on a rows x cols layout.
import { element, setText } from './figure.js';
import { svgElement } from './svg.js';

const KEY_STEPS = {
  ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0],
};

/**
 * Makes svg focusable and readable; hint is what the readout says when no item is in use.
 * Returns { readout, draw(layout) }: put readout under the chart, and call draw after each
 * redraw of the chart (which may have removed the marker) with
 *   { rows, cols, itemAt(x, y), box(row, col), describe(row, col) }
 * itemAt: the { row, col } under the point (x, y) of the chart, or null; box: the marker's
 * { x, y, width, height } for an item.
 */
export function createSvgReadout(svg, { hint }) {
  svg.setAttribute('tabindex', 0);
  const readout = element('p', 'readout', hint);
  readout.setAttribute('aria-live', 'polite');
  const marker = svgElement('rect', { class: 'chart-marker', visibility: 'hidden' });

  let layout = null;
  let cursor = null; // the keyboard's item, kept while the chart is redrawn
  let hovered = null;
  let focused = false;

  const clamp = ({ row, col }) => ({
    row: Math.max(0, Math.min(layout.rows - 1, row)),
    col: Math.max(0, Math.min(layout.cols - 1, col)),
  });

  // Shows the hovered item, else the keyboard's item while focused, else the hint.
  function show() {
    const item = layout && (hovered ?? (focused ? cursor : null));
    if (!item) {
      marker.setAttribute('visibility', 'hidden');
      setText(readout, hint);
      return;
    }
    for (const [name, value] of Object.entries(layout.box(item.row, item.col))) marker.setAttribute(name, value);
    marker.setAttribute('visibility', 'visible');
    setText(readout, layout.describe(item.row, item.col));
  }

  svg.addEventListener('pointermove', (event) => {
    if (!layout) return;
    const box = svg.getBoundingClientRect();
    const item = layout.itemAt(event.clientX - box.left, event.clientY - box.top);
    const inside = item && item.row >= 0 && item.row < layout.rows && item.col >= 0 && item.col < layout.cols;
    hovered = inside ? item : null;
    show();
  });
  svg.addEventListener('pointerleave', () => {
    hovered = null;
    show();
  });
  svg.addEventListener('focus', () => {
    focused = true;
    if (layout) cursor = clamp(cursor ?? { row: 0, col: 0 });
    show();
  });
  svg.addEventListener('blur', () => {
    focused = false;
    show();
  });
  svg.addEventListener('keydown', (event) => {
    if (!layout || !cursor) return;
    const step = KEY_STEPS[event.key];
    if (step) cursor = clamp({ row: cursor.row + step[0], col: cursor.col + step[1] });
    else if (event.key === 'Home') cursor = { row: cursor.row, col: 0 };
    else if (event.key === 'End') cursor = { row: cursor.row, col: layout.cols - 1 };
    else return;
    event.preventDefault(); // arrows would scroll the page
    hovered = null;
    show();
  });

  return {
    readout,
    draw(next) {
      layout = next;
      if (cursor) cursor = clamp(cursor);
      if (hovered) hovered = clamp(hovered);
      svg.append(marker); // on top of everything the chart drew
      show(); // the values under the pointer or cursor may have changed
    },
  };
}
