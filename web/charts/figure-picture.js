// A figure as one picture for slides: its title, then its drawings (SVG charts and canvases, with
// the headings and colour-scale legends between them, where they sit on the page), then its
// legend. As an SVG file every style is written onto the elements, so the file renders alone; as
// a PNG it is drawn at twice its CSS size, whatever the screen's own pixel density.
import { svgElement } from './svg.js';
import { drawAtRatio } from './hidpi-canvas.js';

export const PNG_SCALE = 2;
const PAD = 12;
const GAP = 10;
const MIN_WIDTH = 360;
const LEGEND = { swatch: 14, line: 22, gap: 6, itemGap: 16, row: 20 };
// SVG presentation properties that inherit: written on an element only where they differ from
// its parent's, so a chart of thousands of elements stays small.
const INHERITED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
];
const DRAWINGS = 'svg, canvas';
const TEXTS = 'h4, .color-legend-label, .color-legend-tick';
const GRADIENTS = '.color-legend-bar';

const shown = (node) => node.getClientRects().length > 0 && getComputedStyle(node).visibility !== 'hidden';

/** A copy of svg with its computed styles written as style attributes and markers left out. */
export function standaloneSvg(svg) {
  const copy = svg.cloneNode(true);
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  const styles = new Map();
  originals.forEach((original, i) => {
    const style = getComputedStyle(original);
    styles.set(original, style);
    const parent = i === 0 ? null : styles.get(original.parentNode);
    const written = INHERITED.filter((name) => !parent || style.getPropertyValue(name) !== parent.getPropertyValue(name)).map(
      (name) => `${name}:${style.getPropertyValue(name)}`,
    );
    if (style.opacity !== '1') written.push(`opacity:${style.opacity}`);
    if (written.length) copies[i].setAttribute('style', written.join(';'));
  });
  copy.querySelectorAll('.chart-marker').forEach((marker) => marker.remove());
  copy.removeAttribute('tabindex');
  return copy;
}

function fontOf(node) {
  const style = getComputedStyle(node);
  return { family: style.fontFamily, size: parseFloat(style.fontSize), weight: style.fontWeight, color: style.color };
}

let measuring = null;
function measure(text, font) {
  measuring ??= document.createElement('canvas').getContext('2d');
  measuring.font = `${font.weight} ${font.size}px ${font.family}`;
  return measuring.measureText(text).width;
}

// Words of text broken into lines no wider than width.
function wrap(text, font, width) {
  const lines = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.length ? `${lines[lines.length - 1]} ${word}` : null;
    if (last !== null && measure(last, font) <= width) lines[lines.length - 1] = last;
    else lines.push(word);
  }
  return lines;
}

function textElement(text, { x, y, font, anchor = 'start' }) {
  return svgElement(
    'text',
    {
      x,
      y,
      'dominant-baseline': 'middle',
      'text-anchor': anchor,
      style: `font-family:${font.family};font-size:${font.size}px;font-weight:${font.weight};fill:${font.color}`,
    },
    text,
  );
}

function background(figure) {
  for (const node of [figure, document.body, document.documentElement]) {
    const color = getComputedStyle(node).backgroundColor;
    if (color && !/^rgba\(.*,\s*0\)$|^transparent$/.test(color)) return color;
  }
  return '#ffffff';
}

// The gradient of a colour-scale bar, read back from its CSS background.
function gradientStops(node) {
  const css = getComputedStyle(node).backgroundImage;
  return [...css.matchAll(/(rgba?\([^)]*\))\s+([\d.]+)%/g)].map(([, color, offset]) => ({ color, offset: `${offset}%` }));
}

/**
 * Lays the figure out as an SVG element. Canvases are left out of it and listed instead
 * ({ canvas, x, y, width, height }), to be drawn over the rasterised SVG (an SVG image holding
 * pictures of its own cannot always be drawn to a canvas and read back); an SVG file is only
 * offered for figures drawn wholly in SVG.
 */
