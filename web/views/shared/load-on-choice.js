// Files a view loads the first time the reader chooses what needs them (a tokenizer's vocabulary,
// a table of word vectors): the message the view shows in place of its figures while one loads,
// or after it failed with a button to try again. A load starts only after the page has painted
// that message, since building a vocabulary can hold the main thread for seconds.

// Resolves after the next paint (a frame, then a task); a page that paints no frames (a hidden
// tab) moves on after 100 ms anyway.
function afterPaint() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, 100);
  });
}

/**
 * entries: the catalogue of pe to load from (pe.tokenizers, pe.embeddings: [{ name, label }]);
 * load(name): a promise that settles when name can be used; loaded(name): whether name can be
 * used already (loaded by another view, say), so that no loading message flashes; noun: what
 * loads, after the label ('vocabulary': 'the Llama 3 vocabulary'); other: what else the reader can
 * choose ('another tokenizer'); redraw(): runs when a load ends, either way, and when the reader
 * tries again, so the view can draw again. Returns { status(name) }: null when name can be used
 * now, else { level, message, action } for the view's message line (action: the button that tries
 * a failed load again); asking for one not loaded yet starts its load (again, after a failure,
 * once the reader chose it anew).
 */
export function createLoadOnChoice({ entries, load, loaded, noun, other, redraw }) {
  const failures = new Map();
  const ready = new Set();
  const loading = new Set();
  let lastAsked = null;
  const what = (name) => `the ${entries.find((entry) => entry.name === name).label} ${noun}`;

  function start(name) {
    loading.add(name);
    failures.delete(name);
    afterPaint()
      .then(() => load(name))
      .then(
        () => ready.add(name),
        (error) => failures.set(name, error),
      )
      .finally(() => {
        loading.delete(name);
        redraw();
      });
  }

  return {
    status(name) {
      const chosenAnew = name !== lastAsked;
      lastAsked = name;
      if (ready.has(name) || loaded(name)) {
        ready.add(name);
        return null;
      }
      if (failures.has(name) && !chosenAnew) {
        return {
          level: 'error',
          message: `${capitalised(what(name))} could not be loaded (${failures.get(name).message}). Choose ${other}, or try again.`,
          action: {
            label: 'Try again',
            run() {
              start(name);
              redraw();
            },
          },
        };
      }
      if (!loading.has(name)) start(name);
      return { level: 'info', message: `Loading ${what(name)}… The figures appear once it is here.` };
    },
  };
}

/** Whether use() runs without throwing: pe.tokenize, for one, throws for what is not loaded yet. */
export function usable(use) {
  try {
    use();
    return true;
  } catch {
    return false;
  }
}

const capitalised = (text) => `${text[0].toUpperCase()}${text.slice(1)}`;
