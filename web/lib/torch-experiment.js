// "Copy as PyTorch" for the training lab: a runnable script of the experiment on screen, the task,
// the model with each chosen scheme and norm, the training loop and the evaluation by length,
// written from the trainer's own options (pe.trainer(...).options) so it is the core's run:
//   - batches and held-out sequences are the lab's, token for token: the script draws them from
//     the same SplitMix64 streams with the same task rule (torch-tasks.js);
//   - the model, AdamW, the schedule and clipping are the core's (tests/parity/torch_trainer.py
//     is the reference the core is held to);
//   - initial weights are PyTorch's, seeded, with the lab's distributions; given the lab's own
//     (--weights, from trainer.weights()), the losses are the page's step for step (within 1e-4,
//     tests/trainer/torch-experiment.test.mjs).
// Only the code the chosen schemes need is written. Nothing here touches the page.
import { TRAINING } from './torch-loop.js';
import { modelSection, positionSection } from './torch-model.js';
import { taskRule } from './torch-tasks.js';

/** A Python literal: integers stay integers, other numbers read back exactly, strings quoted. */
function py(value) {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return JSON.stringify(value);
  if (!Number.isFinite(value)) throw new RangeError(`a setting must be a finite number; received ${value}`);
  return String(value);
}

/** What a run's scheme is, in words, for its heading. */
function describe(run) {
  if (run.scheme === 'rope') return `rope (pairs ${run.pairing === 'half' ? '(j, j + hd/2)' : '(2j, 2j+1)'}, base ${run.base})`;
  if (run.scheme === 'sinusoidal') return `sinusoidal (${run.layout} sin/cos, base ${run.base})`;
  return run.scheme;
}

function runLiteral(run) {
  const extra =
    run.scheme === 'rope'
      ? `, "base": ${py(run.base)}, "pairing": ${py(run.pairing)}`
      : run.scheme === 'sinusoidal'
        ? `, "base": ${py(run.base)}, "layout": ${py(run.layout)}`
        : '';
  return `    {"scheme": ${py(run.scheme)}${extra}},  # ${describe(run)}`;
}

// Settings every run shares, read from the first; the script says which differ by run.
const SHARED = [
  'norm',
  'causal',
  'layers',
  'dModel',
  'heads',
  'embeddingStd',
  'trainingLength',
  'batchSize',
  'steps',
  'warmupSteps',
  'learningRate',
  'weightDecay',
  'beta1',
  'beta2',
  'epsilon',
  'clipNorm',
  'firstPosition',
  'evaluationLength',
  'seed',
];

function checkRuns(runs) {
  if (!Array.isArray(runs) || runs.length === 0) throw new TypeError('runs must list at least one trainer options object; received none');
  for (const name of SHARED)
    if (runs.some((run) => run[name] !== runs[0][name]))
      throw new RangeError(`every run must share ${name}; received ${runs.map((run) => JSON.stringify(run[name])).join(', ')}`);
}

function header(task, runs, o) {
  const norm = o.norm === 'layer' ? 'LayerNorm (GPT-2)' : 'RMSNorm (Llama, DeepSeek)';
  return `#!/usr/bin/env python3
"""PE Lab's training experiment, as a PyTorch script (copied from the training lab).

Task: ${task.label} (${task.needs}). ${task.description}
Schemes: ${runs.map(describe).join('; ')}.
Model: ${o.layers} layer(s), d_model ${o.dModel}, ${o.heads} head(s), ${norm}, ${o.causal ? 'causal mask' : 'no mask'}.
Training: ${o.steps} steps of ${o.batchSize} sequences of 1 to ${o.trainingLength} tokens, first position ${o.firstPosition}, seed ${o.seed}.

The batches and held-out sequences are the lab's own, token for token: this script draws them
from the same random streams (SplitMix64, seeded from the seed) by the same task rule. The initial
weights are PyTorch's (torch.manual_seed(seed)), drawn like the lab's (GPT-2's initialisation), so
the losses follow the page's closely but not exactly. Give it the lab's own initial weights
(--weights FILE: JSON {scheme: pe.trainer(options).weights()}, taken before the first step) and
every loss is the page's to about 1e-5.

Run:  python3 experiment.py [--stop-after N] [--log-every K] [--weights FILE]
Needs PyTorch (1.13 or later).
"""
import argparse
import json
import math

import torch
import torch.nn as nn
import torch.nn.functional as F`;
}

