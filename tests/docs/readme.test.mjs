// Every code block of README.md, checked by machine, so an example cannot rot unseen:
// - html: parses (parse5, the WHATWG parsing algorithm) without a single parse error, into
//   complete elements: every element that is not void has its end tag in the block;
// - sh: every command exists: `npm run X` / `npm start|test` name a script of package.json (and
//   `npm test -- FILTER` a filter .ci/test.mjs accepts), `npm X` an npm command, anything else a
//   command or shell builtin of this system, and a file given to node exists;
// - js: runs against the real module, as an ES module in this process; a block that does not set
//   up `pe` itself gets the one the README's first example makes (`const pe = await loadPE()`);
// - ts: compiles under tsc --strict against web/pe.d.ts, then runs like js ('pe-lab' resolved
//   through package.json's exports).
// A block in any other language fails: teach this test to check it.
// Run: node --test tests/docs/readme.test.mjs   (after `bash .ci/build.sh web`)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transform } from 'esbuild';
import { parseFragment } from 'parse5';
import { codeBlocks } from './support/code-blocks.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const README = join(ROOT, 'README.md');
const blocks = codeBlocks(readFileSync(README, 'utf8'));
const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;
const PE_URL = pathToFileURL(join(ROOT, 'web/pe.js')).href;
// Void elements have no end tag (HTML's list).
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const scratch = mkdtempSync(join(tmpdir(), 'pe-readme-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

test('every code block of the README is in a language this test checks', () => {
  assert.ok(blocks.length > 0, 'no code block found');
  for (const { lang, line } of blocks) assert.ok(['html', 'sh', 'js', 'ts'].includes(lang), `README.md:${line}: a block in "${lang}"`);
});

for (const block of blocks.filter(({ lang }) => lang === 'html')) {
  test(`README.md:${block.line}: the HTML parses without error into complete elements`, () => {
    const problems = [];
    const at = (location) => `README.md:${block.line + location.startLine}:${location.startCol}`;
    const fragment = parseFragment(block.code, {
      sourceCodeLocationInfo: true,
      onParseError: (error) => problems.push(`${at(error)}: ${error.code}`),
    });
    const visit = (node) => {
      if (node.tagName && !VOID.has(node.tagName) && !node.sourceCodeLocation?.endTag)
        problems.push(`${at(node.sourceCodeLocation)}: <${node.tagName}> has no end tag`);
      for (const child of node.childNodes ?? []) visit(child);
    };
    visit(fragment);
    assert.deepEqual(problems, []);
  });
}

for (const block of blocks.filter(({ lang }) => lang === 'sh')) {
  test(`README.md:${block.line}: every shell command exists`, () => {
    const commands = shellCommands(block.code);
    assert.ok(commands.length > 0);
    const problems = commands.map(missingCommand).filter(Boolean);
    assert.deepEqual(problems, []);
  });
}

for (const block of blocks.filter(({ lang }) => lang === 'js' || lang === 'ts')) {
  test(`README.md:${block.line}: the ${block.lang} example runs against the real module`, async () => {
    let code = block.code;
    if (block.lang === 'ts') {
      typeCheck(code, block.line);
      code = (await transform(code, { loader: 'ts', format: 'esm' })).code;
    }
    code = code.replace(/from (['"])(\.[^'"]*|pe-lab)\1/g, (_, quote, specifier) => `from '${resolve(specifier)}'`);
    const setsUpPe = /\bconst pe = /.test(code);
    const module = join(scratch, `block-${block.line}.mjs`);
    writeFileSync(module, setsUpPe ? code : `import { loadPE } from '${PE_URL}';\nconst pe = await loadPE();\n${code}`);
    await import(pathToFileURL(module).href);
  });
}

/** A module specifier of the README resolved as the README's reader would: from the repository's
 *  root, or ('pe-lab') through package.json's exports. */
function resolve(specifier) {
  return specifier === 'pe-lab' ? import.meta.resolve('pe-lab') : pathToFileURL(join(ROOT, specifier)).href;
}

/** The commands of a shell block: comments dropped, split at &&, ||, ; and |, then into words. */
function shellCommands(code) {
  return code
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean)
    .flatMap((line) => line.split(/&&|\|\||;|\|/))
    .map((command) => command.trim().split(/\s+/))
    .map((words) => words.slice(words.findIndex((word) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word))))
    .filter((words) => words.length > 0 && words[0] !== '');
}

/** Why a command of the README would not run here, or '' when it would. */
function missingCommand([name, ...rest]) {
  const line = [name, ...rest].join(' ');
  if (name === 'npm') {
    const [sub, ...more] = rest;
    if (sub === 'run' || sub === 'run-script') return more[0] in scripts ? '' : `${line}: package.json has no script "${more[0]}"`;
    if (['start', 'test', 'stop', 'restart'].includes(sub)) {
      if (!(sub in scripts)) return `${line}: package.json has no script "${sub}"`;
      const filters = more[0] === '--' ? more.slice(1) : [];
      if (sub === 'test' && filters.length > 0) {
        const listed = spawnSync(process.execPath, [join(ROOT, '.ci/test.mjs'), '--list', ...filters], { encoding: 'utf8' });
        return listed.status === 0 ? '' : `${line}: ${listed.stderr.trim()}`;
      }
      return '';
    }
    const help = spawnSync('npm', [sub, '--help'], { encoding: 'utf8' });
    return help.status === 0 ? '' : `${line}: npm has no command "${sub}"`;
  }
  const found = spawnSync('bash', ['-c', 'type -t "$1"', '_', name], { encoding: 'utf8' });
  if (found.status !== 0) return `${line}: no command "${name}" on this system`;
  if (name === 'node') {
    const file = rest.find((word) => !word.startsWith('-'));
    if (file && !existsSync(join(ROOT, file))) return `${line}: no file ${file}`;
  }
  return '';
}

/** Compiles a TypeScript example under --strict, 'pe-lab' being the API's types. */
function typeCheck(code, line) {
  const dir = mkdtempSync(join(scratch, 'ts-'));
  writeFileSync(join(dir, 'example.ts'), `${code}\nexport {};\n`);
  const compilerOptions = {
    strict: true,
    noEmit: true,
    target: 'es2022',
    lib: ['es2022'],
    module: 'esnext',
    moduleResolution: 'bundler',
    types: [],
    paths: { 'pe-lab': [join(ROOT, 'web/pe.d.ts')] },
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['example.ts'] }));
  try {
    execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', dir], { encoding: 'utf8' });
  } catch (error) {
    assert.fail(`README.md:${line}: tsc: ${error.stdout}${error.stderr}`);
  }
}
