// Tables of word vectors (GloVe's, web/vocab/glove/), loaded on demand and shared by every caller
// of loadPE, like the core.
import { canLoadScripts, loadScript, registry } from '../lib/classic-scripts.js';
import { latin1Bytes } from '../lib/latin1-bytes.js';
import { onDemand } from '../lib/on-demand.js';
import { EMBEDDINGS, EMBEDDING_REGISTRY, embeddingScript } from './catalogue.js';
import { decodeGloveTable } from './glove/glove-table.js';

// Resolves in a task of its own: a page draws in between (steps of a load that would together hold
// its main thread for hundreds of milliseconds run one per task). scheduler.yield where the engine
// has it: a timeout nested more than five deep waits at least 4 ms, for nothing.
const nextTask = () => globalThis.scheduler?.yield?.() ?? new Promise((resolve) => setTimeout(resolve));

// A table's bytes: in a page from its classic script (web/build/bundle.mjs), whose registry entry
// is dropped once read (6.6 MB of base64); elsewhere (Node) from the file, by a module whose
// specifier is a value so that bundlers leave it alone.
async function fetchBytes(entry) {
  if (canLoadScripts) {
    await loadScript(embeddingScript(entry.name));
    const vectors = registry(EMBEDDING_REGISTRY);
    const text = vectors[entry.name];
    if (typeof text !== 'string') throw new Error(`the file ${embeddingScript(entry.name)} did not register the vectors "${entry.name}"`);
    delete vectors[entry.name];
    await nextTask();
    // An engine that decodes base64 into bytes itself does it in one step (Uint8Array.fromBase64).
    if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
    const binary = atob(text);
    await nextTask();
    return latin1Bytes(binary);
  }
  return (await import(entry.readerModule)).default();
}

// A word-vector table: { table: decodeGloveTable's, oovStd }. oovStd: the root mean square of the
// table's components, the standard deviation given to the synthetic vector of a word the table
// lacks, so that its length is about the typical length of the table's vectors.
async function fetchEmbeddings(name) {
  const bytes = await fetchBytes(EMBEDDINGS.find((entry) => entry.name === name));
  await nextTask();
  const table = decodeGloveTable(bytes);
  await nextTask();
  let squares = 0;
  for (const value of table.vectors) squares += value * value;
  return { table, oovStd: Math.sqrt(squares / table.vectors.length) };
}

/** The word-vector tables loaded so far: get(name) once load(name) has resolved. */
export const wordVectors = onDemand(fetchEmbeddings);
