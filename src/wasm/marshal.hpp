#pragma once
// The generic half of the Embind surface, shared by every WebAssembly module built from these
// sources: a declared request read from a JS options object, a declared result written as a JS
// object, and an error as { error, message } (pe.js throws it as a TypeError or a RangeError).
// With js_arrays.hpp (JS typed arrays as the core's caller tables) and declarations.hpp (the
// declarations described for pe.js), a module's bindings file only says which core function each
// JS function calls.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <initializer_list>
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
#include "js_arrays.hpp"

namespace marshal {

using emscripten::val;

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

// { name: value, ... }: a result the bindings assemble from arrays they streamed into.
inline val object_of(std::initializer_list<std::pair<const char*, val>> fields) {
  val object = val::object();
  for (const auto& [name, value] : fields) object.set(name, value);
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

}  // namespace marshal
