// No positions at all: what attention sees when nothing says where a token is.
#include "positions/position_scheme.hpp"

namespace pe {

extern const PositionScheme kNoneScheme;
const PositionScheme kNoneScheme{
    "none", "none (no positions)", Stage::none, {}, "", nullptr, nullptr, nullptr, false};

}  // namespace pe
