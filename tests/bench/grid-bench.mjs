// Benchmark of the binary grid in headless Chromium (1280 x 900, devicePixelRatio 2).
// Run: node tests/bench/grid-bench.mjs   (after `bash .ci/build.sh web`; part of `npm run bench`)
//
// Times, in the page with performance.now(), the synchronous work from a change to a finished
// canvas (the browser composites that canvas in its next frame):
//   redraw       a 4096 x 16 grid repainted in full (every visible row fetched if needed and
//                drawn), at the default row height and at the smallest one (the most rows on
//                screen); and a zoom change, which also re-lays out the table and the page
//   scroll step  65,536 x 16 grid: scrollTop moves one screen down -> rows fetched from the
//                core if needed -> canvas painted; and jumps to random rows (always a fetch)
// and, for scrolling, the time from setting scrollTop to the next animation frame, which adds
// the browser's wait for the frame. Goal: median <= 16 ms (one frame at 60 Hz) for the redraws
// and scroll steps.
import { startSession, openPage } from '../e2e/support/browser.mjs';

const WARMUP = 10;
const SAMPLES = 120;
const GOAL_MS = 16;

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

function setZoom(page, height) {
  return page.evaluate(async (height) => {
    const slider = document.querySelector('input[data-field="zoom"]');
    slider.value = String(height);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    const { firstVisible, lastVisible } = await window.peDemo.snapshot();
    return lastVisible - firstVisible + 1;
  }, height);
}

// Runs the grid's scroll handler without moving: a repaint of everything on screen.
function timeRepaints(page) {
  return page.evaluate((count) => {
    const scroller = document.querySelector('.grid-scroller');
    const times = [];
    for (let n = 0; n < count; n += 1) {
      const begin = performance.now();
      scroller.dispatchEvent(new Event('scroll'));
      times.push(performance.now() - begin);
    }
    return times;
  }, WARMUP + SAMPLES);
}

// Alternates the zoom slider between two row heights; each change re-lays out and redraws.
function timeZoomRedraws(page, heights) {
  return page.evaluate(
    ({ heights, count }) => {
      const slider = document.querySelector('input[data-field="zoom"]');
      const times = [];
      for (let n = 0; n < count; n += 1) {
        slider.value = String(heights[n % 2]);
        const begin = performance.now();
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        times.push(performance.now() - begin);
      }
      return times;
    },
    { heights, count: WARMUP + SAMPLES },
  );
}

// Moves scrollTop and runs the grid's scroll handler at once (dispatching 'scroll' synchronously),
// then waits for the next frame so every sample starts from a quiet page.
function timeScrollSteps(page, mode) {
  return page.evaluate(
    async ({ mode, count }) => {
      const scroller = document.querySelector('.grid-scroller');
      const screen = scroller.clientHeight - 56; // minus the header: a whole new screen of rows
      const maxTop = scroller.scrollHeight - scroller.clientHeight;
      let seed = 12345;
      const random = () => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed / 2147483648;
      };
      const work = [];
      const toFrame = [];
      for (let n = 0; n < count; n += 1) {
        const next = mode === 'step' ? (scroller.scrollTop + screen) % maxTop : Math.floor(random() * maxTop);
        const begin = performance.now();
        scroller.scrollTop = next;
        scroller.dispatchEvent(new Event('scroll'));
        work.push(performance.now() - begin);
        await new Promise((done) => requestAnimationFrame(() => done()));
        toFrame.push(performance.now() - begin);
      }
      return { work, toFrame };
    },
    { mode, count: WARMUP + SAMPLES },
  );
}

const session = await startSession();
const rows = [];
const record = (name, samples) => rows.push({ name, ...summary(samples.slice(WARMUP)) });

let { page, problems } = await openPage(session, `${session.url}index.html?view=grid&count=4096&dim=16`);
const visible = { 22: await setZoom(page, 22) };
record('redraw 4096 x 16, rows 22 px', await timeRepaints(page));
visible[2] = await setZoom(page, 2);
record('redraw 4096 x 16, rows 2 px', await timeRepaints(page));
record('zoom change 4096 x 16, rows 22/23 px', await timeZoomRedraws(page, [22, 23]));
record('zoom change 4096 x 16, rows 2/3 px', await timeZoomRedraws(page, [2, 3]));
const redrawProblems = problems;
await page.context().close();

({ page, problems } = await openPage(session, `${session.url}index.html?view=grid&count=65536&dim=16`));
const steps = await timeScrollSteps(page, 'step');
record('scroll one screen, 65,536 x 16', steps.work);
const jumps = await timeScrollSteps(page, 'jump');
record('scroll to a random row, 65,536 x 16', jumps.work);
record('  scrollTop set -> next frame (step)', steps.toFrame);
record('  scrollTop set -> next frame (jump)', jumps.toFrame);
const allProblems = [...redrawProblems, ...problems];
await page.context().close();
await session.close();

console.log(`Binary grid, headless Chromium, 1280 x 900 at devicePixelRatio 2; ${SAMPLES} samples after ${WARMUP} warm-up`);
console.log(`(${visible[22]} rows x 16 cells on screen at 22 px rows, ${visible[2]} at 2 px)\n`);
console.log(`${'measurement'.padEnd(40)} ${'median'.padStart(9)} ${'p95'.padStart(9)} ${'max'.padStart(9)}`);
for (const { name, median, p95, max } of rows) {
  console.log(`${name.padEnd(40)} ${median.toFixed(2).padStart(6)} ms ${p95.toFixed(2).padStart(6)} ms ${max.toFixed(2).padStart(6)} ms`);
}
const goalRows = rows.filter((row) => row.name.startsWith('redraw') || row.name.startsWith('scroll'));
const worst = Math.max(...goalRows.map((row) => row.median));
console.log(
  `\ngoal: median <= ${GOAL_MS} ms for every redraw and scroll step: ${worst <= GOAL_MS ? 'met' : 'MISSED'} (worst median ${worst.toFixed(2)} ms)`,
);
if (allProblems.length > 0) console.log(`page problems: ${allProblems.join('; ')}`);
if (worst > GOAL_MS || allProblems.length > 0) process.exitCode = 1;
