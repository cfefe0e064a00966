// The grid's scrolling surface. A scroll container holds a sizer as tall and wide as the whole
// table; inside it one canvas, the size of the visible area, sticks to the top-left corner and
// is repainted from the scroll offsets. The browser scrolls natively (wheel, touch, scrollbar);
// only what is on screen is drawn.
//
// Reading cells: pointing at a cell, or Tab to the grid and the arrow keys (PageUp/PageDown by a
// screen, Home/End first/last index, Ctrl+Home/Ctrl+End first/last row), reports it through
// onPoint(cell), cell = { row, col } or null; col is null on a row outside the cells.
import { element } from '../../charts/figure.js';
import { sizeCanvas } from '../../charts/hidpi-canvas.js';
import { hitTest, visibleRows } from './grid-layout.js';
import { paintGrid } from './grid-painter.js';

export function createGridCanvas({ label, onPoint }) {
  const scroller = element('div', 'grid-scroller');
  const sizer = element('div', 'grid-sizer');
  const canvas = element('canvas');
  canvas.dataset.testid = 'binary-grid';
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  sizer.append(canvas);
  scroller.append(sizer);

  let content = null; // { layout, data, formatPosition }
  let context = null;
  let viewport = { width: 0, height: 0 };
  let hover = null;
  let cursor = null;
  let focused = false;

  function draw() {
    if (!content || !context) return;
    paintGrid(context, {
      ...content,
      ...viewport,
      scrollTop: scroller.scrollTop,
      scrollLeft: scroller.scrollLeft,
      marks: { hover, cursor: focused ? cursor : null },
    });
  }

  // Re-reads the visible area's size (after content or container size changed) and repaints.
  function resize() {
    viewport = { width: scroller.clientWidth, height: scroller.clientHeight };
    context = sizeCanvas(canvas, viewport.width, viewport.height);
    draw();
  }

  function report() {
    onPoint(hover ?? (focused ? cursor : null));
  }

  // After the hover, cursor or focus changed: the marks and the readout follow.
  function drawAndReport() {
    draw();
    report();
  }

  function clamp(cell) {
    const { rows, columns } = content.layout;
    return { row: Math.max(0, Math.min(rows - 1, cell.row)), col: Math.max(0, Math.min(columns - 1, cell.col)) };
  }

  // Scrolls just enough to show the cursor's cell below the header and right of the frozen
  // position column.
  function reveal(cell) {
    const { rowHeight, headerHeight, cells, position } = content.layout;
    const top = cell.row * rowHeight;
    const room = viewport.height - headerHeight;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + rowHeight > scroller.scrollTop + room) scroller.scrollTop = top + rowHeight - room;
    const left = cells.x + cell.col * cells.cellWidth;
    if (left - position.width < scroller.scrollLeft) scroller.scrollLeft = left - position.width;
    else if (left + cells.cellWidth > scroller.scrollLeft + viewport.width) scroller.scrollLeft = left + cells.cellWidth - viewport.width;
  }

  // The leftmost cell column wholly right of the frozen position column.
  function firstVisibleColumn() {
    const { cells, position } = content.layout;
    return Math.max(0, Math.ceil((scroller.scrollLeft + position.width - cells.x) / cells.cellWidth));
  }

  function pointAt(event) {
    const box = canvas.getBoundingClientRect();
    return hitTest(content.layout, {
      x: event.clientX - box.left, y: event.clientY - box.top, scrollLeft: scroller.scrollLeft, scrollTop: scroller.scrollTop,
    });
  }

  function moveCursor(event) {
    const { rows, columns, rowHeight, headerHeight } = content.layout;
    const page = Math.max(1, Math.floor((viewport.height - headerHeight) / rowHeight) - 1);
    const { row, col } = cursor;
    const ctrl = event.ctrlKey || event.metaKey;
    const moves = {
      ArrowUp: { row: row - 1, col }, ArrowDown: { row: row + 1, col },
      ArrowLeft: { row, col: col - 1 }, ArrowRight: { row, col: col + 1 },
      PageUp: { row: row - page, col }, PageDown: { row: row + page, col },
      Home: ctrl ? { row: 0, col } : { row, col: 0 },
      End: ctrl ? { row: rows - 1, col } : { row, col: columns - 1 },
    };
    return moves[event.key] ? clamp(moves[event.key]) : null;
  }

  scroller.addEventListener('scroll', draw, { passive: true });
  canvas.addEventListener('pointermove', (event) => {
    if (!content) return;
    hover = pointAt(event);
    drawAndReport();
  });
  canvas.addEventListener('pointerleave', () => {
    hover = null;
    drawAndReport();
  });
  canvas.addEventListener('pointerdown', (event) => {
    const cell = content ? pointAt(event) : null;
    if (cell && cell.col !== null) cursor = cell; // focus follows, and shows this cell
  });
  canvas.addEventListener('focus', () => {
    focused = true;
    if (content) cursor = clamp(cursor ?? { row: visibleRows(content.layout, scroller.scrollTop, viewport.height).first, col: firstVisibleColumn() });
    drawAndReport();
  });
  canvas.addEventListener('blur', () => {
    focused = false;
    drawAndReport();
  });
  canvas.addEventListener('keydown', (event) => {
    if (!content || !cursor) return;
    const next = moveCursor(event);
    if (!next) return;
    event.preventDefault(); // the keys would otherwise scroll the container
    cursor = next;
    hover = null;
    reveal(cursor);
    drawAndReport();
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
      if (layout.width > scroller.clientWidth) sizer.style.width = `${layout.width + scroller.offsetWidth - scroller.clientWidth}px`;
      hover = null;
      if (cursor) cursor = clamp(cursor);
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
    chromeWidth: () => scroller.offsetWidth - scroller.clientWidth,
    /** The first row whose top is in view (for keeping the place across a zoom). */
    firstRow() {
      return content ? Math.round(scroller.scrollTop / content.layout.rowHeight) : 0;
    },
    /** Where the view is: { scrollTop, scrollLeft, viewport: { width, height } }. */
    scrollState: () => ({ scrollTop: scroller.scrollTop, scrollLeft: scroller.scrollLeft, viewport }),
  };
}
