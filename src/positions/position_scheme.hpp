#pragma once
// A position scheme: how a model is told where each token is. Schemes differ in *where* in the
// attention head they act, which is what the sentence view teaches:
//   input      a vector P[p] is added to the token embedding of position p (integer, binary,
//              sinusoidal); queries, keys and values all inherit it
//   query_key  queries and keys are rotated by their position (RoPE); inputs and values are
//              left alone
//   scores     a bias that depends on the distance i - j is added to the attention scores (ALiBi)
// The same definitions serve the trainer (training/position_terms.hpp), which reads each hook once
// per trainer into a table and runs its forward and backward from that table:
//   input      P is a constant added to the input (its gradient stops there), unless the scheme
//              is learned: then encode gives the table's untrained start and the trainer trains it
//   query_key  the rotation is a 2 x 2 map per channel pair and position; backward applies its
//              transpose (RoPE: the opposite angle)
//   scores     the bias is a constant: backward passes the scores' gradient through unchanged
// Each scheme is one source file (<name>_scheme.cpp) plus one row of scheme_registry.cpp; every
// list of names, every message and every selector on the page is read from that registry.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/encoding_options.hpp"
#include "core/input_error.hpp"
#include "core/rope_scaling.hpp"
#include "core/rotary.hpp"
#include "core/sinusoidal_encoding.hpp"

namespace pe {

enum class Stage { none, input, query_key, scores };

// The JS name of a stage, as pe.schemes reports it: "none", "input", "queryKey", "scores".
std::string_view name_of(Stage stage);

// What a scheme of the stage does, in the words the page's scheme choice and the messages use:
// "adds no positions", "adds a vector to the input", "rotates queries and keys", "biases the
// attention scores".
std::string_view where_it_acts(Stage stage);

// Every scheme option, parsed (positions/scheme_options.hpp); a scheme reads the ones it lists.
struct SchemeOptions {
  double base = kBase.number();  // sinusoidal, rope: w_k = base^(-2k/dim)
  SinusoidLayout layout = SinusoidLayout::interleaved;
  RopePairing pairing = RopePairing::interleaved;
  RopeScaling scaling;             // rope: long-context frequency scaling (none by default)
  double slope = kSlope.number();  // alibi: the bias is -slope * |i - j|
  // learned: which random table stands for the untrained one. Not a caller option: the analysis
  // head keeps 0, a trainer takes it from its own seed.
  std::uint64_t table_seed = 0;
};

struct PositionScheme {
  std::string_view name;   // the JS name, e.g. "rope"
  std::string_view label;  // for selectors, e.g. "RoPE (rotary)"
  Stage stage;
  std::vector<const OptionSpec*> options;  // those it reads (core/encoding_options.hpp)
  // Why dim must be even ("one sin/cos pair per frequency"); empty when any dim works.
  std::string_view even_dim_reason;

  // The hook of the scheme's stage; the other two are null.
  // input: writes P, (count, dim) row-major: out[r * dim + i] is dimension i of position start + r.
  void (*encode)(const SchemeOptions& options, std::int64_t start, std::int64_t count, int dim,
                 float* out);
  // query_key: rotates, in place, count rows of dim values (row r at rows + r * stride) as
  // positions start + r. It acts on the channel pairs of options.pairing (core/rotary.hpp), each
  // pair on its own, which is what lets the trainer tabulate it as a 2 x 2 map per pair.
  void (*rotate)(const SchemeOptions& options, std::int64_t start, std::int64_t count, int dim,
                 float* rows, std::int64_t stride);
  // scores: adds the bias to one query's scores against keys at positions first_key, first_key + 1,
  // ..., first_key + keys - 1; the query sits at position query.
  void (*add_bias)(const SchemeOptions& options, std::int64_t query, std::int64_t first_key,
                   int keys, float* scores);

  // input only: the table is the model's own parameter (GPT-2's learned positions). encode gives
  // it as it is before training, random: untrained everywhere but in a trainer.
  bool learned;
};

// The error for a dim the scheme cannot use (odd, where pairs of dimensions turn together):
// "dim must be even for sinusoidal (one sin/cos pair per frequency); received 7".
std::optional<InputError> check_scheme_dim(const PositionScheme& scheme, int dim);

}  // namespace pe
