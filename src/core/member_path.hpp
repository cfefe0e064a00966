#pragma once
// Where a struct keeps a value, as declarations name it: a member, or a member of a member
// (object.*first.*second...). Option rows (core/options.hpp) and result fields (core/fields.hpp)
// carry such a path in their type, so reading or writing through one compiles to a plain access.
#include <type_traits>
#include <utility>

namespace pe {

// The class a member pointer belongs to.
template <typename Member>
struct MemberOf;
template <typename Class, typename T>
struct MemberOf<T Class::*> {
  using Owner = Class;
};

// object.*first.*second...
template <typename Object, auto... Path>
auto& at_path(Object& object) {
  return (object.*....*Path);
}

// The type of the value at the path.
template <typename Object, auto... Path>
using PathValue =
    std::remove_reference_t<decltype(at_path<Object, Path...>(std::declval<Object&>()))>;

}  // namespace pe
