#pragma once
// The generic half of the Embind surface, shared by every WebAssembly module built from these
// sources: a declared request read from a JS options object, a declared result written as a JS
// object, an error as { error, message } (pe.js throws it as a TypeError or a RangeError), JS
// typed arrays as the core's caller tables, and the declarations themselves described for pe.js.
// A module's bindings file then only says which core function each JS function calls.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "core/caller_table.hpp"
#include "core/fields.hpp"
#include "core/input_error.hpp"
#include "core/options.hpp"

namespace marshal {

using emscripten::val;

// --- JS typed arrays, written and read one bulk copy at a time: results are JS-owned (callers
// never .delete() them, and they stay valid when wasm memory grows, where a bare
// typed_memory_view would go dead), and large tables stream through wasm a block at a time.

template <typename T>
const char* typed_array_name() {
  if constexpr (std::is_same_v<T, float>) return "Float32Array";
  if constexpr (std::is_same_v<T, double>) return "Float64Array";
  if constexpr (std::is_same_v<T, std::uint8_t>) return "Uint8Array";
  if constexpr (std::is_same_v<T, std::uint32_t>) return "Uint32Array";
  if constexpr (std::is_same_v<T, int>) return "Int32Array";
}

template <typename T>
void write_to_js(const val& array, std::int64_t first, const T* values, std::int64_t count) {
  array.call<void>("set", val(emscripten::typed_memory_view(count, values)),
                   static_cast<double>(first));
}

// A new JS typed array of count values, as a table the core writes.
template <typename T>
class JsArray : public pe::TableSink<T> {
 public:
  explicit JsArray(std::int64_t count)
      : array_(val::global(typed_array_name<T>()).new_(static_cast<double>(count))) {}
  void write(std::int64_t first, const T* values, std::int64_t count) override {
    write_to_js(array_, first, values, count);
  }
  const val& array() const { return array_; }

 private:
  val array_;
};

// A JS Float32Array the core reads (a caller's table) or writes and reads back (a run's weights).
class JsFloats final : public pe::TableStore {
 public:
  explicit JsFloats(val array) : array_(std::move(array)) {}
  explicit JsFloats(std::int64_t count)
      : JsFloats(val::global("Float32Array").new_(double(count))) {}
  std::int64_t size() const override {
    return static_cast<std::int64_t>(array_["length"].as<double>());
  }
  void read(std::int64_t first, std::int64_t count, float* out) const override {
    val(emscripten::typed_memory_view(count, out))
        .call<void>("set", array_.call<val>("subarray", double(first), double(first + count)));
  }
  void write(std::int64_t first, const float* values, std::int64_t count) override {
    write_to_js(array_, first, values, count);
  }
  const val& array() const { return array_; }

 private:
  val array_;
};

// Whether T is an object-valued option with its own declaration (options_of), or a vector.
template <typename T, typename = void>
struct HasOptions : std::false_type {};
template <typename T>
struct HasOptions<T, std::void_t<decltype(options_of(std::declval<const T&>()))>> : std::true_type {
};
template <typename T, typename = void>
struct HasFields : std::false_type {};
template <typename T>
struct HasFields<T, std::void_t<decltype(fields_of(std::declval<const T&>()))>> : std::true_type {};
template <typename T>
struct IsVector : std::false_type {};
template <typename T>
struct IsVector<std::vector<T>> : std::true_type {};

// --- Requests: each declared option that is given (not undefined or null) read into its place
// in the raw request; the rest keep the raw request's defaults, which are the declared ones.

inline void read_value(const val& value, double& out) { out = value.as<double>(); }
inline void read_value(const val& value, std::optional<double>& out) { out = value.as<double>(); }
inline void read_value(const val& value, bool& out) { out = value.as<bool>(); }
inline void read_value(const val& value, std::string& out) { out = value.as<std::string>(); }
inline void read_value(const val& value, std::vector<double>& out) {
  out = emscripten::convertJSArrayToNumberVector<double>(value);
}
inline void read_value(const val& value, std::vector<std::string>& out) {
  out = emscripten::vecFromJSArray<std::string>(value);
}
inline void read_value(const val& value, pe::CallerTable& out) {
  out = pe::CallerTable(std::make_shared<JsFloats>(value));
}

template <typename Table, typename... More>
pe::RawOf<Table> read(const val& options, const Table& table, const More&... more);

// An object-valued option (RoPE's scaling), read by its own declaration.
template <typename Nested, typename = std::enable_if_t<HasOptions<Nested>::value>>
void read_value(const val& value, Nested& out) {
  out = read(value, options_of(out));
}
template <typename Nested, typename = std::enable_if_t<HasOptions<Nested>::value>>
void read_value(const val& value, std::optional<Nested>& out) {
  out = read(value, options_of(Nested{}));
}

// options[name] read into out when it is given (not undefined or null). One function per type
// of value, not per option, so each row's reading is a call (the module's size).
template <typename T>
[[gnu::noinline]] void read_named(const val& options, const char* name, T& out) {
  const val value = options[name];
  if (!value.isUndefined() && !value.isNull()) read_value(value, out);
}

template <typename Raw, typename T, auto... Path>
void read_row(const val& options, const pe::Option<Raw, T, Path...>& row, Raw& raw) {
  if constexpr (pe::Option<Raw, T, Path...>::kReadByCore)  // else pe.js reads it
    read_named(options, row.spec->name, pe::Option<Raw, T, Path...>::member(raw));
}

// The raw request of table's type from options, read through every table given (a request may
// take options beyond the API's declared ones, such as the tokens pe.js split).
template <typename Table, typename... More>
pe::RawOf<Table> read(const val& options, const Table& table, const More&... more) {
  pe::RawOf<Table> raw;
  const auto read_table = [&](const auto& rows) {
    std::apply([&](const auto&... row) { (read_row(options, row, raw), ...); }, rows);
  };
  read_table(table);
  (read_table(more), ...);
  return raw;
}

// --- Results: numbers, names, typed arrays, and declared results as objects of their fields.
// (A module adds conversions of its own types as overloads of to_js in the types' namespace.)

inline val to_js(const val& value) { return value; }
inline val to_js(bool value) { return val(value); }
inline val to_js(const char* text) { return val(std::string(text)); }
inline val to_js(std::string_view text) { return val(std::string(text)); }
inline val to_js(const std::string& text) { return val(text); }
template <typename T, typename = std::enable_if_t<std::is_arithmetic_v<T>>>
val to_js(T number) {
  return val(static_cast<double>(number));
}
template <typename E>
auto to_js(E value) -> std::enable_if_t<std::is_enum_v<E>, val>;
template <typename T>
val to_js(const std::optional<T>& value);
template <typename T>
val to_js(const std::vector<T>& values, bool plain = false);
template <typename T>
val to_js(const std::vector<std::vector<T>>& values, bool plain = false);
template <typename Result, typename = std::enable_if_t<HasFields<Result>::value>>
val to_js(const Result& result);

template <typename E>
auto to_js(E value) -> std::enable_if_t<std::is_enum_v<E>, val> {
  return to_js(name_of(value));
}

template <typename T>
val to_js(const std::optional<T>& value) {
  return value ? to_js(*value) : val::null();
}

// Numbers as a typed array (one bulk copy), unless plain (JS can freeze a plain array); anything
// else as a plain array.
template <typename T>
val to_js(const std::vector<T>& values, bool plain) {
  if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) {
    if (!plain)
      return val(emscripten::typed_memory_view(values.size(), values.data())).call<val>("slice");
  }
  val array = val::array();
  for (const T& value : values) array.call<void>("push", to_js(value));
  return array;
}

