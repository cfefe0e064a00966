// The binary grid in headless Chromium: alone (?view=grid) and on the full page, the lecture's
// table checked cell by cell on the canvas itself, 65,536 rows scrolled to the end, presets,
// hover and keyboard readouts, the URL following the controls, friendly errors, and 390 px.
// Run: node --test tests/e2e/grid.test.mjs   (after `bash .ci/build.sh web`)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  currentQuery, nextFrame, openPage, screenshot, scrollsSideways, snapshot, useSession, visibleSteps,
} from './support/browser.mjs';

// BIT_COLORS of web/charts/palette.js as RGB.
const BIT_RGB = { 0: [0xe8, 0xee, 0xf5], 1: [0x0b, 0x3d, 0x6b] };

// The lecture's table, positions 64 to 75 with 8 bits, most significant bit first.
const LECTURE_TABLE = [
  [64, '01000000'], [65, '01000001'], [66, '01000010'], [67, '01000011'],
  [68, '01000100'], [69, '01000101'], [70, '01000110'], [71, '01000111'],
  [72, '01001000'], [73, '01001001'], [74, '01001010'], [75, '01001011'],
];

const session = useSession();

async function openGrid(query, options) {
  return openPage(session, `${session.url}index.html?view=grid${query}`, options);
}

// The colours drawn near the top-left corner of cells (away from the digit in the middle),
// cells = [{ row, k }] with row 0-based in the range and k the lecture's index, read from the
// canvas's device pixels. One read of the whole canvas: repeated reads make Chrome warn.
function cellColors(page, cells) {
  return page.evaluate((cells) => {
    const { geometry, dim } = window.peDemo.snapshot();
    const canvas = document.querySelector('[data-testid="binary-grid"]');
    const ratio = canvas.width / canvas.clientWidth;
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    return cells.map(({ row, k }) => {
      const x = Math.round((geometry.cellLeft + (dim - k) * geometry.cellWidth + 3 - geometry.scrollLeft) * ratio);
      const y = Math.round((geometry.headerHeight + row * geometry.rowHeight + 3 - geometry.scrollTop) * ratio);
      const at = (y * canvas.width + x) * 4;
      return [data[at], data[at + 1], data[at + 2]];
    });
  }, cells);
}

function assertColor(actual, bit, where) {
  const expected = BIT_RGB[bit];
  const close = actual.every((channel, c) => Math.abs(channel - expected[c]) <= 2);
  assert.ok(close, `${where}: drawn ${actual}, expected bit ${bit} (${expected})`);
}

// Cell centre in page coordinates, for the mouse.
async function cellCenter(page, row, k) {
  const { geometry, dim } = await snapshot(page);
  const box = await page.getByTestId('binary-grid').boundingBox();
  return {
    x: box.x + geometry.cellLeft + (dim - k + 0.5) * geometry.cellWidth - geometry.scrollLeft,
    y: box.y + geometry.headerHeight + (row + 0.5) * geometry.rowHeight - geometry.scrollTop,
  };
}

