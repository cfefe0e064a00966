// Which item of a rows x cols chart is being read: the one under the pointer, else, while the
// chart has keyboard focus, the cursor moved with the arrow keys (Home, End). Shared by the
// canvas and SVG readouts so both answer the keyboard and the pointer the same way.

const KEY_STEPS = {
  ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0],
};

/**
 * Listens on target (which must be focusable). itemAt(event) returns the { row, col } under the
 * pointer or null; onChange() is called whenever the item to show may have changed.
 * Returns { resize(rows, cols), current(), active() }: call resize after each redraw; current()
 * is the item to show (or null); active() is true while hovered or focused.
 */
export function trackItemSelection(target, { itemAt, onChange }) {
  let size = null;
  let cursor = null; // the keyboard's item, kept while the chart is redrawn
  let hovered = null;
  let focused = false;

  const clamp = ({ row, col }) => ({
    row: Math.max(0, Math.min(size.rows - 1, row)),
    col: Math.max(0, Math.min(size.cols - 1, col)),
  });
  const inside = (item) => item && item.row >= 0 && item.row < size.rows && item.col >= 0 && item.col < size.cols;

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
  target.addEventListener('focus', () => {
    focused = true;
    if (size) cursor = clamp(cursor ?? { row: 0, col: 0 });
    onChange();
  });
  target.addEventListener('blur', () => {
    focused = false;
    onChange();
  });
  target.addEventListener('keydown', (event) => {
    if (!size || !cursor) return;
    const step = KEY_STEPS[event.key];
    if (step) cursor = clamp({ row: cursor.row + step[0], col: cursor.col + step[1] });
    else if (event.key === 'Home') cursor = { row: cursor.row, col: 0 };
    else if (event.key === 'End') cursor = { row: cursor.row, col: size.cols - 1 };
    else return;
    event.preventDefault(); // arrows would scroll the page
    hovered = null;
    onChange();
  });

  return {
    resize(rows, cols) {
      size = { rows, cols };
      if (cursor) cursor = clamp(cursor);
      if (hovered) hovered = clamp(hovered);
    },
    current: () => (size ? hovered ?? (focused ? cursor : null) : null),
    active: () => Boolean(hovered) || focused,
  };
}
