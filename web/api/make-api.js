// The API object over the core module: what pe.d.ts documents, key by key, and `tsc -p web`
// checks against its PE interface. Most functions are made from their declaration alone
// (declared); the text functions read their input through text-input.js; the registries and
// presets are the core's, frozen.
import { TOKENIZERS, licenceFile } from '../tokenizers/catalogue.js';
import { tokenizers } from '../tokenizers/load-tokenizer.js';
import { EMBEDDINGS, embeddingNoticeFile } from '../vocab/catalogue.js';
import { wordVectors } from '../vocab/word-vectors.js';
import { readOptions, unwrap } from './options.js';
import { embeddingsEntry, textInput, tokenizerEntry } from './text-input.js';

/** @typedef {import('../pe.js').PE} PE */

function deepFreeze(value) {
  if (value && typeof value === 'object') Object.values(Object.freeze(value)).forEach(deepFreeze);
  return value;
}

/**
 * The API over a loaded core module (its raw functions and constants, src/wasm/bindings.cpp).
 * @param {any} core
 * @returns {PE}
 */
export function makeApi(core) {
  const requests = deepFreeze(core.requests());
  const schemes = deepFreeze(core.schemes());
  const { readSentence, tokensOf, positioned } = textInput(core, requests);

  /**
   * The API function name, made from its declaration: options checked and completed, the core's
   * result unwrapped, and with echo the request's options beside the result (encode's { kind,
   * start, count, dim, base, layout, data }). Options may be left out when every option may.
   * @template {keyof PE} N
   * @param {N} name
   * @returns {PE[N]}
   */
  function declared(name, { echo = false } = {}) {
    const declaration = requests[name];
    const optional = declaration.every((option) => !option.required);
    const call = (options) => {
      const request = readOptions(options === undefined && optional ? {} : options, declaration);
      const result = unwrap(core[name](request));
      return echo ? { ...request, ...result } : result;
    };
    return /** @type {PE[N]} */ (/** @type {unknown} */ (call));
  }
  const echo = { echo: true };

  const ropeBands = declared('ropeBands');
  // Each preset's wavelengths: pe.ropeBands of its RoPE settings, as plain arrays (frozen).
  const modelPresets = core.modelPresets().map((preset) => {
    const { dim, base, scaling } = preset.rope;
    const { bands, wavelengths, originalWavelengths } = ropeBands({ dim, base, scaling });
    const lengths = { before: Array.from(originalWavelengths), after: Array.from(wavelengths), bands };
    return { ...preset, rope: { ...preset.rope, wavelengths: lengths } };
  });

  return {
    schemes,
    requests,
    encode: declared('encode', echo),

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

    compareShift(text, options = {}) {
      const { input, coreRequest } = readSentence('compareShift', text, options);
      return unwrap(core.compareShift(input.bytes, coreRequest));
    },

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

    vocabularyClusters: deepFreeze(core.vocabularyClusters()),
    attentionWeights: declared('attentionWeights', echo),
    analysisConstants: Object.freeze({
      maxTokens: core.analysisMaxTokens,
      maxDim: core.analysisMaxDim,
      maxTextBytes: core.analysisMaxTextBytes,
      maxComparedCopies: core.analysisMaxComparedCopies,
      tokenEmbeddingStd: core.tokenEmbeddingStd,
      weightChangeTolerance: core.weightChangeTolerance,
    }),
    binaryStructure: declared('binaryStructure', echo),
    smoothBits: declared('smoothBits', echo),
    cosineSimilarities: declared('cosineSimilarities', echo),
    dotProducts: declared('dotProducts', echo),
    sinusoidalFrequencies: declared('sinusoidalFrequencies', echo),
    shiftRotation: declared('shiftRotation', echo),
    neighbourSteps: declared('neighbourSteps', echo),
    ropeFrequencies: declared('ropeFrequencies'),
    rotate: declared('rotate'),
    ropeScores: declared('ropeScores'),
    ropeBands,
    ropePresets: deepFreeze(core.ropePresets()),
    ropePairingPermutation: declared('ropePairingPermutation'),
    yarnMscale: declared('yarnMscale'),
    alibiSlopes: declared('alibiSlopes'),
    kvCache: declared('kvCache'),
    modelPresets: deepFreeze(modelPresets),
    mlaAbsorption: declared('mlaAbsorption', echo),
  };
}
