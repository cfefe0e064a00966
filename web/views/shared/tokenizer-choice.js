import { showCreditLine } from './credit-line.js';
import { createLoadOnChoice, usable } from './load-on-choice.js';

// Which tokenizer splits a sentence view's text: the sentence under the text box that says how
// the text is split (it follows the tokenizer chosen), and the loading of a vocabulary, which
// arrives as a file of its own the first time it is chosen (pe.loadTokenizer).

const WORDS_RULE =
  'How the text is split: a word (a run of letters and digits, in any script) is one token, ' +
  'lowercased, so “It” and “it” count as copies of one word (the subword tokenizers of real ' +
  'models keep them apart); every other character (a punctuation mark, a symbol, an emoji, a ' +
  'Chinese or Japanese character) is a token of its own; spaces only separate.';

// What comes before the text's tokens: the model's begin-of-text token when it has one and it is
// chosen (bos), as the model reads text; otherwise nothing.
function specialTokens(entry, bos) {
  if (entry.bos === null) return `${entry.label} adds no special token before a text, and none is added here.`;
  if (bos) return `As the model reads text, its begin-of-text token (id ${entry.bos}) comes first, at the first position.`;
  return `The model reads its begin-of-text token (id ${entry.bos}) before a text; it is left out here.`;
}

/** The sentence saying how entry (one of pe.tokenizers) splits text, whether its begin-of-text
 *  token is put first (bos), and where tokens sit. */
export function tokenRule(entry, bos) {
  const rule =
    entry.name === 'words'
      ? WORDS_RULE
      : `How the text is split: by ${entry.label}’s own tokenizer, byte-level BPE: ` +
        'frequent words are one token, rarer ones several pieces; a space belongs to the token after it (shown as ␣), ' +
        'case matters (“It” and “it” are different tokens), and copies are tokens with the same id (the number under each piece). ' +
        specialTokens(entry, bos);
  return `${rule} Counting tokens from 0, token r sits at the first position plus r.`;
}

/** Fills line with entry's credit and a link to its licence texts; empty for the built-in words. */
export function showCredit(line, entry) {
  const { licence } = entry;
  showCreditLine(line, licence && `Vocabulary: ${licence.credit}; `, licence && `licence texts (${licence.name})`, licence?.file);
}

/** The loading of the tokenizers' vocabularies for a view (./load-on-choice.js); redraw(): runs
 *  when a load ends, either way, or restarts. */
export function createTokenizerLoading(pe, redraw) {
  return createLoadOnChoice({
    entries: pe.tokenizers,
    load: (name) => pe.loadTokenizer(name),
    loaded: (name) => usable(() => pe.tokenize('', { tokenizer: name })),
    noun: 'vocabulary',
    other: 'another tokenizer',
    redraw,
  });
}
