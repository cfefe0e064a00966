// Bundles the page (web/app/main.js and everything it imports, the wasm module included) into
// one classic script, web/generated/app.js. A classic script, not an ES module, because module
// scripts are refused over file:// and inside sandboxed iframes (opaque origin, no CORS).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const webDir = fileURLToPath(new URL('..', import.meta.url));

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
