// Draws the part of the grid that is in view: the visible rows, then the header on top of them.
// Work is proportional to the rows on screen, never to the range, and cells of one colour are
// filled as one path, so a redraw stays a few milliseconds at any zoom.
//
// The position column is frozen: when a wide grid scrolls sideways (16 or 31 bits on a phone),
// everything else moves under it, so each row still says which position it is.
import {
  BIT_COLORS,
  BIT_INK,
  canvasColor,
  CATEGORY_COLORS,
  GRID_LINE,
  HIGHLIGHT_TINT,
  INK,
  MUTED_INK,
  PAPER,
  REPEAT_TINT,
} from '../../charts/palette.js';
import { inkText } from '../../charts/cell-canvas.js';
import { MONO_FONT, visibleRows } from './grid-layout.js';

export const JUMP_COLOR = CATEGORY_COLORS[1]; // orange
export const REPEAT_COLOR = CATEGORY_COLORS[3]; // reddish purple
const CURSOR_COLOR = CATEGORY_COLORS[4]; // vermillion: visible on both bit colours

// Baseline of header line n (0, 1, 2), text vertically centred.
const headerRow = (layout, n) => layout.headerLine * n + layout.headerLine / 2 + 2;

function rowTop(layout, r, scrollTop) {
  return layout.headerHeight + r * layout.rowHeight - scrollTop;
}

// Whether row r's code already belongs to a smaller position (from 2^d on).
const repeats = (data, r) => data.sameCodeAs(r) !== data.start + r;

// Hovered or selected rows are highlighted; rows whose code repeats get a tint (and a stripe).
function rowTint(data, r, marked) {
  if (marked.has(r)) return HIGHLIGHT_TINT;
  return repeats(data, r) ? REPEAT_TINT : null;
}

// Everything that scrolls sideways is drawn with x in table coordinates (the context is shifted).
function drawHeader(context, layout, data) {
  const { headerHeight, binary, cells, jump, pad } = layout;
  context.fillStyle = canvasColor(PAPER);
  context.fillRect(0, 0, layout.width, headerHeight);
  inkText(context, { align: 'left' });
  if (binary.shown) {
    context.fillText('binary', binary.x + pad, headerRow(layout, 1));
    context.fillText('MSB→LSB', binary.x + pad, headerRow(layout, 2));
  }
  context.fillText('bits flipped', jump.x + pad, headerRow(layout, 1));
  context.fillText('to next row', jump.x + pad, headerRow(layout, 2));
  context.textAlign = 'center';
  context.fillText('index', cells.x + cells.width / 2, headerRow(layout, 0));
  // Narrow cells cannot fit every two-digit index: label index 1 and every stride-th after it.
  const stride = Math.ceil((context.measureText(String(data.dim)).width + 4) / cells.cellWidth);
  for (let k = 1; k <= data.dim; k += stride) {
    context.fillText(String(k), cells.x + (data.dim - k + 0.5) * cells.cellWidth, headerRow(layout, 1));
  }
  context.fillStyle = canvasColor(MUTED_INK);
  if (data.dim > 1) {
    context.textAlign = 'left';
    context.fillText('MSB', cells.x, headerRow(layout, 2));
  }
  context.textAlign = 'right';
  context.fillText('LSB', cells.x + cells.width, headerRow(layout, 2));
}

function drawBinaryColumn(context, layout, data, rows, scrollTop, marked) {
  const { rowHeight, binary, pad, showText, labelEvery } = layout;
  if (!binary.shown) return;
  for (let r = rows.first; r <= rows.last; r += 1) {
    const tint = rowTint(data, r, marked);
    if (!tint) continue;
    context.fillStyle = canvasColor(tint);
    context.fillRect(binary.x, rowTop(layout, r, scrollTop), binary.width, rowHeight);
  }
  inkText(context, { font: MONO_FONT, align: 'left', baseline: showText ? 'middle' : 'top' });
  for (let r = rows.first; r <= rows.last; r += 1) {
    if (!showText && (data.start + r) % labelEvery !== 0) continue;
    const y = rowTop(layout, r, scrollTop) + (showText ? rowHeight / 2 : 0);
    context.fillText(data.binaryString(r), binary.x + pad, y);
  }
}

function drawCells(context, layout, data, rows, scrollTop) {
  const { rowHeight, cells, showText } = layout;
  const { cellWidth } = cells;
  // A 1 px gap keeps cells countable; very short rows drop it so each column reads as a stripe.
  const gap = rowHeight >= 6 ? 1 : 0;
  for (const bit of [0, 1]) {
    context.beginPath();
    for (let r = rows.first; r <= rows.last; r += 1) {
      const y = rowTop(layout, r, scrollTop);
      for (let c = 0; c < data.dim; c += 1) {
        if (data.bit(r, data.dim - 1 - c) === bit) context.rect(cells.x + c * cellWidth, y, cellWidth - 1, rowHeight - gap);
      }
    }
    context.fillStyle = canvasColor(BIT_COLORS[bit]);
    context.fill();
  }
  if (!showText) return;
  context.font = MONO_FONT;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  for (const bit of [0, 1]) {
    context.fillStyle = canvasColor(BIT_INK[bit]);
    for (let r = rows.first; r <= rows.last; r += 1) {
      const y = rowTop(layout, r, scrollTop) + rowHeight / 2;
      for (let c = 0; c < data.dim; c += 1) {
        if (data.bit(r, data.dim - 1 - c) === bit) context.fillText(String(bit), cells.x + (c + 0.5) * cellWidth - 0.5, y);
      }
    }
  }
}

