// Reading an SVG chart item by item, as the cell canvas does for its cells: pointing at an item,
// or Tab to the chart and the arrow keys (Home, End), writes its description into a readout line
// under the chart and moves a marker onto it. Items are (row, col) on a rows x cols layout.
import { element, setText } from './figure.js';
import { svgElement } from './svg.js';
import { trackItemSelection } from './item-selection.js';

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
  const selection = trackItemSelection(svg, {
    itemAt(event) {
      const box = svg.getBoundingClientRect();
      return layout.itemAt(event.clientX - box.left, event.clientY - box.top);
    },
    onChange: show,
  });

  // Shows the item in use, else the hint.
  function show() {
    const item = selection.current();
    if (!item) {
      marker.setAttribute('visibility', 'hidden');
      setText(readout, hint);
      return;
    }
    for (const [name, value] of Object.entries(layout.box(item.row, item.col))) marker.setAttribute(name, value);
    marker.setAttribute('visibility', 'visible');
    setText(readout, layout.describe(item.row, item.col));
  }

  return {
    readout,
    draw(next) {
      layout = next;
      selection.resize(next.rows, next.cols);
      svg.append(marker); // on top of everything the chart drew
      show(); // the values under the pointer or cursor may have changed
    },
  };
}
