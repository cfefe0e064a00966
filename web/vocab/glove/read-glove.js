// Node's way to GloVe's table (web/pe.js imports this only outside a page): the committed file,
// read from beside this module. A page gets the same bytes from a classic script instead.
import { readFile } from 'node:fs/promises';

/** Resolves to the bytes of glove-6b-100d.bin (a Node Buffer, which is a Uint8Array). */
export default function readGloveTable() {
  return readFile(new URL('./glove-6b-100d.bin', import.meta.url));
}
