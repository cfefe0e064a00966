// Bundles the page into web/generated/: app.css (web/styles/index.css, then the stylesheets of
// web/views/shared/ and of every view of the registry, each folder's in name order) and app.js
// (web/app/main.js and everything it imports, the wasm module included). app.js is a classic
// script, not an ES module, because module scripts are refused over file:// and inside sandboxed
// iframes (opaque origin, no CORS).
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VIEWS } from '../views/registry.js';

const webDir = fileURLToPath(new URL('..', import.meta.url));

const stylesOf = (folder) => readdirSync(`${webDir}${folder}`).filter((name) => name.endsWith('.css')).sort()
  .map((name) => `${folder}/${name}`);
const stylesheets = ['styles/index.css', ...stylesOf('views/shared'), ...VIEWS.flatMap(({ name }) => stylesOf(`views/${name}`))];

// The stylesheets, joined into one file for one request.
await build({
  stdin: { contents: stylesheets.map((path) => `@import './${path}';`).join('\n'), resolveDir: webDir, loader: 'css' },
  outfile: `${webDir}generated/app.css`,
  bundle: true,
  minify: true,
  logLevel: 'warning',
});

await build({
  entryPoints: [`${webDir}app/main.js`],
  outfile: `${webDir}generated/app.js`,
  bundle: true,
  format: 'iife',
  target: 'es2020',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  // The wasm module's bytes are a string of characters U+0000 to U+00FF (src/wasm/embed-wasm.mjs):
  // kept as UTF-8 they gzip far better than as \xNN escapes.
  charset: 'utf8',
  logLevel: 'warning',
});
