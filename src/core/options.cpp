#include "core/options.hpp"

#include <cmath>

namespace pe {

namespace {

// A bound of an integer limit, written whole: 9007199254740992, never 9.00719925474099e+15.
std::string whole(double bound) { return std::to_string(static_cast<long long>(bound)); }

}  // namespace

bool allows(const OptionSpec& option, double value) {
  const Limit& limit = option.limit;
  switch (limit.rule) {
    case Limit::Rule::integer:
      return is_integer_in(value, limit.low, limit.high);
    case Limit::Rule::even_integer:
      return is_integer_in(value, limit.low, limit.high) && std::fmod(value, 2) == 0;
    case Limit::Rule::number_in:
      return value >= limit.low && value <= limit.high;
    case Limit::Rule::finite_above:
      return std::isfinite(value) && value > limit.low;
    case Limit::Rule::above_at_most:
      return value > limit.low && value <= limit.high;
    case Limit::Rule::at_least_below:
      return value >= limit.low && value < limit.high;
    case Limit::Rule::any:
    case Limit::Rule::choice:
    case Limit::Rule::stated:
      break;
  }
  return true;
}

std::string quoted_choices(const OptionSpec& option) {
  std::vector<std::string> quoted;
  for (const OptionChoice& choice : option.choices())
    quoted.push_back("\"" + std::string(choice.value) + "\"");
  return join(quoted, " or ");
}

std::string allowed(const OptionSpec& option) {
  const Limit& limit = option.limit;
  switch (limit.rule) {
    case Limit::Rule::integer:
      return "an integer from " + whole(limit.low) + " to " + whole(limit.high) + limit.note;
    case Limit::Rule::even_integer:
      return "an even integer from " + whole(limit.low) + " to " + whole(limit.high) + limit.note;
    case Limit::Rule::number_in:
      return "a number from " + describe_number(limit.low) + " to " + describe_number(limit.high);
    case Limit::Rule::finite_above:
      return "a finite number greater than " + describe_number(limit.low);
    case Limit::Rule::above_at_most:
      return "a number greater than " + describe_number(limit.low) + " and at most " +
             describe_number(limit.high);
    case Limit::Rule::at_least_below:
      return "a number at least " + describe_number(limit.low) + " and less than " +
             describe_number(limit.high);
    case Limit::Rule::choice:
      return quoted_choices(option);
    case Limit::Rule::stated:
      return limit.note;
    case Limit::Rule::any:
      break;
  }
  return "";
}

std::optional<InputError> check(const OptionSpec& option, double value) {
  if (allows(option, value)) return std::nullopt;
  return range_error(option.name, allowed(option), value);
}

std::variant<std::size_t, InputError> check_choice(const OptionSpec& option,
                                                   const std::string& value, std::size_t shown) {
  const std::vector<OptionChoice> choices = option.choices();
  for (std::size_t c = 0; c < choices.size(); ++c)
    if (choices[c].value == value) return c;
  return InputError{ErrorKind::type, std::string(option.name) + " must be " +
                                         quoted_choices(option) + "; received \"" +
                                         value.substr(0, shown) + "\""};
}

}  // namespace pe
