#pragma once
// Reading what a request parser returned (a value or an InputError) in a Boost.Test case: the
// value, failing the test on an error, or the error, checked for its kind and exact message.
#include <boost/test/unit_test.hpp>
#include <string>
#include <variant>

#include "core/input_error.hpp"

namespace test_support {

template <typename T>
T value_of(const std::variant<T, pe::InputError>& parsed) {
  if (const auto* error = std::get_if<pe::InputError>(&parsed))
    BOOST_FAIL("unexpected error: " + error->message);
  return std::get<T>(parsed);
}

template <typename T>
void check_error(const std::variant<T, pe::InputError>& parsed, pe::ErrorKind kind,
                 const std::string& message) {
  BOOST_TEST_REQUIRE(std::holds_alternative<pe::InputError>(parsed));
  const auto& error = std::get<pe::InputError>(parsed);
  BOOST_TEST((error.kind == kind));
  BOOST_TEST(error.message == message);
}

}  // namespace test_support
