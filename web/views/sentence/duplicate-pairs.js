// How far apart the copies of each repeated word are: for every pair of copies, the L2 distance
// and cosine similarity of their input vectors and of their attention outputs, each without and
// with positions. "Without positions" input = the token embedding alone.
import { rowCosine, rowDistance } from '../shared/vector-math.js';

function compare(withoutPE, withPE, dim, a, b) {
  return {
    distance: { withoutPE: rowDistance(withoutPE, dim, a, b), withPE: rowDistance(withPE, dim, a, b) },
    cosine: { withoutPE: rowCosine(withoutPE, dim, a, b), withPE: rowCosine(withPE, dim, a, b) },
  };
}

/** One entry per pair of copies (every pair, for a word that appears 3+ times), in group order. */
export function duplicatePairs(analysis, dim) {
  const pairs = [];
  analysis.duplicates.forEach((group, groupIndex) => {
    for (let i = 0; i < group.length; i += 1) {
      for (let j = i + 1; j < group.length; j += 1) {
        const a = group[i];
        const b = group[j];
        const input = compare(analysis.tokenEmbedding, analysis.input, dim, a, b);
        const context = compare(analysis.context.withoutPE, analysis.context.withPE, dim, a, b);
        pairs.push({
          group: groupIndex, a, b,
          inputDistance: input.distance, inputCosine: input.cosine,
          contextDistance: context.distance, contextCosine: context.cosine,
        });
      }
    }
  });
  return pairs;
}
