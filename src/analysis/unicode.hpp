#pragma once
// The character facts the tokenizer needs, from tables compiled into the program
// (unicode_tables.inc, Unicode 14.0): the C library's iswalnum/towlower answer differently in
// glibc and in musl (the WebAssembly build), and the page must tokenize exactly like the tests.
#include <cstdint>

namespace pe {

enum class CharClass : std::uint8_t {
  other,               // punctuation, symbols, emoji: each is a token of its own
  space,               // Unicode White_Space and control characters: separate tokens
  word,                // letters and digits of any script (general categories L and N)
  ideograph,           // CJK ideographs: one token each, as written Chinese has no spaces
  extend,              // combining marks, ZWJ/ZWNJ, emoji skin tones: join the preceding token
  regional_indicator,  // two in a row spell a flag
};

constexpr char32_t kReplacementCharacter = 0xFFFD;
constexpr char32_t kZeroWidthJoiner = 0x200D;

CharClass classify(char32_t code_point);

// Unicode's simple (one code point to one) lowercase mapping; code points without one are
// returned unchanged. Context-dependent rules such as the Greek final sigma are the caller's.
char32_t to_lower(char32_t code_point);

}  // namespace pe
