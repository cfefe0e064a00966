// Text into the core: a sentence split by the chosen tokenizer (the core's own words splitter, or
// a BPE vocabulary run here), and its token embeddings looked up in a table of word vectors when
// one is chosen. analyze, compareShift and tokenize read their text through this module.
import { TOKENIZERS } from '../tokenizers/catalogue.js';
import { tokenizers } from '../tokenizers/load-tokenizer.js';
import { EMBEDDINGS } from '../vocab/catalogue.js';
import { wordVectors } from '../vocab/word-vectors.js';
import { describe, readOptions, unwrap } from './options.js';

const utf8 = new TextEncoder();

/** The catalogue's entry of the tokenizer named name, or a TypeError listing the names. */
export function tokenizerEntry(name) {
  const entry = TOKENIZERS.find((candidate) => candidate.name === name);
  if (!entry) throw new TypeError(`tokenizer must be one of ${TOKENIZERS.map((t) => t.name).join(', ')}; received ${describe(name)}`);
  return entry;
}

/** The catalogue's entry of the embeddings named name, or a TypeError listing the names. */
export function embeddingsEntry(name) {
  const entry = EMBEDDINGS.find((candidate) => candidate.name === name);
  if (!entry) throw new TypeError(`embeddings must be one of ${EMBEDDINGS.map((e) => e.name).join(', ')}; received ${describe(name)}`);
  return entry;
}

/** The declarations, with the names of the options pe.js reads and names itself: every
 *  tokenizer option lists pe.tokenizers' names, every embeddings option pe.embeddings'. */
export function withTextChoices(requests) {
  const choices = { tokenizer: TOKENIZERS.map((t) => t.name), embeddings: EMBEDDINGS.map((e) => e.name) };
  const named = (option) => (option.name in choices ? { ...option, choices: choices[option.name] } : option);
  return Object.fromEntries(Object.entries(requests).map(([name, entry]) => [name, { ...entry, options: entry.options.map(named) }]));
}

// A vocabulary's own string for one token, with whitespace made visible: "␣dog". A token holding
// only part of a character's bytes shows U+FFFD (�), as the packages decode it.
function visiblePiece(text) {
  return text.replaceAll(' ', '\u2423').replaceAll('\n', '\u21b5').replaceAll('\t', '\u21e5');
}

// Whether each word is missing from the table (true: out of vocabulary).
const outOfVocabulary = (table, words) => words.map((word) => table.indexOf(word) < 0);

// Token r as analyze returns it: { text, position } for words, { text, piece, id, position } for
// a BPE tokenizer; with a word-vector table, each token says whether the table lacks it (oov).
function positioned(tokens, start, oov = null) {
  return tokens.map((token, r) => ({
    ...(typeof token === 'string' ? { text: token } : token),
    position: start + r,
    ...(oov && { oov: oov[r] }),
  }));
}

// text split by the chosen tokenizer: { bytes, split, tokens }. The words tokenizer runs in
// the core (bytes: the text as UTF-8 from TextEncoder, which turns lone surrogates into U+FFFD;
// Emscripten's own conversion would glue them to the next character); a BPE one runs here and
// hands the core its ids and pieces (split), which then decide duplicates and seed embeddings.
function split(core, text, { tokenizer, bos }) {
  if (typeof text !== 'string') throw new TypeError(`text must be a string; received ${describe(text)}`);
  const entry = tokenizerEntry(tokenizer);
  if (bos && entry.bos === null) {
    const having = TOKENIZERS.filter((t) => t.bos !== null).map((t) => t.name);
    throw new RangeError(
      `bos: the tokenizer "${tokenizer}" has no begin-of-text token; use bos: false with it ` +
        `(the tokenizers that have one: ${having.join(', ')})`,
    );
  }
  if (tokenizer === 'words') {
    const bytes = utf8.encode(text);
    // Checked here as well as in the core, so that a text too long never enters wasm memory.
    if (bytes.length > core.analysisMaxTextBytes) {
      throw new RangeError(`text must be at most ${core.analysisMaxTextBytes} bytes as UTF-8; received ${bytes.length}`);
    }
    const words = () => {
      const tokens = unwrap(core.tokenize(bytes));
      if (tokens.length > core.analysisMaxTokens) {
        throw new RangeError(`text must have at most ${core.analysisMaxTokens} tokens; received ${tokens.length}`);
      }
      return tokens;
    };
    return { bytes, split: {}, words };
  }
  const loaded = tokenizers.get(tokenizer);
  if (!loaded) {
    throw new Error(`the tokenizer "${tokenizer}" is not loaded yet: call await pe.loadTokenizer('${tokenizer}') first`);
  }
  const ids = [...(bos ? [entry.bos] : []), ...loaded.encode(text)];
  if (ids.length > core.analysisMaxTokens) {
    throw new RangeError(`text must have at most ${core.analysisMaxTokens} tokens; received ${ids.length} (${entry.label} tokens)`);
  }
  const texts = ids.map((id) => loaded.decode([id]));
  const tokens = ids.map((id, r) => ({ text: texts[r], piece: visiblePiece(texts[r]), id }));
  return { bytes: new Uint8Array(0), split: { tokens: { ids, pieces: texts } }, tokens };
}

