// Trainer options from any names, types and values: a rejected set names the option at fault; an
// accepted one reads back from its own values unchanged, and (kept small) builds a trainer whose
// steps, evaluation, attention and position table keep their promises: losses finite unless the
// run says it diverged, accuracies in [0, 1], attention rows that sum to 1.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "fuzz_input.hpp"
#include "training/trainer.hpp"

namespace {

std::vector<std::string> option_names() {
  std::vector<std::string> names;
  for (const auto& row : pe::trainer_option_declarations()) names.emplace_back(row.name);
  return names;
}

// Every name a message may start with: the options, and the two messages about several.
bool names_an_option(const std::string& message) {
  std::vector<std::string> starts = option_names();
  starts.insert(starts.end(), {"unknown option", "batchSize x trainingLength", "dModel / heads"});
  return fuzz::names_a_parameter(message, starts);
}

pe::OptionValue any_value(fuzz::FuzzInput& input) {
  switch (input.byte() % 4) {
    case 0:
      return input.flag();
    case 1:
      return input.name({"kback", "first", "max", "seen", "reverse", "rope", "alibi", "learned",
                         "binary", "rms", "layer", "interleaved", "half", "split"});
    default:
      return input.number();
  }
}

void check_trainer(const pe::TrainerSetup& setup) {
  pe::Trainer trainer(setup);
  const pe::StepReport report = trainer.step(2);
  const pe::TrainerState state = trainer.state();
  FUZZ_CHECK(static_cast<int>(report.losses.size()) == state.step);
  for (const float loss : report.losses) FUZZ_CHECK(std::isfinite(loss) && loss >= 0);
  FUZZ_CHECK(state.diverged_at == 0 || state.finished);
  const int longest = std::min(setup.evaluation_length, 40);
  const auto evaluation = trainer.evaluate({{1.0, static_cast<double>(longest)}, 2});
  for (const pe::LengthResult& r : std::get<pe::Evaluation>(evaluation).by_length)
    FUZZ_CHECK(std::isnan(r.token_accuracy) || (r.token_accuracy >= 0 && r.token_accuracy <= 1));
  const auto map = trainer.attention({static_cast<double>(longest), 1, 0, 0});
  const auto& weights = std::get<pe::AttentionMap>(map).weights;
  for (int i = 0; i < longest && state.diverged_at == 0; ++i) {
    double total = 0;
    for (int j = 0; j < longest; ++j) total += weights[i * longest + j];
    FUZZ_CHECK(std::abs(total - 1) < 1e-3);
  }
  const pe::PositionTable table = trainer.position_table();
  FUZZ_CHECK(table.values.size() == static_cast<std::size_t>(table.rows) * table.dim);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::FuzzInput input(data, size);
  pe::OptionBag bag;
  for (int count = input.byte() % 8; count > 0; --count) {
    const std::string name = input.name(option_names());
    bag[name] = any_value(input);
  }
  const auto parsed = pe::parse_trainer_options(bag);
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) {
    FUZZ_CHECK(names_an_option(error->message));
    return 0;
  }
  const pe::TrainerSetup& setup = std::get<pe::TrainerSetup>(parsed);
  const auto again = pe::parse_trainer_options(
      pe::option_values(pe::trainer_option_declarations(), setup.options));
  FUZZ_CHECK(std::holds_alternative<pe::TrainerSetup>(again));
  FUZZ_CHECK(pe::option_values(pe::trainer_option_declarations(),
                               std::get<pe::TrainerSetup>(again).options) ==
             pe::option_values(pe::trainer_option_declarations(), setup.options));
  const pe::ModelShape& shape = setup.shape;
  const long work =
      static_cast<long>(shape.layers) * shape.d_model * shape.d_model *
      (setup.options.batch_size * setup.options.training_length + setup.evaluation_length);
  if (work > 200'000) return 0;  // valid, but slow to fuzz
  check_trainer(setup);
  return 0;
}
