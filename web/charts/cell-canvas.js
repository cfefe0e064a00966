// A grid of cells coloured on the diverging scale, on one canvas, that can be read cell by cell:
// pointing at a cell, or moving the keyboard cursor onto it (Tab to the chart, then arrow keys,
// Home, End), writes its exact value into a readout line. The cells are written as one pixel each
// into a small image that is scaled up without smoothing, so thousands of cells cost one image
// draw rather than thousands of fills.
import { element, setText } from './figure.js';
import { pixelRatio, registerRedraw, sizeCanvas } from './hidpi-canvas.js';
import { writeRampPixel } from './color-ramp.js';
import { canvasColor, INK, onThemeChange } from './palette.js';
import { trackItemSelection } from './item-selection.js';

export const CHART_FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';

/** Sets context to write labels in the theme's ink: in font (CHART_FONT unless given), aligned as
 *  align (left as it is unless given), on baseline. */
export function inkText(context, { font = CHART_FONT, align = null, baseline = 'middle' } = {}) {
  context.font = font;
  context.fillStyle = canvasColor(INK);
  if (align) context.textAlign = align;
  context.textBaseline = baseline;
}

let measuringContext = null;
let canvasCount = 0;
// Labels are mostly the same tokens and numbers keystroke after keystroke: measure each once.
const measuredWidths = new Map();
const MEASURED_WIDTHS_KEPT = 2000;

/** Width in CSS pixels of text drawn in CHART_FONT (for laying out labels before drawing). */
export function textWidth(text) {
  let width = measuredWidths.get(text);
  if (width === undefined) {
    measuringContext ??= document.createElement('canvas').getContext('2d');
    measuringContext.font = CHART_FONT;
    width = measuringContext.measureText(text).width;
    if (measuredWidths.size >= MEASURED_WIDTHS_KEPT) measuredWidths.clear();
    measuredWidths.set(text, width);
  }
  return width;
}

/** Shortens text to at most maxLength characters (whole code points), marking the cut with …. */
export function shorten(text, maxLength) {
  const characters = Array.from(text);
  return characters.length <= maxLength ? text : `${characters.slice(0, maxLength - 1).join('')}…`;
}

/**
 * label: what the chart shows (its accessible name); readout: the element that shows the value of
 * the cell in use (several canvases may share one); hint: what the readout says otherwise.
 * Returns { element, draw(layout) } where layout is
 *   { width, height, x, y, rows, cols, cellWidth, cellHeight, value(row, col), limit,
 *     describe(row, col), decorate(context), key }
 * x, y: the top-left corner of cell (0, 0); a cell's colour shows value(row, col) on the scale
 * for [-limit, limit]; decorate draws labels around the cells. key, if
 * given, names everything the picture depends on: a draw with the key of the picture already
 * on the canvas only takes the new layout (for describe) and skips the painting.
 */
export function createCellCanvas({ label, readout, hint }) {
  // Several canvases may share a readout: only the one that wrote it last resets it to the hint.
  const owner = String((canvasCount += 1));
  const wrapper = element('div', 'cell-canvas');
  const canvas = element('canvas');
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `${label}. Use the arrow keys to read each cell.`);
  const cellImage = document.createElement('canvas'); // one pixel per cell, never shown
  const cellContext = cellImage.getContext('2d');
  const marker = element('div', 'cell-marker');
  marker.hidden = true;
  wrapper.append(canvas, marker);

  let layout = null;
  let paintedKey;
  const selection = trackItemSelection(canvas, {
    itemAt(event) {
      const box = canvas.getBoundingClientRect();
      const col = Math.floor((event.clientX - box.left - layout.x) / layout.cellWidth);
      const row = Math.floor((event.clientY - box.top - layout.y) / layout.cellHeight);
      return { row, col };
    },
    onChange: show,
  });

  // Shows the cell in use, else (if this canvas wrote the readout last) the hint.
  function show() {
    const cell = selection.current();
    if (!cell) {
      marker.hidden = true;
      if (readout.dataset.owner === owner) setText(readout, hint);
      return;
    }
    const { x, y, cellWidth, cellHeight } = layout;
    marker.hidden = false;
    marker.style.left = `${x + cell.col * cellWidth}px`;
    marker.style.top = `${y + cell.row * cellHeight}px`;
    marker.style.width = `${cellWidth}px`;
    marker.style.height = `${cellHeight}px`;
    if (readout.dataset.owner !== owner) readout.dataset.owner = owner;
    setText(readout, layout.describe(cell.row, cell.col));
  }

  function draw(next) {
    const { width, height, x, y, rows, cols, cellWidth, cellHeight, value, limit, decorate, key } = next;
    layout = next;
    selection.resize(rows, cols);
    // The values under the pointer or cursor may have changed: say the new ones.
    if (selection.active()) show();
    const ratio = pixelRatio();
    if (key !== undefined && `${ratio} ${key}` === paintedKey) return;
    paintedKey = key === undefined ? undefined : `${ratio} ${key}`;
    if (cellImage.width !== cols) cellImage.width = cols;
    if (cellImage.height !== rows) cellImage.height = rows;
    const pixels = cellContext.createImageData(cols, rows);
    for (let row = 0; row < rows; row += 1) {
      for (let col = 0; col < cols; col += 1) writeRampPixel(pixels.data, 4 * (row * cols + col), value(row, col), limit);
    }
    cellContext.putImageData(pixels, 0, 0);
    const context = sizeCanvas(canvas, width, height);
    context.clearRect(0, 0, width, height);
    context.imageSmoothingEnabled = false; // hard cell edges, not a blur
    context.drawImage(cellImage, x, y, cols * cellWidth, rows * cellHeight);
    decorate?.(context);
  }
  // The labels are painted in the theme's colours: a new theme repaints them.
  onThemeChange(() => {
    paintedKey = undefined;
    if (layout) draw(layout);
  });

  registerRedraw(canvas, () => draw(layout));
  return { element: wrapper, draw };
}
