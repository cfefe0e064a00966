// The sentence as a row of tokens, each with its position under it (and, for a BPE tokenizer, its
// vocabulary id; with a table of word vectors, a mark on a word the table lacks); the copies of a repeated word share a colour. Chips are reused between keystrokes and only changed text is rewritten.
import { element, setText } from '../../charts/figure.js';
import { formatWhole, tokenText } from '../../lib/format.js';

/** Returns { element, update(tokens, colorOf) }; colorOf(index) is a colour or undefined. */
export function createTokenChips() {
  const list = element('ol', 'token-chips');
  list.setAttribute('aria-label', 'Tokens and their positions');
  const chips = [];

  function chip() {
    const item = element('li', 'token-chip');
    const text = element('span', 'token-text');
    text.dir = 'auto'; // a Hebrew or Arabic word reads right to left inside its chip
    const id = element('span', 'token-id');
    const oov = element('span', 'token-oov', 'not in table');
    const position = element('span', 'token-position');
    item.append(text, id, oov, position);
    return { item, text, id, oov, position };
  }

  return {
    element: list,
    update(tokens, colorOf) {
      while (chips.length < tokens.length) chips.push(chip());
      if (list.childElementCount !== tokens.length) list.replaceChildren(...chips.slice(0, tokens.length).map((c) => c.item));
      tokens.forEach((token, index) => {
        const { item, text, id, oov, position } = chips[index];
        setText(text, tokenText(token));
        id.hidden = token.id === undefined;
        setText(id, token.id === undefined ? '' : `id ${token.id}`);
        oov.hidden = !token.oov;
        item.classList.toggle('is-oov', token.oov === true);
        setText(position, formatWhole(token.position));
        const color = colorOf(index) ?? '';
        if (item.style.getPropertyValue('--group') !== color) {
          item.classList.toggle('is-repeated', color !== '');
          item.style.setProperty('--group', color);
        }
      });
    },
  };
}
