#pragma once
// A result's JS fields, declared beside its struct: each field's JS name and where the result
// keeps it (a member, a member of a member, or a member function that computes it). The wasm
// bindings write every declared result from these rows, so a new quantity is one row here:
//
//   constexpr auto fields_of(const RopeScores&) {
//     return std::tuple{field<&RopeScores::scores>("scores"),
//     field<&RopeScores::bounds>("bounds")};
//   }
//
// Vectors of numbers become typed arrays (plain arrays if the field says so), other vectors
// plain arrays, enums their names (name_of), nested declared results objects; group() makes a
// JS object of several fields of the same result ({ even: { binary, sinusoidal } }).
#include <tuple>
#include <type_traits>

namespace pe {

// When a field is written as null ("none") instead of its value.
enum class NullWhen { never, zero, negative };

template <typename Result, typename Get>
struct Field {
  const char* name;
  Get get;  // the value of the field in a result
  NullWhen null = NullWhen::never;
  bool plain = false;  // numbers as a plain array, not a typed one (so JS can freeze them)

  constexpr Field null_when(NullWhen when) const { return {name, get, when, plain}; }
  constexpr Field as_plain_array() const { return {name, get, null, true}; }
};

namespace detail {

template <typename Member>
struct FieldOwner;
template <typename Class, typename T>
struct FieldOwner<T Class::*> {
  using Type = Class;
};

// result.*first.*second...: a member, or a member of a member.
template <typename Result, auto... Path>
const auto& member_path(const Result& result) {
  return (result.*....*Path);
}

// (result.*function)(): a value the result computes.
template <typename Result, auto Function>
auto computed(const Result& result) {
  return (result.*Function)();
}

}  // namespace detail

// The field name of a result: field<&Result::member>("name"), field<&Result::a, &A::b>("name"),
// or field<&Result::function>("name") for a const member function without arguments.
template <auto First, auto... Rest>
constexpr auto field(const char* name) {
  using Result = typename detail::FieldOwner<decltype(First)>::Type;
  if constexpr (std::is_member_function_pointer_v<decltype(First)>) {
    static_assert(sizeof...(Rest) == 0, "a computed field is one member function");
    return Field<Result, decltype(&detail::computed<Result, First>)>{
        name, &detail::computed<Result, First>};
  } else {
    return Field<Result, decltype(&detail::member_path<Result, First, Rest...>)>{
        name, &detail::member_path<Result, First, Rest...>};
  }
}

// A JS object named name holding fields of the same result.
template <typename... Fields>
struct Group {
  const char* name;
  std::tuple<Fields...> fields;
};

template <typename... Fields>
constexpr Group<Fields...> group(const char* name, Fields... fields) {
  return {name, std::tuple<Fields...>{fields...}};
}

}  // namespace pe
