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

std::string_view name_of(Divergence divergence) {
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

Divergence first_difference(const CopyPair& pair) {
  if (!pair.input.with_pe.identical) return Divergence::input;
  if (!pair.query.with_pe.identical || !pair.key.with_pe.identical) return Divergence::query_key;
  if (!pair.weights.with_pe.identical) return Divergence::weights;
  if (!pair.context.with_pe.identical) return Divergence::output;
  return Divergence::none;
}

// Every pair among the first kMaxComparedCopies copies of each repeated word, group by group,
// nothing compared yet.
std::vector<CopyPair> copy_pairs(const std::vector<std::vector<int>>& duplicates) {
  std::vector<CopyPair> pairs;
  for (std::size_t g = 0; g < duplicates.size(); ++g) {
    const std::vector<int>& group = duplicates[g];
    const std::size_t copies = std::min<std::size_t>(group.size(), kMaxComparedCopies);
    for (std::size_t i = 0; i < copies; ++i)
      for (std::size_t j = i + 1; j < copies; ++j) {
        CopyPair pair;
        pair.group = static_cast<int>(g);
        pair.a = group[i];
        pair.b = group[j];
        pairs.push_back(pair);
      }
  }
  return pairs;
}

// Fills one run's side (without_pe or with_pe) of every pair's comparisons, in copy_pairs' order.
// The weights are read back from their table a group's compared rows at a time.
void compare_run(const std::vector<std::vector<int>>& duplicates, const HeadStages& stages,
                 const TableStore& weights, int dim, RowComparison StageComparison::*side,
                 std::vector<CopyPair>& pairs) {
  const int count = static_cast<int>(stages.output_rounding.size());
  const RunRows input{TableRows(stages.input.data(), dim, count), nullptr};
  const RunRows query{TableRows(stages.query.data(), dim, count), nullptr};
  const RunRows key{TableRows(stages.key.data(), dim, count), nullptr};
  const RunRows context{TableRows(stages.context.data(), dim, count), &stages.output_rounding};
  std::vector<float> group_weights(static_cast<std::size_t>(kMaxComparedCopies) * count);
  auto pair = pairs.begin();
  for (const std::vector<int>& group : duplicates) {
    const int copies = std::min(static_cast<int>(group.size()), kMaxComparedCopies);
    for (int i = 0; i < copies; ++i)
      weights.read(static_cast<std::int64_t>(group[i]) * count, count,
                   group_weights.data() + static_cast<std::ptrdiff_t>(i) * count);
    const RunRows group_rows{TableRows(group_weights.data(), count, copies), nullptr};
    for (int i = 0; i < copies; ++i) {
      for (int j = i + 1; j < copies; ++j, ++pair) {
        const int a = group[i];
        const int b = group[j];
        pair->input.*side = input.compare(a, b);
        pair->query.*side = query.compare(a, b);
        pair->key.*side = key.compare(a, b);
        pair->weights.*side = group_rows.compare(i, j);
        pair->context.*side = context.compare(a, b);
      }
    }
  }
}

// One run of the head: its weights go to table a block of rows at a time, the other stages are
// returned. The head's own tables are freed before the caller compares the run.
HeadStages run_streamed(const AttentionWeights& weights, const float* embedding, int count,
                        const HeadSetup& setup, TableStore& table) {
  HeadStages stages;
  const Head head(weights, embedding, count, setup, &stages);
  stages.context.resize(static_cast<std::size_t>(count) * weights.dim);
  stages.output_rounding.resize(static_cast<std::size_t>(count));
  const int block = head.block_rows();
  std::vector<float> block_weights(static_cast<std::size_t>(std::min(block, count)) * count);
  for (int first = 0; first < count; first += block) {
    const int rows = std::min(block, count - first);
    head.attend(first, rows, block_weights.data(),
                stages.context.data() + static_cast<std::ptrdiff_t>(first) * weights.dim,
                stages.output_rounding.data() + first);
    table.write(static_cast<std::int64_t>(first) * count, block_weights.data(),
                static_cast<std::int64_t>(rows) * count);
  }
  return stages;
}

HeadSetup setup_with_positions(const AnalysisRequest& request, std::int64_t start) {
  return {request.scheme, request.scheme_options, start, request.causal};
}

// The largest |x[e] - y[e]| over e < size.
double largest_change(const float* x, const float* y, std::ptrdiff_t size) {
  double change = 0;
  for (std::ptrdiff_t e = 0; e < size; ++e)
    change = std::max(change, std::fabs(double{x[e]} - y[e]));
  return change;
}

}  // namespace

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

