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

#include "core/member_path.hpp"

namespace pe {

// When a field is written as null ("none") instead of its value.
enum class NullWhen { never, zero, negative };

// A field of a result: its JS name and when it is null; where the result keeps it is the path
// of members (or the one member function) in the field's type, so reading it compiles to a
// plain access.
template <typename Result, auto First, auto... Rest>
struct Field {
  const char* name;
  NullWhen null = NullWhen::never;
  bool plain = false;  // numbers as a plain array, not a typed one (so JS can freeze them)

  // The value of the field in a result: a reference to a member, or what a function computes.
  static decltype(auto) get(const Result& result) {
    if constexpr (std::is_member_function_pointer_v<decltype(First)>)
      return (result.*First)();
    else
      return at_path<const Result, First, Rest...>(result);
  }

  constexpr Field null_when(NullWhen when) const { return {name, when, plain}; }
  constexpr Field as_plain_array() const { return {name, null, true}; }
};

// The field name of a result: field<&Result::member>("name"), field<&Result::a, &A::b>("name"),
// or field<&Result::function>("name") for a const member function without arguments.
template <auto First, auto... Rest>
constexpr auto field(const char* name) {
  using Result = typename MemberOf<decltype(First)>::Owner;
  static_assert(!std::is_member_function_pointer_v<decltype(First)> || sizeof...(Rest) == 0,
                "a computed field is one member function");
  return Field<Result, First, Rest...>{name};
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
