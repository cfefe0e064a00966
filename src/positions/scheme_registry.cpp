#include "positions/scheme_registry.hpp"

namespace pe {

// Each defined in its own <name>_scheme.cpp. A new scheme: its file, then one line here and one
// entry below.
extern const PositionScheme kNoneScheme;
extern const PositionScheme kIntegerScheme;
extern const PositionScheme kBinaryScheme;
extern const PositionScheme kSinusoidalScheme;
extern const PositionScheme kRopeScheme;
extern const PositionScheme kAlibiScheme;
extern const PositionScheme kLearnedScheme;

const std::vector<const PositionScheme*>& position_schemes() {
  static const std::vector<const PositionScheme*> schemes{
      &kNoneScheme, &kIntegerScheme, &kBinaryScheme, &kSinusoidalScheme,
      &kRopeScheme, &kAlibiScheme,   &kLearnedScheme};
  return schemes;
}

const PositionScheme& no_positions() { return kNoneScheme; }

namespace {

// "\"a\", \"b\" or \"c\"" for the schemes that pass keep().
template <typename Keep>
std::string quoted_names(Keep keep) {
  std::vector<std::string> names;
  for (const PositionScheme* scheme : position_schemes())
    if (keep(*scheme)) names.push_back("\"" + std::string(scheme->name) + "\"");
  return join(names, " or ");
}

const PositionScheme* find_scheme(const std::string& kind) {
  for (const PositionScheme* scheme : position_schemes())
    if (scheme->name == kind) return scheme;
  return nullptr;
}

std::string where_it_acts(Stage stage) {
  switch (stage) {
    case Stage::query_key:
      return "rotates queries and keys";
    case Stage::scores:
      return "biases the attention scores";
    case Stage::none:
    case Stage::input:
      break;
  }
  return "adds no positions";
}

}  // namespace

std::variant<const PositionScheme*, InputError> parse_scheme(const std::string& kind) {
  if (const PositionScheme* scheme = find_scheme(kind)) return scheme;
  return InputError{ErrorKind::type, "kind must be " +
                                         quoted_names([](const PositionScheme&) { return true; }) +
                                         "; received \"" + kind + "\""};
}

std::variant<const PositionScheme*, InputError> parse_input_scheme(const std::string& kind) {
  const PositionScheme* scheme = find_scheme(kind);
  if (scheme && scheme->stage == Stage::input) return scheme;
  const std::string allowed =
      quoted_names([](const PositionScheme& s) { return s.stage == Stage::input; });
  if (scheme)
    return InputError{ErrorKind::type, "kind \"" + kind + "\" " + where_it_acts(scheme->stage) +
                                           " and has no table to add to the input; kind must be " +
                                           allowed};
  return InputError{ErrorKind::type, "kind must be " + allowed + "; received \"" + kind + "\""};
}

}  // namespace pe
