#pragma once
// One request for a sentence analysis, and the checks that turn raw caller input into a request
// the analysis can trust. Errors read exactly like those of core/encoding_request.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "analysis/token_embeddings.hpp"
#include "core/encoding_request.hpp"
#include "core/input_error.hpp"

namespace pe {

// Hard limits of the analysis (documented in web/pe.js). Attention costs count^2 * dim per run:
// 2048 tokens at dim 256 is about a second in the browser, the most a page should ask for.
constexpr std::int64_t kMaxAnalysisTokens = 2048;
constexpr std::int64_t kMaxAnalysisDim = 256;
// The token embeddings' component standard deviation: from a twentieth of GPT-2's initial 0.02 to
// ten times the Transformer paper's 1 (its embeddings times sqrt(d_model)): the scales real
// models use, with room to spare.
constexpr double kMinEmbeddingStd = 0.001;
constexpr double kMaxEmbeddingStd = 10;

struct AnalysisRequest {
  std::vector<std::string> tokens;   // token r is at position start + r
  std::optional<Encoding> encoding;  // empty for kind "none": no positional term
  int dim = 8;
  std::int64_t start = 0;
  bool causal = false;
  double embedding_std = kTokenEmbeddingStd;  // of each token-embedding component
};

// Caller input before any checking.
struct RawAnalysisRequest {
  std::string kind = "binary";  // "none", "integer", "binary" or "sinusoidal"
  double dim = 8;
  double start = 0;
  bool causal = false;
  double embedding_std = kTokenEmbeddingStd;
};

// Tokenizes text (see analysis/tokenizer.hpp) and checks every limit above; either a request
// or the first problem found.
std::variant<AnalysisRequest, InputError> parse_analysis_request(std::string_view text,
                                                                 const RawAnalysisRequest& raw);

}  // namespace pe
