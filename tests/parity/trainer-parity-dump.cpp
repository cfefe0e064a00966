// For the PyTorch parity test (trainer-parity.py): builds a trainer from --name value options,
// runs --steps steps and prints, as JSON, everything PyTorch needs to run the same model: the
// options, the parameter layout, the initial weights, each step's batch with the core's loss, and
// the final weights. Floats are printed with 9 significant digits, which read back exactly.
// --list-schemes prints the registry's scheme names instead, so the test covers every scheme.
#include <cstdio>
#include <string>
#include <vector>

#include "core/option_words.hpp"
#include "positions/scheme_registry.hpp"
#include "training/trainer.hpp"

namespace {

void print_floats(const char* name, const float* values, std::size_t count) {
  std::printf("\"%s\": [", name);
  for (std::size_t i = 0; i < count; ++i) std::printf(i ? ",%.9g" : "%.9g", values[i]);
  std::printf("]");
}

void print_ints(const char* name, const int* values, int count) {
  std::printf("\"%s\": [", name);
  for (int i = 0; i < count; ++i) std::printf(i ? ",%d" : "%d", values[i]);
  std::printf("]");
}

void print_layout(const pe::ParameterLayout& layout) {
  std::printf("\"tensors\": [");
  for (std::size_t t = 0; t < layout.tensors.size(); ++t) {
    const pe::TensorSlot& slot = layout.tensors[t];
    std::printf(
        "%s{\"name\": \"%s\", \"offset\": %zu, \"rows\": %d, \"cols\": %d, \"decayed\": %s}",
        t ? ", " : "", slot.name.c_str(), slot.offset, slot.rows, slot.cols,
        slot.offset < layout.decayed ? "true" : "false");
  }
  std::printf("],\n");
}

void print_step(pe::Trainer& trainer) {
  const pe::StepReport report = trainer.step(1);
  const pe::Batch& batch = trainer.last_batch();
  std::vector<int> lengths;
  for (int b = 0; b < batch.sequences(); ++b) lengths.push_back(batch.length(b));
  std::printf("{\"loss\": %.9g, ", report.losses.empty() ? 0.0 : report.losses.front());
  print_ints("lengths", lengths.data(), batch.sequences());
  std::printf(", ");
  print_ints("tokens", batch.token_ids(), batch.tokens());
  std::printf(", ");
  print_ints("labels", batch.labels(), batch.tokens());
  std::printf("}");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && std::string(argv[1]) == "--list-schemes") {  // the registry, one per line
    for (const pe::PositionScheme* scheme : pe::position_schemes())
      std::printf("%s\n", std::string(scheme->name).c_str());
    return 0;
  }
  const auto words =
      pe::options_from_words(pe::kTrainerOptions, std::vector<std::string>(argv + 1, argv + argc));
  if (const auto* error = std::get_if<std::string>(&words)) {
    std::fprintf(stderr, "trainer-parity-dump: %s\n", error->c_str());
    return 2;
  }
  auto parsed = pe::parse_trainer_request(std::get<pe::RawTrainerRequest>(words));
  if (auto* error = std::get_if<pe::InputError>(&parsed)) {
    std::fprintf(stderr, "trainer-parity-dump: %s\n", error->message.c_str());
    return 2;
  }
  pe::Trainer trainer(std::get<pe::TrainerSetup>(parsed));
  std::printf("{\"options\": %s,\n",
              pe::options_json(pe::kTrainerOptions, trainer.setup().request).c_str());
  print_layout(trainer.layout());
  print_floats("initial", trainer.parameters().data(), trainer.parameters().size());
  std::printf(",\n\"steps\": [");
  for (int s = 0; s < trainer.setup().options.steps; ++s) {
    if (s) std::printf(",\n");
    print_step(trainer);
  }
  std::printf("],\n");
  print_floats("final", trainer.parameters().data(), trainer.parameters().size());
  std::printf("}\n");
  return 0;
}
