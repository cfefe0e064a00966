#include "positions/position_scheme.hpp"

#include <string>

namespace pe {

std::string_view name_of(Stage stage) {
  switch (stage) {
    case Stage::input:
      return "input";
    case Stage::query_key:
      return "queryKey";
    case Stage::scores:
      return "scores";
    case Stage::none:
      break;
  }
  return "none";
}

std::string_view where_it_acts(Stage stage) {
  switch (stage) {
    case Stage::input:
      return "adds a vector to the input";
    case Stage::query_key:
      return "rotates queries and keys";
    case Stage::scores:
      return "biases the attention scores";
    case Stage::none:
      break;
  }
  return "adds no positions";
}

std::optional<InputError> check_scheme_dim(const PositionScheme& scheme, int dim) {
  if (scheme.even_dim_reason.empty() || dim % 2 == 0) return std::nullopt;
  return range_error(
      "dim",
      "even for " + std::string(scheme.name) + " (" + std::string(scheme.even_dim_reason) + ")",
      dim);
}

}  // namespace pe
