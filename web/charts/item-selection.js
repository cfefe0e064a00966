// Which item of a rows x cols chart is being read: the one under the pointer, else, while the
// chart has keyboard focus, the cursor moved with the arrow keys (Home, End). Shared by the
// canvas and SVG readouts and the binary grid, so all of them answer the pointer, the arrows,
// Home and End alike. The optional hooks are for a chart larger than its box (only the grid uses
// them): more keys, a cursor that starts in view, follows a click and is scrolled to wherever it
// goes.

const KEY_STEPS = {
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
};

// The item the arrows, Home or End move the cursor to (before clamping), or null for other keys.
function arrowMove(key, { row, col }, cols) {
  const step = KEY_STEPS[key];
  if (step) return { row: row + step[0], col: col + step[1] };
  if (key === 'Home') return { row, col: 0 };
  if (key === 'End') return { row, col: cols - 1 };
  return null;
}

/**
 * Listens on target (which must be focusable). itemAt(event) returns the { row, col } under the
 * pointer or null; col may be null for a point on a row but off its items (the grid's label
 * columns), which reads the row and never becomes the cursor. onChange() is called whenever the
 * item to show may have changed. Optional:
 *   keyMove(event, cursor): the item a key moves the cursor to, or null to leave the key to the
 *     arrows, Home and End; asked first, so it may also give Home or End a new meaning with a
 *     modifier. Items from keys are clamped to the chart.
 *   reveal(cursor): called after a key moved the cursor, before onChange, to scroll it into view.
 *   startItem(): where the cursor starts on the first focus (default the first item).
 *   clickMovesCursor: a click on an item also moves the cursor there, so the keys go on from it.
 * Returns { resize(rows, cols, { keepPointed }), pointed(), cursor(), current(), active() }:
 * call resize after each redraw; pointed() is the item under the pointer, cursor() the
 * keyboard's item while focused, current() the item to show (pointed, else cursor, else null);
 * active() is true while hovered or focused.
 * @param {any} target a focusable canvas or svg
 * @param {{ itemAt: Function, onChange: Function, keyMove?: Function, reveal?: Function, startItem?: Function,
 *   clickMovesCursor?: boolean }} options
 */
export function trackItemSelection(target, { itemAt, onChange, keyMove, reveal, startItem, clickMovesCursor = false }) {
  let size = null;
  let cursor = null; // the keyboard's item, kept while the chart is redrawn
  let hovered = null;
  let focused = false;

  const clampIndex = (index, count) => Math.max(0, Math.min(count - 1, index));
  const clamp = ({ row, col }) => ({
    row: clampIndex(row, size.rows),
    col: col === null ? null : clampIndex(col, size.cols),
  });
  const inside = (item) => item && item.row >= 0 && item.row < size.rows && (item.col === null || (item.col >= 0 && item.col < size.cols));

  target.addEventListener('pointermove', (event) => {
    if (!size) return;
    const item = itemAt(event);
    hovered = inside(item) ? item : null;
    onChange();
  });
  target.addEventListener('pointerleave', () => {
    hovered = null;
    onChange();
  });
  if (clickMovesCursor) {
    // Runs before the focus that the same press gives the chart, which then keeps this item.
    target.addEventListener('pointerdown', (event) => {
      if (!size) return;
      const item = itemAt(event);
      if (!inside(item) || item.col === null) return;
      cursor = item;
      onChange();
    });
  }
  target.addEventListener('focus', () => {
    focused = true;
    if (size) cursor = clamp(cursor ?? startItem?.() ?? { row: 0, col: 0 });
    onChange();
  });
  target.addEventListener('blur', () => {
    focused = false;
    onChange();
  });
  target.addEventListener('keydown', (event) => {
    if (!size || !cursor) return;
    const next = keyMove?.(event, cursor) ?? arrowMove(event.key, cursor, size.cols);
    if (!next) return;
    event.preventDefault(); // the keys would scroll the page or the chart's box
    cursor = clamp(next);
    hovered = null;
    reveal?.(cursor);
    onChange();
  });

  const cursorShown = () => (focused ? cursor : null);
  return {
    /**
     * keepPointed: false forgets the item under the pointer, for a redraw that moved the items
     * under it (the grid scrolls back to a row); the next pointer move finds it again.
     */
    resize(rows, cols, { keepPointed = true } = {}) {
      size = { rows, cols };
      if (cursor) cursor = clamp(cursor);
      if (!keepPointed) hovered = null;
      else if (hovered) hovered = clamp(hovered);
    },
    pointed: () => hovered,
    cursor: cursorShown,
    current: () => hovered ?? cursorShown(),
    active: () => Boolean(hovered) || focused,
  };
}
