// Runs the typed example (example.ts, type-checked by `tsc -p tests/types` in lint.sh): every call
// it says the types refuse throws the error it names, and the values behind its pinned types hold.
import { test } from 'node:test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const peModule = new URL('../../web/pe.js', import.meta.url).href;

test('the typed example runs against the real module', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'pe-types-'));
  try {
    const outfile = path.join(dir, 'example.mjs');
    await build({
      entryPoints: [new URL('example.ts', import.meta.url).pathname],
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile,
      logLevel: 'error',
      // The module itself stays where it is: it loads the tokenizers and GloVe's table from
      // beside itself, which a copy bundled into a scratch folder could not.
      plugins: [
        {
          name: 'pe-in-place',
          setup(esbuild) {
            esbuild.onResolve({ filter: /\/web\/pe\.js$/ }, () => ({ path: peModule, external: true }));
          },
        },
      ],
    });
    const { runExample } = await import(pathToFileURL(outfile).href);
    await runExample();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
