#include "analysis/analysis_request.hpp"

#include <algorithm>

#include "analysis/tokenizer.hpp"
#include "core/position_range.hpp"
#include "positions/scheme_registry.hpp"

namespace pe {

namespace {

InputError too_many_tokens(const char* name, std::int64_t count) {
  return InputError{ErrorKind::range, std::string(name) + " must have at most " +
                                          std::to_string(kMaxAnalysisTokens) +
                                          " tokens; received " + std::to_string(count)};
}

std::optional<InputError> read_tokens(const RawTokens& raw, AnalysisRequest& request) {
  if (raw.pieces.size() != raw.ids.size())
    return InputError{ErrorKind::range, "tokenPieces must hold one piece per id in tokenIds (" +
                                            std::to_string(raw.ids.size()) + "); received " +
                                            std::to_string(raw.pieces.size())};
  // Checked before the ids, so a huge request fails on its size, not on its millionth id.
  if (static_cast<std::int64_t>(raw.ids.size()) > kMaxAnalysisTokens)
    return too_many_tokens("tokenIds", static_cast<std::int64_t>(raw.ids.size()));
  for (std::size_t r = 0; r < raw.ids.size(); ++r) {
    if (!is_integer_in(raw.ids[r], 0, static_cast<double>(kMaxTokenId)))
      return range_error("tokenIds[" + std::to_string(r) + "]",
                         "an integer from 0 to " + std::to_string(kMaxTokenId), raw.ids[r]);
    request.ids.push_back(static_cast<std::int64_t>(raw.ids[r]));
  }
  request.tokens = raw.pieces;
  return std::nullopt;
}

// The caller's table, checked by its length before it is copied in, then by its values.
std::optional<InputError> read_embedding_table(const CallerTable& table, std::int64_t count,
                                               AnalysisRequest& request) {
  const auto expected = static_cast<std::size_t>(count) * static_cast<std::size_t>(request.dim);
  const auto length = static_cast<std::size_t>(table.length());
  if (length != expected)
    return InputError{ErrorKind::range,
                      std::string(kEmbeddingTable.name) + " must hold one row of dim (" +
                          std::to_string(request.dim) + ") values per token (" +
                          std::to_string(count) + "), " + std::to_string(expected) +
                          " values; received " + std::to_string(length)};
  request.embedding_table = table.values();
  return find_non_finite(request.embedding_table.data(), length, 0, kEmbeddingTable.name);
}

}  // namespace

std::optional<InputError> check_text_size(std::string_view text) {
  if (static_cast<std::int64_t>(text.size()) <= kMaxTextBytes) return std::nullopt;
  return InputError{ErrorKind::range, "text must be at most " + std::to_string(kMaxTextBytes) +
                                          " bytes as UTF-8; received " +
                                          std::to_string(text.size())};
}

std::variant<AnalysisRequest, InputError> parse_analysis_request(std::string_view text,
                                                                 const RawAnalysisRequest& raw) {
  AnalysisRequest request;

  auto scheme = parse_scheme(raw.scheme);
  if (auto* error = std::get_if<InputError>(&scheme)) return *error;
  request.scheme = std::get<const PositionScheme*>(scheme);

  auto options = parse_scheme_options(raw.scheme_options);
  if (auto* error = std::get_if<InputError>(&options)) return *error;
  request.scheme_options = std::get<SchemeOptions>(options);

  if (auto error = check(kAnalysisDim, raw.dim)) return *error;
  request.dim = static_cast<int>(raw.dim);
  if (auto error = check_scheme_dim(*request.scheme, request.dim)) return *error;

  if (raw.tokens) {
    if (auto error = read_tokens(*raw.tokens, request)) return *error;
  } else {
    if (auto error = check_text_size(text)) return *error;
    request.tokens = tokenize(text);
  }
  const auto count = static_cast<std::int64_t>(request.tokens.size());
  if (count > kMaxAnalysisTokens) return too_many_tokens("text", count);

  // The last token's position, start + count - 1, must stay a valid position.
  const std::int64_t last_offset = std::max<std::int64_t>(count - 1, 0);
  const std::int64_t max_start = kMaxPosition - last_offset;
  if (!is_integer_in(raw.start, 0, static_cast<double>(max_start)))
    return range_error(kAnalysisStart.name,
                       last_offset == 0 ? "an integer from 0 to 2147483647 (2^31 - 1)"
                                        : "an integer from 0 to " + std::to_string(max_start) +
                                              " (the last of the " + std::to_string(count) +
                                              " tokens is at start + " +
                                              std::to_string(last_offset) + ", at most 2^31 - 1)",
                       raw.start);
  request.start = static_cast<std::int64_t>(raw.start);

  request.causal = raw.causal;

  if (auto error = check(kEmbeddingStd, raw.embedding_std)) return *error;
  request.embedding_std = raw.embedding_std;

  if (raw.embeddings.given())
    if (auto error = read_embedding_table(raw.embeddings, count, request)) return *error;
  return request;
}

std::variant<int, InputError> parse(const RawAttentionWeights& raw) {
  if (auto error = check(kHeadDim, raw.dim)) return *error;
  return static_cast<int>(raw.dim);
}

std::variant<ShiftRequest, InputError> parse_shift_request(std::string_view text,
                                                           const RawAnalysisRequest& raw,
                                                           double by) {
  auto parsed = parse_analysis_request(text, raw);
  if (auto* error = std::get_if<InputError>(&parsed)) return *error;
  ShiftRequest request{std::get<AnalysisRequest>(std::move(parsed)), 0};
  const AnalysisRequest& sentence = request.sentence;
  const std::int64_t last_offset =
      std::max<std::int64_t>(static_cast<std::int64_t>(sentence.tokens.size()) - 1, 0);
  const std::int64_t max_by = kMaxPosition - sentence.start - last_offset;
  if (!is_integer_in(by, 0, static_cast<double>(max_by)))
    return range_error(kShiftBy.name,
                       "an integer from 0 to " + std::to_string(max_by) +
                           " (the last token, at start + " + std::to_string(last_offset) +
                           " + by, may be at most 2^31 - 1)",
                       by);
  request.by = static_cast<std::int64_t>(by);
  return request;
}

}  // namespace pe
