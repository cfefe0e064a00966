// The run's summary under the charts: the sentences run-summary.js finds its numbers support.
import { element } from '../../charts/figure.js';

/** Returns { element, update(sentences), sentences() }. */
export function createSummaryPanel() {
  const panel = element('section', 'train-summary');
  panel.dataset.control = 'summary';
  const heading = element('h3', 'figure-title', 'What this run measured');
  const items = element('ul');
  const empty = element('p', 'train-summary-empty', 'Nothing yet: the sentences appear as the runs’ numbers support them.');
  panel.append(heading, items, empty);
  let shown = [];
  return {
    element: panel,
    update(sentences) {
      if (sentences.join('\n') === shown.join('\n')) return;
      shown = sentences;
      items.replaceChildren(...sentences.map((sentence) => element('li', '', sentence)));
      empty.hidden = sentences.length > 0;
    },
    sentences: () => shown,
  };
}
