import { element } from '../../charts/figure.js';
import { besideScript } from '../../lib/classic-scripts.js';
import { externalLinkTarget } from '../../lib/sandbox.js';

// The line under a choice of the sentence panel that credits what it loads (a vocabulary, a table
// of word vectors) and links to the licence texts shipped beside the page's script.

/** Fills line with credit, then a link named linkText to file (beside the script); with no
 *  credit, empties and hides the line. */
export function showCreditLine(line, credit, linkText, file) {
  line.hidden = !credit;
  if (!credit) return line.replaceChildren();
  const link = element('a', '', linkText);
  link.href = besideScript(file);
  // A new tab where one can open; inside a sandbox without popups, the frame itself.
  link.target = externalLinkTarget();
  link.rel = 'noopener';
  line.replaceChildren(credit, link, '.');
}
