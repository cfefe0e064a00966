// The training lab's tasks written in Python for "Copy as PyTorch" (torch-experiment.js): each
// draws its sequence from the lab's SplitMix64 stream in the order the core's rule does
// (src/training/tasks/<name>_task.cpp), so a script's batches are the page's, token for token.
// The vocabulary comes from pe.tasks (VOCABULARY in the script); only kback's offset is the rule's
// own number. tests/trainer/torch-experiment.test.mjs holds every task to the core's losses.

const RULES = {
  kback: `def make_sequence(random, length):
    """At every position from the 4th on, the label is the token 3 places earlier."""
    tokens = [random.below(VOCABULARY) for _ in range(length)]
    labels = [tokens[t - 3] if t >= 3 else UNLABELLED for t in range(length)]
    return tokens, labels`,
  first: `def make_sequence(random, length):
    """At every position from the 2nd on, the label is the sequence's first token."""
    tokens = [random.below(VOCABULARY) for _ in range(length)]
    labels = [tokens[0] if t >= 1 else UNLABELLED for t in range(length)]
    return tokens, labels`,
  max: `def make_sequence(random, length):
    """At every position, the label is the largest token up to and including it."""
    tokens = [random.below(VOCABULARY) for _ in range(length)]
    labels = [max(tokens[: t + 1]) for t in range(length)]
    return tokens, labels`,
  seen: `def make_sequence(random, length):
    """At every position, the label is 1 if the token appeared earlier in the sequence, else 0."""
    tokens = [random.below(VOCABULARY) for _ in range(length)]
    labels = [int(tokens[t] in tokens[:t]) for t in range(length)]
    return tokens, labels`,
  reverse: `BLANK = VOCABULARY - 1  # the second half's input token


def make_sequence(random, length):
    """The first half is tokens, the second half blanks; blank j is labelled with the first half's
    token j places from its end (an odd length's last blank asks nothing)."""
    half = length // 2
    tokens = [random.below(BLANK) if t < half else BLANK for t in range(length)]
    labels = [UNLABELLED] * length
    for j in range(half):
        labels[half + j] = tokens[half - 1 - j]
    return tokens, labels`,
};

/** The Python definition of make_sequence(random, length) for the task named name. */
export function taskRule(name) {
  const rule = RULES[name];
  if (!rule) throw new TypeError(`task must be one of ${Object.keys(RULES).join(', ')}; received ${JSON.stringify(name)}`);
  return rule;
}
