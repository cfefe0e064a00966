// `npm test`: installs what is missing, checks the style, builds, runs every suite and fuzzes, as
// .ci/stages.mjs lists them (builds in one lane, checks and suites in another), and ends with one
// table of when each stage started, how long it took (wall clock) and the CPU time of its
// processes, which the machine's other work does not inflate.
//   npm test                      everything
//   npm test -- e2e/grid js       the set-up, the builds those need, then only tests/e2e/grid.test.mjs
//                                 and the whole tests/js folder (tests/ and .test.mjs may be written)
//   npm test -- native/rope       the native suites whose CTest name matches "rope"
//   npm test -- lint fuzz         a named stage, also one a filtered run otherwise leaves out
//   npm test -- --list            the stages and what each runs, without running anything
// A failed build skips the stages that need it; a failed check or suite does not stop the others.
// The exit status is 1 when any stage failed.
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { PlanError, choose, command } from './plan.mjs';
import { CORES, stages } from './stages.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
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

/**
 * Runs the plan: the set-up first, then the builds one after another in one lane and the other
 * stages one after another in a second, each waiting for the builds it needs. Prints the table;
 * resolves to the exit status.
 */
async function run(plan) {
  const began = performance.now();
  const rows = new Map(plan.map((stage) => [stage, { name: stage.name }]));
  const setup = plan.filter((stage) => stage.setup);
  for (const stage of setup) rows.set(stage, await runStage(stage, began));
  const setupFailed = setup.some((stage) => rows.get(stage).result !== 'passed');

  // Each build's outcome, as a promise the stages that need it wait for.
  const builds = plan.filter((stage) => stage.build);
  const built = new Map(builds.map((stage) => [stage.build, deferred()]));
  const buildLane = (async () => {
    for (const stage of builds) {
      const row = setupFailed ? { name: stage.name, result: 'skipped: setup failed' } : await runStage(stage, began);
      rows.set(stage, row);
      built.get(stage.build).resolve(row.result === 'passed');
    }
  })();
  const suiteLane = (async () => {
    for (const stage of plan.filter((candidate) => !candidate.setup && !candidate.build)) {
      const made = await Promise.all(stage.needs.map((build) => built.get(build)?.promise ?? true));
      const missing = stage.needs.filter((_, n) => !made[n]);
      if (setupFailed || missing.length > 0) {
        rows.set(stage, { name: stage.name, result: `skipped: ${setupFailed ? 'setup' : `build ${missing.join(', ')}`} failed` });
        continue;
      }
      rows.set(stage, await runStage(stage, began));
    }
  })();
  await Promise.all([buildLane, suiteLane]);

  const table = [...rows.values()];
  const failed = table.filter((row) => row.result === 'failed').length;
  const passed = table.filter((row) => row.result === 'passed').length;
  const skipped = table.length - failed - passed;
  const cpu = table.reduce((sum, row) => sum + (row.cpu ?? 0), 0);
  table.push({ name: 'total', wall: (performance.now() - began) / 1000, cpu, result: failed > 0 ? 'failed' : 'passed' });
  printTable(table);
  console.log(`${CORES} cores; load average over 1, 5 and 15 minutes at the end: ${loadAverage()}`);
  console.log(`stages: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  return failed > 0 ? 1 : 0;
}

/** A promise with its resolve function beside it. */
function deferred() {
  let resolve;
  const promise = new Promise((done) => (resolve = done));
  return { promise, resolve };
}

/** Runs one stage, its output's lines marked with its name; resolves to its row of the table. */
async function runStage(stage, began) {
  const start = performance.now();
  const tag = `[${stage.name}]`;
  console.log(`\n${tag} ==> ${stage.argv.join(' ')}`);
  const { status, cpu } = await spawnAndWait(stage.argv, tag);
  const result = status === 0 ? 'passed' : 'failed';
  const row = { name: stage.name, from: (start - began) / 1000, wall: (performance.now() - start) / 1000, cpu, result };
  console.log(`${tag} ==> ${result} in ${row.wall.toFixed(1)} s`);
  return row;
}

/** Runs argv with its output marked line by line; resolves to { status, cpu (seconds) }. */
function spawnAndWait(argv, tag) {
  // The command runs under bash, whose `times` then writes the CPU time (user and system) of the
  // command and every process it waited for to a pipe of its own (fd 3): two lines, the shell's and
  // its children's, "0m1.250s 0m0.310s".
  const timed = '"$@"; status=$?; times >&3; exit $status';
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', timed, 'timed', ...argv], { stdio: ['inherit', 'pipe', 'pipe', 'pipe'] });
    markLines(child.stdout, process.stdout, tag);
    markLines(child.stderr, process.stderr, tag);
    let times = '';
    child.stdio[3].on('data', (chunk) => (times += chunk));
    child.on('error', (error) => {
      console.error(`${tag} could not run ${argv[0]}: ${error.message}`);
      resolve({ status: 1, cpu: undefined });
    });
    child.on('close', (code, signal) => resolve({ status: code ?? (signal ? 1 : 0), cpu: secondsOf(times.split('\n')[1]) }));
  });
}

// Copies a stream to out, each line starting with the tag, so two stages' output stays readable.
function markLines(stream, out, tag) {
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop();
    for (const line of lines) out.write(`${tag} ${line}\n`);
  });
  stream.on('end', () => partial && out.write(`${tag} ${partial}\n`));
}

// The sum of the minutes-and-seconds fields of a `times` line, or undefined without one.
function secondsOf(line) {
  const fields = [...(line ?? '').matchAll(/(\d+)m([\d.]+)s/g)];
  return fields.length === 2 ? fields.reduce((sum, [, minutes, seconds]) => sum + 60 * Number(minutes) + Number(seconds), 0) : undefined;
}

function printTable(rows) {
  const lines = rows.map((row) => [
    row.name,
    row.from === undefined ? '' : `${row.from.toFixed(1)} s`,
    row.wall === undefined ? '' : `${row.wall.toFixed(1)} s`,
    row.cpu === undefined ? '' : `${row.cpu.toFixed(1)} s`,
    row.result,
  ]);
  const header = ['stage', 'from', 'wall', 'CPU', 'result'];
  const widths = header.map((title, c) => Math.max(title.length, ...lines.map((line) => line[c].length)));
  const format = (line) =>
    line
      .map((cell, c) => (c >= 1 && c <= 3 ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  console.log(`\n${format(header)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}`);
  lines.forEach((line, i) => {
    if (i === lines.length - 1) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
    console.log(format(line));
  });
}

function loadAverage() {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');
}
