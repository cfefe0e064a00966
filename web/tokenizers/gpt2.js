// GPT-2's byte-level BPE (50,257 tokens), from the gpt-tokenizer package's 'gpt2' encoding
// (OpenAI's r50k_base ranks). Bundled on its own into web/generated/vocab/gpt2.js (web/build).
import { encode, decode } from 'gpt-tokenizer/encoding/gpt2';

// The package refuses text that contains "<|endoftext|>" unless told otherwise: read as text.
const AS_TEXT = { disallowedSpecial: new Set() };

/** { encode(text) -> ids, decode(ids) -> text }, as web/pe.js expects of every vocabulary. */
export default function createTokenizer() {
  return { encode: (text) => encode(text, AS_TEXT), decode: (ids) => decode(ids) };
}
