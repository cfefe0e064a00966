// "Copy as code" in the page: each button copies the snippet for the settings on screen (the same
// text web/lib/python-snippets.js writes, whose numbers tests/js/python-snippets.test.mjs checks
// with python3), says so, and where the clipboard is closed (a sandboxed iframe) shows the snippet
// selected in a text box instead, with no console error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { encodingSnippet, frequencySnippet, rotationSnippet } from '../../web/lib/python-snippets.js';
import { experimentScript } from '../../web/lib/torch-experiment.js';
import { loadPE } from '../../web/pe.js';
import { REPO_ROOT, openPage, screenshot, scrollsSideways, snapshot, useSession } from './support/browser.mjs';

const session = useSession();
const pe = await loadPE();

/** Opens url with the clipboard granted, clicks the copy button of library in the figure that
 *  holds scope, and returns { text, status } once the page says it has copied. */
async function copyFrom(url, scope, library, { width = 1280 } = {}) {
  const opened = await openPage(session, url, { width });
  await opened.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(session.url).origin });
  const box = opened.page.locator('figure', { has: opened.page.locator(scope) }).locator('.copy-code');
  await box.locator(`button[data-library="${library}"]`).click();
  const status = box.locator('.copy-code-status', { hasText: 'Copied' });
  await status.waitFor();
  const text = await opened.page.evaluate(() => navigator.clipboard.readText());
  assert.ok(await box.locator('.copy-code-fallback').isHidden(), 'no text box once copied');
  return { ...opened, text, status: await status.textContent() };
}

