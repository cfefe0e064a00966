#pragma once
// One request for a sentence analysis, and the checks that turn raw caller input into a request
// the analysis can trust. Errors read exactly like those of core/position_range.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

#include "analysis/token_embeddings.hpp"
#include "core/caller_table.hpp"
#include "core/input_error.hpp"
#include "core/options.hpp"
#include "positions/position_scheme.hpp"
#include "positions/scheme_options.hpp"
#include "positions/scheme_registry.hpp"

namespace pe {

// Hard limits of the analysis (documented in web/pe.d.ts). Attention costs count^2 * dim per run:
// 2048 tokens at dim 256 is about a second in the browser, the most a page should ask for.
constexpr std::int64_t kMaxAnalysisTokens = 2048;
constexpr std::int64_t kMaxAnalysisDim = 256;
// The longest text the built-in tokenizer splits, in UTF-8 bytes: 2048 tokens of long words fit,
// and it bounds what a text can make the core hold (web/api/text-input.js checks it before copying
// a text in).
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
  SchemeOptions scheme_options;
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
inline constexpr OptionSpec kTokenIds{"ids", Required{}, stated("integers from 0 to 2^31 - 1"),
                                      "each token's vocabulary id"};
inline constexpr OptionSpec kTokenPieces{"pieces", Required{}, stated("one per id"),
                                         "each token's piece"};
inline constexpr std::tuple kRawTokenOptions{option<&RawTokens::ids>(kTokenIds),
                                             option<&RawTokens::pieces>(kTokenPieces)};
constexpr const auto& options_of(const RawTokens&) { return kRawTokenOptions; }

// The options of pe.analyze (and pe.compareShift, with by). tokenizer, bos and embeddings are
// pe.js's: it splits the text with the tokenizer and hands the core the tokens (options.tokens),
// and looks words up in a word-vector table (an embeddingTable).
inline constexpr OptionSpec kAnalysisDim{"dim", 8.0, integer_from(1, kMaxAnalysisDim),
                                         "the model's dimension: values per token"};
inline constexpr OptionSpec kAnalysisStart{
    "start", 0.0,
    stated("an integer from 0 while the last token's position, start + n - 1, is at most "
           "2^31 - 1"),
    "the first token's position"};
inline constexpr OptionSpec kCausal{
    "causal", false, {}, "a causal mask: token i attends to tokens 0 .. i only"};
inline constexpr OptionSpec kEmbeddingStd{
    "embeddingStd", kTokenEmbeddingStd, number_from(kMinEmbeddingStd, kMaxEmbeddingStd),
    "the standard deviation of every synthetic token-embedding component"};
inline constexpr OptionSpec kTokenizer{"tokenizer", "words", stated("a name of pe.tokenizers"),
                                       "how the text becomes tokens (BPE ones load first)"};
inline constexpr OptionSpec kBos{"bos", false, {}, "put the tokenizer's begin-of-text token first"};
inline constexpr OptionSpec kEmbeddings{"embeddings", "synthetic",
                                        stated("a name of pe.embeddings"),
                                        "the token embeddings: synthetic, or a table of word "
                                        "vectors (loaded first)"};
inline constexpr OptionSpec kEmbeddingTable{"embeddingTable", Optional{},
                                            stated("one row of dim finite values per token"),
                                            "the caller's own token embeddings, used as given"};

// Caller input before any checking.
struct RawAnalysisRequest {
  std::string scheme = kScheme.text();  // JS kind: a name of positions/scheme_registry.hpp
  double dim = kAnalysisDim.number();
  double start = kAnalysisStart.number();
  bool causal = kCausal.flag();
  double embedding_std = kEmbeddingStd.number();
  RawSchemeOptions scheme_options;
  std::optional<RawTokens> tokens;  // used instead of text
  CallerTable embeddings;           // JS embeddingTable
};

inline constexpr auto kAnalysisOptions = std::tuple_cat(
    std::tuple{
        option<&RawAnalysisRequest::scheme>(kScheme),
        option<&RawAnalysisRequest::dim>(kAnalysisDim),
        option<&RawAnalysisRequest::start>(kAnalysisStart),
        option<&RawAnalysisRequest::causal>(kCausal),
        option<&RawAnalysisRequest::embedding_std>(kEmbeddingStd),
        option_read_in_js<RawAnalysisRequest, std::string>(kTokenizer),
        option_read_in_js<RawAnalysisRequest, bool>(kBos),
        option_read_in_js<RawAnalysisRequest, std::string>(kEmbeddings),
        option<&RawAnalysisRequest::embeddings>(kEmbeddingTable),
    },
    scheme_options_of<RawAnalysisRequest>());

// pe.tokenize's options: how pe.js splits the text (the core's own tokenizer takes the text alone).
inline constexpr std::tuple kTokenizeOptions{
    option_read_in_js<RawAnalysisRequest, std::string>(kTokenizer),
    option_read_in_js<RawAnalysisRequest, bool>(kBos),
    option_read_in_js<RawAnalysisRequest, std::string>(kEmbeddings),
};

// The tokens pe.js split with a tokenizer of its own, handed over as { ids, pieces } (not an
// option of the API, so not among analyze's).
inline constexpr OptionSpec kCallerTokens{"tokens", Optional{}, stated("{ ids, pieces }"),
                                          "tokens split by pe.js, used instead of the text"};
inline constexpr std::tuple kCallerTokenOptions{option<&RawAnalysisRequest::tokens>(kCallerTokens)};

// Takes the caller's tokens when given, else tokenizes text (see analysis/tokenizer.hpp), and
// checks every limit above; either a request or the first problem found. Ids must be integers
// from 0 to kMaxTokenId with one piece each; an embedding table must hold exactly one row of dim
// finite values per token (it is used as given: embedding_std does not scale it).
// A RangeError naming text when it is longer than kMaxTextBytes.
std::optional<InputError> check_text_size(std::string_view text);

std::variant<AnalysisRequest, InputError> parse_analysis_request(std::string_view text,
                                                                 const RawAnalysisRequest& raw);

// pe.attentionWeights({ dim }): the head's fixed projections at that dim.
inline constexpr OptionSpec kHeadDim{"dim", Required{}, integer_from(1, kMaxAnalysisDim),
                                     "the head's dimension"};
struct RawAttentionWeights {
  double dim = 0;
};
inline constexpr std::tuple kAttentionWeightsOptions{option<&RawAttentionWeights::dim>(kHeadDim)};
std::variant<int, InputError> parse(const RawAttentionWeights& raw);

// pe.compareShift's one option beyond analyze's.
inline constexpr OptionSpec kShiftBy{
    "by", Required{},
    stated("an integer from 0 while the last token's position, start + n - 1 + by, is at most "
           "2^31 - 1"),
    "how many positions to move the whole sentence"};
struct RawShift {
  double by = 0;
};
inline constexpr std::tuple kShiftOptions{option<&RawShift::by>(kShiftBy)};

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
