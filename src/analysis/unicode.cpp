#include "analysis/unicode.hpp"

#include <algorithm>
#include <iterator>

namespace pe {

namespace {

constexpr std::uint32_t class_bits(CharClass c) { return static_cast<std::uint32_t>(c); }
constexpr std::uint32_t kOther = class_bits(CharClass::other);
constexpr std::uint32_t kSpace = class_bits(CharClass::space);
constexpr std::uint32_t kWord = class_bits(CharClass::word);
constexpr std::uint32_t kIdeograph = class_bits(CharClass::ideograph);
constexpr std::uint32_t kExtend = class_bits(CharClass::extend);
constexpr std::uint32_t kRegionalIndicator = class_bits(CharClass::regional_indicator);

struct LowercaseRun {
  char32_t first, last;
  char32_t stride;  // 1: every code point in [first, last]; 2: every other one
  std::int32_t delta;
};

#include "analysis/unicode_tables.inc"

}  // namespace

CharClass classify(char32_t code_point) {
  // The last entry whose first code point is <= code_point.
  const auto key = static_cast<std::uint32_t>(code_point) << 3 | 7u;
  const auto* entry = std::upper_bound(std::begin(kClassStarts), std::end(kClassStarts), key) - 1;
  return static_cast<CharClass>(*entry & 7u);
}

char32_t to_lower(char32_t code_point) {
  const auto* run =
      std::lower_bound(std::begin(kLowercaseRuns), std::end(kLowercaseRuns), code_point,
                       [](const LowercaseRun& r, char32_t c) { return r.last < c; });
  if (run == std::end(kLowercaseRuns) || code_point < run->first ||
      (code_point - run->first) % run->stride != 0)
    return code_point;
  return static_cast<char32_t>(static_cast<std::int32_t>(code_point) + run->delta);
}

}  // namespace pe
