// Colours of every chart, chosen to stay distinct under the common colour-vision deficiencies.
// The named colours are CSS custom properties of the page's theme (web/styles/themes.css), so SVG
// charts, legends and CSS follow a theme change by themselves; canvas charts resolve them with
// canvasColor when they paint, and repaint through onThemeChange.
// A colour at t in [0, 1] along a uniform cubic B-spline through the hex colours (each channel
// apart; the first and last segments end on the end colours, their outer control points mirrored),
// as 'rgb(r, g, b)'. The same colours as d3-interpolate's interpolateRgbBasis (a test compares
// them), written here because d3-interpolate brings d3-color with it: 5 KB of the first load.
export function rgbBasis(hexColors) {
  const channels = [0, 2, 4].map((at) => hexColors.map((hex) => parseInt(hex.slice(1 + at, 3 + at), 16)));
  const segments = hexColors.length - 1;
  const channelAt = (values, t) => {
    const i = t <= 0 ? 0 : t >= 1 ? segments - 1 : Math.floor(t * segments);
    const u = (Math.min(1, Math.max(0, t)) - i / segments) * segments;
    const [v1, v2] = [values[i], values[i + 1]];
    const v0 = i > 0 ? values[i - 1] : 2 * v1 - v2;
    const v3 = i < segments - 1 ? values[i + 2] : 2 * v2 - v1;
    const [u2, u3] = [u * u, u * u * u];
    return ((1 - 3 * u + 3 * u2 - u3) * v0 + (4 - 6 * u2 + 3 * u3) * v1 + (1 + 3 * u + 3 * u2 - 3 * u3) * v2 + u3 * v3) / 6;
  };
  const byte = (value) => Math.max(0, Math.min(255, Math.round(value) || 0));
  return (t) => `rgb(${channels.map((values) => byte(channelAt(values, t))).join(', ')})`;
}

// ColorBrewer's 11-class RdBu scheme (Cynthia Brewer, colorbrewer2.org), red to blue, through a
// B-spline as d3-scale-chromatic's interpolateRdBu does. Listed here rather than imported from
// d3-scale-chromatic because that module builds all of its ~70 schemes when loaded, ~13 ms of
// the page's first render for the one used. The same in both themes: its cells carry the data.
export const RED_TO_BLUE_HEX = [
  '#67001f',
  '#b2182b',
  '#d6604d',
  '#f4a582',
  '#fddbc7',
  '#f7f7f7',
  '#d1e5f0',
  '#92c5de',
  '#4393c3',
  '#2166ac',
  '#053061',
];
const RED_TO_BLUE = rgbBasis(RED_TO_BLUE_HEX);

// Okabe & Ito's categorical palette (yellow left out: too faint on white; orange and sky blue
// darkened on white, black turned light on the dark paper, so that each keeps 3:1 on its paper).
// Used for duplicate groups and for series in line charts.
export const CATEGORY_COLORS = [0, 1, 2, 3, 4, 5, 6].map((k) => `var(--category-${k})`);

// Binary cells: the one for 0 close to the paper, the one for 1 far from it; they differ in
// lightness, not only in hue. Digits on them are written in BIT_INK.
export const BIT_COLORS = { 0: 'var(--bit-0)', 1: 'var(--bit-1)' };
export const BIT_INK = { 0: 'var(--ink)', 1: 'var(--paper)' };

export const INK = 'var(--ink)';
// Marks drawn over the diverging scale's cells (a marked range, a label on its white box): the
// cells are the same light-centred colours in both themes, so these are too.
export const ON_CELLS_INK = '#1b1b1b';
export const ON_CELLS_PAPER = '#ffffff';
export const MUTED_INK = 'var(--muted)';
export const GRID_LINE = 'var(--line)';
export const PAPER = 'var(--paper)';
// Text in a series' hue, for tags: the blue and the vermilion of CATEGORY_COLORS are too light
// for text on the dark paper, these keep 4.5:1 in both themes.
export const ACCENT_INK = 'var(--accent)';
export const ALERT_INK = 'var(--alert)';
// Tints behind text: a highlighted row, a row of a repeated code, a box that is cached.
export const HIGHLIGHT_TINT = 'var(--warn-bg)';
export const REPEAT_TINT = 'var(--repeat-tint)';
export const CACHED_TINT = 'var(--cached-tint)';

/** Diverging colour for value in [-limit, limit]: blue below zero, white at zero, red above. */
export function divergingColor(value, limit) {
  const t = limit > 0 ? Math.max(-1, Math.min(1, value / limit)) : 0;
  return RED_TO_BLUE(0.5 - t / 2); // it runs red -> blue, so flip it
}

// Canvas cannot read CSS variables: the theme's value of each, looked up once per theme. Keyed by
// the theme shown (html's data-theme, set by web/app/theme.js) rather than cleared by a watcher,
// so that a page with no canvas chart, which never watches, still exports legends in the colours
// of the theme on screen.
const resolved = new Map();
const themeWatchers = new Set();
let themeObserver = null;

/** The colour a canvas should paint for color: a palette variable's current value, else color. */
export function canvasColor(color) {
  const key = `${document.documentElement.dataset.theme ?? ''} ${color}`;
  let value = resolved.get(key);
  if (value === undefined) {
    const name = /^var\((--[\w-]+)\)$/.exec(color)?.[1];
    value = name ? getComputedStyle(document.documentElement).getPropertyValue(name).trim() : color;
    resolved.set(key, value);
  }
  return value;
}

/** Calls repaint whenever the page's theme (html's data-theme attribute) changes. */
export function onThemeChange(repaint) {
  themeWatchers.add(repaint);
  themeObserver ??= new MutationObserver(() => {
    for (const watcher of themeWatchers) watcher();
  });
  themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
}
