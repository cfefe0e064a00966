// Payload benchmark for dist/ (run after `npm run build`): bytes on the wire, raw and gzipped,
// and the time from navigation to the first render of the page in headless Chromium on localhost:
// every view on the first screen drawn (views further down draw as they come near). Goals: at
// most 150 KB gzipped; at most 450 ms.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT, startSession, openPage } from '../e2e/support/browser.mjs';

const DIST = join(REPO_ROOT, 'dist');
const LOADS = 15;

function filesUnder(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)]);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

let rawTotal = 0;
let gzipTotal = 0;
console.log('file                               raw        gzip');
for (const file of filesUnder(DIST)) {
  const bytes = readFileSync(file);
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  rawTotal += bytes.length;
  gzipTotal += gzipped;
  console.log(`${relative(DIST, file).padEnd(32)} ${kb(bytes.length).padStart(9)} ${kb(gzipped).padStart(10)}`);
}
console.log(`${'total'.padEnd(32)} ${kb(rawTotal).padStart(9)} ${kb(gzipTotal).padStart(10)}`);

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

const session = await startSession({ root: DIST });
const loads = [];
for (let load = 0; load < LOADS; load += 1) {
  const { page } = await openPage(session, session.url);
  loads.push(await page.evaluate(milestones));
  await page.context().close();
}
await session.close();

console.log(`\nmilestone (ms after navigation)   median of ${LOADS} loads`);
for (const name of Object.keys(loads[0])) {
  console.log(`${name.padEnd(32)} ${median(loads.map((load) => load[name])).toFixed(0).padStart(6)}`);
}
const times = loads.map((load) => load['pe-lab:rendered']);
const renderMs = median(times);
console.log(`\nnavigation -> first screen drawn, median of ${LOADS} loads: ${renderMs.toFixed(0)} ms ` +
  `(min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`);
console.log(`goal gzipped <= 150 KB: ${gzipTotal <= 150 * 1024 ? 'met' : 'MISSED'} (${kb(gzipTotal)})`);
console.log(`goal first render <= 450 ms: ${renderMs <= 450 ? 'met' : 'MISSED'} (${renderMs.toFixed(0)} ms)`);
