// Where everything sits in the grid, in CSS pixels of the whole (unscrolled) table:
//
//   | position | binary   | index d ... index 1 | bits flipped |   (binary: only when it fits)
//   |          | MSB→LSB  | MSB            LSB  | to next row  |
//   |       64 | 01000000 | 0 1 0 0 0 0 0 0     | 1 ▇          |
//
// Cells run from the most significant bit on the left to the least significant on the right,
// so each row reads like its binary string and like the lecture's table. Cell column c shows
// code index i = dim - 1 - c, the lecture's index k = dim - c.
import { textWidth } from '../../charts/cell-canvas.js';

export const MONO_FONT = '12px ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace';
export const TEXT_ROW_HEIGHT = 14; // below this, 12 px text no longer fits a row
const HEADER_LINE = 16;
const HEADER_HEIGHT = 3 * HEADER_LINE + 8;
const PAD = 6;
const CELL_WIDTH = { min: 14, max: 28 };
const BAR_MAX = 48;

let monoContext = null;
function monoWidth(text) {
  monoContext ??= document.createElement('canvas').getContext('2d');
  monoContext.font = MONO_FONT;
  return monoContext.measureText(text).width;
}

/**
 * data: { start, count, dim } with positions formatted by formatPosition; available: the width
 * the grid may take before it scrolls sideways.
 */
export function gridLayout({ start, count, dim }, { rowHeight, available, formatPosition }) {
  const widest = (...texts) => Math.ceil(Math.max(...texts));
  const position = { x: 0, width: widest(textWidth('position'), monoWidth(formatPosition(start + count - 1))) + 2 * PAD };
  const jumpWidth = widest(textWidth('bits flipped'), textWidth('to next row'), monoWidth('31') + 6 + BAR_MAX) + 2 * PAD;
  // The binary string repeats the cells in text; when it would push cells out of view (16 or
  // 31 bits on a phone) it goes, and the readout still gives each row's string.
  const binaryWidth = widest(textWidth('MSB→LSB'), monoWidth('0'.repeat(dim))) + 2 * PAD;
  const showBinary = position.width + binaryWidth + dim * CELL_WIDTH.min + PAD + jumpWidth <= available;
  const binary = { x: position.x + position.width, width: showBinary ? binaryWidth : 0, shown: showBinary };
  const fixed = position.width + binary.width + PAD + jumpWidth;
  const cellWidth = Math.max(CELL_WIDTH.min, Math.min(CELL_WIDTH.max, Math.floor((available - fixed) / dim)));
  const cells = { x: binary.x + binary.width, width: cellWidth * dim, cellWidth };
  const jump = { x: cells.x + cells.width + PAD, width: jumpWidth, barMax: BAR_MAX };
  const showText = rowHeight >= TEXT_ROW_HEIGHT;
  // Short rows label every labelEvery-th position (a power of two, so labels fall on round
  // binary numbers) with room for the text.
  let labelEvery = 1;
  while (labelEvery * rowHeight < TEXT_ROW_HEIGHT + 2) labelEvery *= 2;
  return {
    rows: count,
    columns: dim,
    rowHeight,
    headerHeight: HEADER_HEIGHT,
    headerLine: HEADER_LINE,
    pad: PAD,
    position,
    binary,
    cells,
    jump,
    width: jump.x + jump.width,
    height: HEADER_HEIGHT + count * rowHeight,
    showText,
    labelEvery,
  };
}

/**
 * The row and cell column under a point of the visible canvas, or null above/below the rows.
 * col is null when the point is on the row but outside the cells, including the position
 * column, which stays put (frozen) while the rest scrolls sideways under it.
 */
export function hitTest(layout, { x, y, scrollLeft, scrollTop }) {
  if (y < layout.headerHeight) return null;
  const row = Math.floor((y - layout.headerHeight + scrollTop) / layout.rowHeight);
  if (row < 0 || row >= layout.rows) return null;
  if (x < layout.position.width) return { row, col: null };
  const col = Math.floor((x + scrollLeft - layout.cells.x) / layout.cells.cellWidth);
  return { row, col: col >= 0 && col < layout.columns ? col : null };
}

/** Rows first..last (inclusive) that are at least partly visible in a viewport of height. */
export function visibleRows(layout, scrollTop, height) {
  const first = Math.max(0, Math.floor(scrollTop / layout.rowHeight));
  const last = Math.min(layout.rows - 1, Math.floor((scrollTop + height - layout.headerHeight - 1) / layout.rowHeight));
  return { first, last: Math.max(first, last) };
}
