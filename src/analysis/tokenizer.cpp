#include "analysis/tokenizer.hpp"

#include "analysis/unicode.hpp"
#include "analysis/utf8.hpp"

namespace pe {

namespace {

constexpr char32_t kCapitalSigma = 0x03A3;
constexpr char32_t kFinalSigma = 0x03C2;

// Reads text one code point at a time, the current one already decoded and classified.
class CodePointReader {
 public:
  explicit CodePointReader(std::string_view text) : text_(text) { read(); }

  bool done() const { return done_; }
  // Whether there is a current code point and it is of class c.
  bool at(CharClass c) const { return !done_ && char_class_ == c; }

  // Appends the current code point to token and moves on.
  void take(std::u32string& token) {
    token.push_back(code_point_);
    read();
  }
  void skip() { read(); }

 private:
  void read() {
    done_ = pos_ == text_.size();
    if (done_) return;
    code_point_ = decode_utf8(text_, pos_);
    char_class_ = classify(code_point_);
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  bool done_ = false;
  char32_t code_point_ = 0;
  CharClass char_class_ = CharClass::other;
};

void take_word(CodePointReader& reader, std::u32string& token) {
  while (reader.at(CharClass::word) || reader.at(CharClass::extend)) reader.take(token);
}

// The current character with everything that joins it into one visible symbol.
void take_character(CodePointReader& reader, std::u32string& token) {
  const bool flag_half = reader.at(CharClass::regional_indicator);
  reader.take(token);
  if (flag_half && reader.at(CharClass::regional_indicator)) reader.take(token);
  for (;;) {
    while (reader.at(CharClass::extend)) reader.take(token);
    // A zero-width joiner glues the next symbol on: family and profession emoji.
    if (token.back() != kZeroWidthJoiner || !reader.at(CharClass::other)) return;
    reader.take(token);
  }
}

std::string to_lower_utf8(const std::u32string& token, bool is_word) {
  std::string text;
  text.reserve(token.size());
  for (std::size_t k = 0; k < token.size(); ++k) {
    const bool word_final_sigma =
        is_word && token[k] == kCapitalSigma && k > 0 && k + 1 == token.size();
    append_utf8(word_final_sigma ? kFinalSigma : to_lower(token[k]), text);
  }
  return text;
}

}  // namespace

std::vector<std::string> tokenize(std::string_view text) {
  std::vector<std::string> tokens;
  std::u32string token;  // code points of the token being read; its buffer is reused
  CodePointReader reader(text);
  while (!reader.done()) {
    if (reader.at(CharClass::space)) {
      reader.skip();
      continue;
    }
    token.clear();
    const bool is_word = reader.at(CharClass::word);
    if (is_word) {
      take_word(reader, token);
    } else {
      take_character(reader, token);
    }
    tokens.push_back(to_lower_utf8(token, is_word));
  }
  return tokens;
}

}  // namespace pe
