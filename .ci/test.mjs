// `npm test`: installs what is missing, checks the style, builds, runs every suite and fuzzes, as
// .ci/stages.mjs lists them, and ends with one table of how long each stage took (wall clock, and
// the CPU time of its processes, which the machine's other work does not inflate).
//   npm test                      everything
//   npm test -- e2e/grid js       the set-up, the builds those need, then only tests/e2e/grid.test.mjs
//                                 and the whole tests/js folder (tests/ and .test.mjs may be written)
//   npm test -- native/rope       the native suites whose CTest name matches "rope"
//   npm test -- lint fuzz         a named stage, also one a filtered run otherwise leaves out
//   npm test -- --list            the stages and what each runs, without running anything
// A failed build skips the stages that need it; a failed check or suite does not stop the others.
// The exit status is 1 when any stage failed.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORES, stages } from './stages.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// Linux's /proc/self/stat counts CPU time in clock ticks.
const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
process.chdir(root);

const args = process.argv.slice(2);
const listOnly = args.includes('--list');
const plan = choose(
  stages(root),
  args.filter((arg) => arg !== '--list'),
);

if (listOnly) {
  for (const stage of plan) console.log(`${stage.name.padEnd(14)} ${command(stage).join(' ')}`);
} else {
  process.exitCode = await run(plan);
}

/** The stages a run with these filters makes, each with the part of it a filter picked. */
function choose(all, filters) {
  if (filters.length === 0) return all;
  const picked = new Map();
  for (const filter of filters) {
    const [name, ...rest] = filter
      .replace(/^(\.\/)?(tests\/)?/, '')
      .replace(/\.test\.mjs$/, '')
      .split('/');
    const part = rest.join('/');
    const stage = all.find((candidate) => candidate.name === name && !candidate.build);
    if (!stage) {
      const names = all.filter((candidate) => !candidate.build && !candidate.setup).map((candidate) => candidate.name);
      console.error(`npm test: no stage "${name}" (from "${filter}"); the stages are ${names.join(', ')}.`);
      process.exit(2);
    }
    const parts = picked.get(stage) ?? [];
    // A whole stage ('') wins over any part of it.
    picked.set(stage, part === '' || parts.includes('') ? [''] : [...parts, part]);
  }
  const needed = new Set([...picked.keys()].flatMap((stage) => stage.needs));
  return all
    .filter((stage) => stage.setup || picked.has(stage) || (stage.build && needed.has(stage.build)))
    .map((stage) => (picked.has(stage) && !picked.get(stage).includes('') ? { ...stage, parts: picked.get(stage) } : stage));
}

/** The command line of a stage. */
function command(stage) {
  if (stage.command) return stage.command;
  if (stage.ctest) {
    const regex = stage.parts ? ['-R', stage.parts.join('|')] : [];
    return ['ctest', '--test-dir', stage.ctest, '--output-on-failure', '-j', String(CORES), ...regex];
  }
  const files = testFiles(stage);
  const nodeTest = ['node', '--test', `--test-concurrency=${stage.concurrency}`, ...files];
  return stage.browser ? ['node', 'tests/e2e/support/shared-browser.mjs', ...nodeTest] : nodeTest;
}

/** A node stage's files: all of its folder's, or those whose name starts with a part picked. */
function testFiles(stage) {
  const names = readdirSync(join(root, stage.folder))
    .filter((file) => file.endsWith('.test.mjs'))
    .sort();
  if (!stage.parts) return names.map((file) => `${stage.folder}/${file}`);
  const chosen = names.filter((file) =>
    stage.parts.some((part) => (names.includes(`${part}.test.mjs`) ? file === `${part}.test.mjs` : file.startsWith(part))),
  );
  if (chosen.length === 0) {
    console.error(`npm test: no file of ${stage.folder} matches ${stage.parts.join(', ')}.`);
    process.exit(2);
  }
  return chosen.map((file) => `${stage.folder}/${file}`);
}

/** Runs the plan; prints the table; resolves to the exit status. */
async function run(plan) {
  const rows = [];
  const failedBuilds = new Set();
  const began = clock();
  for (const stage of plan) {
    const missing = stage.needs.filter((build) => failedBuilds.has(build));
    const setupFailed = rows.some((row) => row.setup && row.result !== 'passed');
    if (setupFailed || missing.length > 0) {
      rows.push({ name: stage.name, result: `skipped: ${setupFailed ? 'setup' : `build ${missing.join(', ')}`} failed` });
      continue;
    }
    console.log(`\n==> ${stage.name}: ${command(stage).join(' ')}`);
    const start = clock();
    const status = await spawnAndWait(command(stage));
    const took = since(start);
    const result = status === 0 ? 'passed' : 'failed';
    if (result === 'failed' && stage.build) failedBuilds.add(stage.build);
    rows.push({ name: stage.name, setup: stage.setup, ...took, result });
    console.log(`==> ${stage.name} ${result} in ${took.wall.toFixed(1)} s`);
  }
  const failed = rows.filter((row) => row.result === 'failed').length;
  const passed = rows.filter((row) => row.result === 'passed').length;
  const skipped = rows.length - failed - passed;
  rows.push({ name: 'total', ...since(began), result: failed > 0 ? 'failed' : 'passed' });
  printTable(rows);
  console.log(`${CORES} cores; load average over 1, 5 and 15 minutes at the end: ${loadAverage()}`);
  console.log(`stages: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  return failed > 0 ? 1 : 0;
}

function spawnAndWait([file, ...rest]) {
  return new Promise((resolve) => {
    const child = spawn(file, rest, { stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`could not run ${file}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function printTable(rows) {
  const lines = rows.map((row) => [
    row.name,
    row.wall === undefined ? '' : `${row.wall.toFixed(1)} s`,
    row.cpu === undefined ? '' : `${row.cpu.toFixed(1)} s`,
    row.result,
  ]);
  const header = ['stage', 'wall', 'CPU', 'result'];
  const widths = header.map((title, c) => Math.max(title.length, ...lines.map((line) => line[c].length)));
  const format = (line) =>
    line
      .map((cell, c) => (c === 1 || c === 2 ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  console.log(`\n${format(header)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}`);
  lines.forEach((line, i) => {
    if (i === lines.length - 1) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
    console.log(format(line));
  });
}

// Wall clock, and the CPU time (user + system) of the finished child processes: every child this
// process has waited for, and theirs.
function clock() {
  return { wall: performance.now() / 1000, cpu: childrenCpu() };
}

function since(start) {
  const now = clock();
  return { wall: now.wall - start.wall, cpu: start.cpu === undefined ? undefined : now.cpu - start.cpu };
}

function childrenCpu() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND; // cutime, cstime
  } catch {
    return undefined;
  }
}

function loadAverage() {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');
}
