#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace pe {

// Decodes the code point that starts at text[pos] and moves pos past it. Never fails: a
// malformed sequence (stray continuation byte, truncated or overlong sequence, surrogate, value
// above U+10FFFF) decodes to U+FFFD, one per maximal ill-formed subpart, the policy of the
// WHATWG TextDecoder, so C++ and the browser agree on where the replacements go.
// pos must be < text.size().
char32_t decode_utf8(std::string_view text, std::size_t& pos);

// Appends the UTF-8 encoding of a valid code point (not a surrogate, at most U+10FFFF).
void append_utf8(char32_t code_point, std::string& out);

}  // namespace pe