export function composeFigure({ figure, body, title, legend }) {
  const origin = body.getBoundingClientRect();
  const parts = [...body.querySelectorAll(`${DRAWINGS}, ${TEXTS}, ${GRADIENTS}`)].filter(
    (node) => shown(node) && !node.parentNode.closest('svg'),
  );
  const boxes = parts.map((node) => node.getBoundingClientRect());
  // As wide as what is drawn (a narrow grid is not padded to the page's width), title wrapped to it.
  const drawnWidth = Math.max(MIN_WIDTH, ...boxes.map((box) => box.right - origin.left));
  const width = Math.ceil(Math.min(origin.width, drawnWidth)) + 2 * PAD;
  const svg = svgElement('svg', { width, version: '1.1' });
  svg.append(svgElement('title', {}, title));
  const backdrop = svgElement('rect', { x: 0, y: 0, width, fill: background(figure) });
  svg.append(backdrop);

  const titleFont = fontOf(figure.querySelector('.figure-title'));
  const lineHeight = Math.round(titleFont.size * 1.3);
  let y = PAD;
  for (const line of wrap(title, titleFont, width - 2 * PAD)) {
    svg.append(textElement(line, { x: PAD, y: y + lineHeight / 2, font: titleFont }));
    y += lineHeight;
  }
  y += GAP;

  const top = Math.min(...boxes.map((box) => box.top));
  const canvases = [];
  let bottom = y;
  parts.forEach((node, i) => {
    const box = boxes[i];
    const at = { x: PAD + box.left - origin.left, y: y + box.top - top, width: box.width, height: box.height };
    bottom = Math.max(bottom, at.y + at.height);
    if (node.matches(TEXTS)) {
      // Wrapped as the page wraps it, within the element's width.
      const font = fontOf(node);
      const lines = wrap(node.textContent, font, at.width + 1);
      const step = at.height / lines.length;
      lines.forEach((line, k) => svg.append(textElement(line, { x: at.x, y: at.y + (k + 0.5) * step, font })));
    } else if (node.matches(GRADIENTS)) {
      const id = `figure-gradient-${i}`;
      const gradient = svgElement('linearGradient', { id });
      for (const stop of gradientStops(node)) gradient.append(svgElement('stop', { offset: stop.offset, 'stop-color': stop.color }));
      svg.append(gradient, svgElement('rect', { ...at, fill: `url(#${id})`, stroke: 'rgb(0 0 0 / 0.2)' }));
    } else if (node instanceof HTMLCanvasElement) {
      canvases.push({ canvas: node, ...at });
    } else {
      const copy = standaloneSvg(node);
      for (const [name, value] of Object.entries(at)) copy.setAttribute(name, value);
      svg.append(copy);
    }
  });
  y = parts.length ? bottom + GAP : y;

  // The legend's items flow left to right and wrap.
  const legendFont = { ...titleFont, size: 13, weight: '400' };
  let x = PAD;
  if (legend.length) y += LEGEND.row / 2;
  for (const { label, color, shape = 'square' } of legend) {
    const swatch = shape === 'square' ? LEGEND.swatch : LEGEND.line;
    const itemWidth = swatch + LEGEND.gap + measure(label, legendFont);
    if (x > PAD && x + itemWidth > width - PAD) {
      x = PAD;
      y += LEGEND.row;
    }
    svg.append(
      shape === 'square'
        ? svgElement('rect', { x, y: y - LEGEND.swatch / 2, width: LEGEND.swatch, height: LEGEND.swatch, fill: color })
        : svgElement('line', {
            x1: x,
            x2: x + LEGEND.line,
            y1: y,
            y2: y,
            stroke: color,
            'stroke-width': 3,
            ...(shape === 'dashed' ? { 'stroke-dasharray': '5 3' } : {}),
          }),
    );
    svg.append(textElement(label, { x: x + swatch + LEGEND.gap, y, font: legendFont }));
    x += itemWidth + LEGEND.itemGap;
  }
  if (legend.length) y += LEGEND.row / 2;

  const height = Math.ceil(y + PAD);
  svg.setAttribute('height', height);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  backdrop.setAttribute('height', height);
  return { svg, width, height, canvases };
}

/** The figure as SVG text (for a figure drawn wholly in SVG). */
export function figureSvg(parts) {
  const { svg } = composeFigure(parts);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}

function loadImage(url) {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.addEventListener('load', () => resolve(image));
    image.addEventListener('error', () => reject(new Error('the browser did not draw the figure as an image')));
    image.src = url;
  });
}

/** The figure as a PNG blob at PNG_SCALE times its CSS size. */
export async function figurePng(parts) {
  const { svg, width, height, canvases } = composeFigure(parts);
  // Rasterised at the scale itself, not enlarged afterwards: text and lines stay sharp.
  svg.setAttribute('width', width * PNG_SCALE);
  svg.setAttribute('height', height * PNG_SCALE);
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
  try {
    const image = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = width * PNG_SCALE;
    canvas.height = height * PNG_SCALE;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    context.scale(PNG_SCALE, PNG_SCALE);
    for (const part of canvases) {
      drawAtRatio(part.canvas, PNG_SCALE, (canvas) => context.drawImage(canvas, part.x, part.y, part.width, part.height));
    }
    return await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
