#!/usr/bin/python3
"""PyTorch's speed on the trainer's configuration (tests/parity/torch_trainer.py, float32, one
thread): steps per second of CPU time, one line of JSON, for trainer-bench.mjs to put beside the
core's. Batches are drawn as the core draws them (lengths uniform in 1 .. trainingLength, tokens
uniform, the kback task's labels) and padded to their longest sequence, as PyTorch code would.
   /usr/bin/python3 tests/bench/trainer-bench.py '{"steps": 120, ...every trainer option}'
(the options as build/native/trainer-bench prints them; the task must be kback).
"""
import json
import os
import random
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "parity"))
from torch_trainer import Model, optimizer_for, pad, train_step  # noqa: E402

TOKENS, OFFSET = 16, 3  # the kback task


def tensors_of(o):
    """The core's parameter layout (src/training/parameters.cpp), with GPT-2-like random values."""
    d, f, layer_norm = o["dModel"], 4 * o["dModel"], o["norm"] == "layer"
    tensors = []
    for l in range(o["layers"]):
        tensors += [(f"layers.{l}.qkv", d, 3 * d, True), (f"layers.{l}.out", d, d, True),
                    (f"layers.{l}.up", d, f, True), (f"layers.{l}.down", f, d, True)]
    tensors += [("output", d, TOKENS, True), ("token_embedding", TOKENS, d, False)]
    for l in range(o["layers"]):
        for norm in ("norm1", "norm2"):
            tensors += [(f"layers.{l}.{norm}.gain", 1, d, False), (f"layers.{l}.{norm}.bias", 1, d if layer_norm else 0, False)]
    tensors += [("final_norm.gain", 1, d, False), ("final_norm.bias", 1, d if layer_norm else 0, False)]
    layout, offset = [], 0
    for name, rows, cols, decayed in tensors:
        layout.append({"name": name, "offset": offset, "rows": rows, "cols": cols, "decayed": decayed})
        offset += rows * cols
    return layout, [random.gauss(0, 0.02) for _ in range(offset)]


def batch(o):
    lengths = [random.randint(1, o["trainingLength"]) for _ in range(o["batchSize"])]
    tokens, labels = [], []
    for n in lengths:
        sequence = [random.randrange(TOKENS) for _ in range(n)]
        tokens += sequence
        labels += [sequence[t - OFFSET] if t >= OFFSET else -1 for t in range(n)]
    return {"lengths": lengths, "tokens": tokens, "labels": labels}


def main():
    torch.set_num_threads(1)
    o = json.loads(sys.argv[1])
    if o["task"] != "kback":
        sys.exit("trainer-bench.py draws kback batches only")
    o = {**o, **{key: int(o[key]) for key in ("layers", "dModel", "heads", "trainingLength", "batchSize", "steps")}}
    layout, values = tensors_of(o)
    model = Model(o, {k: o[k] for k in ("layers", "dModel", "heads", "norm", "causal")}, layout, values,
                  4 * o["trainingLength"])
    optimizer = optimizer_for(model, o)
    batches = [pad(batch(o)) for _ in range(o["steps"])]  # drawn before the clock starts
    warm = max(20, o["steps"] // 10)
    for i in range(warm):
        train_step(model, optimizer, i, *batches[i], o)
    began_cpu, began_wall = time.process_time(), time.perf_counter()
    for i in range(warm, o["steps"]):
        train_step(model, optimizer, i, *batches[i], o)
    cpu, wall = time.process_time() - began_cpu, time.perf_counter() - began_wall
    steps = o["steps"] - warm
    print(json.dumps({"steps": steps, "cpuSeconds": cpu, "wallSeconds": wall, "stepsPerSecond": steps / cpu}))


if __name__ == "__main__":
    main()
