// Trainer options from any values, each option given or left to its default through its declared
// row: a rejected request names the option at fault; an accepted one reads back from its own
// values unchanged (the JSON tools print), and (kept small) builds a trainer whose
// steps, evaluation, attention and position table keep their promises: losses finite unless the
// run says it diverged, accuracies in [0, 1], attention rows that sum to 1.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/option_words.hpp"
#include "fuzz_input.hpp"
#include "training/trainer.hpp"
#include "training/trainer_request.hpp"

namespace {

std::vector<std::string> option_names() {
  std::vector<std::string> names;
  pe::for_each_option(pe::kTrainerOptions,
                      [&](const pe::OptionSpec& spec) { names.emplace_back(spec.name); });
  return names;
}

// Every name a message may start with: the options, and the two messages about several.
bool names_an_option(const std::string& message) {
  std::vector<std::string> starts = option_names();
  starts.insert(starts.end(), {"batchSize x trainingLength", "dModel / heads", "scaling", "slope"});
  return fuzz::names_a_parameter(message, starts);
}

// A value of the row's type: a number, a flag, or one of the option's names (or any text).
void fill(fuzz::FuzzInput& input, const pe::OptionSpec&, double& value) { value = input.number(); }
void fill(fuzz::FuzzInput& input, const pe::OptionSpec&, bool& value) { value = input.flag(); }
void fill(fuzz::FuzzInput& input, const pe::OptionSpec& spec, std::string& value) {
  std::vector<std::string> names;
  if (spec.choices)
    for (const pe::OptionChoice& choice : spec.choices()) names.emplace_back(choice.value);
  value = input.name(names);
}

// Each option given (from the input) or left out.
pe::RawTrainerRequest any_request(fuzz::FuzzInput& input) {
  pe::RawTrainerRequest raw;
  std::apply(
      [&](const auto&... row) {
        const auto give = [&](const auto& one) {
          using Row = std::decay_t<decltype(one)>;
          if (input.flag()) fill(input, *one.spec, Row::member(raw));
        };
        (give(row), ...);
      },
      pe::kTrainerOptions);
  return raw;
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
  const auto parsed = pe::parse_trainer_request(any_request(input));
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) {
    FUZZ_CHECK(names_an_option(error->message));
    return 0;
  }
  const pe::TrainerSetup& setup = std::get<pe::TrainerSetup>(parsed);
  // What the tools print reads back into the same request.
  const std::string json = pe::options_json(pe::kTrainerOptions, setup.request);
  pe::RawTrainerRequest again;
  pe::for_each_option(pe::kTrainerOptions, [&](const pe::OptionSpec& spec) {
    const std::string key = "\"" + std::string(spec.name) + "\": ";
    const std::size_t at = json.find(key) + key.size();
    std::string text = json.substr(at, json.find_first_of(",}", at) - at);
    if (text.front() == '"') text = text.substr(1, text.size() - 2);
    FUZZ_CHECK(!pe::set_option(pe::kTrainerOptions, again, spec.name, text));
  });
  FUZZ_CHECK(std::holds_alternative<pe::TrainerSetup>(pe::parse_trainer_request(again)));
  FUZZ_CHECK(pe::options_json(pe::kTrainerOptions, again) == json);
  const pe::ModelShape& shape = setup.shape;
  const long work =
      static_cast<long>(shape.layers) * shape.d_model * shape.d_model *
      (setup.options.batch_size * setup.options.training_length + setup.evaluation_length);
  if (work > 200'000) return 0;  // valid, but slow to fuzz
  check_trainer(setup);
  return 0;
}
