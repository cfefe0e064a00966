// Canvas drawing at the screen's real resolution: the backing store is devicePixelRatio times
// the CSS size, and the context is scaled so drawing code works in CSS pixels. A saved picture
// may ask for more pixels than the screen has: a canvas that registers how to redraw itself is
// repainted at that density for the moment of the copy (drawAtRatio).

const redraws = new WeakMap(); // canvas -> its redraw()
let ratioAsked = null;

/** The pixel density canvases are drawn at now. */
export function pixelRatio() {
  return ratioAsked ?? (window.devicePixelRatio || 1);
}

/** Registers how canvas repaints itself with what it shows now (for drawAtRatio). */
export function registerRedraw(canvas, redraw) {
  redraws.set(canvas, redraw);
}

/** Repaints canvas at ratio pixels per CSS pixel, calls use(canvas), then repaints it for the
 *  screen again. A canvas that registered no redraw is used as it is. */
export function drawAtRatio(canvas, ratio, use) {
  const redraw = redraws.get(canvas);
  if (!redraw || ratio <= pixelRatio()) return use(canvas);
  ratioAsked = ratio;
  try {
    redraw();
    return use(canvas);
  } finally {
    ratioAsked = null;
    redraw();
  }
}

/** Resizes canvas to cssWidth x cssHeight CSS pixels and returns its 2D context in CSS units. */
export function sizeCanvas(canvas, cssWidth, cssHeight) {
  const ratio = pixelRatio();
  const width = Math.max(1, Math.round(cssWidth * ratio));
  const height = Math.max(1, Math.round(cssHeight * ratio));
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  canvas.style.width = `${cssWidth}px`;
  canvas.style.height = `${cssHeight}px`;
  const context = canvas.getContext('2d');
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  return context;
}
