// The scales of the synthetic token embeddings the page can show. Whether positions drown the
// meaning depends on how long the word vectors are next to the position vectors, and real models
// differ. GPT-2 initialises its embedding components with standard deviation 0.02 (pe.analyze's
// default) and uses them unscaled. The Transformer paper ("Attention Is All You Need", section
// 3.4) multiplies its embeddings by √d but gives no initialisation; its authors' library,
// tensor2tensor, draws them with standard deviation 1/√d, so after the multiplication each
// component has standard deviation 1, the size of the sin/cos values.
import { formatShort } from '../../lib/format.js';

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
      choice: `${init} per component — a freshly initialised GPT-2`,
      origin: 'the scale at which GPT-2 initialises its token embeddings',
      brief: `word vectors at ${init} per component`,
    },
    paper: {
      std: PAPER_STD,
      choice: `${paper} per component — the Transformer paper’s × √d on tensor2tensor’s 1/√d initialisation`,
      origin:
        'the scale of the Transformer paper’s embeddings (the paper multiplies them by √d; its authors’ ' +
        `library, tensor2tensor, initialises them with standard deviation 1/√d, so the product has standard deviation ${paper})`,
      brief: `word vectors at ${paper} per component`,
    },
  };
}
