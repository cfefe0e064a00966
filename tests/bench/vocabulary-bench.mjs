// Vocabulary benchmark for dist/ (run after `npm run build`): each tokenizer's vocabulary file and
// GloVe's word-vector file, raw and gzipped, and in headless Chromium on localhost, from choosing
// the tokenizer (or GloVe) in the sentence view: the file's arrival, the view drawn with its tokens
// (after parsing the file and building the tokenizer or decoding the table), and the longest task
// the main thread ran meanwhile (PerformanceObserver "longtask": tasks over 50 ms; 0 when none),
// while the page cannot answer the reader. None of these files is part of the first load
// (tests/bench/payload-bench.mjs).
// Goal: tokens drawn within 500 ms of the choice and no main-thread task over 200 ms, for every
// vocabulary (medians of LOADS fresh pages).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT, openPage, startSession, waitForSnapshot } from '../e2e/support/browser.mjs';
import { TOKENIZERS, vocabularyScript } from '../../web/tokenizers/catalogue.js';
import { EMBEDDINGS, embeddingScript } from '../../web/vocab/catalogue.js';

const DIST = join(REPO_ROOT, 'dist');
const LOADS = 5;
const GOAL_DRAWN_MS = 500;
const GOAL_TASK_MS = 200;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

// The files to time: { name, file, control (its select's test id) }.
const FILES = [
  ...TOKENIZERS.filter(({ package: from }) => from).map(({ name }) => ({ name, file: vocabularyScript(name), control: 'tokenizer' })),
  ...EMBEDDINGS.filter(({ table }) => table).map(({ name }) => ({ name, file: embeddingScript(name), control: 'embeddings' })),
];

// Ms from the choice to the file's arrival and to the view drawn with its tokens, and the longest
// main-thread task in between, in a fresh page.
async function timeLoad(session, { name, file, control }) {
  const { page } = await openPage(session, `${session.url}?view=sentence`);
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries())).observe({ type: 'longtask' });
    window.choseAt = performance.now();
  });
  await page.getByTestId(control).selectOption(name);
  await waitForSnapshot(page, (state) => state[control] === name && state.count > 0, { timeout: 60000 });
  const times = await page.evaluate(
    (file) =>
      new Promise((resolve) => {
        const drawnAt = performance.now();
        // A long task is reported once it has ended: wait for the next task before reading them.
        setTimeout(() =>
          resolve({
            arrived: performance.getEntriesByType('resource').find((entry) => entry.name.endsWith(file)).responseEnd - window.choseAt,
            drawn: drawnAt - window.choseAt,
            longestTask: Math.max(
              0,
              ...window.longTasks
                .filter(({ startTime }) => startTime >= window.choseAt && startTime < drawnAt)
                .map(({ duration }) => duration),
            ),
          }),
        );
      }),
    file,
  );
  await page.context().close();
  return times;
}

const session = await startSession({ root: DIST });
console.log(
  `load average (1, 5, 15 min): ${loadavg()
    .map((load) => load.toFixed(2))
    .join(', ')}`,
);
console.log(`vocabulary          raw        gzip   arrived (ms)   drawn (ms)   longest task (ms)   medians of ${LOADS} loads`);
let allMet = true;
for (const entry of FILES) {
  const { name, file } = entry;
  const bytes = readFileSync(join(DIST, 'web/generated', file));
  const loads = [];
  for (let load = 0; load < LOADS; load += 1) loads.push(await timeLoad(session, entry));
  const [arrived, drawn, longestTask] = ['arrived', 'drawn', 'longestTask'].map((key) => median(loads.map((times) => times[key])));
  const met = drawn <= GOAL_DRAWN_MS && longestTask <= GOAL_TASK_MS;
  allMet &&= met;
  console.log(
    `${name.padEnd(14)} ${kb(bytes.length).padStart(10)} ${kb(gzipSync(bytes, { level: 9 }).length).padStart(10)}` +
      ` ${arrived.toFixed(0).padStart(12)} ${drawn.toFixed(0).padStart(12)} ${longestTask.toFixed(0).padStart(19)}   ${met ? 'met' : 'NOT met'}`,
  );
}
console.log(
  `load average (1, 5, 15 min): ${loadavg()
    .map((load) => load.toFixed(2))
    .join(', ')}`,
);
console.log(
  `Goal: tokens drawn within ${GOAL_DRAWN_MS} ms of the choice and no main-thread task over ${GOAL_TASK_MS} ms, ` +
    `for every vocabulary: ${allMet ? 'met' : 'NOT met'}.`,
);
await session.close();
