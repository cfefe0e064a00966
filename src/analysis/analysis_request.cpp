#include "analysis/analysis_request.hpp"

#include <algorithm>

#include "analysis/tokenizer.hpp"
#include "core/position_range.hpp"
#include "positions/scheme_registry.hpp"

namespace pe {

std::variant<AnalysisRequest, InputError> parse_analysis_request(std::string_view text,
                                                                 const RawAnalysisRequest& raw) {
  AnalysisRequest request;

  auto scheme = parse_scheme(raw.kind);
  if (auto* error = std::get_if<InputError>(&scheme)) return *error;
  request.scheme = std::get<const PositionScheme*>(scheme);

  auto settings = parse_scheme_settings(raw.options);
  if (auto* error = std::get_if<InputError>(&settings)) return *error;
  request.settings = std::get<SchemeSettings>(settings);

  if (!is_integer_in(raw.dim, 1, kMaxAnalysisDim))
    return range_error("dim", "an integer from 1 to " + std::to_string(kMaxAnalysisDim), raw.dim);
  request.dim = static_cast<int>(raw.dim);
  if (auto error = check_scheme_dim(*request.scheme, request.dim)) return *error;

  request.tokens = tokenize(text);
  const auto count = static_cast<std::int64_t>(request.tokens.size());
  if (count > kMaxAnalysisTokens)
    return InputError{ErrorKind::range, "text must have at most " +
                                            std::to_string(kMaxAnalysisTokens) +
                                            " tokens; received " + std::to_string(count)};

  // The last token's position, start + count - 1, must stay a valid position.
  const std::int64_t last_offset = std::max<std::int64_t>(count - 1, 0);
  const std::int64_t max_start = kMaxPosition - last_offset;
  if (!is_integer_in(raw.start, 0, static_cast<double>(max_start)))
    return range_error("start",
                       last_offset == 0 ? "an integer from 0 to 2147483647 (2^31 - 1)"
                                        : "an integer from 0 to " + std::to_string(max_start) +
                                              " (the last of the " + std::to_string(count) +
                                              " tokens is at start + " +
                                              std::to_string(last_offset) + ", at most 2^31 - 1)",
                       raw.start);
  request.start = static_cast<std::int64_t>(raw.start);

  request.causal = raw.causal;

  if (!(raw.embedding_std >= kMinEmbeddingStd && raw.embedding_std <= kMaxEmbeddingStd))
    return range_error("embeddingStd",
                       "a number from " + describe_number(kMinEmbeddingStd) + " to " +
                           describe_number(kMaxEmbeddingStd),
                       raw.embedding_std);
  request.embedding_std = raw.embedding_std;
  return request;
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
    return range_error("by",
                       "an integer from 0 to " + std::to_string(max_by) +
                           " (the last token, at start + " + std::to_string(last_offset) +
                           " + by, may be at most 2^31 - 1)",
                       by);
  request.by = static_cast<std::int64_t>(by);
  return request;
}

}  // namespace pe
