// The page's colour theme, from theme=light|dark|auto in the link. auto, the default, follows the
// reader's system setting (prefers-color-scheme), also when it changes while the page is open.
// The theme shown is html's data-theme attribute, light or dark: web/styles/themes.css turns it
// into colours, and canvas charts repaint when it changes (web/charts/palette.js). A printout
// always uses the light theme.
import { choiceParam, readParams } from '../lib/url-params.js';

const SCHEMA = { theme: choiceParam('auto', ['auto', 'light', 'dark']) };
let choice = SCHEMA.theme.defaultValue;

function show(theme) {
  if (document.documentElement.dataset.theme !== theme) document.documentElement.dataset.theme = theme;
}

/** Shows the theme the link asks for and keeps following the system's when that is auto.
 *  Returns notes about a theme value that could not be used. */
export function applyTheme(search) {
  const read = readParams(search, 'page', SCHEMA);
  choice = read.state.theme;
  const systemDark = matchMedia('(prefers-color-scheme: dark)');
  const print = matchMedia('print');
  const dark = () => choice === 'dark' || (choice === 'auto' && systemDark.matches);
  const update = (printing) => show(!printing && dark() ? 'dark' : 'light');
  update(print.matches);
  systemDark.addEventListener('change', () => update(print.matches));
  // The print media query changes when a page is laid out for paper; not every browser tells it
  // before the layout, but all send beforeprint.
  print.addEventListener('change', (event) => update(event.matches));
  addEventListener('beforeprint', () => update(true));
  addEventListener('afterprint', () => update(false));
  return read.notes;
}

/** Adds the link's theme to search when one was chosen (auto needs no word). */
export function writeTheme(search) {
  if (choice !== SCHEMA.theme.defaultValue) search.set('theme', choice);
}
