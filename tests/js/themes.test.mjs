// The two colour themes of web/styles/themes.css: every text colour against every background it
// is drawn on keeps WCAG's 4.5:1 contrast in both themes, and the chart colours keep 3:1 against
// the paper in both (graphics need 3:1: on white that takes Okabe & Ito's orange and sky blue darkened).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const css = readFileSync(new URL('../../web/styles/themes.css', import.meta.url), 'utf8');

// The custom properties of the block that starts at opening.
function properties(opening) {
  const start = css.indexOf(opening);
  assert.ok(start >= 0, `themes.css has ${opening}`);
  const block = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map(([, name, value]) => [name, value]));
}

const light = properties(':root {');
const THEMES = { light, dark: { ...light, ...properties(":root[data-theme='dark'] {") } };

// WCAG 2 relative luminance and contrast ratio.
function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a, b) {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

// [text, background] as drawn on the page and in the charts.
const TEXT_PAIRS = [
  ...['--ink', '--muted', '--accent', '--alert'].flatMap((text) => [
    [text, '--paper'],
    [text, '--panel'],
  ]),
  ...['--warn-bg', '--error-bg', '--repeat-tint', '--cached-tint', '--band-1', '--band-2', '--bit-0'].map((bg) => ['--ink', bg]),
  ['--muted', '--cached-tint'],
  ['--muted', '--band-2'],
  ['--accent', '--cached-tint'],
  ['--alert', '--cached-tint'],
  ['--alert', '--alert-bg'],
  ['--error-line', '--paper'],
  ['--paper', '--bit-1'],
  ['--paper', '--accent'],
];

test('the ratio follows WCAG: black on white is 21:1, equal colours 1:1', () => {
  assert.ok(Math.abs(contrast('#000000', '#ffffff') - 21) < 1e-9);
  assert.equal(contrast('#777777', '#777777'), 1);
});

for (const [theme, colors] of Object.entries(THEMES)) {
  test(`${theme} theme: text keeps 4.5:1 against each background it sits on`, () => {
    for (const [text, background] of TEXT_PAIRS) {
      assert.ok(colors[text] && colors[background], `${theme} defines ${text} and ${background}`);
      const ratio = contrast(colors[text], colors[background]);
      const pair = `${text} ${colors[text]} on ${background} ${colors[background]}`;
      assert.ok(ratio >= 4.5, `${theme}: ${pair} is ${ratio.toFixed(2)}:1`);
    }
  });
}

for (const [theme, colors] of Object.entries(THEMES)) {
  test(`${theme} theme: every chart colour keeps 3:1 against the paper`, () => {
    const names = Object.keys(colors).filter((key) => key.startsWith('--category-'));
    assert.equal(names.length, 7, 'seven series colours');
    for (const name of [...names, '--bit-1']) {
      const ratio = contrast(colors[name], colors['--paper']);
      assert.ok(ratio >= 3, `${theme}: ${name} ${colors[name]} on ${colors['--paper']} is ${ratio.toFixed(2)}:1`);
    }
  });
}
