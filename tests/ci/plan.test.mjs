// What `npm test [-- FILTER...]` runs (.ci/plan.mjs over .ci/stages.mjs): everything without a
// filter; with filters, the set-up, the builds the named stages need and those stages, narrowed to
// the files or CTest suites named; a new folder of tests found by itself; a filter that names
// nothing refused with what there is.
// Run: node --test tests/ci/plan.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PlanError, choose, command } from '../../.ci/plan.mjs';
import { BUILDS, CORES, stages } from '../../.ci/stages.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ALL = stages(ROOT);
const plan = (...filters) => choose(ALL, filters).map((stage) => ({ name: stage.name, argv: command(stage, ROOT) }));
const names = (...filters) => plan(...filters).map(({ name }) => name);

test('a full run makes every stage: set-up, each build, lint, each suite, fuzzing', () => {
  const all = names();
  assert.deepEqual(all.slice(0, 2 + BUILDS.length), ['setup', ...BUILDS.map((build) => `build ${build}`), 'lint']);
  for (const suite of ['native', 'asan', 'js', 'types', 'package', 'docs', 'ci', 'e2e']) assert.ok(all.includes(suite), suite);
  assert.equal(all.at(-1), 'fuzz');
  assert.ok(all.indexOf('e2e') < all.indexOf('native'), 'the browser suites start before the native suites, whose builds come later');
  assert.ok(BUILDS.indexOf('dist') < BUILDS.indexOf('native'), 'the browser suites need only web and dist, made first');
  const e2e = plan().find(({ name }) => name === 'e2e').argv;
  const files = readdirSync(join(ROOT, 'tests/e2e')).filter((file) => file.endsWith('.test.mjs'));
  assert.deepEqual(e2e.slice(0, 5), ['node', 'tests/e2e/support/shared-browser.mjs', 'node', '--test', `--test-concurrency=${CORES}`]);
  assert.equal(e2e.length - 5, files.length, 'every browser test file');
});

test('e2e/grid runs the set-up, the web and dist builds and that one file, in the shared browser', () => {
  const expected = [
    { name: 'setup', argv: ['bash', '.ci/ensure-toolchain.sh', 'test'] },
    { name: 'build web', argv: ['bash', '.ci/build.sh', 'web'] },
    { name: 'build dist', argv: ['bash', '.ci/build.sh', 'dist'] },
    {
      name: 'e2e',
      argv: ['node', 'tests/e2e/support/shared-browser.mjs', 'node', '--test', `--test-concurrency=${CORES}`, 'tests/e2e/grid.test.mjs'],
    },
  ];
  assert.deepEqual(plan('e2e/grid'), expected);
  assert.deepEqual(plan('tests/e2e/grid.test.mjs'), expected, 'a path works too');
});

test('a part that names no file whole picks the files it starts; parts of one stage add up', () => {
  const argv = (...filters) =>
    plan(...filters)
      .find(({ name }) => name === 'e2e')
      .argv.slice(5);
  assert.deepEqual(argv('e2e/sentence-'), ['tests/e2e/sentence-claims.test.mjs', 'tests/e2e/sentence-schemes.test.mjs']);
  assert.deepEqual(argv('e2e/sentence'), ['tests/e2e/sentence.test.mjs'], 'a whole name picks only that file');
  assert.deepEqual(argv('e2e/grid', 'e2e/waves'), ['tests/e2e/grid.test.mjs', 'tests/e2e/waves.test.mjs']);
  assert.equal(argv('e2e/grid', 'e2e').length, readdirSync(join(ROOT, 'tests/e2e')).filter((f) => f.endsWith('.test.mjs')).length);
});

test('native/PATTERN narrows CTest by name; lint and fuzz run only when named', () => {
  assert.deepEqual(plan('native/rope'), [
    { name: 'setup', argv: ['bash', '.ci/ensure-toolchain.sh', 'test'] },
    { name: 'build native', argv: ['bash', '.ci/build.sh', 'native'] },
    { name: 'native', argv: ['ctest', '--test-dir', 'build/native', '--output-on-failure', '-j', String(CORES), '-R', 'rope'] },
  ]);
  assert.deepEqual(names('js'), ['setup', 'build web', 'js']);
  assert.deepEqual(names('lint'), ['setup', 'lint']);
  assert.deepEqual(names('fuzz'), ['setup', 'build asan', 'fuzz'], 'the harnesses are part of the sanitizer build');
});

test('a filter that names no stage or no file is refused with what there is', () => {
  assert.throws(
    () => plan('nope'),
    (error) => error instanceof PlanError && /no stage "nope".*the stages are lint, ci, js/.test(error.message),
  );
  assert.throws(() => plan('build'), PlanError, 'builds are not stages to pick');
  assert.throws(
    () => plan('e2e/nope'),
    (error) => error instanceof PlanError && /no file of tests\/e2e matches nope/.test(error.message),
  );
});

test('a new folder of *.test.mjs files is a stage of its own, before the browser suites, needing the web build', () => {
  const root = mkdtempSync(join(tmpdir(), 'pe-plan-'));
  try {
    for (const folder of ['js', 'e2e', 'training', 'empty']) mkdirSync(join(root, 'tests', folder), { recursive: true });
    for (const file of ['js/a.test.mjs', 'e2e/b.test.mjs', 'training/trainer.test.mjs', 'empty/helper.mjs'])
      writeFileSync(join(root, 'tests', file), '');
    const found = stages(root);
    const order = found.map(({ name }) => name);
    assert.ok(order.indexOf('training') > order.indexOf('js') && order.indexOf('training') < order.indexOf('e2e'), order.join(', '));
    assert.ok(!order.includes('empty'), 'a folder without test files is no stage');
    assert.deepEqual(found.find(({ name }) => name === 'training').needs, ['web']);
    assert.deepEqual(
      choose(found, ['training']).map((stage) => stage.name),
      ['setup', 'build web', 'training'],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
