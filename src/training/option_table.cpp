#include "training/option_table.hpp"

#include <cstdio>
#include <cstdlib>

namespace pe {

std::string describe_limits(OptionKind kind, const OptionLimits& limits) {
  const std::string what = kind == OptionKind::integer ? "an integer" : "a number";
  // Integer limits in full (2^53 - 1, not 9.00719925474099e+15): they are what a caller types.
  const auto limit = [kind](double value) {
    return kind == OptionKind::integer ? std::to_string(static_cast<long long>(value))
                                       : describe_number(value);
  };
  const std::string low = limit(limits.low), high = limit(limits.high);
  if (!limits.low_open && !limits.high_open) return what + " from " + low + " to " + high;
  return what + (limits.low_open ? " greater than " : " at least ") + low +
         (limits.high_open ? " and less than " : " and at most ") + high;
}

std::string describe_value(const OptionValue& value) {
  if (const auto* number = std::get_if<double>(&value)) return "number " + describe_number(*number);
  if (const auto* flag = std::get_if<bool>(&value)) return *flag ? "boolean true" : "boolean false";
  return "string \"" + std::get<std::string>(value) + "\"";
}

std::string option_bag_json(const OptionBag& bag) {
  std::string json = "{";
  for (const auto& [name, value] : bag) {
    json += (json.size() > 1 ? ", \"" : "\"") + name + "\": ";
    if (const auto* number = std::get_if<double>(&value)) {
      char text[32];
      std::snprintf(text, sizeof text, "%.17g", *number);
      json += text;
    } else if (const auto* flag = std::get_if<bool>(&value)) {
      json += *flag ? "true" : "false";
    } else {
      json += "\"" + std::get<std::string>(value) + "\"";  // names: no quotes or backslashes
    }
  }
  return json + "}";
}

namespace option_table_detail {

std::optional<double> number_from_text(const std::string& text) {
  char* end = nullptr;
  const double number = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0') return std::nullopt;
  return number;
}

}  // namespace option_table_detail

}  // namespace pe
