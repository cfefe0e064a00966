import { element } from '../../charts/figure.js';
import { besideScript } from '../../lib/classic-scripts.js';
import { createLoadOnChoice } from './load-on-choice.js';

// Which token embeddings a sentence view uses (pe.embeddings): the core's synthetic vectors or
// GloVe's real word vectors, whose table arrives as a file of its own the first time it is
// chosen (pe.loadEmbeddings), with their credit and a link to their notice.

/** Fills line with entry's credit and a link to its notice; empty for the synthetic vectors. */
export function showEmbeddingCredit(line, entry) {
  line.hidden = !entry.credit;
  if (!entry.credit) return line.replaceChildren();
  const link = element('a', '', 'notice and licence');
  link.href = besideScript(entry.notice);
  link.target = '_blank';
  link.rel = 'noopener';
  line.replaceChildren(`${entry.credit} `, link, '.');
}

/** The loading of the word-vector tables for a view (./load-on-choice.js). */
export function createEmbeddingLoading(pe, onSettled) {
  const labelOf = (name) => pe.embeddings.find((entry) => entry.name === name).label;
  return createLoadOnChoice({
    load: (name) => pe.loadEmbeddings(name),
    what: (name) => `the ${labelOf(name)} word vectors`,
    other: 'the synthetic vectors',
    builtIn: ['synthetic'],
    onSettled,
  });
}
