// What `npm test` runs (.ci/test.mjs), each stage once: the set-up, then the builds in one lane and
// the checks and suites in another, each suite starting as soon as the builds it needs are made.
// A build is made once and reused by every suite that needs it. The browser suites come right
// after the web build, so that the native and sanitizer builds use the cores the browser
// leaves idle while pages load and settle; the table at the end shows where the time goes.
//
// Adding tests:
// - a file tests/<folder>/<name>.test.mjs in an existing folder, or a Boost.Test suite added with
//   pe_add_test() in tests/native/CMakeLists.txt: nothing else to do;
// - a new folder of *.test.mjs files under tests/: nothing else to do either, it becomes a stage
//   of its own, named after the folder (after the listed node suites, before the browser suites;
//   needing the web build; its files as many at a time as there are cores); an entry in
//   NODE_SUITES below changes that;
// - any other kind of check: an entry in stages() below.
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

export const CORES = availableParallelism();

/** The builds, in the order a full run makes them: `bash .ci/build.sh NAME` makes each. */
export const BUILDS = ['web', 'dist', 'native', 'asan'];

/**
 * Folders of tests/ run with `node --test`, and what differs from the default for each: needs,
 * the builds its files need (default ['web']); concurrency, how many files run at once (default
 * CORES); browser, true to share one Chromium among the files (tests/e2e/support/shared-browser.mjs).
 */
export const NODE_SUITES = {
  js: {},
  types: {},
  package: {},
  // The README's commands include build/native/pe-train.
  docs: { needs: ['web', 'native'] },
  // The trainer's API, and its agreement with the native build's losses.
  trainer: { needs: ['web', 'native'] },
  // The runner's own tests (tests/ci), which need no build.
  ci: { needs: [] },
  e2e: { needs: ['web', 'dist'], browser: true },
};

/**
 * Every stage: the set-up, the builds in the order they are made, then the checks and suites in
 * the order they start. Each has a name (what `npm test -- NAME` picks) and the builds it needs,
 * and runs either a command, or ctest over a build folder (`NAME/REGEX` picks suites by name), or
 * the *.test.mjs files of a folder (`NAME/PREFIX` picks the files whose name starts with PREFIX).
 * A filtered run makes setup, the stages named and the builds they need.
 */
export function stages(root) {
  const testFolders = readdirSync(join(root, 'tests'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && readdirSync(join(root, 'tests', entry.name)).some((file) => file.endsWith('.test.mjs')))
    .map(({ name }) => name)
    .sort();
  const nodeStage = (name) => {
    const { needs = ['web'], concurrency = CORES, browser = false } = NODE_SUITES[name] ?? {};
    return { name, needs, folder: `tests/${name}`, concurrency, browser };
  };
  const listed = Object.keys(NODE_SUITES).filter((name) => testFolders.includes(name));
  const found = testFolders.filter((name) => !(name in NODE_SUITES));
  const isBrowser = (name) => NODE_SUITES[name].browser;
  const checks = [
    { name: 'lint', needs: [], command: ['bash', '.ci/lint.sh'] },
    ...[...listed.filter((name) => !isBrowser(name)), ...found].map(nodeStage),
    ...listed.filter(isBrowser).map(nodeStage),
    { name: 'native', needs: ['native'], ctest: 'build/native' },
    { name: 'asan', needs: ['asan'], ctest: 'build/asan' },
    { name: 'fuzz', needs: ['asan'], command: ['bash', '.ci/fuzz.sh', '20'] },
  ];
  // A stage waits for the last build it needs: those that can start earlier go first (the order
  // above kept among stages that wait for the same build).
  const lastBuild = (stage) => Math.max(-1, ...stage.needs.map((build) => BUILDS.indexOf(build)));
  return [
    { name: 'setup', setup: true, needs: [], command: ['bash', '.ci/ensure-toolchain.sh', 'test'] },
    ...BUILDS.map((build) => ({ name: `build ${build}`, build, needs: [], command: ['bash', '.ci/build.sh', build] })),
    ...checks.sort((a, b) => lastBuild(a) - lastBuild(b)),
  ];
}
