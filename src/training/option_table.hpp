#pragma once
// Options declared once, in a table beside the struct they fill: each row names the option as
// JS spells it, the member it sets, its kind, default, limits and a one-line doc. Reading a
// caller's options (from JS or a command line) and every message about them come from the table,
// so an option is added by adding its row.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/input_error.hpp"

namespace pe {

// An option as a caller gives it: a JS number, boolean or string.
using OptionValue = std::variant<double, bool, std::string>;
using OptionBag = std::map<std::string, OptionValue, std::less<>>;

enum class OptionKind { integer, number, flag, choice };

// Limits of a number: low .. high, either end inclusive or not.
struct OptionLimits {
  double low, high;
  bool low_open = false, high_open = false;
};

template <typename Options>
struct OptionDeclaration {
  using Member = std::variant<int Options::*, std::int64_t Options::*, double Options::*,
                              bool Options::*, std::string Options::*>;
  std::string_view name;  // the JS name, e.g. "dModel"
  OptionKind kind;
  Member member;
  double default_number;                  // integer, number, flag (1 = true)
  std::string_view default_text;          // choice
  OptionLimits limits;                    // integer, number
  std::vector<std::string> (*choices)();  // choice: the allowed names, in order
  std::string_view doc;
};

// "an integer from 1 to 4", "a number greater than 0 and at most 10", ...
std::string describe_limits(OptionKind kind, const OptionLimits& limits);

// "number 5", "boolean true", "string \"x\"": a received value, as pe.js describes one.
std::string describe_value(const OptionValue& value);

// The declared defaults, then every option of bag checked against its row: an unknown name or a
// value of the wrong JS type is a TypeError, a number outside its limits a RangeError, a choice
// not in its list a TypeError. The first problem found, in the table's order, is returned.
template <typename Options>
std::variant<Options, InputError> read_options(const std::vector<OptionDeclaration<Options>>& table,
                                               const OptionBag& bag);

// Every option of options as the JS value it stands for, by name: what a caller would pass to
// get these options back.
template <typename Options>
OptionBag option_values(const std::vector<OptionDeclaration<Options>>& table,
                        const Options& options);

// bag as a JSON object, numbers with 17 significant digits (they read back exactly), for tools.
std::string option_bag_json(const OptionBag& bag);

// A command line's "--name text" as the JS value it stands for, by the option's declared kind:
// a number, true or false, or the text itself; or a message saying what is wrong.
template <typename Options>
std::variant<OptionValue, std::string> option_from_text(
    const std::vector<OptionDeclaration<Options>>& table, const std::string& name,
    const std::string& text);

// Every "--name text" pair of words read with option_from_text.
template <typename Options>
std::variant<OptionBag, std::string> options_from_words(
    const std::vector<OptionDeclaration<Options>>& table, const std::vector<std::string>& words);

namespace option_table_detail {

inline std::optional<InputError> check_number(std::string_view name, OptionKind kind,
                                              const OptionLimits& limits, double value) {
  const bool whole = kind != OptionKind::integer || std::floor(value) == value;
  const bool above = limits.low_open ? value > limits.low : value >= limits.low;
  const bool below = limits.high_open ? value < limits.high : value <= limits.high;
  if (std::isfinite(value) && whole && above && below) return std::nullopt;
  return range_error(std::string(name), describe_limits(kind, limits), value);
}

inline std::string kind_type(OptionKind kind) {
  return kind == OptionKind::flag ? "boolean" : kind == OptionKind::choice ? "string" : "number";
}

// Sets the member of a row from value, already checked.
template <typename Options>
void assign(const OptionDeclaration<Options>& row, const OptionValue& value, Options& options) {
  std::visit(
      [&](auto member) {
        using Field = std::decay_t<decltype(options.*member)>;
        if constexpr (std::is_same_v<Field, std::string>)
          options.*member = std::get<std::string>(value);
        else if constexpr (std::is_same_v<Field, bool>)
          options.*member = std::get<bool>(value);
        else
          options.*member = static_cast<Field>(std::get<double>(value));
      },
      row.member);
}

template <typename Options>
std::optional<InputError> check(const OptionDeclaration<Options>& row, const OptionValue& value) {
  const std::string name(row.name);
  const bool typed = row.kind == OptionKind::flag     ? std::holds_alternative<bool>(value)
                     : row.kind == OptionKind::choice ? std::holds_alternative<std::string>(value)
                                                      : std::holds_alternative<double>(value);
  if (!typed)
    return InputError{ErrorKind::type, name + " must be a " + kind_type(row.kind) + "; received " +
                                           describe_value(value)};
  if (row.kind == OptionKind::integer || row.kind == OptionKind::number)
    return check_number(row.name, row.kind, row.limits, std::get<double>(value));
  if (row.kind != OptionKind::choice) return std::nullopt;
  std::vector<std::string> quoted;
  for (const std::string& choice : row.choices()) {
    if (choice == std::get<std::string>(value)) return std::nullopt;
    quoted.push_back("\"" + choice + "\"");
  }
  return InputError{ErrorKind::type, name + " must be " + join(quoted, " or ") + "; received \"" +
                                         std::get<std::string>(value) + "\""};
}

template <typename Options>
OptionValue default_value(const OptionDeclaration<Options>& row) {
  if (row.kind == OptionKind::choice) return std::string(row.default_text);
  if (row.kind == OptionKind::flag) return row.default_number != 0;
  return row.default_number;
}

// text as a JS number, or nothing when it is not one whole.
std::optional<double> number_from_text(const std::string& text);

}  // namespace option_table_detail

template <typename Options>
std::variant<Options, InputError> read_options(const std::vector<OptionDeclaration<Options>>& table,
                                               const OptionBag& bag) {
  std::vector<std::string> names;
  for (const auto& row : table) names.emplace_back(row.name);
  for (const auto& [key, value] : bag) {
    if (std::find(names.begin(), names.end(), key) == names.end())
      return InputError{ErrorKind::type,
                        "unknown option \"" + key + "\"; allowed options: " + join(names, ", ")};
  }
  Options options;
  for (const auto& row : table) {
    const auto given = bag.find(row.name);
    const OptionValue value =
        given == bag.end() ? option_table_detail::default_value(row) : given->second;
    if (auto error = option_table_detail::check(row, value)) return *error;
    option_table_detail::assign(row, value, options);
  }
  return options;
}

template <typename Options>
std::variant<OptionValue, std::string> option_from_text(
    const std::vector<OptionDeclaration<Options>>& table, const std::string& name,
    const std::string& text) {
  const auto row = std::find_if(table.begin(), table.end(),
                                [&](const auto& declared) { return declared.name == name; });
  if (row == table.end()) return "unknown option --" + name;
  if (row->kind == OptionKind::choice) return OptionValue(text);
  if (row->kind == OptionKind::flag) {
    if (text == "true" || text == "false") return OptionValue(text == "true");
    return "--" + name + " must be true or false; received " + text;
  }
  if (auto number = option_table_detail::number_from_text(text)) return OptionValue(*number);
  return "--" + name + " must be a number; received " + text;
}

template <typename Options>
std::variant<OptionBag, std::string> options_from_words(
    const std::vector<OptionDeclaration<Options>>& table, const std::vector<std::string>& words) {
  OptionBag bag;
  for (std::size_t i = 0; i < words.size(); i += 2) {
    if (words[i].rfind("--", 0) != 0 || i + 1 >= words.size())
      return "expected --name value; received " + words[i];
    auto value = option_from_text(table, words[i].substr(2), words[i + 1]);
    if (auto* error = std::get_if<std::string>(&value)) return *error;
    bag[words[i].substr(2)] = std::get<OptionValue>(value);
  }
  return bag;
}

template <typename Options>
OptionBag option_values(const std::vector<OptionDeclaration<Options>>& table,
                        const Options& options) {
  OptionBag bag;
  for (const auto& row : table)
    std::visit(
        [&](auto member) {
          using Field = std::decay_t<decltype(options.*member)>;
          if constexpr (std::is_same_v<Field, std::string> || std::is_same_v<Field, bool>)
            bag[std::string(row.name)] = options.*member;
          else
            bag[std::string(row.name)] = static_cast<double>(options.*member);
        },
        row.member);
  return bag;
}

}  // namespace pe
