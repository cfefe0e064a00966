#include "analysis/analysis_request.hpp"

#include <algorithm>

#include "analysis/tokenizer.hpp"

namespace pe {

namespace {

// "none" plus the encoders' kinds (parsed by the core, so the two lists cannot drift apart).
std::variant<std::optional<Encoding>, InputError> parse_kind(const std::string& kind) {
  if (kind == "none") return std::optional<Encoding>();
  const auto encoding = parse_encoding_kind(kind);
  if (const auto* known = std::get_if<Encoding>(&encoding)) return std::optional<Encoding>(*known);
  return InputError{
      ErrorKind::type,
      "kind must be \"none\", \"integer\", \"binary\" or \"sinusoidal\"; received \"" + kind +
          "\""};
}

}  // namespace

std::variant<AnalysisRequest, InputError> parse_analysis_request(std::string_view text,
                                                                 const RawAnalysisRequest& raw) {
  AnalysisRequest request;

  auto kind = parse_kind(raw.kind);
  if (auto* error = std::get_if<InputError>(&kind)) return *error;
  request.encoding = std::get<std::optional<Encoding>>(kind);

  if (!is_integer_in(raw.dim, 1, kMaxAnalysisDim))
    return range_error("dim", "an integer from 1 to " + std::to_string(kMaxAnalysisDim), raw.dim);
  request.dim = static_cast<int>(raw.dim);
  if (request.encoding == Encoding::sinusoidal && request.dim % 2 != 0)
    return range_error("dim", "even for sinusoidal encoding (one sin/cos pair per frequency)",
                       raw.dim);

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

}  // namespace pe
