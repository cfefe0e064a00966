// The training lab's types (part of web/pe.d.ts, the API reference, which re-exports everything
// here): pe.trainer's object, what its methods return, and pe.tasks' entries. Every array belongs
// to the caller (a JS-owned copy: nothing to free).
import type { TrainerAttentionOptions, TrainerEvaluateOptions, TrainerOptions, TrainerStepOptions } from './options.js';

/** A task of the core's registry (src/training/tasks): sequences and a label at some positions. */
export interface Task {
  readonly name: NonNullable<TrainerOptions['task']>;
  /** For selectors: 'the token 3 places back'. */
  readonly label: string;
  /** What of position it needs: 'a relative offset', 'an absolute anchor', 'no position', ... */
  readonly needs: string;
  /** One sentence: the rule, and what solving it takes. */
  readonly description: string;
  /** Input tokens 0 .. vocabulary - 1. */
  readonly vocabulary: number;
  /** Labels 0 .. classes - 1. */
  readonly classes: number;
}

/** What step() ran: the training loss of each step, in order. */
export interface StepReport {
  /** The step the first loss belongs to (1 for the run's first). */
  firstStep: number;
  /** Empty once the run has finished or diverged. */
  losses: Float32Array;
}

/** How the model did on the held-out sequences of one length. */
export interface LengthResult {
  length: number;
  sequences: number;
  /** Labelled tokens among them. */
  labelled: number;
  /** Labelled tokens named right / labelled (NaN if none). */
  tokenAccuracy: number;
  /** Sequences with every label right / sequences with a label. */
  sequenceAccuracy: number;
  /** Mean -log p(label) over the labelled tokens (NaN if none). */
  loss: number;
}

export interface TrainerEvaluation {
  /** In the order of the lengths asked. */
  byLength: LengthResult[];
  /** Accuracy at each position 0 .. longest - 1 over every length evaluated (NaN where nothing was labelled). */
  byPosition: Float64Array;
  /** How many labelled tokens each position had. */
  positionLabelled: Int32Array;
  /** Over every labelled token evaluated. */
  loss: number;
}

/** A held-out sequence, what the model predicts at each position, and one head's weights. */
export interface AttentionMap {
  length: number;
  tokens: Int32Array;
  /** -1 where the task asks nothing. */
  labels: Int32Array;
  predictions: Int32Array;
  /** length x length: row i is query i's weights over keys 0 .. length - 1. */
  weights: Float32Array;
}

/** The positional vectors the model adds to its input (none for schemes that act elsewhere). */
export interface PositionTable {
  /** Row r is position firstPosition + r. */
  firstPosition: number;
  rows: number;
  dim: number;
  /** The table is trained (scheme 'learned'); else the scheme's fixed table. */
  learned: boolean;
  /** rows x dim. */
  values: Float32Array;
  /** 1 where a training token sat at that row, so the row received gradients; 0 for fixed tables. */
  trained: Uint8Array;
}

/** One tensor of the model's weights, named as the core names it (src/training/parameters.hpp). */
export interface WeightTensor {
  /** e.g. 'token_embedding', 'layers.0.qkv', 'layers.0.norm1.gain', 'output'. */
  name: string;
  /** Matrices are (in, out), applied as x @ W; a vector is (1, cols). */
  rows: number;
  cols: number;
  /** AdamW decays it (the linear layers' matrices; not embeddings, tables, gains or biases). */
  decayed: boolean;
  /** rows x cols, row-major. */
  values: Float32Array;
}

export interface TrainerState {
  /** Steps done. */
  step: number;
  /** Steps in the run. */
  steps: number;
  /** Every step done, or diverged. */
  finished: boolean;
  /** The step whose loss or gradient was not finite ("diverged at step N"), or null. */
  divergedAt: number | null;
  /** Of the next step (of the last, once finished). */
  learningRate: number;
  /** The last step's training loss (NaN before the first). */
  loss: number;
  /** Trained numbers. */
  parameters: number;
  /** The trainer's share of its module's memory: weights, moments, gradients, batches, activations. */
  memoryBytes: number;
}

/** A run of pe.trainer: a small transformer trained on a task with a position scheme. */
export interface Trainer {
  /** The options as used, defaults filled in (frozen). */
  readonly options: Readonly<Required<TrainerOptions>>;
  /** Runs n steps (default 1), or { steps, maxMs }: no new step starts after maxMs milliseconds
   *  (without steps: until the run ends). Stops early at the run's end or when it diverges. */
  step(options?: number | TrainerStepOptions): StepReport;
  /** Accuracy and loss by length on held-out sequences (their own seed), forward only. */
  evaluate(options: TrainerEvaluateOptions): TrainerEvaluation;
  /** One head's attention on a held-out sequence, with what the model predicts there. */
  attention(options: TrainerAttentionOptions): AttentionMap;
  /** The positional table the model adds to its input, as trained so far. */
  positionTable(): PositionTable;
  /** The weights as trained so far (before the first step: the initial ones), every tensor with
   *  values in the core's order; RMSNorm has no biases, only learned schemes a position_table. */
  weights(): WeightTensor[];
  state(): TrainerState;
  /** Frees the trainer's memory in its module; any later call throws an Error. Idempotent. */
  dispose(): void;
}
