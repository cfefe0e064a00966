// Accessibility checked by machine: axe-core over the full page and every embed (?view=NAME),
// with every "Show the numbers" table open too; no serious or critical violation may remain.
// Also what axe cannot judge: every drawn chart has a data table a screen reader reaches, and Tab
// follows the reading order. (Reduced motion, the RoPE clocks' play, is checked in rope.test.mjs.)
// Run: node web/build/dist.mjs && node --test --test-concurrency=1 tests/e2e/accessibility.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { VIEWS as REGISTRY } from '../../web/views/registry.js';
import { REPO_ROOT, openPage, useSession, waitForSnapshot } from './support/browser.mjs';

const VIEWS = REGISTRY.map(({ name }) => name);
const AXE = join(REPO_ROOT, 'node_modules/axe-core/axe.min.js');
const THEMES = ['light', 'dark'];
const BLOCKING = new Set(['serious', 'critical']);

const session = useSession();

// The serious and critical violations axe finds on the page as it is now, as readable lines.
async function axeProblems(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  return violations
    .filter(({ impact }) => BLOCKING.has(impact))
    .map(({ id, impact, help, nodes }) => `${impact} ${id}: ${help} (${nodes.length}×, e.g. ${nodes[0].target.join(' ')})`);
}

function openAllNumbers(page) {
  return page.evaluate(() => {
    for (const toggle of document.querySelectorAll('.figure-tools button[aria-expanded="false"]')) toggle.click();
  });
}

test('the axe harness reports what it should: a button with no name is a critical violation', async () => {
  const { page } = await openPage(session, `${session.url}?view=grid`);
  await page.evaluate(() => document.querySelector('main').append(document.createElement('button')));
  assert.match((await axeProblems(page)).join('\n'), /^critical button-name/m);
  await page.context().close();
});

for (const theme of THEMES) {
  test(`axe finds no serious or critical violation: full page and every embed, ${theme} theme`, async () => {
    for (const view of [null, ...VIEWS]) {
      const query = new URLSearchParams({ ...(view ? { view } : {}), ...(theme === 'light' ? {} : { theme }) });
      const { page, problems } = await openPage(session, `${session.url}?${query}`);
      await page.evaluate(() => window.peDemo.drawAll());
      const where = `${view ?? 'full page'}, ${theme}`;
      assert.deepEqual(await axeProblems(page), [], where);
      await openAllNumbers(page);
      assert.deepEqual(await axeProblems(page), [], `${where}, numbers shown`);
      assert.deepEqual(problems, [], where);
      await page.context().close();
    }
  });
}

// The training lab draws its charts only once its trainer has loaded, and its attention maps and
// position tables once the runs have ended: checked after a short run.
for (const theme of THEMES) {
  test(`axe finds no serious or critical violation in the training lab after a run, ${theme} theme`, async () => {
    const query = `view=train&size=tiny&length=6&steps=12&schemes=none,sinusoidal,rope,learned&autoplay=1&theme=${theme}`;
    const { page, problems } = await openPage(session, `${session.url}?${query}`);
    await waitForSnapshot(page, (state) => state.loaded && state.runs.every((run) => !run.busy), { timeout: 120000 });
    assert.equal(await page.locator('[data-control="attention"] canvas').count(), 2);
    assert.deepEqual(await axeProblems(page), [], `train, ${theme}`);
    await openAllNumbers(page);
    assert.deepEqual(await axeProblems(page), [], `train, ${theme}, numbers shown`);
    assert.deepEqual(problems, [], theme);
    await page.context().close();
  });
}

