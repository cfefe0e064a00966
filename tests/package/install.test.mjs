// The package as a user gets it: `npm pack`, then `npm install` of the tarball into a scratch
// project, where `import { loadPE } from 'pe-lab'` must work in Node, bundled by esbuild, and in
// TypeScript (the types found through package.json's exports under both module resolutions).
// Needs the build (`bash .ci/build.sh web`): the tarball carries the generated module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { loadPE } from '../../web/pe.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = path.join(root, 'node_modules/.bin/tsc');

// What the API needs and nothing else (npm adds package.json and the README itself): the core,
// the modules pe.js imports, the trainer's module (loadTrainer imports it in Node), the tokenizers'
// code (their vocabularies come with the dependencies) and GloVe's table with its notice, which
// loadEmbeddings reads in Node.
const expectedFiles = [
  'README.md',
  'package.json',
  'web/api/load-module.js',
  'web/api/make-api.js',
  'web/api/options.js',
  'web/api/text-input.js',
  'web/api/trainer-module.js',
  'web/api/trainer.js',
  'web/generated/pe-core-wasm.mjs',
  'web/generated/pe-core.mjs',
  'web/generated/pe-trainer-wasm.mjs',
  'web/generated/pe-trainer.mjs',
  'web/lib/classic-scripts.js',
  'web/lib/latin1-bytes.js',
  'web/lib/on-demand.js',
  'web/pe.d.ts',
  'web/pe.js',
  'web/tokenizers/catalogue.js',
  'web/tokenizers/deepseek-v3.js',
  'web/tokenizers/gpt2.js',
  'web/tokenizers/lenml-tokenizer.js',
  'web/tokenizers/llama3.js',
  'web/tokenizers/load-tokenizer.js',
  'web/types/options.d.ts',
  'web/types/results.d.ts',
  'web/types/trainer.d.ts',
  'web/types/values.d.ts',
  'web/vocab/catalogue.js',
  'web/vocab/glove/NOTICE.txt',
  'web/vocab/glove/glove-6b-100d.bin',
  'web/vocab/glove/glove-table.js',
  'web/vocab/glove/read-glove.js',
  'web/vocab/word-vectors.js',
];

const usage = `import { loadPE } from 'pe-lab';
const pe = await loadPE();
const m = pe.encode({ kind: 'sinusoidal', start: 64, count: 3, dim: 4 });
console.log(JSON.stringify({ layout: m.layout, data: Array.from(m.data) }));
`;

// In Node the tokenizers, GloVe's vectors and the trainer load from the installed package and its
// dependencies.
const trainerLosses = `await pe.loadTrainer();
const trainer = pe.trainer({ seed: 7, steps: 3 });
const losses = Array.from(trainer.step(3).losses);
trainer.dispose();`;
// The same run in this process, for comparison.
async function trainerLossesOf(pe) {
  await pe.loadTrainer();
  const trainer = pe.trainer({ seed: 7, steps: 3 });
  const losses = Array.from(trainer.step(3).losses);
  trainer.dispose();
  return losses;
}

const loadingUsage = `import { loadPE } from 'pe-lab';
const pe = await loadPE();
const m = pe.encode({ kind: 'sinusoidal', start: 64, count: 3, dim: 4 });
await pe.loadTokenizer('gpt2');
await pe.loadEmbeddings('glove');
const ids = pe.tokenize('The dog chased another dog', { tokenizer: 'gpt2' }).map(({ id }) => id);
const glove = pe.analyze('cat kitten', { embeddings: 'glove', kind: 'none' });
const cosine = pe.cosineSimilarities({ data: glove.tokenEmbedding, dim: glove.dim }).data[1];
${trainerLosses}
console.log(JSON.stringify({ layout: m.layout, data: Array.from(m.data), ids, cosine, losses }));
`;

const typedUsage = `import { loadPE, type Encoding, type Pairing } from 'pe-lab';
const pe = await loadPE();
const m: Encoding = pe.encode({ kind: 'binary', count: 3, dim: 4 });
const pairing: Pairing = 'half';
export const rotated: Float32Array = pe.rotate({ data: m.data, dim: 4, pairing });
`;

function tsconfig(resolution) {
  const module = resolution === 'bundler' ? 'esnext' : 'nodenext';
  const compilerOptions = {
    strict: true,
    noEmit: true,
    target: 'es2022',
    lib: ['es2022'],
    module,
    moduleResolution: resolution,
    types: [],
  };
  return JSON.stringify({ compilerOptions, files: ['usage.ts'] });
}

test('npm pack holds the API and nothing else, and the installed package works in Node, esbuild and TypeScript', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'pe-package-'));
  try {
    // --ignore-scripts: prepack would rebuild; npm test has just built.
    const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: root });
    const [packed] = JSON.parse(stdout);
    assert.deepEqual(packed.files.map((file) => file.path).sort(), expectedFiles);

    const project = path.join(dir, 'project');
    await mkdir(project);
    await writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
    // --prefer-offline, not --offline: npm ci leaves the tarballs of the dependencies (the tokenizer
    // packages) in the npm cache but not the registry's metadata, which installing a tarball needs
    // to resolve their version ranges; on a fresh machine's empty cache --offline fails with
    // ENOTCACHED. As a user's install does, this asks the registry for what the cache lacks (the
    // metadata) and takes the tarballs from the cache.
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', path.join(dir, packed.filename)], {
      cwd: project,
    });

    const pe = await loadPE();
    const reference = pe.encode({ kind: 'sinusoidal', start: 64, count: 3, dim: 4 });
    await pe.loadEmbeddings('glove');
    const glove = pe.analyze('cat kitten', { embeddings: 'glove', kind: 'none' });
    const expected = { layout: reference.layout, data: Array.from(reference.data) };
    const expectedLoading = {
      ...expected,
      ids: [464, 3290, 26172, 1194, 3290],
      cosine: pe.cosineSimilarities({ data: glove.tokenEmbedding, dim: glove.dim }).data[1],
      losses: await trainerLossesOf(pe),
    };

    await writeFile(path.join(project, 'loading.mjs'), loadingUsage);
    const node = await run(process.execPath, ['loading.mjs'], { cwd: project });
    assert.deepEqual(JSON.parse(node.stdout), expectedLoading, 'imported by Node, loading a tokenizer, GloVe and the trainer');

    await writeFile(path.join(project, 'usage.mjs'), usage);

    await build({
      absWorkingDir: project,
      entryPoints: ['usage.mjs'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      outfile: 'bundle.mjs',
      logLevel: 'error',
    });
    const bundled = await run(process.execPath, ['bundle.mjs'], { cwd: project });
    assert.deepEqual(JSON.parse(bundled.stdout), expected, 'bundled by esbuild');

    await writeFile(path.join(project, 'usage.ts'), typedUsage);
    for (const resolution of ['nodenext', 'bundler']) {
      await writeFile(path.join(project, 'tsconfig.json'), tsconfig(resolution));
      await run(tsc, ['-p', project]).catch((error) => assert.fail(`tsc (${resolution}): ${error.stdout}`));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
