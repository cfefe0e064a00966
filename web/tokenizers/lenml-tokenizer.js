// The lenml packages' tokenizers (a port of transformers.js's) behind the interface web/pe.js
// expects: encode without the special tokens they would add, decode of any ids.
export function wrapLenml(tokenizer) {
  return {
    encode: (text) => tokenizer.encode(text, { add_special_tokens: false }),
    decode: (ids) => tokenizer.decode(ids),
  };
}
