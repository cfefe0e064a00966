// The binary grid in headless Chromium: alone (?view=grid) and on the full page, the lecture's
// table checked cell by cell on the canvas itself, 65,536 rows scrolled to the end, presets,
// hover, click and keyboard readouts (the keys scrolling the cursor into view, its outline and
// the pointer's), the URL following the controls, friendly errors, and 390 px.
// Run: node --test tests/e2e/grid.test.mjs   (after `bash .ci/build.sh web`)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  currentQuery,
  nextFrame,
  openPage,
  screenshot,
  scrollsSideways,
  snapshot,
  useSession,
  visibleSteps,
  waitForSnapshot,
} from './support/browser.mjs';

// The light theme's bit colours (--bit-0, --bit-1 of web/styles/themes.css) as RGB; the outlines of the keyboard cursor
// (CATEGORY_COLORS[4]) and of the cell under the pointer (INK).
const BIT_RGB = { 0: [0xe8, 0xee, 0xf5], 1: [0x0b, 0x3d, 0x6b] };
const CURSOR_RGB = [0xd5, 0x5e, 0x00];
const INK_RGB = [0x1f, 0x23, 0x28];

// The lecture's table, positions 64 to 75 with 8 bits, most significant bit first.
const LECTURE_TABLE = [
  [64, '01000000'],
  [65, '01000001'],
  [66, '01000010'],
  [67, '01000011'],
  [68, '01000100'],
  [69, '01000101'],
  [70, '01000110'],
  [71, '01000111'],
  [72, '01001000'],
  [73, '01001001'],
  [74, '01001010'],
  [75, '01001011'],
];

const session = useSession();

async function openGrid(query, options) {
  return openPage(session, `${session.url}index.html?view=grid${query}`, options);
}

// The colours drawn at points = [{ x, y }] of the visible canvas (CSS pixels), read from its
// device pixels. One read of the whole canvas: repeated reads make Chrome warn.
function canvasColors(page, points) {
  return page.evaluate((points) => {
    const canvas = document.querySelector('[data-testid="binary-grid"]');
    const ratio = canvas.width / canvas.clientWidth;
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    return points.map(({ x, y }) => {
      const at = (Math.round(y * ratio) * canvas.width + Math.round(x * ratio)) * 4;
      return [data[at], data[at + 1], data[at + 2]];
    });
  }, points);
}

// The colours drawn near the top-left corner of cells (away from the digit in the middle),
// cells = [{ row, k }] with row 0-based in the range and k the lecture's index.
async function cellColors(page, cells) {
  const { geometry, dim } = await snapshot(page);
  return canvasColors(
    page,
    cells.map(({ row, k }) => ({
      x: geometry.cellLeft + (dim - k) * geometry.cellWidth + 3 - geometry.scrollLeft,
      y: geometry.headerHeight + row * geometry.rowHeight + 3 - geometry.scrollTop,
    })),
  );
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
    assert.deepEqual(
      state.rows.map((row) => [row.position, row.bits]),
      LECTURE_TABLE,
    );
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
    assert.deepEqual(
      state.rows.map((row) => row.jump),
      [1, 2, 1, 3, 1, 2, 1, 4, 1, 2, 1, null],
    );
    assert.deepEqual(state.facts.largestJump, { from: 71, to: 72, bits: 4, times: 1 });
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
    assert.deepEqual(state.facts.largestJump, { from: 32767, to: 32768, bits: 16, times: 1 });
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
      { row: 65535, k: 1 },
      { row: 65535, k: 2 },
      { row: 65534, k: 1 },
      { row: 65534, k: 2 },
    ]);
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
  assert.deepEqual(
    (await snapshot(page)).rows.map((row) => [row.position, row.bits]),
    LECTURE_TABLE,
  );
  assert.equal(await currentQuery(page), '?view=grid&start=64&count=12');

  await page.getByRole('button', { name: '200 = 11001000' }).click();
  assert.deepEqual((await snapshot(page)).rows[0], { position: 200, bits: '11001000', jump: 1, sameCodeAs: 200 });

  await page.getByRole('button', { name: '127 → 128: every bit flips' }).click();
  let state = await snapshot(page);
  const step = state.rows.find((row) => row.position === 127);
  assert.equal(step.jump, 8);
  assert.equal(state.rows.find((row) => row.position === 128).jump, 1);
  assert.deepEqual(state.facts.largestJump, { from: 127, to: 128, bits: 8, times: 1 });

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

