#include "analysis/utf8.hpp"

#include "analysis/unicode.hpp"

namespace pe {

char32_t decode_utf8(std::string_view text, std::size_t& pos) {
  const auto lead = static_cast<unsigned char>(text[pos++]);
  if (lead < 0x80) return lead;

  // Well-formed sequences (Unicode 14.0, table 3-7): the lead byte fixes the length, and the
  // range of the second byte excludes overlong forms (E0, F0), surrogates (ED) and values
  // above U+10FFFF (F4). C0, C1 and F5..FF never start a sequence.
  int length = 0;
  char32_t code_point = 0;
  unsigned char low = 0x80, high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code_point = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code_point = lead & 0x0Fu;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code_point = lead & 0x07u;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return kReplacementCharacter;
  }

  for (int i = 1; i < length; ++i) {
    // The offending byte is not consumed: it may start the next sequence.
    if (pos == text.size()) return kReplacementCharacter;
    const auto next = static_cast<unsigned char>(text[pos]);
    if (next < low || next > high) return kReplacementCharacter;
    code_point = code_point << 6 | (next & 0x3Fu);
    ++pos;
    low = 0x80;
    high = 0xBF;
  }
  return code_point;
}

void append_utf8(char32_t code_point, std::string& out) {
  const auto byte = [&out](char32_t bits) { out.push_back(static_cast<char>(bits)); };
  if (code_point < 0x80) {
    byte(code_point);
  } else if (code_point < 0x800) {
    byte(0xC0 | code_point >> 6);
    byte(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    byte(0xE0 | code_point >> 12);
    byte(0x80 | (code_point >> 6 & 0x3F));
    byte(0x80 | (code_point & 0x3F));
  } else {
    byte(0xF0 | code_point >> 18);
    byte(0x80 | (code_point >> 12 & 0x3F));
    byte(0x80 | (code_point >> 6 & 0x3F));
    byte(0x80 | (code_point & 0x3F));
  }
}

}  // namespace pe
