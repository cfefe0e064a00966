// What `npm test` runs (.ci/test.mjs), in this order, each stage once: the set-up, the style
// checks, each build, each suite and the fuzzing. A build is made once and reused by every suite
// that needs it. Each stage uses every core by itself (builds with -j, ctest -j, test files and
// fuzz harnesses that many at a time), so the stages run one after another and the table at the
// end shows where the time goes.
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
export const BUILDS = ['web', 'native', 'asan', 'dist', 'fuzz'];

/**
 * Folders of tests/ run with `node --test`, and what differs from the default for each: needs,
 * the builds its files need (default ['web']); concurrency, how many files run at once (default
 * CORES); browser, true to share one Chromium among the files (tests/e2e/support/shared-browser.mjs).
 */
export const NODE_SUITES = {
  js: {},
  types: {},
  package: {},
  // The trainer's API, and its agreement with the native build's losses.
  trainer: { needs: ['web', 'native'] },
  // The runner's own tests (tests/ci), which need no build.
  ci: { needs: [] },
  e2e: { needs: ['web', 'dist'], browser: true },
};

/**
 * Every stage, in order. Each has a name (what `npm test -- NAME` picks) and the builds it needs,
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
  return [
    { name: 'setup', setup: true, needs: [], command: ['bash', '.ci/ensure-toolchain.sh', 'test'] },
    { name: 'lint', needs: [], command: ['bash', '.ci/lint.sh'] },
    ...BUILDS.map((build) => ({ name: `build ${build}`, build, needs: [], command: ['bash', '.ci/build.sh', build] })),
    { name: 'native', needs: ['native'], ctest: 'build/native' },
    { name: 'asan', needs: ['asan'], ctest: 'build/asan' },
    ...[...listed.filter((name) => !isBrowser(name)), ...found].map(nodeStage),
    ...listed.filter(isBrowser).map(nodeStage),
    { name: 'fuzz', needs: ['fuzz'], command: ['bash', '.ci/fuzz.sh', '20'] },
  ];
}
