// The width a chart should draw at, without forcing a layout on every redraw: reading an
// element's size right after changing the DOM makes the browser lay out the page there and then,
// once per chart per keystroke. The width is measured once, when first asked for, and then kept
// current by a ResizeObserver, which also asks the chart to redraw when the width changes.

/** Returns width(): the element's content width in CSS pixels; onResize(width) runs on changes. */
export function trackWidth(element, onResize) {
  let width = null;
  new ResizeObserver(([entry]) => {
    const next = Math.floor(entry.contentRect.width);
    // 0 means hidden (display: none): keep the last real width for when it is shown again.
    if (next === 0 || next === width) return;
    const measuredBefore = width !== null;
    width = next;
    if (measuredBefore) onResize(next);
  }).observe(element);
  return () => (width ??= Math.floor(element.getBoundingClientRect().width));
}
