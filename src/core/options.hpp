#pragma once
// A request's options, declared once beside its raw struct. Each option is a spec (its JS name,
// default, limits and a one-line doc, shared by every request that takes it) and a row that says
// where a request keeps it. Everything else reads them: the raw structs' defaults, the parsers'
// checks and messages ("<name> must be <allowed>; received <value>"), the wasm bindings' generic
// read of a JS options object, and the declarations exported to pe.js, which checks each option's
// JS type, fills in the defaults and generates the TypeScript option types from them.
//
// Plain C++17: a spec is a constant, a request's table a std::tuple of rows, so a row may point
// at a value of any type (a number, a name, a flag, a caller's table, a nested object such as
// RoPE's scaling), and a request may keep an option inside a group it shares with others
// (option<&RawEncodeRequest::scheme_options, &RawSchemeOptions::base>).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "core/input_error.hpp"
#include "core/member_path.hpp"

namespace pe {

// An option without a default: the caller must give it.
struct Required {};
// An option that may be left out, or given as null, and then takes no value: "not given".
struct Optional {};

// What an option is when the caller leaves it out: required, optional, null, or a value.
using OptionDefault = std::variant<Required, Optional, std::nullptr_t, double, bool, const char*>;

// The values an option allows, as parsers check them and as messages and docs word them:
//   integer        "an integer from <low> to <high><note>"
//   even_integer   "an even integer from <low> to <high><note>"
//   number_in      "a number from <low> to <high>"
//   finite_above   "a finite number greater than <low>"
//   above_at_most  "a number greater than <low> and at most <high>"
//   at_least_below "a number at least <low> and less than <high>"
//   choice         one of the option's choices (a TypeError names them all)
//   stated         the parser checks it against other options; note words the rule
//   any            every value of the option's type
struct Limit {
  enum class Rule {
    any,
    integer,
    even_integer,
    number_in,
    finite_above,
    above_at_most,
    at_least_below,
    choice,
    stated
  };
  Rule rule = Rule::any;
  double low = 0;
  double high = 0;
  const char* note = "";
};

constexpr Limit integer_from(double low, double high, const char* note = "") {
  return {Limit::Rule::integer, low, high, note};
}
constexpr Limit even_integer_from(double low, double high) {
  return {Limit::Rule::even_integer, low, high, ""};
}
constexpr Limit number_from(double low, double high) {
  return {Limit::Rule::number_in, low, high, ""};
}
constexpr Limit finite_above(double low) { return {Limit::Rule::finite_above, low, 0, ""}; }
constexpr Limit above_at_most(double low, double high) {
  return {Limit::Rule::above_at_most, low, high, ""};
}
constexpr Limit at_least_below(double low, double high) {
  return {Limit::Rule::at_least_below, low, high, ""};
}
constexpr Limit one_of_choices() { return {Limit::Rule::choice, 0, 0, ""}; }
constexpr Limit stated(const char* rule) { return {Limit::Rule::stated, 0, 0, rule}; }

// A choice's value and the words a control shows for it (empty: the value itself).
struct OptionChoice {
  std::string_view value;
  std::string_view label;
};

struct OptionSpec {
  const char* name;  // the JS name, e.g. "dim"
  OptionDefault fallback;
  Limit limit;
  const char* doc;  // one line: what the option is
  // Choice options: the names allowed, in the order messages list them.
  std::vector<OptionChoice> (*choices)() = nullptr;
  const char* label = "";    // a control's name for it (the schemes' options)
  const char* example = "";  // object options: what one looks like, for messages

  constexpr double number() const { return std::get<double>(fallback); }
  constexpr bool flag() const { return std::get<bool>(fallback); }
  constexpr const char* text() const { return std::get<const char*>(fallback); }
};

// The phrase a message and a doc use for a limit: "an integer from 1 to 4096", "one of ...".
std::string allowed(const OptionSpec& option);

// Whether value is within the option's limit (always, for a choice or a stated limit).
bool allows(const OptionSpec& option, double value);

// value against the option's limit (any rule but choice and stated): nothing, or the RangeError
// "<name> must be <allowed>; received <value>".
std::optional<InputError> check(const OptionSpec& option, double value);

// A choice option's value: its index among the choices, or the TypeError
// `<name> must be "a", "b" or "c"; received "x"` (x cut to shown characters, if given).
std::variant<std::size_t, InputError> check_choice(const OptionSpec& option,
                                                   const std::string& value,
                                                   std::size_t shown = std::string::npos);

// `"a", "b" or "c"`: a choice option's names as messages list them.
std::string quoted_choices(const OptionSpec& option);

// --- Rows: where a request keeps an option.

// A row of a request's table: the option, and where a raw request keeps its value, the path of
// members raw.*first.*second... in the row's type (so reading it compiles to a plain access). A
// row without a path is an option pe.js reads itself and the core never sees (analyze's
// tokenizer); T is then only its JS type.
template <typename Raw, typename T, auto... Path>
struct Option {
  using RawRequest = Raw;
  using Value = T;
  static constexpr bool kReadByCore = sizeof...(Path) > 0;

  const OptionSpec* spec;

  static T& member(Raw& raw) { return at_path<Raw, Path...>(raw); }
  static const T& member(const Raw& raw) { return at_path<const Raw, Path...>(raw); }
};

// The row of an option kept at raw.*first (.*rest...): option<&RawEncodeRequest::dim>(kTableDim).
template <auto First, auto... Rest>
constexpr auto option(const OptionSpec& spec) {
  using Raw = typename MemberOf<decltype(First)>::Owner;
  return Option<Raw, PathValue<Raw, First, Rest...>, First, Rest...>{&spec};
}

// The row of an option pe.js reads (its JS type is T's) and the core never sees.
template <typename Raw, typename T>
constexpr Option<Raw, T> option_read_in_js(const OptionSpec& spec) {
  return {&spec};
}

// Names of a tuple of rows: the raw request they fill.
template <typename Table>
using RawOf = typename std::tuple_element_t<0, Table>::RawRequest;

}  // namespace pe