test('every drawn chart has its numbers as a table a screen reader reaches, cut to 100 rows with a note', async () => {
  const { page, problems } = await openPage(session, `${session.url}?grid.count=65536`);
  await page.evaluate(() => window.peDemo.drawAll());
  const missing = await page.evaluate(() =>
    [...document.querySelectorAll('figure.figure')]
      .filter((figure) => figure.querySelector('.figure-body canvas, .figure-body svg'))
      .filter((figure) => figure.querySelector('.figure-tools').hidden)
      .map((figure) => figure.querySelector('h3').textContent),
  );
  assert.deepEqual(missing, [], 'charts without a data table');

  const grid = page.locator('[data-view-slot="grid"] figure.figure');
  const toggle = grid.locator('button[aria-controls]'); // its name changes from Show to Hide
  assert.equal(await toggle.textContent(), 'Show the numbers');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await toggle.textContent(), 'Hide the numbers');
  const table = page.getByRole('table', { name: /^The numbers of: Index 1 \(LSB\)/ });
  assert.equal(await table.locator('tbody tr').count(), 100);
  const header = await table.locator('thead th').allTextContents();
  assert.equal(header[0], 'position');
  assert.equal(header.at(-3), 'index 1 = bit 0 (LSB)');
  assert.deepEqual(await table.locator('tbody tr').nth(5).locator('td').allTextContents(), [
    '5',
    '0',
    '0',
    '0',
    '0',
    '0',
    '1',
    '0',
    '1',
    '2',
    '5',
  ]);
  assert.equal(
    await grid.locator('.figure-numbers-note').textContent(),
    'Showing the first 100 of 65,536 rows; save the CSV for all of them.',
  );
  // The region is named after its figure, so two open tables are two differently named regions.
  assert.equal(await page.getByRole('region', { name: /^The numbers of: Index 1 \(LSB\)/ }).count(), 1);
  const waves = page.locator('[data-view-slot="waves"] figure.figure').first();
  await waves.locator('button[aria-controls]').click();
  const regionNames = await page.evaluate(() =>
    [...document.querySelectorAll('.figure-numbers:not([hidden])')].map(
      (region) => document.getElementById(region.getAttribute('aria-labelledby'))?.textContent,
    ),
  );
  assert.equal(regionNames.length, 2);
  assert.ok(regionNames.every(Boolean), `every open region has a name: ${regionNames}`);
  assert.notEqual(regionNames[0], regionNames[1]);
  await waves.locator('button[aria-controls]').click();
  // The region scrolls, so the keyboard must be able to reach it.
  assert.equal(await grid.locator('.figure-numbers').getAttribute('tabindex'), '0');
  // The table follows the figure: a new range rewrites it.
  await page.locator('[data-view-slot="grid"] input[data-field="start"]').fill('64');
  await page.locator('[data-view-slot="grid"] input[data-field="start"]').dispatchEvent('input');
  await page.waitForFunction(() => document.querySelector('[data-view-slot="grid"] .figure-numbers-table tbody td')?.textContent === '64');
  await toggle.click();
  assert.equal(await grid.locator('.figure-numbers').isHidden(), true);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('Tab visits the controls, charts and tools of each view in reading order', async () => {
  for (const view of VIEWS) {
    const { page, problems } = await openPage(session, `${session.url}?view=${view}`);
    // The lab draws its controls once the trainer's module has arrived, after the page is ready.
    if (view === 'train') await page.locator('[data-control="play"]').waitFor();
    // No positive tabindex anywhere (it would pull an element out of the reading order), and
    // pressing Tab moves forward through the document.
    assert.equal(await page.locator('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])').count(), 0, view);
    const positions = [];
    for (let k = 0; k < 40; k += 1) {
      await page.keyboard.press('Tab');
      const index = await page.evaluate(() => {
        const all = [...document.querySelectorAll('*')];
        return document.activeElement === document.body ? -1 : all.indexOf(document.activeElement);
      });
      if (index < 0 || (positions.length && index < positions.at(-1))) break; // wrapped round to the browser
      positions.push(index);
    }
    assert.ok(positions.length >= 5, `${view}: Tab reached ${positions.length} elements`);
    assert.deepEqual(
      positions,
      [...positions].sort((a, b) => a - b),
      `${view}: Tab follows the document order`,
    );
    assert.deepEqual(problems, [], view);
    await page.context().close();
  }
});

// Controls show what they hold (issue 23, finding 20): a number box is wide enough for its own
// largest value, and a closed select for its longest choice, in every view at 1280 and 390 px.
test('every number box fits its largest value and every select its longest choice, at 1280 and 390 px', async () => {
  const cut = [];
  for (const width of [1280, 390]) {
    for (const view of VIEWS) {
      const { page, problems } = await openPage(session, `${session.url}index.html?view=${view}`, { width, height: 844 });
      const found = await page.evaluate(() => {
        const visible = (node) => node.checkVisibility();
        const label = (node) => node.labels?.[0]?.textContent.trim().slice(0, 30) ?? node.getAttribute('aria-label');
        const boxes = [...document.querySelectorAll('input[type="number"][max]')].filter(visible).flatMap((box) => {
          const old = box.value;
          box.value = box.max;
          const over = box.scrollWidth > box.clientWidth ? [`box “${label(box)}” holding ${box.max}`] : [];
          box.value = old;
          return over;
        });
        const context = document.createElement('canvas').getContext('2d');
        // A closed select shows its choice between its left padding and the arrow (about 20 px).
        const selects = [...document.querySelectorAll('select')].filter(visible).flatMap((select) => {
          const style = getComputedStyle(select);
          context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const room = select.clientWidth - parseFloat(style.paddingLeft) - 20;
          return [...select.options]
            .filter((option) => context.measureText(option.text).width > room)
            .map((option) => `select “${option.text}”`);
        });
        return [...boxes, ...selects];
      });
      cut.push(...found.map((what) => `${view} at ${width}: ${what}`));
      assert.deepEqual(problems, [], `${view} at ${width}`);
      await page.context().close();
    }
  }
  assert.deepEqual(cut, []);
});
