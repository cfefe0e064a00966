// Build step: wraps a .wasm file as an ES module exporting its bytes as a string, one character
// per byte (U+0000 to U+00FF). Written as UTF-8 (web/build/bundle.mjs keeps it so), that string
// gzips to 72 KB where base64 text of the same bytes gzips to 83 KB: gzip sees through a
// byte-for-character mapping, not through base64's 6-bit regrouping.
// Usage: node embed-wasm.mjs input.wasm output.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
const text = readFileSync(input).toString('latin1');
writeFileSync(
  output,
  `// Generated from ${input.split('/').pop()} by src/wasm/embed-wasm.mjs.\n` + `export default ${JSON.stringify(text)};\n`,
);