function settings(task, runs, o) {
  return `# ---- The experiment on screen

TASK = ${py(task.name)}
VOCABULARY, CLASSES = ${task.vocabulary}, ${task.classes}  # input tokens, label classes
CAUSAL = ${py(o.causal)}  # token i sees only tokens 0 .. i
LAYERS, D_MODEL, HEADS = ${o.layers}, ${o.dModel}, ${o.heads}
EMBEDDING_STD = ${py(o.embeddingStd)}  # the token embeddings' initial spread
TRAINING_LENGTH, BATCH_SIZE = ${o.trainingLength}, ${o.batchSize}
STEPS, WARMUP_STEPS, LEARNING_RATE = ${o.steps}, ${o.warmupSteps}, ${py(o.learningRate)}
WEIGHT_DECAY, BETAS, ADAM_EPS, CLIP_NORM = ${py(o.weightDecay)}, (${py(o.beta1)}, ${py(o.beta2)}), ${py(o.epsilon)}, ${py(o.clipNorm)}
FIRST_POSITION = ${o.firstPosition}  # the position of every sequence's first token
EVALUATION_LENGTH = ${o.evaluationLength || 4 * o.trainingLength}  # held-out sequences up to this long
SEED = ${o.seed}
EPS = 1e-5  # the norms' epsilon
UNLABELLED = -1  # positions where the task asks nothing
RUNS = [
${runs.map(runLiteral).join('\n')}
]`;
}

const RANDOM = `# ---- Random numbers, exactly as the lab draws them (src/core/random.hpp)

MASK = (1 << 64) - 1


class SplitMix64:
    """Steele, Lea and Flood's generator: a 64-bit counter through a mixer."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n):
        """Uniform in 0 .. n - 1: the top 32 bits times n (Lemire)."""
        return ((self.next() >> 32) * n) >> 32


def stream_seed(seed, name):
    """The seed of one of the run's streams ("batches", "held-out"): FNV-1a of its name."""
    h = SplitMix64(seed).next()
    for byte in name.encode():
        h = ((h ^ byte) * 0x100000001B3) & MASK
    return h


def held_out_stream(seed, length):
    """The held-out sequences of one length: a stream of their own, apart from training's."""
    return SplitMix64(SplitMix64(seed ^ SplitMix64(length).next()).next())`;

function taskSection(task) {
  return `# ---- The task: ${task.label}

${taskRule(task.name)}


def pad(sequences):
    """(tokens, labels) pairs as (B, T) tensors padded to the longest, and their lengths."""
    longest = max(len(tokens) for tokens, _ in sequences)
    tokens = torch.zeros(len(sequences), longest, dtype=torch.long)
    labels = torch.full((len(sequences), longest), UNLABELLED, dtype=torch.long)
    for b, (t, l) in enumerate(sequences):
        tokens[b, : len(t)], labels[b, : len(l)] = torch.tensor(t), torch.tensor(l)
    return tokens, labels, torch.tensor([len(t) for t, _ in sequences])


def training_batch(random):
    """BATCH_SIZE sequences, each of a length uniform in 1 .. TRAINING_LENGTH."""
    return pad([make_sequence(random, 1 + random.below(TRAINING_LENGTH)) for _ in range(BATCH_SIZE)])`;
}

/**
 * The script for task (an entry of pe.tasks: name, label, needs, description, vocabulary,
 * classes) and runs, the options of each run's trainer (pe.trainer(...).options: defaults filled
 * in), every one with the same settings but its scheme's. Throws a TypeError or RangeError for
 * runs it cannot write.
 */
export function experimentScript(task, runs) {
  checkRuns(runs);
  const schemes = new Set(runs.map((run) => run.scheme));
  const o = runs[0];
  return [
    header(task, runs, o),
    settings(task, runs, o),
    RANDOM,
    taskSection(task),
    positionSection(schemes),
    modelSection(schemes, o),
    TRAINING,
  ]
    .filter(Boolean)
    .join('\n\n\n')
    .concat('\n');
}
