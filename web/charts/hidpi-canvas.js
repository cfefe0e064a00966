// Canvas drawing at the screen's real resolution: the backing store is devicePixelRatio times
// the CSS size, and the context is scaled so drawing code works in CSS pixels.

/** Resizes canvas to cssWidth x cssHeight CSS pixels and returns its 2D context in CSS units. */
export function sizeCanvas(canvas, cssWidth, cssHeight) {
  const ratio = window.devicePixelRatio || 1;
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
