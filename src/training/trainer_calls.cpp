#include "training/trainer_calls.hpp"

#include <limits>

namespace pe {

std::variant<StepRequest, InputError> parse_step_request(const RawStepRequest& raw) {
  StepRequest request;
  request.max_milliseconds = std::numeric_limits<double>::infinity();
  if (raw.steps) {
    if (auto error = check(kStepCount, *raw.steps)) return *error;
    request.steps = static_cast<int>(*raw.steps);
  }
  if (raw.max_ms) {
    if (auto error = check(kStepTime, *raw.max_ms)) return *error;
    request.max_milliseconds = *raw.max_ms;
    if (!raw.steps) request.steps = static_cast<int>(kMaxStepsPerCall);  // until the time is up
  }
  return request;
}

}  // namespace pe
