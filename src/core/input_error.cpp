#include "core/input_error.hpp"

#include <cmath>
#include <cstdio>

namespace pe {

std::string describe_number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  char text[32];
  std::snprintf(text, sizeof text, "%.15g", value);
  return text;
}

InputError range_error(const std::string& name, const std::string& allowed, double received) {
  return {ErrorKind::range,
          name + " must be " + allowed + "; received " + describe_number(received)};
}

bool is_integer_in(double value, double low, double high) {
  return std::isfinite(value) && std::floor(value) == value && value >= low && value <= high;
}

std::optional<InputError> find_non_finite(const float* values, std::size_t count,
                                          std::size_t first_index, const char* name) {
  for (std::size_t e = 0; e < count; ++e) {
    if (!std::isfinite(values[e]))
      return InputError{ErrorKind::range, std::string("every value of ") + name +
                                              " must be a finite number; " + name + "[" +
                                              std::to_string(first_index + e) + "] is " +
                                              describe_number(values[e])};
  }
  return std::nullopt;
}

}  // namespace pe
