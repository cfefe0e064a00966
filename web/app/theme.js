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
  const chosen = () => (choice === 'auto' ? (systemDark.matches ? 'dark' : 'light') : choice);
  show(chosen());
  systemDark.addEventListener('change', () => show(chosen()));
  addEventListener('beforeprint', () => show('light'));
  addEventListener('afterprint', () => show(chosen()));
  return read.notes;
}

/** Adds the link's theme to search when one was chosen (auto needs no word). */
export function writeTheme(search) {
  if (choice !== SCHEMA.theme.defaultValue) search.set('theme', choice);
}
