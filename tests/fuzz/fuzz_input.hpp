#pragma once
// Reading a fuzzer's bytes as the raw inputs of a request: numbers chosen to hit the edges of
// every limit (a byte picks one of them, or the next eight bytes are read as any double, NaN and
// infinities included), names from the ones each parser knows plus garbage, and the rest as text.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace fuzz {

class FuzzInput {
 public:
  FuzzInput(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

  std::uint8_t byte() { return position_ < size_ ? data_[position_++] : 0; }
  bool flag() { return byte() & 1; }

  // A number near an edge of some limit, or any double at all.
  double number() {
    static const double kEdges[] = {0,
                                    1,
                                    2,
                                    7,
                                    8,
                                    64,
                                    256,
                                    257,
                                    2048,
                                    2049,
                                    4096,
                                    4097,
                                    16777216,
                                    16777217,
                                    2147483647.0,
                                    2147483648.0,
                                    0.5,
                                    1.5,
                                    -1,
                                    -0.0,
                                    1e-300,
                                    1e300,
                                    std::numeric_limits<double>::quiet_NaN(),
                                    std::numeric_limits<double>::infinity(),
                                    -std::numeric_limits<double>::infinity(),
                                    10000,
                                    500000,
                                    0.02,
                                    16,
                                    40};
    const std::uint8_t pick = byte();
    if (pick < 200)
      return kEdges[pick % (sizeof kEdges / sizeof kEdges[0])] + (pick >= 100 ? byte() : 0);
    double value = 0;
    std::uint8_t bytes[sizeof value] = {};
    for (std::uint8_t& b : bytes) b = byte();
    std::memcpy(&value, bytes, sizeof value);
    return value;
  }

  // One of names, or now and then a string that is none of them.
  std::string name(const std::vector<std::string>& names) {
    const std::uint8_t pick = byte();
    if (pick < 224 && !names.empty()) return names[pick % names.size()];
    return text(byte() % 12);
  }

  std::string text(std::size_t length) {
    std::string out;
    while (out.size() < length && position_ < size_) out.push_back(static_cast<char>(byte()));
    return out;
  }

  // Whatever is left.
  std::string_view rest() {
    const std::string_view left(reinterpret_cast<const char*>(data_) + position_,
                                size_ - position_);
    position_ = size_;
    return left;
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t position_ = 0;
};

// Properties fail loudly: libFuzzer records the input that made the check abort.
#define FUZZ_CHECK(condition)                                                                 \
  do {                                                                                        \
    if (!(condition)) {                                                                       \
      std::fprintf(stderr, "property failed at %s:%d: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                           \
    }                                                                                         \
  } while (false)

// A rejected request's message must start with the name of a parameter it knows.
inline bool names_a_parameter(const std::string& message, const std::vector<std::string>& names) {
  for (const std::string& name : names)
    if (message.rfind(name, 0) == 0) return true;
  return false;
}

}  // namespace fuzz
