// The scales of the synthetic token embeddings the page can show. Whether positions drown the
// meaning depends on how long the word vectors are next to the position vectors, and real models
// differ: GPT-2 initialises its embedding components at 0.02 (pe.analyze's default), while the
// Transformer paper multiplies its embeddings by √d ("Attention Is All You Need", section 3.4),
// which with tensor2tensor's initialisation (standard deviation 1/√d) makes each component about
// 1, the size of the sin/cos values.
import { formatShort } from './format.js';

/** Link names of the scales, in the order a control offers them. */
export const SCALE_NAMES = ['init', 'paper'];

const PAPER_STD = 1;

/**
 * By link name: { std, choice (the words of a control), origin (where that scale comes from),
 * brief (for titles) }. initStd: pe.analysisConstants.tokenEmbeddingStd.
 */
export function embeddingScales(initStd) {
  const init = formatShort(initStd);
  const paper = formatShort(PAPER_STD);
  return {
    init: {
      std: initStd,
      choice: `${init} per component — a freshly initialised model (GPT-2)`,
      origin: 'the scale of a freshly initialised model such as GPT-2',
      brief: `word vectors at ${init} per component`,
    },
    paper: {
      std: PAPER_STD,
      choice: `${paper} per component — the Transformer paper (embeddings × √d)`,
      origin: 'the scale of the Transformer paper, which multiplies its embeddings by √d ' +
        `(initialised with standard deviation 1/√d, as in tensor2tensor, that makes about ${paper})`,
      brief: `word vectors at ${paper} per component`,
    },
  };
}
