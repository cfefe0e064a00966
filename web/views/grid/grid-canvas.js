// The grid's scrolling surface. A scroll container holds a sizer as tall and wide as the whole
// table; inside it one canvas, the size of the visible area, sticks to the top-left corner and
// is repainted from the scroll offsets. The browser scrolls natively (wheel, touch, scrollbar);
// only what is on screen is drawn.
//
// Reading cells: pointing at a cell, or Tab to (or click) the grid and the arrow keys
// (PageUp/PageDown by a screen, Home/End first/last index, Ctrl+Home/Ctrl+End first/last row),
// reports it through onPoint(cell), cell = { row, col } or null; col is null on a row outside
// the cells. The charts' shared item selection does the pointer and keys; this file adds the
// grid's extra keys and keeps the cursor's cell scrolled into view.
import { element } from '../../charts/figure.js';
import { registerRedraw, sizeCanvas } from '../../charts/hidpi-canvas.js';
import { trackItemSelection } from '../../charts/item-selection.js';
import { onThemeChange } from '../../charts/palette.js';
import { hitTest, visibleRows } from './grid-layout.js';
import { paintGrid } from './grid-painter.js';

// Scrolls just enough to show the cursor's cell below the header and right of the frozen
// position column.
function reveal(scroller, { rowHeight, headerHeight, cells, position }, viewport, cell) {
  const top = cell.row * rowHeight;
  const room = viewport.height - headerHeight;
  if (top < scroller.scrollTop) scroller.scrollTop = top;
  else if (top + rowHeight > scroller.scrollTop + room) scroller.scrollTop = top + rowHeight - room;
  const left = cells.x + cell.col * cells.cellWidth;
  if (left - position.width < scroller.scrollLeft) scroller.scrollLeft = left - position.width;
  else if (left + cells.cellWidth > scroller.scrollLeft + viewport.width) scroller.scrollLeft = left + cells.cellWidth - viewport.width;
}

// The leftmost cell column wholly right of the frozen position column.
function firstVisibleColumn(scroller, { cells, position }) {
  return Math.max(0, Math.ceil((scroller.scrollLeft + position.width - cells.x) / cells.cellWidth));
}

// The grid's keys beyond the arrows, Home and End: a screen of rows (less one, to keep a row of
// context) up or down, and Ctrl (or ⌘) with Home/End to the first or last row.
function keyMove(event, { row, col }, { rows, rowHeight, headerHeight }, viewport) {
  const page = Math.max(1, Math.floor((viewport.height - headerHeight) / rowHeight) - 1);
  const ctrl = event.ctrlKey || event.metaKey;
  if (event.key === 'PageUp') return { row: row - page, col };
  if (event.key === 'PageDown') return { row: row + page, col };
  if (ctrl && event.key === 'Home') return { row: 0, col };
  if (ctrl && event.key === 'End') return { row: rows - 1, col };
  return null;
}

// The scroll box, the sizer as big as the table inside it, and the canvas the size of the box.
function gridElements(label) {
  const scroller = element('div', 'grid-scroller');
  const sizer = element('div', 'grid-sizer');
  const canvas = element('canvas');
  canvas.dataset.testid = 'binary-grid';
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  sizer.append(canvas);
  scroller.append(sizer);
  return { scroller, sizer, canvas };
}

// The cell under the pointer of event, or null.
function pointAt(event, { canvas, scroller }, layout) {
  const box = canvas.getBoundingClientRect();
  return hitTest(layout, {
    x: event.clientX - box.left,
    y: event.clientY - box.top,
    scrollLeft: scroller.scrollLeft,
    scrollTop: scroller.scrollTop,
  });
}

export function createGridCanvas({ label, onPoint }) {
  const parts = gridElements(label);
  const { scroller, sizer, canvas } = parts;

  let content = null; // { layout, data, formatPosition }
  let context = null;
  let viewport = { width: 0, height: 0 };

  function draw() {
    if (!content || !context) return;
    paintGrid(context, {
      ...content,
      ...viewport,
      scrollTop: scroller.scrollTop,
      scrollLeft: scroller.scrollLeft,
      marks: { hover: selection.pointed(), cursor: selection.cursor() },
    });
  }

  // Re-reads the visible area's size (after content or container size changed) and repaints.
  function resize() {
    viewport = { width: scroller.clientWidth, height: scroller.clientHeight };
    context = sizeCanvas(canvas, viewport.width, viewport.height);
    draw();
  }
  registerRedraw(canvas, resize);

  function report() {
    onPoint(selection.current());
  }

  // After the hover, cursor or focus changed: the marks and the readout follow.
  function drawAndReport() {
    draw();
    report();
  }

  // Width the scroll box adds around the table: its border and any scrollbar gutter.
  const chromeWidth = () => scroller.offsetWidth - scroller.clientWidth;

  scroller.addEventListener('scroll', draw, { passive: true });
  onThemeChange(draw); // the grid is painted in the theme's colours
  const selection = trackItemSelection(canvas, {
    itemAt: (event) => pointAt(event, parts, content.layout),
    onChange: drawAndReport,
    keyMove: (event, cell) => keyMove(event, cell, content.layout, viewport),
    reveal: (cell) => reveal(scroller, content.layout, viewport, cell),
    // The top-left cell in view, not the table's, which may be scrolled far away.
    startItem: () => ({
      row: visibleRows(content.layout, scroller.scrollTop, viewport.height).first,
      col: firstVisibleColumn(scroller, content.layout),
    }),
    clickMovesCursor: true, // the keys go on from the cell clicked
  });

  return {
    element: scroller,

    /**
     * New table, zoom or width: resizes the scrollable area, keeps firstRow at the top, repaints.
     * lsbFirst scrolls sideways to the right end, so a grid wider than its box opens on index 1
     * (the column that flips every row) rather than on the MSB's zeros.
     */
    show(next, { firstRow = 0, lsbFirst = false } = {}) {
      content = next;
      const { layout } = next;
      sizer.style.width = `${layout.width}px`;
      sizer.style.height = `${layout.height}px`;
      // Chromium stops a sideways scroll one scrollbar gutter short of the end (with
      // scrollbar-gutter: stable), which would hide the table's right edge; a wide table gets
      // that much room to spare.
      if (layout.width > scroller.clientWidth) sizer.style.width = `${layout.width + chromeWidth()}px`;
      // The rows move under a resting pointer: it reads again when it moves.
      selection.resize(layout.rows, layout.columns, { keepPointed: false });
      scroller.scrollTop = firstRow * layout.rowHeight;
      resize();
      if (lsbFirst) {
        scroller.scrollLeft = scroller.scrollWidth - scroller.clientWidth; // after resize(): the canvas's size counts
        draw();
      }
      report();
    },
    /** Whether the table is wider than its box, so part of it is off to the left or right. */
    overflows: () => scroller.scrollWidth > scroller.clientWidth,
    /** Width the scroll box adds around the table: its border and any scrollbar gutter. */
    chromeWidth,
    /** The first row whose top is in view (for keeping the place across a zoom). */
    firstRow() {
      return content ? Math.round(scroller.scrollTop / content.layout.rowHeight) : 0;
    },
    /** Where the view is: { scrollTop, scrollLeft, viewport: { width, height } }. */
    scrollState: () => ({ scrollTop: scroller.scrollTop, scrollLeft: scroller.scrollLeft, viewport }),
  };
}
