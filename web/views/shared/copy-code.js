// "Copy as code": one button per library (NumPy, PyTorch) under a figure; a click copies a snippet
// that rebuilds the figure's numbers with the settings on screen, says so, and where the browser
// keeps the clipboard closed shows the snippet selected in a text box to copy by hand.
import { element } from '../../charts/figure.js';
import { PRESS_TO_COPY, copyOrSelect } from '../../lib/clipboard.js';
import { LIBRARIES } from '../../lib/python-snippets.js';

const CLIPBOARD_CLOSED =
  'The browser did not let this page use the clipboard (as in a sandboxed frame, or some pages opened ' +
  `from disk): the snippet is selected below; ${PRESS_TO_COPY} it.`;

/**
 * Returns { element, clear() }. snippet(library) makes the code for the current settings when
 * clicked; what names the thing it rebuilds in the buttons' labels, e.g. 'this binary table';
 * libraries, the buttons (every one of LIBRARIES unless a view writes fewer).
 * The view calls clear() when its settings change, so no snippet of older settings stays shown.
 */
export function createCopyCode({ snippet, what, libraries = LIBRARIES }) {
  const box = element('div', 'copy-code');
  const row = element('div', 'copy-code-row');
  row.append(element('span', 'copy-code-name', 'Copy as code:'));
  const status = element('span', 'copy-code-status');
  status.setAttribute('role', 'status');
  const fallback = element('div', 'copy-code-fallback');
  fallback.hidden = true;
  const why = element('p', 'copy-code-why', CLIPBOARD_CLOSED);
  const text = element('textarea', 'copy-code-text');
  text.readOnly = true;
  text.spellcheck = false;
  fallback.append(why, text);

  for (const { name, label } of libraries) {
    const button = element('button', 'copy-code-button', label);
    button.type = 'button';
    button.dataset.library = name;
    button.setAttribute('aria-label', `Copy ${what} as ${label} code`);
    button.addEventListener('click', async () => {
      const code = snippet(name);
      const lines = code.trimEnd().split('\n').length;
      const copied = await copyOrSelect(code, text, () => {
        text.rows = Math.min(lines, 16);
        text.setAttribute('aria-label', `${label} code for ${what}`);
        fallback.hidden = false;
      });
      if (copied) fallback.hidden = true;
      status.textContent = copied ? `Copied ${lines} lines of ${label}.` : `${label} code below (${lines} lines).`;
    });
    row.append(button);
  }
  row.append(status);
  box.append(row, fallback);
  return {
    element: box,
    clear() {
      if (fallback.hidden && !status.textContent) return; // nothing shown: the usual case, every keystroke
      fallback.hidden = true;
      text.value = '';
      status.textContent = '';
    },
  };
}
