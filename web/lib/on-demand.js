// Data fetched by name when first asked for (a vocabulary, a word-vector table) and kept: loads
// of one name under way at once share one fetch, and a failed load may be tried again.

/** Returns { get(name), load(name) }: get gives what load(name) fetched, once it has. */
export function onDemand(fetchOne) {
  const loaded = new Map();
  const loading = new Map();
  return {
    get: (name) => loaded.get(name),
    async load(name) {
      if (loaded.has(name)) return;
      if (!loading.has(name)) {
        const load = fetchOne(name)
          .then((data) => loaded.set(name, data))
          .finally(() => loading.delete(name));
        loading.set(name, load);
      }
      await loading.get(name);
    },
  };
}