test('the training lab copies its experiment as PyTorch: the script for the settings on screen, every chosen scheme', async () => {
  const url = `${session.url}?view=train&task=first&schemes=rope,alibi&norm=layer&size=tiny&length=6&steps=24&seed=5`;
  const { page, problems, text, status } = await copyFrom(url, 'button[aria-label="Copy this experiment as PyTorch code"]', 'torch');
  await pe.loadTrainer();
  const runs = ['rope', 'alibi'].map((scheme) => {
    const trainer = pe.trainer({
      task: 'first',
      scheme,
      norm: 'layer',
      causal: true,
      layers: 1,
      dModel: 16,
      heads: 2,
      trainingLength: 6,
      firstPosition: 0,
      learningRate: 0.01,
      steps: 24,
      seed: 5,
    });
    const { options } = trainer;
    trainer.dispose();
    return options;
  });
  assert.equal(
    text,
    experimentScript(
      pe.tasks.find(({ name }) => name === 'first'),
      runs,
    ),
  );
  assert.match(status, /^Copied \d+ lines of PyTorch\.$/);
  assert.equal(await page.locator('[data-control="loss"] .copy-code button').count(), 1, 'one button: PyTorch');
  await screenshot(page, 'train-copy-pytorch');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the grid copies its binary table as NumPy code', async () => {
  const { page, problems, text, status } = await copyFrom(`${session.url}?view=grid&start=64&count=12&dim=8`, 'canvas', 'numpy');
  assert.equal(text, encodingSnippet('numpy', { kind: 'binary', start: 64, count: 12, dim: 8 }));
  assert.match(status, /^Copied \d+ lines of NumPy\.$/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the sinusoidal view copies its table with its layout and base as PyTorch code', async () => {
  const url = `${session.url}?view=sinusoidal&start=7&count=20&dim=16&base=500000&layout=split`;
  const { page, problems, text } = await copyFrom(url, '.figure-title', 'torch');
  assert.equal(text, encodingSnippet('torch', { kind: 'sinusoidal', start: 7, count: 20, dim: 16, base: 500000, layout: 'split' }));
  assert.match(text, /layout split/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("the RoPE view copies the rotated query and the preset's scaled frequencies", async () => {
  const url = `${session.url}?view=rope&dim=16&pairing=half&position=12345&seed=3&preset=deepseek-v3`;
  const { page, problems, text } = await copyFrom(url, 'svg.rope-clocks', 'numpy');
  const state = await snapshot(page);
  const rows = Float32Array.from(state.query);
  assert.equal(
    text,
    rotationSnippet('numpy', {
      rows,
      dim: 16,
      base: 10000,
      pairing: 'half',
      start: 12345,
      what: 'the query q: row 3 of W_q of a random attention head drawn from fixed seeds',
    }),
  );
  // The snippet's rows are the query the clocks turn, and its result is the core's rotation.
  assert.deepEqual(Array.from(pe.rotate({ data: rows, dim: 16, start: 12345, pairing: 'half' })), state.rotated.half);

  const long = page.locator('figure', { has: page.locator('select[data-field="preset"]') }).locator('.copy-code');
  await long.locator('button[data-library="torch"]').click();
  await long.locator('.copy-code-status', { hasText: 'Copied' }).waitFor();
  const preset = pe.ropePresets.find(({ name }) => name === 'deepseek-v3');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), frequencySnippet('torch', preset));
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('dist/ opened from disk copies too, or shows the snippet to copy by hand, without a console error', async () => {
  const url = `${pathToFileURL(join(REPO_ROOT, 'dist/index.html')).href}?view=sinusoidal&dim=8&count=4`;
  const { page, problems } = await openPage(session, url);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']); // to read back what was copied
  const box = page.locator('.copy-code');
  await box.locator('button[data-library="numpy"]').click();
  const expected = encodingSnippet('numpy', { kind: 'sinusoidal', start: 0, count: 4, dim: 8, base: 10000, layout: 'interleaved' });
  await box.locator('.copy-code-status', { hasText: /^(Copied|NumPy code below)/ }).waitFor();
  if (await box.locator('.copy-code-fallback').isVisible()) assert.equal(await box.locator('.copy-code-text').inputValue(), expected);
  else assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('in <iframe sandbox="allow-scripts"> the snippet shows selected in a text box, and fits a phone', async () => {
  const { page, problems } = await openPage(session, `${session.url}tests/e2e/fixtures/sandboxed-embed.html`, { waitForReady: false });
  const frame = page.frameLocator('#embed');
  await frame.locator('body.ready').waitFor({ timeout: 15000 });
  const box = frame.locator('.copy-code');
  await box.locator('button[data-library="torch"]').click();
  const text = box.locator('.copy-code-text');
  await text.waitFor();
  assert.equal(await text.inputValue(), encodingSnippet('torch', { kind: 'binary', start: 64, count: 12, dim: 8 }));
  assert.match(await box.locator('.copy-code-why').textContent(), /did not let this page use the clipboard .* press Ctrl\+C/);
  assert.match(await box.locator('.copy-code-status').textContent(), /^PyTorch code below \(\d+ lines\)\.$/);
  // Selected, so Ctrl+C copies it.
  const selected = await page.frame({ url: /view=grid/ }).evaluate(() => {
    const area = document.querySelector('.copy-code-text');
    return area.value.slice(area.selectionStart, area.selectionEnd) === area.value && document.activeElement === area;
  });
  assert.ok(selected, 'the whole snippet is selected and focused');
  // Another range: the old snippet goes, and the next click writes the new one.
  await frame.locator('input[data-field="start"]').fill('100');
  await text.waitFor({ state: 'hidden' });
  assert.equal(await box.locator('.copy-code-status').textContent(), '');
  await box.locator('button[data-library="numpy"]').click();
  await box.locator('.copy-code-status', { hasText: 'NumPy code below' }).waitFor();
  assert.equal(await text.inputValue(), encodingSnippet('numpy', { kind: 'binary', start: 100, count: 12, dim: 8 }));
  assert.deepEqual(problems, []);
  await screenshot(page, 'copy-code-sandboxed');
  await page.context().close();

  for (const view of ['grid', 'sinusoidal', 'rope']) {
    const phone = await openPage(session, `${session.url}?view=${view}`, { width: 390 });
    await phone.page.locator('.copy-code button[data-library="numpy"]').first().click();
    assert.equal(await scrollsSideways(phone.page), false, `${view} at 390 px`);
    await screenshot(phone.page, `copy-code-${view}-390`);
    await phone.page.context().close();
  }
});
