// Files a view loads the first time the reader chooses what needs them (a tokenizer's vocabulary,
// a table of word vectors): the message the view shows while one loads or after it failed, while
// the rest of the page stays as it was. A load starts only after the page has painted that
// message, since building a vocabulary can hold the main thread for seconds.

// Resolves after the next paint (a frame, then a task); a page that paints no frames (a hidden
// tab) moves on after 100 ms anyway.
function afterPaint() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, 100);
  });
}

/**
 * load(name): a promise that settles when name can be used; what(name): what loads, for the
 * messages ('the Llama 3 vocabulary'); other: what else the reader can choose ('another
 * tokenizer'); builtIn: names usable at once; onSettled(): runs when a load ends, either way, so the
 * view can draw again. Returns { status(name) }: null when name can be used now, else
 * { level, message } for the view's message line; asking for one not loaded yet starts its load
 * (again, after a failure, once the reader chose it anew).
 */
export function createLoadOnChoice({ load, what, other, builtIn, onSettled }) {
  const failures = new Map();
  const ready = new Set(builtIn);
  const loading = new Set();
  let lastAsked = null;

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
        onSettled();
      });
  }

  return {
    status(name) {
      const chosenAnew = name !== lastAsked;
      lastAsked = name;
      if (ready.has(name)) return null;
      if (failures.has(name) && !chosenAnew) {
        return {
          level: 'error',
          message:
            `${capitalised(what(name))} could not be loaded (${failures.get(name).message}). ` +
            `Choose ${other}, or choose this one again to retry.`,
        };
      }
      if (!loading.has(name)) start(name);
      return { level: 'info', message: `Loading ${what(name)}… The figures appear once it is here.` };
    },
  };
}

const capitalised = (text) => `${text[0].toUpperCase()}${text.slice(1)}`;
