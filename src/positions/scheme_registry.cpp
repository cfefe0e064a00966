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

std::vector<OptionChoice> choices_where(bool input_only) {
  std::vector<OptionChoice> choices;
  for (const PositionScheme* scheme : position_schemes())
    if (!input_only || scheme->stage == Stage::input)
      choices.push_back({scheme->name, scheme->label});
  return choices;
}

const PositionScheme* find_scheme(const std::string& name) {
  for (const PositionScheme* scheme : position_schemes())
    if (scheme->name == name) return scheme;
  return nullptr;
}

}  // namespace

std::vector<OptionChoice> scheme_choices() { return choices_where(false); }
std::vector<OptionChoice> input_scheme_choices() { return choices_where(true); }

std::variant<const PositionScheme*, InputError> parse_scheme(const std::string& name) {
  const auto found = check_choice(kScheme, name);
  if (const auto* error = std::get_if<InputError>(&found)) return *error;
  return position_schemes()[std::get<std::size_t>(found)];
}

std::variant<const PositionScheme*, InputError> parse_input_scheme(const std::string& name) {
  const PositionScheme* scheme = find_scheme(name);
  if (scheme && scheme->stage == Stage::input) return scheme;
  if (scheme)
    return InputError{ErrorKind::type, std::string(kInputScheme.name) + " \"" + name + "\" " +
                                           std::string(where_it_acts(scheme->stage)) +
                                           " and has no table to add to the input; " +
                                           kInputScheme.name + " must be " +
                                           quoted_choices(kInputScheme)};
  const auto found = check_choice(kInputScheme, name);
  return std::get<InputError>(found);
}

}  // namespace pe
