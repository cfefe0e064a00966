#pragma once
// A declared request (core/options.hpp) on a command line: "--name text" read into the raw
// request through the option's row, the request written back as JSON, and each option's default
// for a usage text. Native tools (pe-train, the benchmarks, the parity dump) read their options
// this way, so a command knows every option the JS API knows, by the same names.
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/options.hpp"

namespace pe {

// An option's default as a command line would write it: 10000, true, kback; "" for none.
inline std::string default_text(const OptionSpec& spec) {
  if (const auto* number = std::get_if<double>(&spec.fallback)) return describe_number(*number);
  if (const auto* flag = std::get_if<bool>(&spec.fallback)) return *flag ? "true" : "false";
  if (const auto* text = std::get_if<const char*>(&spec.fallback)) return *text;
  return "";
}

namespace option_words_detail {

// text into value, by the value's type: nothing, or what is wrong.
inline std::optional<std::string> read_text(const std::string& name, const std::string& text,
                                            double& value) {
  char* end = nullptr;
  value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0') return "--" + name + " must be a number; received " + text;
  return std::nullopt;
}
inline std::optional<std::string> read_text(const std::string& name, const std::string& text,
                                            bool& value) {
  if (text != "true" && text != "false")
    return "--" + name + " must be true or false; received " + text;
  value = text == "true";
  return std::nullopt;
}
inline std::optional<std::string> read_text(const std::string&, const std::string& text,
                                            std::string& value) {
  value = text;
  return std::nullopt;
}
template <typename T>
std::optional<std::string> read_text(const std::string& name, const std::string&, T&) {
  return "--" + name + " cannot be given on a command line";
}

inline std::string json_value(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", value);  // 17 digits: reads back exactly
  return text;
}
inline std::string json_value(bool value) { return value ? "true" : "false"; }
inline std::string json_value(const std::string& value) {
  return "\"" + value + "\"";  // names: no quotes or backslashes
}

}  // namespace option_words_detail

// Sets the option named name (its JS name) of raw from text: nothing, or what is wrong ("unknown
// option --dmodel", "--dModel must be a number; received x"). Limits are the parser's to check.
template <typename Table>
std::optional<std::string> set_option(const Table& table, RawOf<Table>& raw,
                                      const std::string& name, const std::string& text) {
  std::optional<std::string> outcome = "unknown option --" + name;
  std::apply(
      [&](const auto&... row) {
        const auto visit = [&](const auto& one) {
          using Row = std::decay_t<decltype(one)>;
          if constexpr (Row::kReadByCore) {
            if (name == one.spec->name)
              outcome = option_words_detail::read_text(name, text, Row::member(raw));
          }
        };
        (visit(row), ...);
      },
      table);
  return outcome;
}

// A whole command line of "--name text" pairs read into a raw request with set_option: the
// request, or what is wrong.
template <typename Table>
std::variant<RawOf<Table>, std::string> options_from_words(const Table& table,
                                                           const std::vector<std::string>& words) {
  RawOf<Table> raw;
  for (std::size_t i = 0; i < words.size(); i += 2) {
    if (words[i].rfind("--", 0) != 0 || i + 1 >= words.size())
      return "expected --name value; received " + words[i];
    if (auto error = set_option(table, raw, words[i].substr(2), words[i + 1])) return *error;
  }
  return raw;
}

// The options of raw that are numbers, flags or names, as a JSON object by JS name.
template <typename Table>
std::string options_json(const Table& table, const RawOf<Table>& raw) {
  std::string json;
  std::apply(
      [&](const auto&... row) {
        const auto visit = [&](const auto& one) {
          using Row = std::decay_t<decltype(one)>;
          using T = typename Row::Value;
          if constexpr (Row::kReadByCore && (std::is_same_v<T, double> || std::is_same_v<T, bool> ||
                                             std::is_same_v<T, std::string>)) {
            json += (json.empty() ? "{\"" : ", \"") + std::string(one.spec->name) +
                    "\": " + option_words_detail::json_value(Row::member(raw));
          }
        };
        (visit(row), ...);
      },
      table);
  return json.empty() ? "{}" : json + "}";
}

// visit(spec) for each option of the table, in order.
template <typename Table, typename Visit>
void for_each_option(const Table& table, Visit&& visit) {
  std::apply([&](const auto&... row) { (visit(*row.spec), ...); }, table);
}

}  // namespace pe
