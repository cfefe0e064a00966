#pragma once
// The sentence analysis: why a transformer needs positions, and where each position scheme
// enters. A sentence becomes tokens and token embeddings; one attention head then runs twice, on
// the token embeddings alone and with the requested scheme acting at its stage, keeping every
// stage, so a reader can see at which stage two copies of a word come apart.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "analysis/analysis_request.hpp"
#include "analysis/attention.hpp"
#include "core/caller_table.hpp"
#include "core/fields.hpp"

namespace pe {

// Copies of one word are compared pairwise among its first 16 copies (120 pairs), which bounds a
// text of n tokens to n * 15 / 2 pairs (15,360 at the 2048-token limit) where comparing every
// copy could take two million. The sentence view shows 4 copies of each word.
constexpr int kMaxComparedCopies = 16;

// Two rows compared (analysis/vector_geometry.hpp). identical: their distance is at most what
// float32 rounding can have put between two rows equal in exact arithmetic. Rows computed by the
// same operations in the same order (inputs, queries, keys, weights, and outputs without the
// mask) are then bit-equal, so any difference is real; outputs under the causal mask are sums
// over prefixes of different lengths, and may differ by up to the sum of their
// HeadStages::output_rounding bounds (analysis/attention.hpp).
struct RowComparison {
  double distance = 0;    // L2
  double cosine = 0;      // cosine similarity
  double rounding = 0;    // the allowance for float32 rounding (0: compared exactly)
  bool identical = true;  // distance <= rounding
};

// One stage of two copies, in the run without positions and in the run with them.
struct StageComparison {
  RowComparison without_pe;
  RowComparison with_pe;
};

// The first stage of the run with positions at which two copies differ, in pipeline order:
// input (an input scheme), query_key (RoPE), weights (ALiBi, or a causal mask), output (only the
// attention outputs differ), none (identical all the way through).
enum class Divergence { input, query_key, weights, output, none };

// Its JS name: "input", "queryKey", "weights", "output" or "none".
std::string_view name_of(Divergence divergence);

// Two copies a < b of a repeated word, compared at every stage of the head: their input rows,
// query rows, key rows, rows of attention weights (how each copy spreads its attention) and
// attention outputs.
struct CopyPair {
  int group = 0;  // index into SentenceAnalysis::duplicates
  int a = 0;
  int b = 0;
  StageComparison input, query, key, weights, context;
  Divergence first_difference = Divergence::none;
};

// { withoutPE, withPE }: one measure of one stage in both runs.
template <auto Stage, auto Measure>
constexpr auto without_and_with(const char* name) {
  return group(name, field<Stage, &StageComparison::without_pe, Measure>("withoutPE"),
               field<Stage, &StageComparison::with_pe, Measure>("withPE"));
}
constexpr auto fields_of(const CopyPair&) {
  using P = CopyPair;
  using R = RowComparison;
  return std::tuple{
      field<&P::group>("group"),
      field<&P::a>("a"),
      field<&P::b>("b"),
      without_and_with<&P::input, &R::distance>("inputDistance"),
      without_and_with<&P::input, &R::cosine>("inputCosine"),
      without_and_with<&P::query, &R::distance>("queryDistance"),
      without_and_with<&P::query, &R::cosine>("queryCosine"),
      without_and_with<&P::key, &R::distance>("keyDistance"),
      without_and_with<&P::key, &R::cosine>("keyCosine"),
      without_and_with<&P::weights, &R::distance>("weightsDistance"),
      without_and_with<&P::weights, &R::cosine>("weightsCosine"),
      without_and_with<&P::context, &R::distance>("contextDistance"),
      without_and_with<&P::context, &R::cosine>("contextCosine"),
      group("identical", without_and_with<&P::input, &R::identical>("input"),
            without_and_with<&P::query, &R::identical>("query"),
            without_and_with<&P::key, &R::identical>("key"),
            without_and_with<&P::weights, &R::identical>("weights"),
            without_and_with<&P::context, &R::identical>("context")),
      without_and_with<&P::context, &R::rounding>("contextRounding"),
      field<&P::first_difference>("firstDifference"),
  };
}

struct SentenceAnalysis {
  std::vector<std::string> tokens;  // token r is at position start + r
  std::int64_t start = 0;
  int dim = 0;
  std::vector<std::vector<int>> duplicates;  // see analysis/duplicate_tokens.hpp
  std::vector<float> token_embedding;        // (n, dim); see analysis/token_embeddings.hpp
  HeadStages without_pe;                     // the head over the token embeddings alone
  HeadStages with_pe;                        // the head with the scheme at its stage
  std::vector<double> token_norms;           // length of each row of token_embedding
  std::vector<double> position_norms;        // length of each row of with_pe.positions
  // Every pair among the first kMaxComparedCopies copies of each repeated word, group by group,
  // a ascending, then b ascending.
  std::vector<CopyPair> copy_pairs;
};
// The fields every analysis has; the tables of its two runs (query, key, weights, context, the
// positions and the input) are handed over as each run finishes.
constexpr auto fields_of(const SentenceAnalysis&) {
  return std::tuple{
      field<&SentenceAnalysis::tokens>("tokens"),
      field<&SentenceAnalysis::duplicates>("duplicates").as_plain_array(),
      field<&SentenceAnalysis::token_embedding>("tokenEmbedding"),
      group("norms", field<&SentenceAnalysis::token_norms>("tokenEmbedding"),
            field<&SentenceAnalysis::position_norms>("positionEncoding")),
      field<&SentenceAnalysis::copy_pairs>("pairs"),
  };
}

SentenceAnalysis analyze_sentence(AnalysisRequest request);

// The token embeddings the analysis starts from, (n, dim) row-major: the caller's table if the
// request has one, else synthetic embeddings seeded by the ids if it has them, else by the texts
// (analysis/token_embeddings.hpp).
std::vector<float> embed(const AnalysisRequest& request);

// A run's attention weights, (count, count) row-major, are kept in a TableStore while the
// analysis runs (core/caller_table.hpp): written a block of rows at a time as the head computes
// them, and the rows of compared copies read back. The wasm bindings keep them in a JS-owned
// Float32Array, so the 16 MiB per run at 2048 tokens never enter wasm memory (which, once
// grown, never shrinks).

// A run's stages but its weights, handed over as soon as the run is compared (with_pe false
// first, then true) and freed when the call returns: only one run's tables are held at a time.
using FinishedRun = std::function<void(bool with_pe, HeadStages&& stages)>;

// The same analysis, streamed: the weights of each run go to its table, the other stages to
// finished; the result's without_pe and with_pe are left empty. The tables hold exactly what
// analyze_sentence(request) returns.
SentenceAnalysis analyze_sentence(AnalysisRequest request, TableStore& without_pe_weights,
                                  TableStore& with_pe_weights, const FinishedRun& finished);

// A shift leaves the attention weights unchanged when none moves by more than this: 2^-17, far
// above what float32 rounding does to a weight in [0, 1] (RoPE's rotations by other angles move
// weights by about 1e-8 in the tests), far below a change a reader could see.
constexpr double kWeightChangeTolerance = 0x1p-17;

// What moving the whole sentence by `by` positions changes in the run with positions: the
// largest change of any attention weight and of any output component, and whether every weight
// stayed within kWeightChangeTolerance. Relative schemes (RoPE, ALiBi) see only distances, so
// nothing changes; absolute ones see the new positions.
struct ShiftEffect {
  std::int64_t by = 0;
  double max_weight_change = 0;
  double max_context_change = 0;
  bool weights_unchanged = true;
};
constexpr auto fields_of(const ShiftEffect&) {
  return std::tuple{field<&ShiftEffect::by>("by"),
                    field<&ShiftEffect::max_weight_change>("maxWeightChange"),
                    field<&ShiftEffect::max_context_change>("maxContextChange"),
                    field<&ShiftEffect::weights_unchanged>("weightsUnchanged")};
}

ShiftEffect compare_shift(const ShiftRequest& request);

}  // namespace pe
