// Bundles the page into web/generated/: app.css (web/styles/index.css, then the stylesheets of
// web/views/shared/ and of every view of the registry, each folder's in name order), app.js
// (web/app/main.js and everything it imports, the wasm module included, and the first view) and
// views.js (the other views). Both scripts are classic scripts, not ES modules, because module
// scripts are refused over file:// and inside sandboxed iframes (opaque origin, no CORS).
import { build } from 'esbuild';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VIEWS } from '../views/registry.js';
import { TOKENIZERS, VOCABULARY_REGISTRY, licenceFile, noticeFile, vocabularyScript } from '../tokenizers/catalogue.js';
import { EMBEDDINGS, EMBEDDING_REGISTRY, embeddingNoticeFile, embeddingScript } from '../vocab/catalogue.js';
import { TRAINER_REGISTRY, TRAINER_SCRIPT } from '../api/trainer-module.js';

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

// The page's scripts (web/app/view-code.js): app.js, the page and the first view's drawing code;
// views.js, the other views' drawing code. Both entries are written here from the registry, so
// adding a view edits no list; code both use (charts, helpers) is in each.
const [firstView, ...laterViews] = VIEWS;
function registering(views) {
  const imports = views.map(({ name }, v) => `import { mount as view${v} } from './views/${name}/${name}-view.js';`);
  const names = views.map(({ name }, v) => `${JSON.stringify(name)}: view${v}`);
  return [
    "import { registerViewCode } from './app/view-code.js';",
    ...imports,
    `registerViewCode({ ${names.join(', ')} });`,
  ].join('\n');
}
// Each tokenizer's vocabulary (web/tokenizers/<name>.js and its npm package) is a classic script
// of its own, vocab/<name>.js, that registers its factory (web/pe.js loads it when chosen). A
// tokenizer module that reads its package's vocabulary into a form it builds from faster
// (readVocabulary, fromVocabulary) has that form written into the script as literals: arrays of
// ready-made strings, at the script's top level, which the browser compiles while the file streams
// in (inside a function, they would be compiled on the main thread when the function first runs).
const vocabularies = [];
for (const { name } of TOKENIZERS.filter(({ package: from }) => from)) {
  const tokenizer = await import(`../tokenizers/${name}.js`);
  const register = `registry(${JSON.stringify(VOCABULARY_REGISTRY)})[${JSON.stringify(name)}]`;
  const factory = tokenizer.readVocabulary
    ? [
        `import { fromVocabulary } from './tokenizers/${name}.js';`,
        `const vocabulary = ${JSON.stringify(await tokenizer.readVocabulary())};`,
        `${register} = () => fromVocabulary(vocabulary);`,
      ]
    : [`import createTokenizer from './tokenizers/${name}.js';`, `${register} = createTokenizer;`];
  vocabularies.push([vocabularyScript(name), ["import { registry } from './lib/classic-scripts.js';", ...factory].join('\n')]);
}
// Each word-vector table is a classic script of its own, vocab/<name>.js, that registers the
// table's bytes in base64. Unlike the wasm module (src/wasm/embed-wasm.mjs), a character per byte
// gzips worse here (GloVe: 5.6 MB against 4.9 MB): half the table's bytes are negative int8
// values, which UTF-8 spends two bytes on.
const repoDir = fileURLToPath(new URL('../..', import.meta.url));
const tables = EMBEDDINGS.filter(({ table }) => table).map(({ name, table }) => [
  embeddingScript(name),
  [
    "import { registry } from './lib/classic-scripts.js';",
    `registry(${JSON.stringify(EMBEDDING_REGISTRY)})[${JSON.stringify(name)}] = '${readFileSync(`${repoDir}${table}`).toString('base64')}';`,
  ].join('\n'),
]);
// The training lab's WebAssembly module and its API (web/api/trainer-module.js): a classic script
// of its own, trainer.js, that registers the module's factory and bytes and the API's maker,
// fetched only when pe.loadTrainer() is called.
const trainer = [
  "import { registry } from './lib/classic-scripts.js';",
  "import factory from './generated/pe-trainer.mjs';",
  "import wasmText from './generated/pe-trainer-wasm.mjs';",
  "import { trainerApi } from './api/trainer.js';",
  `registry(${JSON.stringify(TRAINER_REGISTRY)}).module = { factory, wasmText, trainerApi };`,
].join('\n');
const scripts = {
  'app.js': `${registering([firstView])}\nimport './app/main.js';`,
  'views.js': registering(laterViews),
  [TRAINER_SCRIPT]: trainer,
  ...Object.fromEntries(vocabularies),
  ...Object.fromEntries(tables),
};

for (const [file, contents] of Object.entries(scripts)) {
  await build({
    stdin: { contents, resolveDir: webDir, sourcefile: `generated/${file}.entry.js`, loader: 'js' },
    outfile: `${webDir}generated/${file}`,
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    sourcemap: file.startsWith('vocab/') ? false : 'linked',  // megabytes of vocabulary: no map
    legalComments: 'none',
    // The wasm module's bytes are a string of characters U+0000 to U+00FF (src/wasm/embed-wasm.mjs):
    // kept as UTF-8 they gzip far better than as \xNN escapes.
    charset: 'utf8',
    logLevel: 'warning',
  });
}

// Each vocabulary's licence texts in one file beside it (linked from the page), and the notice its
// licence asks to ship with it, if any; each word-vector table's notice beside it.
for (const { name, licence } of TOKENIZERS.filter(({ package: from }) => from)) {
  const texts = licence.texts.map((path) => `==> ${path.replace(/^node_modules\//, '')} <==\n\n${readFileSync(`${repoDir}${path}`, 'utf8').trim()}\n`);
  const heading = `The vocabulary in ${vocabularyScript(name)} and the code that reads it come under these licences.\n\n`;
  writeFileSync(`${webDir}generated/${licenceFile(name)}`, heading + texts.join('\n'));
  if (licence.notice) writeFileSync(`${webDir}generated/${noticeFile(name)}`, `${licence.notice}\n`);
}
for (const { name, licence } of EMBEDDINGS.filter(({ licence }) => licence)) {
  writeFileSync(`${webDir}generated/${embeddingNoticeFile(name)}`, readFileSync(`${repoDir}${licence}`));
}