test('?view=grid&start=64&count=12&dim=8 shows only the grid: the lecture table, cell by cell', async () => {
  for (const width of [1280, 390]) {
    const { page, problems } = await openGrid('&start=64&count=12&dim=8', { width });
    assert.deepEqual(await visibleSteps(page), ['grid']);
    const state = await snapshot(page);
    assert.equal(state.view, 'grid');
    assert.deepEqual([state.start, state.count, state.dim], [64, 12, 8]);
    assert.deepEqual(state.rows.map((row) => [row.position, row.bits]), LECTURE_TABLE);
    // Sized to its content: all 12 rows in view, no scrolling needed.
    assert.equal(state.firstVisible, 64);
    assert.equal(state.lastVisible, 75);
    const cells = LECTURE_TABLE.flatMap((_, row) => [8, 7, 6, 5, 4, 3, 2, 1].map((k) => ({ row, k })));
    const colors = await cellColors(page, cells);
    cells.forEach(({ row, k }, n) => {
      const [position, bits] = LECTURE_TABLE[row];
      assertColor(colors[n], bits[8 - k], `${width} px, position ${position}, index ${k}`);
    });
    // Indices 5-8 do not change inside 64..75; the steps flip 1, 2, 1, 3, 1, 2, 1, 4, 1, 2, 1 bits.
    assert.deepEqual(state.rows.map((row) => row.jump), [1, 2, 1, 3, 1, 2, 1, 4, 1, 2, 1, null]);
    assert.deepEqual(state.facts.largestJump, { from: 71, to: 72, bits: 4 });
    assert.equal(state.repeatsFrom, 256);
    assert.equal(state.facts.firstRepeatRow, null);
    assert.equal(await scrollsSideways(page), false, `no sideways page scroll at ${width} px`);
    await screenshot(page, `grid-lecture-table-${width}`);
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

test('on the full page the grid starts at 0..15 with 8 bits and fits 390 px', async () => {
  for (const width of [1280, 390]) {
    const { page, problems } = await openPage(session, `${session.url}index.html`, { width });
    const state = (await snapshot(page)).views.grid;
    assert.deepEqual([state.start, state.count, state.dim, state.zoom], [0, 16, 8, 22]);
    assert.equal(state.rows[5].bits, '00000101');
    assert.equal(state.rows[7].jump, 4); // 7 -> 8
    assert.equal(await scrollsSideways(page), false);
    await screenshot(page, `grid-page-${width}`);
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

test('65,536 positions x 16 bits scroll to the very last row', async () => {
  for (const width of [1280, 390]) {
    const { page, problems } = await openGrid('', { width });
    await page.getByRole('button', { name: '65,536 positions × 16 bits' }).click();
    let state = await snapshot(page);
    assert.deepEqual([state.start, state.count, state.dim], [0, 65536, 16]);
    assert.deepEqual(state.facts.largestJump, { from: 32767, to: 32768, bits: 16 });
    assert.equal(state.facts.oneBitSteps, 32768);
    await page.evaluate(() => {
      const scroller = document.querySelector('.grid-scroller');
      scroller.scrollTop = scroller.scrollHeight;
      scroller.scrollLeft = scroller.scrollWidth; // at 390 px the low indices are off to the right
    });
    await nextFrame(page);
    state = await snapshot(page);
    assert.equal(state.lastVisible, 65535);
    const last = state.rows[state.rows.length - 1];
    assert.deepEqual(last, { position: 65535, bits: '1111111111111111', jump: null, sameCodeAs: 65535 });
    const before = state.rows[state.rows.length - 2];
    assert.deepEqual(before, { position: 65534, bits: '1111111111111110', jump: 1, sameCodeAs: 65534 });
    // The drawing agrees: the last row is all ones, the one before ends in a 0.
    const [last1, last2, before1, before2] = await cellColors(page, [
      { row: 65535, k: 1 }, { row: 65535, k: 2 }, { row: 65534, k: 1 }, { row: 65534, k: 2 }]);
    assertColor(last1, 1, 'position 65535, index 1');
    assertColor(last2, 1, 'position 65535, index 2');
    assertColor(before1, 0, 'position 65534, index 1');
    assertColor(before2, 1, 'position 65534, index 2');
    // Smallest zoom: still the last row, labelled every few rows.
    await page.locator('input[data-field="zoom"]').fill('2');
    await nextFrame(page);
    state = await snapshot(page);
    assert.equal(state.zoom, 2);
    assert.match(await currentQuery(page), /zoom=2/);
    assert.equal(await scrollsSideways(page), false);
    await screenshot(page, `grid-65536-${width}`);
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

test('presets: the lecture table, 200 = 11001000, 127 -> 128 and the repeat at 256', async () => {
  const { page, problems } = await openGrid('');
  await page.getByRole('button', { name: 'Lecture table: 64–75' }).click();
  assert.deepEqual((await snapshot(page)).rows.map((row) => [row.position, row.bits]), LECTURE_TABLE);
  assert.equal(await currentQuery(page), '?view=grid&start=64&count=12');

  await page.getByRole('button', { name: '200 = 11001000' }).click();
  assert.deepEqual((await snapshot(page)).rows[0], { position: 200, bits: '11001000', jump: 1, sameCodeAs: 200 });

  await page.getByRole('button', { name: '127 → 128: every bit flips' }).click();
  let state = await snapshot(page);
  const step = state.rows.find((row) => row.position === 127);
  assert.equal(step.jump, 8);
  assert.equal(state.rows.find((row) => row.position === 128).jump, 1);
  assert.deepEqual(state.facts.largestJump, { from: 127, to: 128, bits: 8 });

  await page.getByRole('button', { name: '8 bits run out at 256' }).click();
  state = await snapshot(page);
  assert.equal(state.facts.firstRepeatRow, 8);
  const at256 = state.rows.find((row) => row.position === 256);
  assert.deepEqual(at256, { position: 256, bits: '00000000', jump: 1, sameCodeAs: 0 });
  assert.equal(state.rows.find((row) => row.position === 255).jump, 8);
  const note = await page.locator('.figure-note').textContent();
  assert.match(note, /256 looks exactly like 0/);
  await screenshot(page, 'grid-repeat-256');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('hover and keyboard focus read out position, index, code index and bit', async () => {
  const { page, problems } = await openGrid('&start=64&count=12&dim=8');
  const readout = page.locator('.readout');
  const point = await cellCenter(page, 8, 4); // position 72, index 4
  await page.mouse.move(point.x, point.y);
  assert.deepEqual((await snapshot(page)).pointed, { position: 72, index: 4, codeIndex: 3, bit: 1 });
  assert.match(await readout.textContent(), /Position 72 = 01001000 · index 4, code index 3 · bit 1/);
  await page.mouse.move(0, 0);
  assert.match(await readout.textContent(), /Point at a cell/);

  await page.getByTestId('binary-grid').focus();
  assert.deepEqual((await snapshot(page)).pointed, { position: 64, index: 8, codeIndex: 7, bit: 0 });
  assert.match(await readout.textContent(), /index 8 \(MSB\)/);
  await page.keyboard.press('End');
  assert.deepEqual((await snapshot(page)).pointed, { position: 64, index: 1, codeIndex: 0, bit: 0 });
  assert.match(await readout.textContent(), /index 1 \(LSB\), code index 0/);
  await page.keyboard.press('ArrowDown');
  assert.deepEqual((await snapshot(page)).pointed, { position: 65, index: 1, codeIndex: 0, bit: 1 });
  await page.keyboard.press('Control+End');
  assert.deepEqual((await snapshot(page)).pointed, { position: 75, index: 1, codeIndex: 0, bit: 1 });
  await screenshot(page, 'grid-keyboard-focus');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the keyboard cursor scrolls a long grid along with it', async () => {
  const { page, problems } = await openGrid('&count=4096&dim=12');
  await page.getByTestId('binary-grid').focus();
  for (let n = 0; n < 5; n += 1) await page.keyboard.press('PageDown');
  const state = await snapshot(page);
  assert.ok(state.pointed.position > 50, `the cursor moved down: ${state.pointed.position}`);
  assert.ok(state.pointed.position >= state.firstVisible && state.pointed.position <= state.lastVisible, 'and is in view');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the URL follows the controls; bad values get a message and the grid keeps working', async () => {
  const { page, problems } = await openGrid('');
  await page.locator('input[data-field="start"]').fill('120');
  await page.locator('input[data-field="dim"]').fill('10');
  assert.equal(await currentQuery(page), '?view=grid&start=120&dim=10');
  assert.equal((await snapshot(page)).rows[0].bits, '0001111000');

  const message = page.locator('.view-message');
  await page.locator('input[data-field="count"]').fill('0');
  assert.equal(await message.textContent(), 'Positions (rows) must be a whole number from 1 to 65,536.');
  assert.equal((await snapshot(page)).count, 16, 'the last good state stays');
  assert.equal(await currentQuery(page), '?view=grid&start=120&dim=10');

  await page.locator('input[data-field="count"]').fill('16');
  assert.ok(await message.isHidden());
  await page.locator('input[data-field="start"]').fill('2147483640');
  assert.match(await message.textContent(), /^These settings do not work: count must be an integer from 0 to 8 /);
  assert.equal((await snapshot(page)).start, 120);

  await page.locator('input[data-field="start"]').fill('2147483632');
  assert.ok(await message.isHidden());
  const state = await snapshot(page);
  assert.equal(state.rows[15].position, 2147483647);
  assert.equal(state.rows[15].bits, '1111111111');
  assert.equal(state.repeatsFrom, 1024);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a link whose range runs past 2^31 - 1 shows a message and the default range', async () => {
  const { page, problems } = await openGrid('&start=2147483647&count=100&dim=31');
  const state = await snapshot(page);
  assert.deepEqual([state.start, state.count, state.dim], [0, 16, 8]);
  assert.match(state.message, /The link’s range does not work/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('31 bits: no position repeats', async () => {
  const { page, problems } = await openGrid('&start=2147483632&count=16&dim=31', { width: 390 });
  const state = await snapshot(page);
  assert.equal(state.repeatsFrom, null);
  assert.equal(state.rows[15].bits, '1'.repeat(31));
  assert.match(await page.locator('.figure-note').textContent(), /31 bits give every position up to 2,147,483,647 a code of its own/);
  assert.equal(await scrollsSideways(page), false, 'a wide grid scrolls inside its own box');
  await screenshot(page, 'grid-31-bits-390');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('at 390 px a wide grid opens on index 1 (LSB), with a note that it scrolls sideways', async () => {
  for (const [dim, start] of [[8, 0], [16, 0], [31, 2147483632]]) {
    const { page, problems } = await openGrid(`&start=${start}&count=16&dim=${dim}`, { width: 390 });
    const { geometry } = await snapshot(page);
    // Index 1 is the last cell column; it must lie right of the frozen position column and
    // inside the box the reader sees.
    const left = geometry.cellLeft + (dim - 1) * geometry.cellWidth - geometry.scrollLeft;
    const right = left + geometry.cellWidth;
    assert.ok(left >= geometry.positionWidth && right <= geometry.viewport.width,
      `${dim} bits: index 1 drawn at ${left}..${right}, visible from ${geometry.positionWidth} to ${geometry.viewport.width}`);
    const hint = page.locator('.grid-scroll-hint');
    if (dim === 8) {
      assert.equal(geometry.scrollLeft, 0, '8 bits fit: nothing to scroll');
      assert.ok(await hint.isHidden(), 'no sideways note when the grid fits');
    } else {
      assert.ok(geometry.scrollLeft > 0, `${dim} bits open scrolled towards the LSB end`);
      assert.match(await hint.textContent(), /Scroll the grid sideways for higher indices/);
      assert.ok(await hint.isVisible());
    }
    // Index 1 flips on every row, and the drawing shows it: 0, 1, 0, 1, ...
    const colors = await cellColors(page, [0, 1, 2, 3].map((row) => ({ row, k: 1 })));
    colors.forEach((color, row) => assertColor(color, (start + row) % 2, `${dim} bits, row ${row}, index 1`));
    assert.equal(await scrollsSideways(page), false, 'the page itself does not scroll sideways');
    await screenshot(page, `grid-lsb-first-${dim}-390`);
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});
