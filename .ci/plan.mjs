// What a run of `npm test` makes of its filters (see .ci/test.mjs): which stages run, each with the
// part of it a filter picked, and the command line of each.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CORES } from './stages.mjs';

/** A filter that names no stage or no file: the message says which and what there is. */
export class PlanError extends Error {}

/** The stages a run with these filters makes, each with the part of it a filter picked. */
export function choose(all, filters) {
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
      throw new PlanError(`no stage "${name}" (from "${filter}"); the stages are ${names.join(', ')}.`);
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

/** The command line of a stage, run from root. */
export function command(stage, root) {
  if (stage.command) return stage.command;
  if (stage.ctest) {
    const regex = stage.parts ? ['-R', stage.parts.join('|')] : [];
    return ['ctest', '--test-dir', stage.ctest, '--output-on-failure', '-j', String(CORES), ...regex];
  }
  const files = testFiles(stage, root);
  const nodeTest = ['node', '--test', `--test-concurrency=${stage.concurrency}`, ...files];
  return stage.browser ? ['node', 'tests/e2e/support/shared-browser.mjs', ...nodeTest] : nodeTest;
}

/** A node stage's files: all of its folder's, or those whose name starts with a part picked. */
function testFiles(stage, root) {
  const names = readdirSync(join(root, stage.folder))
    .filter((file) => file.endsWith('.test.mjs'))
    .sort();
  if (!stage.parts) return names.map((file) => `${stage.folder}/${file}`);
  const chosen = names.filter((file) =>
    stage.parts.some((part) => (names.includes(`${part}.test.mjs`) ? file === `${part}.test.mjs` : file.startsWith(part))),
  );
  if (chosen.length === 0) {
    throw new PlanError(`no file of ${stage.folder} matches ${stage.parts.join(', ')}.`);
  }
  return chosen.map((file) => `${stage.folder}/${file}`);
}
