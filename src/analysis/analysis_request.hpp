#pragma once
// One request for a sentence analysis, and the checks that turn raw caller input into a request
// the analysis can trust. Errors read exactly like those of core/position_range.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "analysis/token_embeddings.hpp"
#include "core/input_error.hpp"
#include "positions/position_scheme.hpp"
#include "positions/scheme_options.hpp"

namespace pe {

// Hard limits of the analysis (documented in web/pe.js). Attention costs count^2 * dim per run:
// 2048 tokens at dim 256 is about a second in the browser, the most a page should ask for.
constexpr std::int64_t kMaxAnalysisTokens = 2048;
constexpr std::int64_t kMaxAnalysisDim = 256;
// The longest text the built-in tokenizer splits, in UTF-8 bytes: 2048 tokens of long words fit,
// and it bounds what a text can make the core hold (web/pe.js checks it before copying a text in).
constexpr std::int64_t kMaxTextBytes = 65536;
// The token embeddings' component standard deviation: from a twentieth of GPT-2's initial 0.02 to
// ten times the Transformer paper's 1 (its embeddings times sqrt(d_model)): the scales real
// models use, with room to spare.
constexpr double kMinEmbeddingStd = 0.001;
constexpr double kMaxEmbeddingStd = 10;

// Token ids run from 0 to this (2^31 - 1): every real vocabulary fits, and an id is exact in float.
constexpr std::int64_t kMaxTokenId = 2147483647;

struct AnalysisRequest {
  std::vector<std::string> tokens;  // token r is at position start + r
  // The caller's token ids (a tokenizer run outside the core), one per token; empty when the
  // core split the text itself. With ids, duplicates are equal ids and the synthetic embeddings
  // are seeded by the id.
  std::vector<std::int64_t> ids;
  // The caller's token embeddings, (tokens.size(), dim) row-major, every value finite; empty:
  // the synthetic ones of analysis/token_embeddings.hpp.
  std::vector<float> embedding_table;
  const PositionScheme* scheme = nullptr;
  SchemeSettings settings;
  int dim = 8;
  std::int64_t start = 0;
  bool causal = false;
  double embedding_std = kTokenEmbeddingStd;  // of each token-embedding component
};

// Tokens split by the caller: each token's vocabulary id and the piece to show for it.
struct RawTokens {
  std::vector<double> ids;
  std::vector<std::string> pieces;
};

// Caller input before any checking.
struct RawAnalysisRequest {
  std::string kind = "binary";  // a name of positions/scheme_registry.hpp
  double dim = 8;
  double start = 0;
  bool causal = false;
  double embedding_std = kTokenEmbeddingStd;
  RawSchemeSettings options;
  std::optional<RawTokens> tokens;               // JS tokenIds + tokenPieces; used instead of text
  std::optional<std::vector<float>> embeddings;  // JS embeddingTable
};

// Takes the caller's tokens when given, else tokenizes text (see analysis/tokenizer.hpp), and
// checks every limit above; either a request or the first problem found. Ids must be integers
// from 0 to kMaxTokenId with one piece each; an embedding table must hold exactly one row of dim
// finite values per token (it is used as given: embedding_std does not scale it).
// A RangeError naming text when it is longer than kMaxTextBytes.
std::optional<InputError> check_text_size(std::string_view text);

std::variant<AnalysisRequest, InputError> parse_analysis_request(std::string_view text,
                                                                 const RawAnalysisRequest& raw);

// A sentence analysis plus a shift: the whole sentence moved by `by` positions.
struct ShiftRequest {
  AnalysisRequest sentence;
  std::int64_t by = 0;
};

// The analysis request's checks, then by: an integer from 0 up to where the last token would
// pass position 2^31 - 1.
std::variant<ShiftRequest, InputError> parse_shift_request(std::string_view text,
                                                           const RawAnalysisRequest& raw,
                                                           double by);

}  // namespace pe
