#include "analysis/sentence_analysis.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>

#include "analysis/duplicate_tokens.hpp"
#include "analysis/token_embeddings.hpp"
#include "analysis/vector_geometry.hpp"
#include "positions/scheme_registry.hpp"

namespace pe {

std::string_view divergence_name(Divergence divergence) {
  switch (divergence) {
    case Divergence::input:
      return "input";
    case Divergence::query_key:
      return "queryKey";
    case Divergence::weights:
      return "weights";
    case Divergence::output:
      return "output";
    case Divergence::none:
      break;
  }
  return "none";
}

namespace {

// One stage's table in one run, its rows' lengths summed once, with each row's rounding bound
// (none: the rows are compared exactly).
struct RunRows {
  TableRows rows;
  const std::vector<double>* rounding;

  RowComparison compare(int a, int b) const {
    const double distance = rows.distance(a, b);
    const double allowance = rounding ? (*rounding)[a] + (*rounding)[b] : 0.0;
    return {distance, rows.cosine(a, b), allowance, distance <= allowance};
  }
};

// One stage in both runs.
struct StageRows {
  RunRows without_pe;
  RunRows with_pe;

  StageComparison compare(int a, int b) const {
    return {without_pe.compare(a, b), with_pe.compare(a, b)};
  }
};

// A stage whose rows are compared exactly (every stage but the outputs).
StageRows exact_rows(const std::vector<float>& without, const std::vector<float>& with, int width,
                     int count) {
  return {{TableRows(without.data(), width, count), nullptr},
          {TableRows(with.data(), width, count), nullptr}};
}

Divergence first_difference(const CopyPair& pair) {
  if (!pair.input.with_pe.identical) return Divergence::input;
  if (!pair.query.with_pe.identical || !pair.key.with_pe.identical) return Divergence::query_key;
  if (!pair.weights.with_pe.identical) return Divergence::weights;
  if (!pair.context.with_pe.identical) return Divergence::output;
  return Divergence::none;
}

std::vector<CopyPair> compare_copies(const SentenceAnalysis& analysis) {
  const int dim = analysis.dim;
  const int count = static_cast<int>(analysis.tokens.size());
  const HeadStages& without = analysis.without_pe;
  const HeadStages& with = analysis.with_pe;
  const StageRows input = exact_rows(without.input, with.input, dim, count);
  const StageRows query = exact_rows(without.query, with.query, dim, count);
  const StageRows key = exact_rows(without.key, with.key, dim, count);
  const StageRows weights = exact_rows(without.weights, with.weights, count, count);
  const StageRows context{{TableRows(without.context.data(), dim, count), &without.output_rounding},
                          {TableRows(with.context.data(), dim, count), &with.output_rounding}};
  std::vector<CopyPair> pairs;
  for (std::size_t g = 0; g < analysis.duplicates.size(); ++g) {
    const std::vector<int>& group = analysis.duplicates[g];
    const std::size_t copies = std::min<std::size_t>(group.size(), kMaxComparedCopies);
    for (std::size_t i = 0; i < copies; ++i) {
      for (std::size_t j = i + 1; j < copies; ++j) {
        const int a = group[i];
        const int b = group[j];
        CopyPair pair{static_cast<int>(g),
                      a,
                      b,
                      input.compare(a, b),
                      query.compare(a, b),
                      key.compare(a, b),
                      weights.compare(a, b),
                      context.compare(a, b),
                      Divergence::none};
        pair.first_difference = first_difference(pair);
        pairs.push_back(pair);
      }
    }
  }
  return pairs;
}

// The caller's table if given, else synthetic embeddings seeded by the ids if given, else by
// the texts.
std::vector<float> embed(const AnalysisRequest& request) {
  if (!request.embedding_table.empty()) return request.embedding_table;
  std::vector<float> embedding(request.tokens.size() * request.dim);
  if (request.ids.empty()) {
    embed_tokens(request.tokens, request.dim, request.embedding_std, embedding.data());
  } else {
    embed_token_ids(request.ids, request.dim, request.embedding_std, embedding.data());
  }
  return embedding;
}

HeadSetup setup_with_positions(const AnalysisRequest& request, std::int64_t start) {
  return {request.scheme, request.settings, start, request.causal};
}

// The largest |x - y| over two tables of the same size.
double largest_change(const std::vector<float>& x, const std::vector<float>& y) {
  double change = 0;
  for (std::size_t e = 0; e < x.size(); ++e)
    change = std::max(change, std::fabs(double{x[e]} - y[e]));
  return change;
}

}  // namespace

SentenceAnalysis analyze_sentence(AnalysisRequest request) {
  SentenceAnalysis analysis;
  analysis.token_embedding = embed(request);
  analysis.tokens = std::move(request.tokens);
  analysis.start = request.start;
  analysis.dim = request.dim;
  const int count = static_cast<int>(analysis.tokens.size());

  analysis.duplicates =
      request.ids.empty() ? duplicate_tokens(analysis.tokens) : duplicate_tokens(request.ids);

  const AttentionWeights weights = make_attention_weights(request.dim);
  const float* embedding = analysis.token_embedding.data();
  analysis.without_pe =
      run_head(weights, embedding, count, {&no_positions(), {}, request.start, request.causal});
  analysis.with_pe =
      run_head(weights, embedding, count, setup_with_positions(request, request.start));

  analysis.token_norms = TableRows(embedding, request.dim, count).norms();
  analysis.position_norms =
      TableRows(analysis.with_pe.positions.data(), request.dim, count).norms();
  analysis.copy_pairs = compare_copies(analysis);
  return analysis;
}

ShiftEffect compare_shift(const ShiftRequest& request) {
  const AnalysisRequest& sentence = request.sentence;
  const int count = static_cast<int>(sentence.tokens.size());
  const std::vector<float> embedding = embed(sentence);
  const AttentionWeights weights = make_attention_weights(sentence.dim);
  const HeadStages before =
      run_head(weights, embedding.data(), count, setup_with_positions(sentence, sentence.start));
  const HeadStages after = run_head(weights, embedding.data(), count,
                                    setup_with_positions(sentence, sentence.start + request.by));
  const double weight_change = largest_change(before.weights, after.weights);
  return {request.by, weight_change, largest_change(before.context, after.context),
          weight_change <= kWeightChangeTolerance};
}

}  // namespace pe