function drawJumps(context, layout, data, rows, scrollTop) {
  const { rowHeight, jump, pad, showText } = layout;
  const numberWidth = showText ? 22 : 0;
  const barHeight = Math.max(1, Math.min(rowHeight - 2, 10));
  context.fillStyle = canvasColor(JUMP_COLOR);
  context.beginPath();
  for (let r = rows.first; r <= rows.last; r += 1) {
    const bits = data.jumpAfter(r);
    if (bits === null) continue;
    const y = rowTop(layout, r, scrollTop) + (rowHeight - barHeight) / 2;
    context.rect(jump.x + pad + numberWidth, y, Math.max(2, (bits / data.dim) * jump.barMax), barHeight);
  }
  context.fill();
  if (!showText) return;
  inkText(context, { font: MONO_FONT, align: 'right' });
  for (let r = rows.first; r <= rows.last; r += 1) {
    const bits = data.jumpAfter(r);
    if (bits !== null) context.fillText(String(bits), jump.x + pad + numberWidth - 6, rowTop(layout, r, scrollTop) + rowHeight / 2);
  }
}

function outlineCell(context, layout, cell, scrollTop, color, lineWidth) {
  if (cell.col === null) return;
  const { cells, rowHeight } = layout;
  context.strokeStyle = canvasColor(color);
  context.lineWidth = lineWidth;
  const inset = lineWidth / 2;
  context.strokeRect(
    cells.x + cell.col * cells.cellWidth + inset - 0.5,
    rowTop(layout, cell.row, scrollTop) + inset - 0.5,
    cells.cellWidth - lineWidth,
    Math.max(1, rowHeight - lineWidth),
  );
}

// The frozen column, in screen coordinates: it covers whatever scrolled under it.
function drawPositionColumn(context, layout, data, rows, scrollTop, marked, height, formatPosition) {
  const { rowHeight, position, pad, showText, labelEvery } = layout;
  context.fillStyle = canvasColor(PAPER);
  context.fillRect(0, 0, position.width, height);
  for (let r = rows.first; r <= rows.last; r += 1) {
    const tint = rowTint(data, r, marked);
    if (!tint) continue;
    context.fillStyle = canvasColor(tint);
    context.fillRect(0, rowTop(layout, r, scrollTop), position.width, rowHeight);
    if (repeats(data, r)) {
      context.fillStyle = canvasColor(REPEAT_COLOR);
      context.fillRect(0, rowTop(layout, r, scrollTop), 4, rowHeight);
    }
  }
  inkText(context, { font: MONO_FONT, align: 'right', baseline: showText ? 'middle' : 'top' });
  for (let r = rows.first; r <= rows.last; r += 1) {
    const p = data.start + r;
    if (!showText && p % labelEvery !== 0) continue;
    context.fillText(formatPosition(p), position.width - pad, rowTop(layout, r, scrollTop) + (showText ? rowHeight / 2 : 0));
  }
}

// The line where codes start repeating (between 2^d - 1 and 2^d), when it is in the range.
function drawRepeatBoundary(context, layout, data, scrollTop, width) {
  const { repeatsFrom, start, count } = data;
  if (repeatsFrom === null || repeatsFrom <= start || repeatsFrom >= start + count) return;
  context.fillStyle = canvasColor(REPEAT_COLOR);
  context.fillRect(0, rowTop(layout, repeatsFrom - start, scrollTop) - 1, width, 3);
}

function drawFrozenHeader(context, layout, width, height, scrolled) {
  const { headerHeight, position, pad } = layout;
  context.fillStyle = canvasColor(PAPER);
  context.fillRect(0, 0, position.width, headerHeight);
  inkText(context, { align: 'right' });
  context.fillText('position', position.width - pad, headerRow(layout, 2));
  context.fillStyle = canvasColor(GRID_LINE);
  context.fillRect(0, headerHeight - 1, width, 1);
  if (scrolled) context.fillRect(position.width - 1, 0, 1, height); // the edge things slide under
}

/**
 * Paints the viewport of size width x height at the given scroll offsets. marks: { hover,
 * cursor } cells ({ row, col }) or null.
 * formatPosition writes a position in the position column.
 */
export function paintGrid(context, { layout, data, width, height, scrollTop, scrollLeft, marks, formatPosition }) {
  const rows = visibleRows(layout, scrollTop, height);
  data.ensureRows(rows.first, rows.last);
  const marked = new Set([marks.hover?.row, marks.cursor?.row].filter((row) => row !== undefined));
  context.clearRect(0, 0, width, height);

  context.save();
  context.translate(-scrollLeft, 0);
  drawBinaryColumn(context, layout, data, rows, scrollTop, marked);
  drawCells(context, layout, data, rows, scrollTop);
  drawJumps(context, layout, data, rows, scrollTop);
  if (marks.hover) outlineCell(context, layout, marks.hover, scrollTop, INK, 2);
  if (marks.cursor) outlineCell(context, layout, marks.cursor, scrollTop, CURSOR_COLOR, 3);
  context.restore();

  drawPositionColumn(context, layout, data, rows, scrollTop, marked, height, formatPosition);
  drawRepeatBoundary(context, layout, data, scrollTop, width);

  context.save();
  context.translate(-scrollLeft, 0);
  drawHeader(context, layout, data);
  context.restore();
  drawFrozenHeader(context, layout, width, height, scrollLeft > 0);
}
