// How a scheme's positions are named in a sentence. Learned positions (GPT-2's kind) are a table a
// model trains; only the training lab trains them, so every sentence about them in the other views
// says they are random there.

/** "integer", "sinusoidal", ..., or "random (untrained) learned" for a learned scheme. */
export function positionsName(scheme) {
  return scheme.learned ? 'random (untrained) learned' : scheme.name;
}

/** One sentence on what a learned table is here, or '' for other schemes. */
export function untrainedNote(scheme) {
  return scheme.learned
    ? 'Learned positions are a table a model trains (GPT-2’s); nothing trains it here, so its rows are random, each value drawn from N(0, 0.02²), as in a model before training.'
    : '';
}