/** The text functions' reading of their input, over the core module. */
export function textInput(core, requests) {
  const maxTableValues = core.analysisMaxTokens * core.analysisMaxDim;

  // The loaded word-vector table request.embeddings names, or null for the synthetic vectors. A
  // table is looked up by word, so it needs the words tokenizer.
  function wordTable({ embeddings, tokenizer }) {
    const entry = embeddingsEntry(embeddings);
    if (entry.dim === null) return null;
    if (tokenizer !== 'words') {
      throw new RangeError(
        `tokenizer: the vectors of embeddings '${embeddings}' belong to whole words, so they need ` +
          `tokenizer 'words'; received ${describe(tokenizer)}`,
      );
    }
    const loaded = wordVectors.get(embeddings);
    if (!loaded) throw new Error(`the embeddings "${embeddings}" are not loaded yet: call await pe.loadEmbeddings('${embeddings}') first`);
    return loaded;
  }

  // The rows of a word-vector table for the words, as an embeddingTable: a word the table lacks
  // gets the synthetic vector the core would give it, drawn with the request's embeddingStd.
  function tableRows({ table }, input, coreRequest) {
    const words = input.words();
    const { dim } = table;
    const rows = new Float32Array(words.length * dim);
    const found = words.map((word) => table.indexOf(word));
    const oov = found.map((row) => row < 0);
    found.forEach((row, r) => row >= 0 && rows.set(table.vectors.subarray(row * dim, (row + 1) * dim), r * dim));
    if (oov.includes(true)) {
      const synthetic = unwrap(core.tokenEmbedding(input.bytes, coreRequest)).data;
      oov.forEach((missing, r) => missing && rows.set(synthetic.subarray(r * dim, (r + 1) * dim), r * dim));
    }
    return { rows, oov };
  }

  /**
   * The options of analyze() or compareShift (name), checked, and the text split. With a
   * word-vector table the dimension is the table's (another dim given is a RangeError) and
   * embeddingStd, unless given, is the table's oovStd; the core receives the table's rows as an
   * embeddingTable. Returns { request, input, coreRequest, oov }.
   */
  function readSentence(name, text, options) {
    const request = readOptions(options, requests[name].options);
    const vectors = wordTable(request);
    if (vectors) {
      const { dim } = embeddingsEntry(request.embeddings);
      if (request.embeddingTable) {
        throw new TypeError(`embeddingTable: give your own table or embeddings '${request.embeddings}', not both`);
      }
      if (options.dim !== undefined && options.dim !== dim) {
        throw new RangeError(
          `dim: the vectors of embeddings '${request.embeddings}' have ${dim} dimensions, so dim must be ` +
            `${dim} or left out; received ${describe(options.dim)}`,
        );
      }
      request.dim = dim;
      if (options.embeddingStd === undefined) request.embeddingStd = vectors.oovStd;
    }
    const { tokenizer, bos, embeddingTable, embeddings, ...coreOptions } = request;
    // The core checks the table's shape; one larger than any analysis can use is refused before
    // it is copied into wasm memory.
    if (embeddingTable && embeddingTable.length > maxTableValues) {
      throw new RangeError(
        `embeddingTable must hold one row of dim values per token, at most ${maxTableValues} values ` +
          `(${core.analysisMaxTokens} tokens of ${core.analysisMaxDim}); received ${embeddingTable.length}`,
      );
    }
    const input = split(core, text, request);
    const coreRequest = { ...coreOptions, ...input.split, embeddingTable };
    if (!vectors) return { request, input, coreRequest, oov: null };
    const { rows, oov } = tableRows(vectors, input, coreRequest);
    return { request, input, coreRequest: { ...coreRequest, embeddingTable: rows }, oov };
  }

  /** analyze()'s tokens of text (positions from start), with oov marks under word vectors. */
  function tokensOf(text, options) {
    const request = readOptions(options, requests.tokenize.options);
    const vectors = wordTable(request);
    const input = split(core, text, request);
    const tokens = input.tokens ?? input.words();
    return positioned(tokens, 0, vectors && outOfVocabulary(vectors.table, tokens));
  }

  return { readSentence, tokensOf, positioned };
}
