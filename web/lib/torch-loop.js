// The training loop, the evaluation by length and the command line of "Copy as PyTorch"
// (torch-experiment.js): AdamW, the schedule and clipping as the core runs them
// (src/training/optimizer.hpp), and the lab's held-out sequences.

export const TRAINING = `# ---- Training: AdamW, linear warm-up then a cosine, gradients clipped, as the lab trains


def learning_rate_at(i):
    if i < WARMUP_STEPS:
        return LEARNING_RATE * (i + 1) / WARMUP_STEPS
    return LEARNING_RATE * 0.5 * (1.0 + math.cos(math.pi * (i - WARMUP_STEPS) / (STEPS - WARMUP_STEPS)))


def train(model, stop_after, log_every):
    # Weight decay on the linear layers' matrices only (not embeddings, tables, gains, biases).
    decayed = [m.weight for m in model.modules() if isinstance(m, nn.Linear)]
    others = [p for p in model.parameters() if all(p is not q for q in decayed)]
    optimizer = torch.optim.AdamW(
        [{"params": decayed, "weight_decay": WEIGHT_DECAY}, {"params": others, "weight_decay": 0.0}],
        lr=LEARNING_RATE, betas=BETAS, eps=ADAM_EPS)
    random = SplitMix64(stream_seed(SEED, "batches"))
    for i in range(min(STEPS, stop_after)):
        tokens, labels, lengths = training_batch(random)
        for group in optimizer.param_groups:
            group["lr"] = learning_rate_at(i)
        optimizer.zero_grad()
        logits = model(tokens, lengths)
        # Cross-entropy over the labelled positions only.
        loss = F.cross_entropy(logits.reshape(-1, CLASSES), labels.reshape(-1), ignore_index=UNLABELLED)
        if not torch.isfinite(loss):
            print(f"diverged at step {i + 1}")
            return
        loss.backward()
        if CLIP_NORM > 0:
            torch.nn.utils.clip_grad_norm_(model.parameters(), CLIP_NORM)
        optimizer.step()
        if (i + 1) % log_every == 0 or i == 0:
            print(f"step {i + 1:6d}  loss {loss.item():.7f}")


# ---- Evaluation by length: held-out sequences, up to EVALUATION_LENGTH tokens


@torch.no_grad()
def accuracy_by_length(model, lengths, sequences=32):
    """Token accuracy on the lab's held-out sequences of each length (the page's accuracy chart)."""
    seed = stream_seed(SEED, "held-out")
    accuracy = {}
    for length in lengths:
        random = held_out_stream(seed, length)
        tokens, labels, lengths_ = pad([make_sequence(random, length) for _ in range(sequences)])
        labelled = labels != UNLABELLED
        right = (model(tokens, lengths_).argmax(-1) == labels) & labelled
        accuracy[length] = right.sum().item() / labelled.sum().item() if labelled.any() else float("nan")
    return accuracy


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stop-after", type=int, default=STEPS, help="steps to run (the schedule stays STEPS long)")
    parser.add_argument("--log-every", type=int, default=max(1, STEPS // 20), help="print the loss every K steps")
    parser.add_argument("--weights", help="JSON {scheme: the lab's initial weights}, to start where the lab starts")
    args = parser.parse_args()
    torch.set_num_threads(1)  # a model this small runs fastest on one thread
    lab_weights = json.load(open(args.weights)) if args.weights else {}
    stride = max(1, EVALUATION_LENGTH // 16)
    lengths = sorted({1, TRAINING_LENGTH, *range(stride, EVALUATION_LENGTH + 1, stride)})
    results = {}
    for run in RUNS:
        print(f"== {run['scheme']}")
        torch.manual_seed(SEED)
        model = Model(run)
        initialize(model)
        if run["scheme"] in lab_weights:
            load_lab_weights(model, lab_weights[run["scheme"]])
            print("   (the lab's initial weights)")
        train(model, args.stop_after, args.log_every)
        results[run["scheme"]] = accuracy_by_length(model, lengths)
    print(f"\\nHeld-out token accuracy by length (trained on 1 to {TRAINING_LENGTH}):")
    print("length " + "".join(f"{run['scheme']:>12}" for run in RUNS))
    for length in lengths:
        mark = " " if length <= TRAINING_LENGTH else "*"
        row = (results[run["scheme"]][length] for run in RUNS)
        print(f"{length:5d}{mark} " + "".join(f"{a:12.3f}" if a == a else f"{'-':>12}" for a in row))  # -: no label
    print("(* longer than any training sequence)")


if __name__ == "__main__":
    main()`;
