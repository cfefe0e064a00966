// Benchmark of the RoPE view while it plays, in headless Chromium (1280 x 900, devicePixelRatio 2).
// Run: node tests/bench/rope-clock-bench.mjs   (after `bash .ci/build.sh web`; part of `npm run bench`)
//
// Play moves the query one position per animation frame; each frame turns the clock hands and
// recomputes and redraws everything that depends on the position (the score curves at m, the
// rotated query under both pairings, the mismatch curves). Measured in the page:
//   frame work      the synchronous work of each animation frame the view runs while playing
//                   (requestAnimationFrame callbacks wrapped with performance.now())
//   frame interval  time between those frames (the browser's frame rate when the work fits)
// for the default settings (d 32, offsets 0 to 256) and the heaviest ones (d 128, 0 to 4096).
// Goal: median frame work <= 16 ms (one frame at 60 Hz) with the default settings.
import { startSession, openPage } from '../e2e/support/browser.mjs';

const WARMUP = 10;
const FRAMES = 120;
const GOAL_MS = 16;

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

// Clicks Play, records FRAMES frames after WARMUP, clicks Pause.
async function playFrames(page) {
  await page.evaluate(() => {
    const raf = window.requestAnimationFrame.bind(window);
    window.ropeFrames = { work: [], at: [] };
    window.requestAnimationFrame = (callback) =>
      raf((time) => {
        const begin = performance.now();
        callback(time);
        window.ropeFrames.work.push(performance.now() - begin);
        window.ropeFrames.at.push(begin);
      });
  });
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction((count) => window.ropeFrames.work.length >= count, WARMUP + FRAMES, { timeout: 60000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  return page.evaluate(
    ({ warmup, frames }) => {
      const { work, at } = window.ropeFrames;
      return {
        work: work.slice(warmup, warmup + frames),
        interval: at.slice(warmup + 1, warmup + frames).map((t, j) => t - at[warmup + j]),
      };
    },
    { warmup: WARMUP, frames: FRAMES },
  );
}

const session = await startSession();
const rows = [];
const problems = [];
for (const [label, query] of [
  ['d 32, offsets 0-256 (default)', ''],
  ['d 128, offsets 0-4096', '&dim=128&span=4096'],
]) {
  const opened = await openPage(session, `${session.url}index.html?view=rope${query}`);
  const { work, interval } = await playFrames(opened.page);
  rows.push({ name: `frame work, ${label}`, ...summary(work) });
  rows.push({ name: `  frame interval, ${label}`, ...summary(interval) });
  problems.push(...opened.problems);
  await opened.page.context().close();
}
await session.close();

console.log(`RoPE view playing, headless Chromium, 1280 x 900 at devicePixelRatio 2; ${FRAMES} frames after ${WARMUP} warm-up\n`);
console.log(`${'measurement'.padEnd(48)} ${'median'.padStart(9)} ${'p95'.padStart(9)} ${'max'.padStart(9)}`);
for (const { name, median, p95, max } of rows) {
  console.log(`${name.padEnd(48)} ${median.toFixed(2).padStart(6)} ms ${p95.toFixed(2).padStart(6)} ms ${max.toFixed(2).padStart(6)} ms`);
}
const frameMs = rows[0].median;
console.log(`\nRoPE clock frame time while playing (default settings): ${frameMs.toFixed(2)} ms median`);
console.log(`goal: median <= ${GOAL_MS} ms: ${frameMs <= GOAL_MS ? 'met' : 'MISSED'}`);
if (problems.length > 0) console.log(`page problems: ${problems.join('; ')}`);
if (frameMs > GOAL_MS || problems.length > 0) process.exitCode = 1;
