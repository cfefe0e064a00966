#!/usr/bin/python3
"""Parity of the C++ trainer with PyTorch (run by ctest, so by npm test):
   /usr/bin/python3 tests/parity/trainer-parity.py build/native/tests/parity/trainer_parity_dump

For every scheme of the registry (RoPE under both pairings), both norms and both masks, the core
trains a small model for 20 steps and writes its initial weights, each step's batch and loss, and
its final weights (trainer-parity-dump.cpp). PyTorch (torch_trainer.py, float32, one thread) starts
from the same weights, runs the same batches through torch.optim.AdamW with clip_grad_norm_ and the
same schedule, and must give every step's loss within 1e-4 (relative) and every final tensor
within 1e-3 of its largest value. Prints the worst differences; exits 1 on any failure.
"""
import json
import os
import subprocess
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_trainer import Model, optimizer_for, pad, train_step  # noqa: E402

LOSS_TOLERANCE = 1e-4
WEIGHT_TOLERANCE = 1e-3
# Small and quick, but every part of the model and optimiser at work: two layers, two heads,
# first position 3, a learning rate high enough that 20 steps move the weights well away from
# where they started, clipping that bites, and weight decay.
COMMON = {"layers": 2, "dModel": 16, "heads": 2, "batchSize": 8, "trainingLength": 8,
          "steps": 20, "warmupSteps": 5, "learningRate": 0.01, "weightDecay": 0.1,
          "clipNorm": 0.5, "firstPosition": 3, "embeddingStd": 0.5, "seed": 7}


def cases(dump):
    schemes = subprocess.run([dump, "--list-schemes"], capture_output=True, text=True, check=True).stdout.split()
    for scheme in schemes:
        for pairing in ["interleaved", "half"] if scheme == "rope" else ["interleaved"]:
            for norm in ["rms", "layer"]:
                for causal in ["true", "false"]:
                    yield {**COMMON, "scheme": scheme, "pairing": pairing, "norm": norm, "causal": causal}


def run_core(dump, options):
    words = [part for name, value in options.items() for part in (f"--{name}", str(value))]
    return json.loads(subprocess.run([dump, *words], capture_output=True, text=True, check=True).stdout)


def shape_of(core):
    o = core["options"]
    return {"layers": int(o["layers"]), "dModel": int(o["dModel"]), "heads": int(o["heads"]),
            "norm": o["norm"], "causal": o["causal"]}


def compare(core):
    options, tensors = core["options"], core["tensors"]
    rows = next(t["rows"] for t in tensors if t["name"] == "position_table") or int(options["trainingLength"]) * 4
    model = Model(options, shape_of(core), tensors, core["initial"], rows)
    optimizer = optimizer_for(model, options)
    worst_loss = 0.0
    for i, step in enumerate(core["steps"]):
        tokens, labels, lengths = pad(step)
        loss = train_step(model, optimizer, i, tokens, labels, lengths, options)
        worst_loss = max(worst_loss, abs(loss - step["loss"]) / abs(loss))
    worst_weight, worst_name = 0.0, ""
    for t in tensors:
        count = t["rows"] * t["cols"]
        if count == 0:
            continue
        ours = torch.tensor(core["final"][t["offset"]: t["offset"] + count])
        theirs = model.p(t["name"]).detach().reshape(-1)
        difference = ((ours - theirs).abs().max() / theirs.abs().max()).item()
        if difference > worst_weight:
            worst_weight, worst_name = difference, t["name"]
    return worst_loss, worst_weight, worst_name


def main():
    torch.set_num_threads(1)
    dump, failures, worst = sys.argv[1], 0, [0.0, 0.0]
    for options in cases(dump):
        loss, weight, name = compare(run_core(dump, options))
        worst = [max(worst[0], loss), max(worst[1], weight)]
        ok = loss <= LOSS_TOLERANCE and weight <= WEIGHT_TOLERANCE
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {options['scheme']:<10} {options['pairing']:<11} {options['norm']:<5} "
              f"causal={options['causal']:<5}  loss {loss:.1e}  weights {weight:.1e} ({name})")
    print(f"worst: loss {worst[0]:.2e} (tolerance {LOSS_TOLERANCE}), weights {worst[1]:.2e} (tolerance {WEIGHT_TOLERANCE})")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
