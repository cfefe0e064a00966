import { showCreditLine } from './credit-line.js';
import { createLoadOnChoice, usable } from './load-on-choice.js';

// Which token embeddings a sentence view uses (pe.embeddings): the core's synthetic vectors or
// GloVe's real word vectors, whose table arrives as a file of its own the first time it is
// chosen (pe.loadEmbeddings), with their credit and a link to their notice.

/** Fills line with entry's credit and a link to its notice; empty for the synthetic vectors. */
export function showEmbeddingCredit(line, entry) {
  showCreditLine(line, entry.credit && `${entry.credit} `, 'notice and licence', entry.notice);
}

/** The loading of the word-vector tables for a view (./load-on-choice.js); redraw(): runs when a
 *  load ends, either way, or restarts. */
export function createEmbeddingLoading(pe, redraw) {
  return createLoadOnChoice({
    entries: pe.embeddings,
    load: (name) => pe.loadEmbeddings(name),
    loaded: (name) => usable(() => pe.tokenize('', { embeddings: name })),
    noun: 'word vectors',
    other: 'the synthetic vectors',
    redraw,
  });
}
