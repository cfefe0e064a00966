// Learned absolute positions (GPT-2's wpe): one row of dim numbers per position, added to the
// input like the fixed tables, but the model's own parameters, trained with the rest. Untrained,
// as here, the rows are random: each value N(0, 0.02^2), GPT-2's initialisation and the scale of
// the analysis head's token embeddings. Only a trainer (training/) makes them mean anything, and
// only the rows of positions it trained on.
#include "core/random.hpp"
#include "positions/position_scheme.hpp"

namespace pe {

namespace {

constexpr double kUntrainedStd = 0.02;

// Position p's row comes from its own stream, so any window of positions reads the same rows.
void add_random_rows(const SchemeOptions& options, std::int64_t start, std::int64_t count, int dim,
                     float* out) {
  const std::uint64_t table = SplitMix64(options.table_seed).next();
  for (std::int64_t r = 0; r < count; ++r) {
    NormalGenerator random(table + static_cast<std::uint64_t>(start + r));
    for (int i = 0; i < dim; ++i)
      out[r * dim + i] = static_cast<float>(kUntrainedStd * random.next());
  }
}

}  // namespace

extern const PositionScheme kLearnedScheme;
const PositionScheme kLearnedScheme{"learned",        "learned (GPT-2)", Stage::input, {},  "",
                                    &add_random_rows, nullptr,           nullptr,      true};

}  // namespace pe
