// A sentence analysis from any text, or any caller tokens (ids and pieces), any caller embedding
// table, and any options: a rejected request names a parameter; an
// accepted one (kept small, so each run is quick) gives tables of the promised shapes with
// finite values, attention weights whose rows sum to 1, and copy pairs whose verdict "identical"
// is exactly "distance within the rounding allowance".
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "analysis/analysis_request.hpp"
#include "analysis/sentence_analysis.hpp"
#include "fuzz_input.hpp"
#include "positions/scheme_registry.hpp"

namespace {

const std::vector<std::string> kParameters = {
    "kind", "dim",      "start",       "text",           "embeddingStd",
    "base", "layout",   "pairing",     "scaling",        "slope",
    "by",   "tokenIds", "tokenPieces", "embeddingTable", "every value of embeddingTable"};

std::vector<std::string> scheme_names() {
  std::vector<std::string> names;
  for (const pe::PositionScheme* scheme : pe::position_schemes()) names.emplace_back(scheme->name);
  return names;
}

bool finite(const std::vector<float>& table) {
  for (const float value : table)
    if (!std::isfinite(value)) return false;
  return true;
}

void check(const pe::RowComparison& comparison) {
  FUZZ_CHECK(std::isfinite(comparison.distance) && comparison.distance >= 0);
  FUZZ_CHECK(comparison.cosine >= -1 && comparison.cosine <= 1);
  FUZZ_CHECK(comparison.identical == (comparison.distance <= comparison.rounding));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<std::string> kinds = scheme_names();
  fuzz::FuzzInput input(data, size);
  pe::RawAnalysisRequest raw;
  raw.scheme = input.name(kinds);
  raw.dim = input.number();
  raw.start = input.number();
  raw.causal = input.flag();
  raw.embedding_std = input.flag() ? input.number() : pe::kTokenEmbeddingStd;
  raw.scheme_options.base = input.flag() ? input.number() : 10000;
  raw.scheme_options.layout = input.name({"interleaved", "split"});
  raw.scheme_options.pairing = input.name({"interleaved", "half"});
  raw.scheme_options.slope = input.flag() ? input.number() : 0.5;
  if (input.flag()) {
    raw.scheme_options.scaling.type = input.name({"none", "llama3", "yarn"});
    if (input.flag()) raw.scheme_options.scaling.factor = input.number();
    if (input.flag()) raw.scheme_options.scaling.original_context = input.number();
  }
  if (input.flag()) {  // tokens split by the caller: up to 63 ids, a piece for each or not
    pe::RawTokens tokens;
    const int count = input.byte() % 64;
    for (int r = 0; r < count; ++r)
      tokens.ids.push_back(input.flag() ? input.byte() : input.number());
    const int pieces = input.flag() ? count : input.byte() % 64;
    for (int r = 0; r < pieces; ++r) tokens.pieces.push_back(std::string(input.byte() % 4, 'x'));
    raw.tokens = tokens;
  }
  if (input.flag()) {  // a caller's table: any length, any values
    std::vector<float> table(input.byte() * 4);
    for (float& value : table)
      value = static_cast<float>(input.flag() ? input.byte() / 16.0 : input.number());
    raw.embeddings = pe::VectorTable::of(table);
  }
  const std::string_view text = input.rest();

  auto parsed = pe::parse_analysis_request(text, raw);
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) {
    FUZZ_CHECK(fuzz::names_a_parameter(error->message, kParameters));
    return 0;
  }
  auto& request = std::get<pe::AnalysisRequest>(parsed);
  if (request.tokens.size() > 64 || request.dim > 32) return 0;  // valid, but slow to fuzz
  const std::size_t n = request.tokens.size();
  const auto dim = static_cast<std::size_t>(request.dim);
  const pe::SentenceAnalysis analysis = pe::analyze_sentence(std::move(request));
  for (const pe::HeadStages* run : {&analysis.without_pe, &analysis.with_pe}) {
    for (const std::vector<float>* table :
         {&run->positions, &run->input, &run->query, &run->key, &run->context}) {
      FUZZ_CHECK(table->size() == n * dim);
    }
    FUZZ_CHECK(run->weights.size() == n * n);
    // Integer positions near 2^31 times embeddings of std 10 make huge inputs; they must still
    // be finite numbers all the way through.
    FUZZ_CHECK(finite(run->input) && finite(run->query) && finite(run->key) &&
               finite(run->weights) && finite(run->context));
    for (std::size_t i = 0; i < n; ++i) {
      double sum = 0;
      for (std::size_t j = 0; j < n; ++j) sum += run->weights[i * n + j];
      FUZZ_CHECK(std::fabs(sum - 1) < 1e-5);
    }
  }
  for (const pe::CopyPair& pair : analysis.copy_pairs) {
    for (const pe::StageComparison* stage :
         {&pair.input, &pair.query, &pair.key, &pair.weights, &pair.context}) {
      check(stage->without_pe);
      check(stage->with_pe);
    }
  }
  return 0;
}
