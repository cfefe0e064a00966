// The tokenizers of the catalogue ({ encode, decode }, web/tokenizers/<name>.js), loaded on demand
// and shared by every caller of loadPE, like the core.
import { canLoadScripts, loadScript, registry } from '../lib/classic-scripts.js';
import { onDemand } from '../lib/on-demand.js';
import { VOCABULARY_REGISTRY, vocabularyScript } from './catalogue.js';

// A vocabulary's code: in a page, its classic script (web/build/bundle.mjs), which registers
// itself; elsewhere (Node), its module beside this one, whose packages Node resolves. The
// specifier is built at run time so that bundlers leave it alone. Either factory may build the
// tokenizer over several tasks (a promise), so that a page keeps drawing meanwhile.
async function fetchTokenizer(name) {
  if (canLoadScripts) {
    await loadScript(vocabularyScript(name));
    const create = registry(VOCABULARY_REGISTRY)[name];
    if (!create) throw new Error(`the file ${vocabularyScript(name)} did not register the tokenizer "${name}"`);
    return create();
  }
  const specifier = ['./', name, '.js'].join('');
  return (await import(specifier)).default();
}

/** The BPE tokenizers loaded so far: get(name) once load(name) has resolved. */
export const tokenizers = onDemand(fetchTokenizer);
