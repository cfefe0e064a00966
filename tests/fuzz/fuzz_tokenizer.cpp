// The tokenizer on any bytes (malformed UTF-8 included): tokens are never empty and hold no white
// space, they are no longer together than the text could make them, and the tokens, joined by
// spaces and tokenized again, come back unchanged (each is one whole word or one character).
#include <cstddef>
#include <cstdint>
#include <string>

#include "analysis/tokenizer.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::vector<std::string> tokens = pe::tokenize(text);
  std::string joined;
  std::size_t characters = 0;
  for (const std::string& token : tokens) {
    FUZZ_CHECK(!token.empty());
    for (const char c : token) FUZZ_CHECK(c != ' ' && c != '\t' && c != '\n' && c != '\r');
    if (!joined.empty()) joined += ' ';
    joined += token;
    characters += token.size();
  }
  // Every token is text of the input (or U+FFFD, 3 bytes, for each bad byte), so together they
  // can never hold more than three times the input's bytes.
  FUZZ_CHECK(characters <= 3 * size);
  FUZZ_CHECK(pe::tokenize(joined) == tokens);
  return 0;
}