test('PageUp/PageDown move a screen of rows less one, Ctrl+Home/Ctrl+End to the first/last row, in view', async () => {
  const { page, problems } = await openGrid('&count=4096&dim=12');
  const readout = page.locator('.readout');
  await page.getByTestId('binary-grid').focus();
  const { geometry } = await snapshot(page);
  const room = geometry.viewport.height - geometry.headerHeight;
  const screen = Math.max(1, Math.floor(room / geometry.rowHeight) - 1);
  const cursorAt = async () => {
    const state = await snapshot(page);
    assert.ok(
      state.pointed.position >= state.firstVisible && state.pointed.position <= state.lastVisible,
      `position ${state.pointed.position} is in view (${state.firstVisible}..${state.lastVisible})`,
    );
    return state;
  };

  await page.keyboard.press('PageDown');
  let state = await cursorAt();
  assert.deepEqual([state.pointed.position, state.pointed.index], [screen, 12]);
  assert.equal(state.geometry.scrollTop, 0, 'still on the first screen: no scroll');
  await page.keyboard.press('PageDown');
  state = await cursorAt();
  assert.equal(state.pointed.position, 2 * screen);
  // Scrolled just enough to show the cursor's row at the bottom of the box.
  assert.equal(state.geometry.scrollTop, (2 * screen + 1) * geometry.rowHeight - room);
  await page.keyboard.press('PageUp');
  assert.equal((await cursorAt()).pointed.position, screen);

  await page.keyboard.press('End');
  await page.keyboard.press('Control+End');
  state = await cursorAt();
  assert.deepEqual([state.pointed.position, state.pointed.index], [4095, 1]);
  assert.equal(state.lastVisible, 4095);
  assert.match(await readout.textContent(), /^Position 4,095 = 111111111111 · index 1 \(LSB\), code index 0 · bit 1$/);
  await page.keyboard.press('PageDown'); // stays on the last row
  assert.equal((await cursorAt()).pointed.position, 4095);

  await page.keyboard.press('Home');
  await page.keyboard.press('Control+Home');
  state = await cursorAt();
  assert.deepEqual([state.pointed.position, state.pointed.index], [0, 12]);
  assert.equal(state.geometry.scrollTop, 0);
  await page.keyboard.press('PageUp'); // stays on the first row
  assert.equal((await cursorAt()).pointed.position, 0);
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the keys never scroll the page');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('at 390 px the keyboard cursor starts right of the frozen position column and Home/End scroll sideways', async () => {
  const dim = 16;
  const { page, problems } = await openGrid(`&count=16&dim=${dim}`, { width: 390 });
  // Where a cell column is drawn on the canvas, and whether all of it is in view.
  const column = ({ geometry }, k) => {
    const left = geometry.cellLeft + (dim - k) * geometry.cellWidth - geometry.scrollLeft;
    return { left, inView: left >= geometry.positionWidth && left + geometry.cellWidth <= geometry.viewport.width };
  };
  const opened = await snapshot(page);
  await page.getByTestId('binary-grid').focus();
  let state = await snapshot(page);
  const { scrollLeft, positionWidth, cellLeft, cellWidth } = state.geometry;
  assert.equal(scrollLeft, opened.geometry.scrollLeft, 'focus does not scroll');
  const firstInView = Math.ceil((scrollLeft + positionWidth - cellLeft) / cellWidth); // cell column
  assert.deepEqual([state.pointed.position, state.pointed.index], [0, dim - firstInView]);
  assert.ok(column(state, state.pointed.index).inView, 'the first cell wholly in view');
  assert.ok(!column(state, state.pointed.index + 1).inView, 'the one left of it is (partly) under the position column');

  await page.keyboard.press('Home');
  state = await snapshot(page);
  assert.equal(state.pointed.index, dim);
  assert.ok(column(state, dim).inView, 'the MSB scrolled into view');
  assert.ok(Math.abs(column(state, dim).left - state.geometry.positionWidth) < 1, 'just right of the position column');
  await page.keyboard.press('ArrowRight');
  assert.equal((await snapshot(page)).geometry.scrollLeft, state.geometry.scrollLeft, 'no scroll while in view');

  await page.keyboard.press('End');
  state = await snapshot(page);
  assert.equal(state.pointed.index, 1);
  assert.ok(column(state, 1).inView, 'the LSB scrolled back into view');
  await screenshot(page, 'grid-keyboard-sideways-390');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a click puts the keyboard cursor on the cell; the position column reads the row; both marks are drawn', async () => {
  const { page, problems } = await openGrid('&start=64&count=12&dim=8');
  const readout = page.locator('.readout');
  const { geometry } = await snapshot(page);
  const box = await page.getByTestId('binary-grid').boundingBox();
  const rowY = (row) => box.y + geometry.headerHeight + (row + 0.5) * geometry.rowHeight;

  await page.mouse.move(box.x + geometry.positionWidth / 2, rowY(2));
  assert.deepEqual((await snapshot(page)).pointed, { position: 66 });
  assert.equal(await readout.textContent(), 'Position 66 = 01000010 · 1 of 8 bits flips to 67');
  // A click on the position column focuses the grid but picks no cell: the cursor starts top-left.
  await page.mouse.down();
  await page.mouse.up();
  await page.mouse.move(0, 0);
  assert.deepEqual((await snapshot(page)).pointed, { position: 64, index: 8, codeIndex: 7, bit: 0 });

  const cell = await cellCenter(page, 5, 3); // position 69, index 3
  await page.mouse.click(cell.x, cell.y);
  await page.mouse.move(0, 0);
  assert.deepEqual((await snapshot(page)).pointed, { position: 69, index: 3, codeIndex: 2, bit: 1 });
  await page.keyboard.press('ArrowUp');
  assert.deepEqual((await snapshot(page)).pointed, { position: 68, index: 3, codeIndex: 2, bit: 1 });

  // Pointing elsewhere reads that cell and outlines it, while the cursor keeps its own outline.
  const other = await cellCenter(page, 9, 6); // position 73, index 6
  await page.mouse.move(other.x, other.y);
  assert.deepEqual((await snapshot(page)).pointed, { position: 73, index: 6, codeIndex: 5, bit: 0 });
  const cellLeft = (k) => geometry.cellLeft + (8 - k) * geometry.cellWidth;
  const [cursorEdge, hoverEdge, plain] = await canvasColors(page, [
    { x: cellLeft(3) + 1, y: geometry.headerHeight + 4.5 * geometry.rowHeight },
    { x: cellLeft(6) + 0.5, y: geometry.headerHeight + 9.5 * geometry.rowHeight },
    { x: cellLeft(5) + 0.5, y: geometry.headerHeight + 9.5 * geometry.rowHeight },
  ]);
  assert.deepEqual(cursorEdge, CURSOR_RGB, 'the cursor outline');
  assert.deepEqual(hoverEdge, INK_RGB, 'the pointer outline');
  assertColor(plain, 0, 'the cell beside it (73 = 01001001): no outline');
  await screenshot(page, 'grid-click-and-hover');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a new zoom under a resting pointer forgets the pointed cell until the pointer moves', async () => {
  const { page, problems } = await openGrid('&start=64&count=12&dim=8');
  const readout = page.locator('.readout');
  const cell = await cellCenter(page, 3, 2);
  await page.mouse.move(cell.x, cell.y);
  assert.equal((await snapshot(page)).pointed.position, 67);
  await page.locator('input[data-field="zoom"]').fill('30');
  await nextFrame(page);
  assert.equal((await snapshot(page)).pointed, null);
  assert.match(await readout.textContent(), /^Point at a cell/);
  await page.mouse.move(cell.x + 1, cell.y);
  assert.equal((await snapshot(page)).pointed.index, 2, 'the next move reads again');
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
  for (const [dim, start] of [
    [8, 0],
    [16, 0],
    [31, 2147483632],
  ]) {
    const { page, problems } = await openGrid(`&start=${start}&count=16&dim=${dim}`, { width: 390 });
    const { geometry } = await snapshot(page);
    // Index 1 is the last cell column; it must lie right of the frozen position column and
    // inside the box the reader sees.
    const left = geometry.cellLeft + (dim - 1) * geometry.cellWidth - geometry.scrollLeft;
    const right = left + geometry.cellWidth;
    assert.ok(
      left >= geometry.positionWidth && right <= geometry.viewport.width,
      `${dim} bits: index 1 drawn at ${left}..${right}, visible from ${geometry.positionWidth} to ${geometry.viewport.width}`,
    );
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
    const colors = await cellColors(
      page,
      [0, 1, 2, 3].map((row) => ({ row, k: 1 })),
    );
    colors.forEach((color, row) => assertColor(color, (start + row) % 2, `${dim} bits, row ${row}, index 1`));
    assert.equal(await scrollsSideways(page), false, 'the page itself does not scroll sideways');
    await screenshot(page, `grid-lsb-first-${dim}-390`);
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

test('a narrower window re-lays out the cells to the new width', async () => {
  const { page, problems } = await openGrid('&start=0&count=16&dim=16', { width: 1280 });
  const wide = (await snapshot(page)).geometry;
  await page.setViewportSize({ width: 390, height: 900 });
  const narrow = (await waitForSnapshot(page, (state) => state.geometry.viewport.width < wide.viewport.width)).geometry;
  assert.ok(narrow.cellWidth <= wide.cellWidth, `cell width ${wide.cellWidth} -> ${narrow.cellWidth}`);
  assert.ok(narrow.viewport.width <= 390 && narrow.viewport.width < wide.viewport.width);
  assert.equal(await scrollsSideways(page), false);
  assert.deepEqual(problems, []);
});

// Bits that differ between p and p + 1 within the lowest dim bits, from first principles.
function flipped(p, dim) {
  let count = 0;
  for (let i = 0; i < dim; i += 1) count += Math.floor(p / 2 ** i) % 2 !== Math.floor((p + 1) / 2 ** i) % 2 ? 1 : 0;
  return count;
}

test("every sentence of the grid's note holds in every range, and the zoom hint reads as English", async () => {
  const { page, problems } = await openGrid('');
  const ranges = [
    [0, 16, 8],
    [64, 12, 8],
    [120, 16, 8],
    [120, 140, 8],
    [248, 16, 8],
    [127, 2, 8],
    [128, 2, 8],
    [5, 1, 8],
    [0, 16, 1],
    [3, 9, 1],
    [0, 64, 2],
    [0, 65536, 16],
    [32760, 16, 16],
    [2147483632, 16, 31],
    [2147483647, 1, 31],
    [1000, 300, 4],
  ];
  const number = (text) => Number(text.replaceAll(',', ''));
  for (const [start, count, dim] of ranges) {
    const label = `start ${start}, count ${count}, dim ${dim}`;
    await page.evaluate(
      ([s, c, d]) => {
        const field = (name) => document.querySelector(`input[data-field="${name}"]`);
        field('start').value = String(s);
        field('count').value = String(c);
        field('dim').value = String(d);
        field('dim').dispatchEvent(new Event('input', { bubbles: true }));
      },
      [start, count, dim],
    );
    const state = await snapshot(page);
    assert.deepEqual([state.start, state.count, state.dim, state.message ?? ''], [start, count, dim, ''], label);
    const jumps = Array.from({ length: count - 1 }, (_, r) => flipped(start + r, dim));
    const repeatsFrom = dim >= 31 ? null : 2 ** dim;
    const bitWords = (bits) => (bits === 1 ? 'a single bit' : bits === dim ? `all ${bits} bits` : `${bits} bits`);
    const note = await page.locator('.figure-note').textContent();
    let at = 0;
    const forms = [
      [
        /(\d+) bits? gives? every position up to ([\d,]+) a code of its own\./y,
        ([, d, last]) => {
          assert.equal(repeatsFrom, null, label);
          assert.deepEqual([Number(d), number(last)], [dim, 2 ** 31 - 1], label);
        },
      ],
      [
        /(\d+) bits? gives? ([\d,]+) codes, one each for positions 0–([\d,]+); from ([\d,]+) on the codes repeat \(([\d,]+) looks like 0, ([\d,]+) like 1, …\)\./y,
        ([, d, codes, last, from, zero, one]) => {
          assert.deepEqual(
            [d, codes, last, from, zero, one].map(number),
            [dim, repeatsFrom, repeatsFrom - 1, repeatsFrom, repeatsFrom, repeatsFrom + 1],
            label,
          );
        },
      ],
      [
        /This range stays below ([\d,]+), so every row here has its own code\./y,
        ([, limit]) => {
          assert.equal(number(limit), repeatsFrom, label);
          assert.ok(start + count - 1 < repeatsFrom, label);
        },
      ],
      [
        /Here every row from ([\d,]+) to ([\d,]+) \(tinted\) repeats an earlier code: ([\d,]+) looks exactly like ([\d,]+)\./y,
        ([, from, to, p, q]) => {
          assert.deepEqual([from, to].map(number), [Math.max(start, repeatsFrom), start + count - 1], label);
          assert.ok(number(q) < number(p) && number(p) % repeatsFrom === number(q) % repeatsFrom, label);
        },
      ],
      [
        /Here row ([\d,]+) \(tinted\) repeats an earlier code: it looks exactly like ([\d,]+)\./y,
        ([, p, q]) => {
          assert.equal(count, 1, label);
          assert.ok(number(p) === start && start >= repeatsFrom, label);
          assert.ok(number(q) < number(p) && number(p) % repeatsFrom === number(q) % repeatsFrom, label);
        },
      ],
      [/With a single row there is no step to the next position\./y, () => assert.equal(count, 1, label)],
      [
        /The one step here, ([\d,]+) → ([\d,]+), flips (.+?)\./y,
        ([, from, to, bits]) => {
          assert.equal(count, 2, label);
          assert.deepEqual([number(from), number(to), bits], [start, start + 1, bitWords(jumps[0])], label);
        },
      ],
      [
        /Every step between neighbouring rows here flips (.+?)\./y,
        ([, bits]) => {
          assert.ok(count > 2 && jumps.every((jump) => jump === jumps[0]), label);
          assert.equal(bits, bitWords(jumps[0]), label);
        },
      ],
      [
        /([\d,]+) of ([\d,]+) steps between neighbours (flips?) a single bit, but (?:the largest jump, ([\d,]+) → ([\d,]+), flips (.+?)|([\d,]+) steps flip (.+?), the most here, the first at ([\d,]+) → ([\d,]+)): neighbouring positions are not equally far apart\./y,
        ([, ones, steps, verb, from1, to1, bits1, times, bitsN, fromN, toN]) => {
          const largest = Math.max(...jumps);
          assert.deepEqual([number(ones), number(steps)], [jumps.filter((jump) => jump === 1).length, count - 1], label);
          assert.equal(verb, number(ones) === 1 ? 'flips' : 'flip', label);
          assert.ok(Math.min(...jumps) < largest, label);
          const first = start + jumps.indexOf(largest);
          const [from, to, bits] = from1 ? [from1, to1, bits1] : [fromN, toN, bitsN];
          assert.deepEqual([number(from), number(to), bits], [first, first + 1, bitWords(largest)], label);
          assert.equal(from1 ? 1 : number(times), jumps.filter((jump) => jump === largest).length, label);
        },
      ],
      [
        /Rows shorter than 14 px label only the positions that are multiples of (\d+); point at a row to read it\./y,
        ([, every]) => {
          assert.ok(state.zoom < 14 && [2, 4, 8].includes(Number(every)), label);
        },
      ],
    ];
    while (at < note.length) {
      const form = forms.find(([pattern]) => {
        pattern.lastIndex = at;
        return pattern.test(note);
      });
      assert.ok(form, `${label}: no known form for “${note.slice(at)}”`);
      form[0].lastIndex = at;
      form[1](form[0].exec(note));
      at = form[0].lastIndex;
      while (note[at] === ' ') at += 1;
    }
    assert.doesNotMatch(note, /\d(st|nd|rd|th) /, `${label}: a numeric ordinal`);
  }
  // The smallest zoom labels every 8th row: the hint says so without "8th".
  await page.locator('input[data-field="zoom"]').fill('2');
  assert.match(
    await page.locator('.figure-note').textContent(),
    /Rows shorter than 14 px label only the positions that are multiples of 8; point at a row to read it\.$/,
  );
  await page.locator('input[data-field="zoom"]').fill('6');
  assert.match(await page.locator('.figure-note').textContent(), /label only the positions that are multiples of 4;/);
  assert.deepEqual(problems, []);
  await page.context().close();
});
