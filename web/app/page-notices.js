// Messages about the page itself (not about one view): link parameters that were replaced by
// defaults, and the rare failure to start at all. Always text, never markup.

/** Lists link problems above the views; nothing is shown when there are none. */
export function showLinkNotes(notes) {
  const box = /** @type {HTMLElement} */ (document.querySelector('[data-page-notes]'));
  box.replaceChildren();
  box.hidden = notes.length === 0;
  if (notes.length === 0) return;
  const heading = document.createElement('p');
  heading.textContent = 'Part of this link could not be used; the page shows defaults instead:';
  const list = document.createElement('ul');
  for (const note of notes) {
    const item = document.createElement('li');
    item.textContent = note;
    list.append(item);
  }
  box.append(heading, list);
}

/** Replaces the loading message with a readable explanation when the core cannot start. */
export function showFatalError(error) {
  const box = /** @type {HTMLElement} */ (document.querySelector('[data-page-notes]'));
  box.hidden = false;
  box.classList.add('fatal');
  box.textContent = `PE Lab could not start: ${error?.message ?? error}. Try reloading the page; if it keeps happening, use a current Chrome, Firefox or Safari.`;
  document.body.classList.add('ready');
}
