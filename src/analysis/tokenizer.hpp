#pragma once
// The tokenizer of the sentence analysis: a readable stand-in for a subword tokenizer, so a
// reader can see which tokens repeat.
#include <string>
#include <string_view>
#include <vector>

namespace pe {

// Splits UTF-8 text into lowercased tokens, in order:
// - a word is a run of letters and digits of any script (Latin, Cyrillic, Greek, Arabic, Hebrew,
//   ...), e.g. "Straße", "42", "слово"; combining marks stay inside it;
// - every other character is a token of its own: punctuation, symbols, emoji, and each CJK
//   ideograph (written Chinese has no spaces; BERT's tokenizer splits the same way). A
//   "character" includes what joins it: combining marks, variation selectors, skin tones,
//   zero-width-joined emoji sequences and two-letter flags, so a visible emoji is one token;
// - whitespace (Unicode White_Space) and control characters only separate tokens, so no token
//   contains any.
// Lowercasing is Unicode's simple one-to-one mapping, plus the Greek final sigma: a word-final
// capital sigma becomes "ς", so "ΟΔΟΣ" and "οδος" are the same token.
// Malformed UTF-8 never fails: each bad sequence becomes U+FFFD, which is a token of its own.
std::vector<std::string> tokenize(std::string_view text);

}  // namespace pe
