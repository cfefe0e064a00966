#pragma once
// How the core reports bad input: it never throws or aborts; it returns one of these, and each
// front end (tests, the wasm bindings) decides how to surface it. JS maps `type` to TypeError
// and `range` to RangeError.
#include <cstddef>
#include <optional>
#include <string>

namespace pe {

enum class ErrorKind { type, range };

struct InputError {
  ErrorKind kind;
  std::string message;  // names the parameter, what is allowed, and what was received
};

// Renders a received number the way a reader expects: "8", "1.5", "NaN", "Infinity", "1e+99".
std::string describe_number(double value);

// The RangeError "<name> must be <allowed>; received <received>".
InputError range_error(const std::string& name, const std::string& allowed, double received);

// Whether value is a whole number in [low, high] (false for NaN and infinities).
bool is_integer_in(double value, double low, double high);

// The allowed names of a message: {a, b, c} -> "a, b" + last_separator + "c", e.g. "a, b or c".
template <typename Names>
std::string join(const Names& names, const char* last_separator) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? last_separator : ", ";
    out += names[i];
  }
  return out;
}

// For a caller's table named name ("data" unless given): the error for the first of count values
// that is NaN or infinite, if any. values[0] is name[first_index], so a table may be checked a
// block at a time.
std::optional<InputError> find_non_finite(const float* values, std::size_t count,
                                          std::size_t first_index = 0, const char* name = "data");

}  // namespace pe
