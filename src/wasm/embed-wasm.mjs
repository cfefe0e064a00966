// Build step: wraps a .wasm file as an ES module exporting its bytes as base64 text.
// Usage: node embed-wasm.mjs input.wasm output.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
const base64 = readFileSync(input).toString('base64');
writeFileSync(output, `// Generated from ${input.split('/').pop()} by src/wasm/embed-wasm.mjs.\n` +
  `export default '${base64}';\n`);
