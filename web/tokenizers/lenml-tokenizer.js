// The lenml packages' tokenizers (a port of transformers.js's) behind the interface web/pe.js
// expects: encode without the special tokens they would add, decode of any ids.
//
// Built faster than the package builds them. Its constructor turns a 128,000-token vocabulary and
// as many merges into maps in one go, most of it spent listing the vocabulary object's keys and
// writing each merge as a JSON key: over a second on the page's main thread. Here the constructor
// gets the tokenizer.json without the two tables (everything else: added tokens, pre-tokenizer,
// decoder), and the tables are then written straight into the maps the BPE model reads, from lists
// whose strings are ready-made (lenmlVocabulary, run when the page is built), a slice at a time so
// that the page keeps drawing in between. The maps end up as the package's own constructor fills
// them (tests/js/vocabulary-build.test.mjs compares them).

// Entries written between two pauses: a few milliseconds of work each.
const SLICE = 16384;
// A task of its own: scheduler.yield where the engine has it (a timeout nested more than five
// deep waits at least 4 ms, for nothing).
const pause = () => globalThis.scheduler?.yield?.() ?? new Promise((resolve) => setTimeout(resolve));

/** The tokenizer interface of web/pe.js over a lenml tokenizer. */
export function wrapLenml(tokenizer) {
  return {
    encode: (text) => tokenizer.encode(text, { add_special_tokens: false }),
    decode: (ids) => tokenizer.decode(ids),
  };
}

/**
 * A lenml package's tokenizer.json and config as the page ships them: tokens[id] (the vocabulary in
 * id order, which must run from 0 with no gap), mergeKeys[rank] (each merge [left, right] as the
 * JSON string the BPE model looks pairs up by), and the rest of the tokenizer.json and the config.
 */
export function lenmlVocabulary(json, config) {
  const tokens = [];
  for (const [token, id] of Object.entries(json.model.vocab)) tokens[id] = token;
  if (json.model.type !== 'BPE' || tokens.length !== Object.keys(json.model.vocab).length || tokens.includes(undefined)) {
    throw new Error('lenmlVocabulary: the tokenizer must be a BPE whose ids run from 0 with no gap');
  }
  const mergeKeys = json.model.merges.map((merge) => JSON.stringify(Array.isArray(merge) ? merge : merge.split(' ', 2)));
  const { vocab, merges, ...model } = json.model;
  return { json: { ...json, model }, config, tokens, mergeKeys };
}

/** Resolves to the package's tokenizer of lenmlVocabulary's result. */
export async function lenmlTokenizer({ json, config, tokens, mergeKeys }) {
  // Imported when first used, not when the page's vocabulary script runs: the package's start-up
  // probes the engine by catching errors (core-js), and a stack trace taken while the script's own
  // top level runs makes the browser parse that whole script again on the main thread (seconds, for
  // megabytes of vocabulary).
  const { TokenizerLoader } = await import('@lenml/tokenizers');
  const tokenizer = TokenizerLoader.fromPreTrained({
    tokenizerJSON: { ...json, model: { ...json.model, vocab: {}, merges: [] } },
    tokenizerConfig: config,
  });
  // bpe_ranks is the BPE model's own table, which the package's types leave out.
  const { tokens_to_ids: ids, vocab, bpe_ranks: ranks } = /** @type {any} */ (tokenizer.model);
  // The constructor has entered the added tokens; as in its own order, they win over the vocabulary.
  const addedTexts = new Set(tokenizer.added_tokens.map(({ content }) => content));
  const addedIds = new Set(tokenizer.added_tokens.map(({ id }) => id));
  for (let from = 0; from < tokens.length; from += SLICE) {
    await pause();
    for (let id = from; id < Math.min(from + SLICE, tokens.length); id += 1) {
      if (!addedTexts.has(tokens[id])) ids.set(tokens[id], id);
      if (!addedIds.has(id)) vocab[id] = tokens[id];
    }
  }
  for (let from = 0; from < mergeKeys.length; from += SLICE) {
    await pause();
    for (let rank = from; rank < Math.min(from + SLICE, mergeKeys.length); rank += 1) ranks.set(mergeKeys[rank], rank);
  }
  return tokenizer;
}

/** Resolves to the tokenizer of lenmlVocabulary's result, { encode, decode }. */
export const fromLenmlVocabulary = async (vocabulary) => wrapLenml(await lenmlTokenizer(vocabulary));
