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
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { PlanError, choose, command } from './plan.mjs';
import { CORES, stages } from './stages.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// Linux's /proc/self/stat counts CPU time in clock ticks.
const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
process.chdir(root);

const args = process.argv.slice(2);
try {
  const plan = choose(
    stages(root),
    args.filter((arg) => arg !== '--list'),
  ).map((stage) => ({ ...stage, argv: command(stage, root) }));
  if (args.includes('--list')) for (const stage of plan) console.log(`${stage.name.padEnd(14)} ${stage.argv.join(' ')}`);
  else process.exitCode = await run(plan);
} catch (error) {
  if (!(error instanceof PlanError)) throw error;
  console.error(`npm test: ${error.message}`);
  process.exitCode = 2;
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
    console.log(`\n==> ${stage.name}: ${stage.argv.join(' ')}`);
    const start = clock();
    const status = await spawnAndWait(stage.argv);
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
