// The stages of the attention head at which the copies of a word are compared, in the order the
// head runs them, and how a set of pairs of copies agrees at each. Whether two rows are identical
// is decided by the core (pair.identical, within float32 rounding); nothing here compares floats.

/** The four stages a reader follows; measures are the names of pe.analyze's compared rows. */
export const STAGES = [
  { key: 'input', name: 'input', measures: ['input'] },
  { key: 'queryKey', name: 'queries and keys', measures: ['query', 'key'] },
  { key: 'weights', name: 'weights', measures: ['weights'] },
  { key: 'output', name: 'output', measures: ['context'] },
];

/** For the pairs at one stage in one run ('withoutPE' or 'withPE'): 'same' when every pair is
 *  identical at each of the stage's measures, 'differ' when every pair differs at one of them,
 *  'mixed' otherwise. */
export function agreement(pairs, stage, run) {
  const differing = pairs.filter((pair) => stage.measures.some((measure) => !pair.identical[measure][run])).length;
  if (differing === 0) return 'same';
  return differing === pairs.length ? 'differ' : 'mixed';
}

/** The first stage at which some pair differs in run, or null when all are identical throughout. */
export function firstDifferingStage(pairs, run) {
  return STAGES.find((stage) => agreement(pairs, stage, run) !== 'same') ?? null;
}
