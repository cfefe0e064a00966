// `npm run build`: writes dist/, a folder with everything the page needs and nothing else. The
// layout mirrors the repository, so index.html works unchanged from a static host or file://.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOKENIZERS, licenceFile, noticeFile, vocabularyScript } from '../tokenizers/catalogue.js';
import { EMBEDDINGS, embeddingNoticeFile, embeddingScript } from '../vocab/catalogue.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');
const VOCABULARIES = TOKENIZERS.filter(({ licence }) => licence);
const TABLES = EMBEDDINGS.filter(({ table }) => table);
const SCRIPTS = [
  'web/generated/app.js', 'web/generated/views.js', 'web/generated/trainer.js',
  ...[...VOCABULARIES.map(({ name }) => vocabularyScript(name)), ...TABLES.map(({ name }) => embeddingScript(name))].map((file) => `web/generated/${file}`),
];
// Each vocabulary ships with its licence texts, and its notice where the licence asks for one;
// each word-vector table with its notice (licence texts).
const LICENCES = [
  ...VOCABULARIES.flatMap(({ name, licence }) => [licenceFile(name), ...(licence.notice ? [noticeFile(name)] : [])]),
  ...TABLES.map(({ name }) => embeddingNoticeFile(name)),
];
const SHIPPED = ['index.html', 'web/favicon.svg', 'web/generated/app.css', ...SCRIPTS, ...LICENCES.map((path) => `web/generated/${path}`)];

rmSync(dist, { recursive: true, force: true });
for (const path of SHIPPED) {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  cpSync(join(root, path), join(dist, path), { recursive: true });
}
// The course pages' embed script, where it is in the repository: it opens the index.html one folder up.
cpSync(join(root, 'web/embed.js'), join(dist, 'web/embed.js'));

// The source maps stay with the development build; drop the links to them so nothing asks for them.
for (const script of SCRIPTS) {
  const path = join(dist, script);
  writeFileSync(path, readFileSync(path, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n'));
}

// Guard against drift: every local file index.html links to must have been shipped.
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const missing = [...html.matchAll(/(?:src|href)="([^"#?:]+)"/g)]
  .map(([, path]) => path)
  .filter((path) => !existsSync(join(dist, path)));
if (missing.length > 0) {
  console.error(`dist/ is missing files that index.html links to: ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`PE Lab built into ${dist}/ (open dist/index.html, or copy the folder to any static host)`);
