// Rotary position embedding (RoFormer): each pair of a query's and a key's components turns by
// position * theta_k, so q.k depends only on how far apart the two tokens are. The input and the
// values are left alone.
#include "core/rope_scaling.hpp"
#include "core/rotary.hpp"
#include "positions/position_scheme.hpp"

namespace pe {

namespace {

void rotate_by_position(const SchemeOptions& options, std::int64_t start, std::int64_t count,
                        int dim, float* rows, std::int64_t stride) {
  const ScaledFrequencies theta = rope_frequencies(dim, options.base, options.scaling);
  rotate_rows(theta.frequencies, options.pairing, start, count, dim, rows, stride);
}

}  // namespace

extern const PositionScheme kRopeScheme;
const PositionScheme kRopeScheme{"rope",
                                 "RoPE (rotary)",
                                 Stage::query_key,
                                 {&kBase, &kPairing, &kScaling},
                                 "one rotated pair per frequency",
                                 nullptr,
                                 &rotate_by_position,
                                 nullptr,
                                 false};

}  // namespace pe
