// Vocabulary benchmark for dist/ (run after `npm run build`): each tokenizer's vocabulary file and
// GloVe's word-vector file, raw and gzipped, and how long it takes in headless Chromium on
// localhost from choosing the tokenizer (or GloVe) in the sentence view to its tokens drawn: the
// file's arrival, then parsing it and building the tokenizer or decoding the table (the page waits
// for both). None of these files is part of the first load (tests/bench/payload-bench.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT, openPage, startSession, waitForSnapshot } from '../e2e/support/browser.mjs';
import { TOKENIZERS, vocabularyScript } from '../../web/tokenizers/catalogue.js';
import { EMBEDDINGS, embeddingScript } from '../../web/vocab/catalogue.js';

const DIST = join(REPO_ROOT, 'dist');
const LOADS = 3;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

// The files to time: { name, file, control (its select's test id) }.
const FILES = [
  ...TOKENIZERS.filter(({ package: from }) => from).map(({ name }) => ({ name, file: vocabularyScript(name), control: 'tokenizer' })),
  ...EMBEDDINGS.filter(({ table }) => table).map(({ name }) => ({ name, file: embeddingScript(name), control: 'embeddings' })),
];

// Ms from the choice to the file's arrival and to the view drawn with its tokens, in a fresh page.
async function timeLoad(session, { name, file, control }) {
  const { page } = await openPage(session, `${session.url}?view=sentence`);
  await page.evaluate(() => {
    window.choseAt = performance.now();
  });
  await page.getByTestId(control).selectOption(name);
  await waitForSnapshot(page, (state) => state[control] === name && state.count > 0, { timeout: 60000 });
  const times = await page.evaluate(
    (file) => ({
      arrived: performance.getEntriesByType('resource').find((entry) => entry.name.endsWith(file)).responseEnd - window.choseAt,
      drawn: performance.now() - window.choseAt,
    }),
    file,
  );
  await page.context().close();
  return times;
}

const session = await startSession({ root: DIST });
console.log(`vocabulary          raw        gzip   arrived (ms)   drawn (ms, median of ${LOADS})`);
for (const entry of FILES) {
  const { name, file } = entry;
  const bytes = readFileSync(join(DIST, 'web/generated', file));
  const loads = [];
  for (let load = 0; load < LOADS; load += 1) loads.push(await timeLoad(session, entry));
  console.log(
    `${name.padEnd(14)} ${kb(bytes.length).padStart(10)} ${kb(gzipSync(bytes, { level: 9 }).length).padStart(10)}` +
      ` ${median(loads.map(({ arrived }) => arrived))
        .toFixed(0)
        .padStart(12)} ${median(loads.map(({ drawn }) => drawn))
        .toFixed(0)
        .padStart(12)}`,
  );
}
await session.close();
