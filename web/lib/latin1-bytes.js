// Bytes carried as a string, one per character (U+0000 to U+00FF): the wasm modules
// (src/wasm/embed-wasm.mjs), and a word-vector table once its base64 is decoded (atob).

/** The bytes of text, one per character. */
export function latin1Bytes(text) {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes;
}
