// Payload benchmark for dist/ (run after `npm run build`): bytes on the wire, raw and gzipped,
// and the time from navigation to the first render of the page in headless Chromium on localhost:
// every view on the first screen drawn (views further down draw as they come near, from views.js,
// fetched after the first render). Goals for the first load, the files the page fetched before its
// first render (read from the browser, not assumed): at most 150 KB gzipped; at most 450 ms.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT, startSession, openPage } from '../e2e/support/browser.mjs';

const DIST = join(REPO_ROOT, 'dist');
const LOADS = 15;

function filesUnder(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

// Milestones of a load, ms after navigation: the page's script and stylesheet arrived, first
// paint (static text), then web/app/main.js's marks: core loaded, each view drawn, all drawn.
function milestones() {
  const arrived = (suffix) => performance.getEntriesByType('resource').find((entry) => entry.name.endsWith(suffix)).responseEnd;
  const marks = performance.getEntriesByType('mark').filter((mark) => mark.name.startsWith('pe-lab:'));
  return {
    'app.css arrived': arrived('app.css'),
    'app.js arrived': arrived('app.js'),
    'first paint': performance.getEntriesByName('first-paint')[0].startTime,
    ...Object.fromEntries(marks.map((mark) => [mark.name, mark.startTime])),
  };
}

// The files the page asked for before its first screen was drawn, as paths under dist/.
function firstLoadFiles() {
  const rendered = performance.getEntriesByName('pe-lab:rendered')[0].startTime;
  const fetched = performance.getEntriesByType('resource').filter((entry) => entry.startTime < rendered);
  return [location.pathname, ...fetched.map((entry) => new URL(entry.name).pathname)].map((path) =>
    (path.endsWith('/') ? `${path}index.html` : path).replace(/^\//, ''),
  );
}

const session = await startSession({ root: DIST });
const loads = [];
const firstLoad = new Set();
for (let load = 0; load < LOADS; load += 1) {
  const { page } = await openPage(session, session.url);
  loads.push(await page.evaluate(milestones));
  for (const file of await page.evaluate(firstLoadFiles)) firstLoad.add(file);
  await page.context().close();
}
await session.close();

let firstRaw = 0;
let firstGzip = 0;
console.log('file (* first load)                  raw        gzip');
for (const file of filesUnder(DIST)) {
  const bytes = readFileSync(file);
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  const path = relative(DIST, file);
  if (firstLoad.has(path)) {
    firstRaw += bytes.length;
    firstGzip += gzipped;
  }
  console.log(`${`${firstLoad.has(path) ? '* ' : '  '}${path}`.padEnd(32)} ${kb(bytes.length).padStart(9)} ${kb(gzipped).padStart(10)}`);
}
console.log(`${'first load'.padEnd(32)} ${kb(firstRaw).padStart(9)} ${kb(firstGzip).padStart(10)}`);

console.log(`\nmilestone (ms after navigation)   median of ${LOADS} loads`);
for (const name of Object.keys(loads[0])) {
  console.log(
    `${name.padEnd(32)} ${median(loads.map((load) => load[name]))
      .toFixed(0)
      .padStart(6)}`,
  );
}
const times = loads.map((load) => load['pe-lab:rendered']);
const renderMs = median(times);
console.log(
  `\nnavigation -> first screen drawn, median of ${LOADS} loads: ${renderMs.toFixed(0)} ms ` +
    `(min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`,
);
console.log(`goal first load gzipped <= 150 KB: ${firstGzip <= 150 * 1024 ? 'met' : 'MISSED'} (${kb(firstGzip)})`);
console.log(`goal first render <= 450 ms: ${renderMs <= 450 ? 'met' : 'MISSED'} (${renderMs.toFixed(0)} ms)`);