template <typename T>
val to_js(const std::vector<std::vector<T>>& values, bool plain) {
  val array = val::array();
  for (const std::vector<T>& inner : values) array.call<void>("push", to_js(inner, plain));
  return array;
}

template <typename T>
bool is_null(const T& value, pe::NullWhen when) {
  if constexpr (std::is_arithmetic_v<T>) {
    return (when == pe::NullWhen::zero && value == 0) ||
           (when == pe::NullWhen::negative && value < 0);
  }
  return false;
}

// object[name] = value, or null where the field says so. One function per type of value, not
// per field, so each field's writing is a call (the module's size).
template <typename T>
[[gnu::noinline]] void write_named(val& object, const char* name, const T& value, pe::NullWhen null,
                                   bool plain) {
  if (is_null(value, null)) {
    object.set(name, val::null());
  } else if constexpr (IsVector<T>::value) {
    object.set(name, to_js(value, plain));
  } else {
    object.set(name, to_js(value));
  }
}

template <typename Result, auto... Path>
void put(val& object, const Result& result, const pe::Field<Result, Path...>& field) {
  const auto& value = pe::Field<Result, Path...>::get(result);
  write_named(object, field.name, value, field.null, field.plain);
}

template <typename Result, typename... Fields>
void put(val& object, const Result& result, const pe::Group<Fields...>& group) {
  val inner = val::object();
  std::apply([&](const auto&... field) { (put(inner, result, field), ...); }, group.fields);
  object.set(group.name, inner);
}

template <typename Result, typename>
val to_js(const Result& result) {
  val object = val::object();
  std::apply([&](const auto&... field) { (put(object, result, field), ...); }, fields_of(result));
  return object;
}

// --- The one unwrap: an error becomes { error, message }, anything else its JS value.

inline val error_to_js(const pe::InputError& error) {
  val result = val::object();
  result.set("error", error.kind == pe::ErrorKind::type ? "TypeError" : "RangeError");
  result.set("message", error.message);
  return result;
}

// What a computation gives: a value, or (Outcome) an error it found reading a caller's table.
using Outcome = std::variant<val, pe::InputError>;
template <typename T>
val respond(const T& result) {
  if constexpr (std::is_same_v<T, Outcome>) {
    if (const auto* error = std::get_if<pe::InputError>(&result)) return error_to_js(*error);
    return std::get<val>(result);
  } else {
    return to_js(result);
  }
}

// parsed: a request or its error; compute(request) runs only on a request.
template <typename Request, typename Compute>
val answer(std::variant<Request, pe::InputError> parsed, Compute&& compute) {
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) return error_to_js(*error);
  return respond(compute(std::get<Request>(parsed)));
}

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
  } else {
    static_assert(HasOptions<T>::value, "an option is a number, flag, name, table or object");
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

// What an option is whatever its type: its name, JS type, default (or required or optional),
// the values it allows, its doc and its choices; an object's own options and what one looks like.
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
