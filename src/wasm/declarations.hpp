#pragma once
// The declarations a module exports (its requests() function): for every function, its options
// as the core declares them, whether it returns the options as used beside its result, and
// whether it takes a text first. pe.js makes each function from its entry and checks every call
// with it; the option types of web/types/options.d.ts are generated from it.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <array>
#include <cstddef>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "core/caller_table.hpp"
#include "core/options.hpp"
#include "marshal.hpp"

namespace marshal {

// --- Declarations, described for pe.js: for every option its name, JS type, default (or
// required / optional), the values it allows, its doc, and for an object its own options.

template <typename T>
constexpr const char* js_type() {
  if constexpr (std::is_same_v<T, double> || std::is_same_v<T, std::optional<double>>) {
    return "number";
  } else if constexpr (std::is_same_v<T, bool>) {
    return "boolean";
  } else if constexpr (std::is_same_v<T, std::string>) {
    return "string";
  } else if constexpr (std::is_same_v<T, pe::CallerTable>) {
    return "Float32Array";
  } else if constexpr (std::is_same_v<T, std::vector<double>>) {
    return "number[]";
  } else {
    static_assert(HasOptions<T>::value,
                  "an option is a number, flag, name, table, list of numbers or object");
    return "object";
  }
}

// What the description of an option needs from its row: the spec, the JS type of its value,
// and for an object the description of its own options. A table's rows become a constant array
// of these, so one loop (describe_rows) describes every request.
struct RowInfo {
  const pe::OptionSpec* spec;
  const char* type;
  val (*options)();  // an object's own options; null for any other option
};

template <typename Table>
constexpr auto row_infos(const Table& table);

template <typename Nested>
val describe_nested();

template <typename Raw, typename T, auto... Path>
constexpr RowInfo info_of(const pe::Option<Raw, T, Path...>& row) {
  if constexpr (HasOptions<T>::value) return {row.spec, js_type<T>(), &describe_nested<T>};
  return {row.spec, js_type<T>(), nullptr};
}

template <typename Table>
constexpr auto row_infos(const Table& table) {
  return std::apply(
      [](const auto&... row) { return std::array<RowInfo, sizeof...(row)>{info_of(row)...}; },
      table);
}

// A numeric limit as numbers, in JSON Schema's words, so a page can build a control or check a
// link from the declaration instead of repeating its bounds: { minimum, maximum } (inclusive),
// exclusiveMinimum / exclusiveMaximum (strict), multipleOf 1 for an integer, 2 for an even one.
// Undefined for choices, stated rules and "any", which have no numeric bounds.
inline val describe_range(const pe::Limit& limit) {
  using Rule = pe::Limit::Rule;
  val range = val::object();
  switch (limit.rule) {
    case Rule::integer:
    case Rule::even_integer:
      range.set("multipleOf", limit.rule == Rule::integer ? 1 : 2);
      [[fallthrough]];
    case Rule::number_in:
      range.set("minimum", limit.low);
      range.set("maximum", limit.high);
      return range;
    case Rule::finite_above:
      range.set("exclusiveMinimum", limit.low);
      return range;
    case Rule::above_at_most:
      range.set("exclusiveMinimum", limit.low);
      range.set("maximum", limit.high);
      return range;
    case Rule::at_least_below:
      range.set("minimum", limit.low);
      range.set("exclusiveMaximum", limit.high);
      return range;
    case Rule::any:
    case Rule::choice:
    case Rule::stated:
      break;
  }
  return val::undefined();
}

// What an option is whatever its type: its name, JS type, default (or required or optional),
// the values it allows (in words, and as numbers where they have bounds), its doc and its
// choices; an object's own options and what one looks like.
inline val describe_row(const RowInfo& row) {
  const pe::OptionSpec& spec = *row.spec;
  val option = val::object();
  option.set("name", std::string(spec.name));
  option.set("type", std::string(row.type));
  if (std::holds_alternative<pe::Required>(spec.fallback)) option.set("required", true);
  if (std::holds_alternative<pe::Optional>(spec.fallback)) option.set("optional", true);
  if (std::holds_alternative<std::nullptr_t>(spec.fallback)) option.set("default", val::null());
  if (const auto* number = std::get_if<double>(&spec.fallback)) option.set("default", *number);
  if (const auto* flag = std::get_if<bool>(&spec.fallback)) option.set("default", *flag);
  if (const auto* text = std::get_if<const char*>(&spec.fallback))
    option.set("default", std::string(*text));
  option.set("allowed", pe::allowed(spec));
  if (val range = describe_range(spec.limit); !range.isUndefined()) option.set("range", range);
  option.set("doc", std::string(spec.doc));
  if (spec.choices) {
    val names = val::array();
    for (const pe::OptionChoice& choice : spec.choices())
      names.call<void>("push", std::string(choice.value));
    option.set("choices", names);
  }
  if (row.options) {
    option.set("options", row.options());
    option.set("example", std::string(spec.example));
  }
  return option;
}

// Rows appended to options, a JS array.
template <std::size_t Count>
void describe_rows(val& options, const std::array<RowInfo, Count>& rows) {
  for (const RowInfo& row : rows) options.call<void>("push", describe_row(row));
}

template <typename Nested>
val describe_nested() {
  static const auto rows = row_infos(options_of(Nested{}));
  val options = val::array();
  describe_rows(options, rows);
  return options;
}

// What a declared JS function returns: the core's result, or the options as used (defaults
// filled in) beside it, as pe.encode returns { kind, start, count, dim, base, layout, data }.
enum class Returns { result, options_and_result };

template <typename Function>
struct TakesText : std::false_type {};
template <typename Result, typename... Arguments>
struct TakesText<Result (*)(std::string, Arguments...)> : std::true_type {};

// Every function a module declares, by its JS name: { options, echo, text } for each, from which
// pe.js makes the function (a function of text, such as analyze, pe.js writes itself). A stateful
// object's methods are declared the same way, named "Class.method": each is a function taking
// the object first (Embind binds it with class_<T>().function), reading its options with read,
// answering with answer and writing declared results, as every function here does.
class Declarations {
 public:
  // Registers function as name, with the options of Tables (a request may take several).
  template <const auto&... Tables, typename Function>
  void expose(const char* name, Function function, Returns returns = Returns::result) {
    emscripten::function(name, function);
    if constexpr (sizeof...(Tables) > 0)
      declare<Tables...>(name, returns, TakesText<Function>::value);
  }
  // Declares name's options (Tables), for a function or method registered otherwise.
  template <const auto&... Tables>
  void declare(const char* name, Returns returns = Returns::result, bool text = false) {
    described_.push_back(
        {name, &describe_tables<Tables...>, returns == Returns::options_and_result, text});
  }
  val to_js() const {
    val all = val::object();
    for (const Described& function : described_) {
      val entry = val::object();
      entry.set("options", function.options());
      entry.set("echo", function.echo);
      entry.set("text", function.text);
      all.set(function.name, entry);
    }
    return all;
  }

 private:
  struct Described {
    const char* name;
    val (*options)();
    bool echo;  // Returns::options_and_result
    bool text;  // the function takes a text first
  };

  template <const auto&... Tables>
  static val describe_tables() {
    val options = val::array();
    (describe_rows(options, kRows<Tables>), ...);
    return options;
  }
  template <const auto& Table>
  static constexpr auto kRows = row_infos(Table);

  std::vector<Described> described_;
};

}  // namespace marshal