SentenceAnalysis analyze_sentence(AnalysisRequest request, TableStore& without_pe_weights,
                                  TableStore& with_pe_weights, const FinishedRun& finished) {
  SentenceAnalysis analysis;
  analysis.token_embedding = embed(request);
  analysis.tokens = std::move(request.tokens);
  analysis.start = request.start;
  analysis.dim = request.dim;
  const int count = static_cast<int>(analysis.tokens.size());
  const float* embedding = analysis.token_embedding.data();
  analysis.duplicates =
      request.ids.empty() ? duplicate_tokens(analysis.tokens) : duplicate_tokens(request.ids);
  analysis.token_norms = TableRows(embedding, request.dim, count).norms();
  analysis.copy_pairs = copy_pairs(analysis.duplicates);

  const AttentionWeights weights = make_attention_weights(request.dim);
  for (const bool with_pe : {false, true}) {
    TableStore& table = with_pe ? with_pe_weights : without_pe_weights;
    const HeadSetup setup = with_pe ? setup_with_positions(request, request.start)
                                    : HeadSetup{&no_positions(), {}, request.start, request.causal};
    HeadStages stages = run_streamed(weights, embedding, count, setup, table);
    compare_run(analysis.duplicates, stages, table, request.dim,
                with_pe ? &StageComparison::with_pe : &StageComparison::without_pe,
                analysis.copy_pairs);
    if (with_pe)
      analysis.position_norms = TableRows(stages.positions.data(), request.dim, count).norms();
    finished(with_pe, std::move(stages));
  }
  for (CopyPair& pair : analysis.copy_pairs) pair.first_difference = first_difference(pair);
  return analysis;
}

SentenceAnalysis analyze_sentence(AnalysisRequest request) {
  // Each run's weights kept whole, as this overload returns them.
  VectorTable without_table, with_table;
  HeadStages runs[2];
  SentenceAnalysis analysis = analyze_sentence(
      std::move(request), without_table, with_table,
      [&runs](bool with_pe, HeadStages&& stages) { runs[with_pe] = std::move(stages); });
  analysis.without_pe = std::move(runs[0]);
  analysis.without_pe.weights = without_table.values();
  analysis.with_pe = std::move(runs[1]);
  analysis.with_pe.weights = with_table.values();
  return analysis;
}

ShiftEffect compare_shift(const ShiftRequest& request) {
  const AnalysisRequest& sentence = request.sentence;
  const int count = static_cast<int>(sentence.tokens.size());
  const int dim = sentence.dim;
  const std::vector<float> embedding = embed(sentence);
  const AttentionWeights weights = make_attention_weights(dim);
  // Both runs a block of rows at a time, compared as they come: neither's weights are kept.
  const Head before(weights, embedding.data(), count,
                    setup_with_positions(sentence, sentence.start));
  const Head after(weights, embedding.data(), count,
                   setup_with_positions(sentence, sentence.start + request.by));
  const int block = before.block_rows();
  const std::size_t block_rows = static_cast<std::size_t>(std::min(block, count));
  std::vector<float> weights_before(block_rows * count), weights_after(weights_before.size());
  std::vector<float> context_before(block_rows * dim), context_after(context_before.size());
  double weight_change = 0, context_change = 0;
  for (int first = 0; first < count; first += block) {
    const int rows = std::min(block, count - first);
    before.attend(first, rows, weights_before.data(), context_before.data(), nullptr);
    after.attend(first, rows, weights_after.data(), context_after.data(), nullptr);
    weight_change = std::max(
        weight_change, largest_change(weights_before.data(), weights_after.data(), rows * count));
    context_change = std::max(
        context_change, largest_change(context_before.data(), context_after.data(), rows * dim));
  }
  return {request.by, weight_change, context_change, weight_change <= kWeightChangeTolerance};
}

}  // namespace pe
