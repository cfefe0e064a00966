// The API object over the core module: what pe.d.ts documents, and `tsc -p web` checks against
// its PE interface. Every function that takes an options object alone is made from the
// declaration the core exports (so a new one needs no line here); the functions of a text read
// it through text-input.js; the registries and presets are the core's, frozen.
import { TOKENIZERS, licenceFile } from '../tokenizers/catalogue.js';
import { tokenizers } from '../tokenizers/load-tokenizer.js';
import { EMBEDDINGS, embeddingNoticeFile } from '../vocab/catalogue.js';
import { wordVectors } from '../vocab/word-vectors.js';
import { fromDeclaration, unwrap } from './options.js';
import { embeddingsEntry, textInput, tokenizerEntry, withTextChoices } from './text-input.js';
import { trainerMembers } from './trainer-module.js';

/** @typedef {import('../pe.js').PE} PE */
/** The members of PE written here rather than made from a declaration.
 *  @typedef {'schemes' | 'requests' | 'analyze' | 'compareShift' | 'tokenize' | 'tokenizers' | 'loadTokenizer' | 'embeddings'
 *    | 'loadEmbeddings' | 'vocabularyClusters' | 'analysisConstants' | 'ropePresets' | 'modelPresets'
 *    | 'loadTrainer' | 'trainer' | 'tasks'} MadeHere */

function deepFreeze(value) {
  if (value && typeof value === 'object') Object.values(Object.freeze(value)).forEach(deepFreeze);
  return value;
}

// The tokenizers and word-vector tables: the catalogues (frozen), loading them, and tokenize.
function vocabularyMembers(tokensOf) {
  return {
    tokenizers: deepFreeze(
      TOKENIZERS.map(({ name, label, bos, package: from = null, licence }) => ({
        name,
        label,
        bos,
        package: from,
        licence: licence && { name: licence.name, credit: licence.credit, notice: licence.notice ?? null, file: licenceFile(name) },
      })),
    ),

    async loadTokenizer(name) {
      tokenizerEntry(name);
      if (name !== 'words') await tokenizers.load(name);
    },

    tokenize(text, options = {}) {
      return tokensOf(text, options);
    },

    embeddings: deepFreeze(
      EMBEDDINGS.map(({ name, label, dim, credit, licence }) => ({
        name,
        label,
        dim,
        credit,
        notice: licence ? embeddingNoticeFile(name) : null,
      })),
    ),

    async loadEmbeddings(name) {
      const entry = embeddingsEntry(name);
      if (entry.dim !== null) await wordVectors.load(name);
    },
  };
}

/**
 * The API over a loaded core module (its raw functions and constants, src/wasm/bindings.cpp).
 * @param {any} core
 * @returns {PE}
 */
export function makeApi(core) {
  const requests = deepFreeze(withTextChoices(core.requests()));
  const schemes = deepFreeze(core.schemes());
  const { readSentence, tokensOf, positioned } = textInput(core, requests);

  const declared = (name) => fromDeclaration(requests[name], (request) => core[name](request));
  // Every function the core declares that takes an options object alone; the functions of a
  // text (analyze, compareShift, tokenize) read it through text-input.js, below.
  const made = /** @type {Omit<PE, MadeHere>} */ (
    Object.fromEntries(
      Object.keys(requests)
        .filter((name) => !requests[name].text)
        .map((name) => [name, declared(name)]),
    )
  );

  // Each preset's wavelengths: pe.ropeBands of its RoPE configuration, as plain arrays (frozen).
  const modelPresets = core.modelPresets().map((preset) => {
    const { dim, base, scaling } = preset.rope;
    const { bands, wavelengths, originalWavelengths } = made.ropeBands({ dim, base, scaling });
    const lengths = { before: Array.from(originalWavelengths), after: Array.from(wavelengths), bands };
    return { ...preset, rope: { ...preset.rope, wavelengths: lengths } };
  });

  const api = {
    ...made,
    schemes,
    requests,

    analyze(text, options = {}) {
      const { request, input, coreRequest, oov } = readSentence('analyze', text, options);
      const raw = unwrap(core.analyze(input.bytes, coreRequest));
      const { kind, dim, start, causal, embeddingStd, tokenizer, bos, embeddings } = request;
      const scheme = schemes.find((candidate) => candidate.name === kind);
      return {
        kind,
        dim,
        start,
        causal,
        embeddingStd,
        tokenizer,
        bos,
        embeddings,
        schemeOptions: Object.fromEntries(scheme.options.map(({ name }) => [name, request[name]])),
        ...raw,
        tokens: positioned(input.tokens ?? raw.tokens, start, oov),
      };
    },

    // Without options, the message names by, the one option without a default.
    compareShift(text, options) {
      const { input, coreRequest } = readSentence('compareShift', text, options === undefined ? {} : options);
      return unwrap(core.compareShift(input.bytes, coreRequest));
    },

    ...vocabularyMembers(tokensOf),

    vocabularyClusters: deepFreeze(core.vocabularyClusters()),
    analysisConstants: Object.freeze({
      maxTokens: core.analysisMaxTokens,
      maxDim: core.analysisMaxDim,
      maxTextBytes: core.analysisMaxTextBytes,
      maxComparedCopies: core.analysisMaxComparedCopies,
      tokenEmbeddingStd: core.tokenEmbeddingStd,
      weightChangeTolerance: core.weightChangeTolerance,
    }),
    ropePresets: deepFreeze(core.ropePresets()),
    modelPresets: deepFreeze(modelPresets),
  };
  // The training lab's members (loadTrainer, trainer, tasks), over a module of their own.
  return /** @type {PE} */ (Object.defineProperties(api, trainerMembers()));
}
