// Bundles the page into web/generated/: app.css (web/styles/index.css and its imports) and
// app.js (web/app/main.js and everything it imports, the wasm module included). app.js is a
// classic script, not an ES module, because module scripts are refused over file:// and inside
// sandboxed iframes (opaque origin, no CORS).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const webDir = fileURLToPath(new URL('..', import.meta.url));

// The stylesheets, joined into one file for one request.
await build({
  entryPoints: [`${webDir}styles/index.css`],
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
  logLevel: 'warning',
});
