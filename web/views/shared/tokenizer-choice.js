import { element } from '../../charts/figure.js';
import { besideScript } from '../../lib/classic-scripts.js';

// Which tokenizer splits a sentence view's text: the sentence under the text box that says how
// the text is split (it follows the tokenizer chosen), and the loading of a vocabulary, which
// arrives as a file of its own the first time it is chosen (pe.loadTokenizer). While it loads, or
// if it fails, the view shows a message and the rest of the page stays as it was.

const WORDS_RULE =
  'How the text is split: a word (a run of letters and digits, in any script) is one token, ' +
  'lowercased, so “It” and “it” count as copies of one word (the subword tokenizers of real ' +
  'models keep them apart); every other character (a punctuation mark, a symbol, an emoji, a ' +
  'Chinese or Japanese character) is a token of its own; spaces only separate.';

/** The sentence saying how entry (one of pe.tokenizers) splits text, and where tokens sit. */
export function tokenRule(entry) {
  const rule = entry.name === 'words' ? WORDS_RULE :
    `How the text is split: by ${entry.label}’s own tokenizer, byte-level BPE, exactly as the model reads text: ` +
    'frequent words are one token, rarer ones several pieces; a space belongs to the token after it (shown as ␣), ' +
    'case matters (“It” and “it” are different tokens), and copies are tokens with the same id (the number under each piece). ' +
    'No special tokens are added.';
  return `${rule} Counting tokens from 0, token r sits at the first position plus r.`;
}

/** Fills line with entry's credit and a link to its licence texts; empty for the built-in words. */
export function showCredit(line, entry) {
  line.hidden = !entry.licence;
  if (!entry.licence) return line.replaceChildren();
  const link = element('a', '', `licence texts (${entry.licence.name})`);
  link.href = besideScript(entry.licence.file);
  link.target = '_blank';
  link.rel = 'noopener';
  line.replaceChildren(`Vocabulary: ${entry.licence.credit}; `, link, '.');
}

/**
 * pe: the API; onSettled(): runs when a load ends, either way, so the view can draw again.
 * Returns { status(name) }: null when the tokenizer can be used now, else { level, message } for
 * the view's message line; asking for one not loaded yet starts its load (again, after a failure,
 * once the reader chose it anew).
 */
export function createTokenizerLoading(pe, onSettled) {
  const failures = new Map();
  const ready = new Set(['words']);
  const loading = new Set();
  let lastAsked = null;

  function load(entry) {
    loading.add(entry.name);
    failures.delete(entry.name);
    pe.loadTokenizer(entry.name)
      .then(() => ready.add(entry.name), (error) => failures.set(entry.name, error))
      .finally(() => {
        loading.delete(entry.name);
        onSettled();
      });
  }

  return {
    status(name) {
      const chosenAnew = name !== lastAsked;
      lastAsked = name;
      if (ready.has(name)) return null;
      const entry = pe.tokenizers.find((candidate) => candidate.name === name);
      if (failures.has(name) && !chosenAnew) {
        return {
          level: 'error',
          message: `The ${entry.label} vocabulary could not be loaded (${failures.get(name).message}). ` +
            'Choose another tokenizer, or choose this one again to retry.',
        };
      }
      if (!loading.has(name)) load(entry);
      return { level: 'info', message: `Loading the ${entry.label} vocabulary… The figures appear once it is here.` };
    },
  };
}
