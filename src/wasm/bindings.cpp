// The whole Embind surface of PE Lab. The core knows nothing of JavaScript; this file only reads
// requests by name, calls the core, and hands results back by name as JS-owned copies.
// web/pe.js wraps these raw functions into the public API: it checks each option's JS type and
// fills in defaults before calling, and turns { error, message } results into exceptions.
#include <emscripten/bind.h>
#include <emscripten/heap.h>
#include <emscripten/val.h>
#include <malloc.h>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "analysis/attention.hpp"
#include "analysis/sentence_analysis.hpp"
#include "analysis/similarity_request.hpp"
#include "analysis/sinusoidal_geometry.hpp"
#include "analysis/token_embeddings.hpp"
#include "analysis/tokenizer.hpp"
#include "analysis/vector_geometry.hpp"
#include "core/alibi.hpp"
#include "core/angles.hpp"
#include "core/binary_structure.hpp"
#include "core/rope_presets.hpp"
#include "core/rope_request.hpp"
#include "core/rope_scaling.hpp"
#include "core/rope_scores.hpp"
#include "core/sinusoidal_shift.hpp"
#include "core/smooth_bits.hpp"
#include "mla/mla_request.hpp"
#include "mla/model_presets.hpp"
#include "positions/encode_request.hpp"
#include "positions/scheme_registry.hpp"

using emscripten::val;

namespace {

// A typed array owned by JS (Float32Array for float, Uint8Array for uint8_t, ...): one bulk copy
// out of wasm memory, so callers never .delete() it and it stays valid when wasm memory grows
// (a bare typed_memory_view would go dead).
template <typename T>
val copy_to_js(const std::vector<T>& values) {
  return val(emscripten::typed_memory_view(values.size(), values.data())).call<val>("slice");
}

// count values written into the JS typed array target from index at, or read from source's index
// at into out: one bulk copy each, so results and inputs stream through wasm a block at a time.
template <typename T>
void write_to_js(const val& target, double at, const T* values, std::size_t count) {
  target.call<void>("set", val(emscripten::typed_memory_view(count, values)), at);
}
template <typename T>
void read_from_js(const val& source, double at, std::size_t count, T* out) {
  val(emscripten::typed_memory_view(count, out))
      .call<void>("set", source.call<val>("subarray", at, at + static_cast<double>(count)));
}

// { error: 'TypeError' | 'RangeError', message }: web/pe.js throws the matching JS error.
val error_object(const pe::InputError& error) {
  val result = val::object();
  result.set("error", error.kind == pe::ErrorKind::type ? "TypeError" : "RangeError");
  result.set("message", error.message);
  return result;
}

// --- Requests, read by name. A field left undefined keeps the raw request's own default.

void read(const val& options, const char* name, double& field) {
  if (!options[name].isUndefined()) field = options[name].as<double>();
}
void read(const val& options, const char* name, std::string& field) {
  if (!options[name].isUndefined()) field = options[name].as<std::string>();
}
void read(const val& options, const char* name, bool& field) {
  if (!options[name].isUndefined()) field = options[name].as<bool>();
}
void read(const val& options, const char* name, std::optional<double>& field) {
  if (!options[name].isUndefined()) field = options[name].as<double>();
}

pe::RawRopeScaling read_scaling(const val& scaling) {
  pe::RawRopeScaling raw;
  if (scaling.isUndefined()) return raw;
  read(scaling, "type", raw.type);
  read(scaling, "factor", raw.factor);
  read(scaling, "lowFreqFactor", raw.low_freq_factor);
  read(scaling, "highFreqFactor", raw.high_freq_factor);
  read(scaling, "originalContext", raw.original_context);
  read(scaling, "betaFast", raw.beta_fast);
  read(scaling, "betaSlow", raw.beta_slow);
  return raw;
}

pe::RawSchemeSettings read_scheme_options(const val& options) {
  pe::RawSchemeSettings raw;
  read(options, "base", raw.base);
  read(options, "layout", raw.layout);
  read(options, "pairing", raw.pairing);
  raw.scaling = read_scaling(options["scaling"]);
  read(options, "slope", raw.slope);
  return raw;
}

// Tokens split in JS: tokenIds (numbers) and tokenPieces (strings), read only when tokenIds is
// given; the core checks that they match.
std::optional<pe::RawTokens> read_tokens(const val& options) {
  if (options["tokenIds"].isUndefined()) return std::nullopt;
  pe::RawTokens tokens{emscripten::convertJSArrayToNumberVector<double>(options["tokenIds"]),
                       emscripten::vecFromJSArray<std::string>(options["tokenPieces"])};
  return tokens;
}

pe::RawAnalysisRequest read_analysis_options(const val& options) {
  pe::RawAnalysisRequest raw;
  raw.tokens = read_tokens(options);
  if (!options["embeddingTable"].isUndefined())
    raw.embeddings = emscripten::convertJSArrayToNumberVector<float>(options["embeddingTable"]);
  read(options, "kind", raw.kind);
  read(options, "dim", raw.dim);
  read(options, "start", raw.start);
  read(options, "causal", raw.causal);
  read(options, "embeddingStd", raw.embedding_std);
  raw.options = read_scheme_options(options);
  return raw;
}

// --- Results, written by name.

val without_and_with(val without_pe, val with_pe) {
  val pair = val::object();
  pair.set("withoutPE", std::move(without_pe));
  pair.set("withPE", std::move(with_pe));
  return pair;
}

// One copy pair as pe.analyze documents it: { group, a, b, <stage>Distance, <stage>Cosine,
// identical: { <stage> }, contextRounding, firstDifference }, each measure { withoutPE, withPE }.
val copy_pair_to_js(const pe::CopyPair& pair) {
  val result = val::object();
  result.set("group", pair.group);
  result.set("a", pair.a);
  result.set("b", pair.b);
  val identical = val::object();
  for (const auto& [name, stage] : {std::pair{"input", &pair.input},
                                    {"query", &pair.query},
                                    {"key", &pair.key},
                                    {"weights", &pair.weights},
                                    {"context", &pair.context}}) {
    const std::string prefix = name;
    result.set(prefix + "Distance",
               without_and_with(val(stage->without_pe.distance), val(stage->with_pe.distance)));
    result.set(prefix + "Cosine",
               without_and_with(val(stage->without_pe.cosine), val(stage->with_pe.cosine)));
    identical.set(
        name, without_and_with(val(stage->without_pe.identical), val(stage->with_pe.identical)));
  }
  result.set("identical", identical);
  result.set("contextRounding", without_and_with(val(pair.context.without_pe.rounding),
                                                 val(pair.context.with_pe.rounding)));
  result.set("firstDifference", std::string(pe::divergence_name(pair.first_difference)));
  return result;
}

template <typename T>
val array_to_js(const std::vector<T>& items, val (*convert)(const T&)) {
  val array = val::array();
  for (const T& item : items) array.call<void>("push", convert(item));
  return array;
}

val string_to_js(const std::string& text) { return val(text); }
val int_to_js(const int& number) { return val(number); }
val group_to_js(const std::vector<int>& group) { return array_to_js(group, &int_to_js); }
// An object of named numbers; with zero_is_null, 0 becomes null ("none").
val numbers_to_js(std::initializer_list<std::pair<const char*, double>> fields,
                  bool zero_is_null = false) {
  val result = val::object();
  for (const auto& [name, value] : fields)
    result.set(name, zero_is_null && value == 0 ? val::null() : val(value));
  return result;
}

val double_to_js(const double& number) { return val(number); }
val band_to_js(const pe::FrequencyBand& band) { return val(std::string(pe::band_name(band))); }

// A scaling object as pe.ropeFrequencies takes it: null for none, else only the keys its type
// uses (llama3 or yarn).
val scaling_to_js(const pe::RopeScaling& s) {
  if (s.type == pe::RopeScalingType::none) return val::null();
  const bool yarn = s.type == pe::RopeScalingType::yarn;
  val result = yarn ? numbers_to_js({{"factor", s.factor},
                                     {"originalContext", s.original_context},
                                     {"betaFast", s.beta_fast},
                                     {"betaSlow", s.beta_slow}})
                    : numbers_to_js({{"factor", s.factor},
                                     {"lowFreqFactor", s.low_freq_factor},
                                     {"highFreqFactor", s.high_freq_factor},
                                     {"originalContext", s.original_context}});
  result.set("type", yarn ? "yarn" : "llama3");
  return result;
}

// --- The API's raw functions.

// Rows are encoded a block at a time into a small buffer and copied straight into the caller's
// Float32Array: the block stays in cache, and a 64 MiB table never needs 64 MiB of wasm memory
// (which, once grown, is never given back). 256 rows or more per block keeps the sinusoidal
// encoder's exact re-anchoring as rare as in one big call.
constexpr std::int64_t kBlockValues = 1 << 18;  // 1 MiB of float32
constexpr std::int64_t kMinBlockRows = 256;

std::int64_t block_rows(int dim) { return std::max(kMinBlockRows, kBlockValues / dim); }

val encode_into_js(pe::EncodeRequest request) {
  const pe::PositionRange whole = request.range;
  val table = val::global("Float32Array").new_(static_cast<double>(whole.value_count()));
  const std::int64_t rows = block_rows(whole.dim);
  std::vector<float> block(static_cast<std::size_t>(std::min(rows, whole.count) * whole.dim));
  for (std::int64_t row = 0; row < whole.count; row += rows) {
    request.range.start = whole.start + row;
    request.range.count = std::min(rows, whole.count - row);
    pe::encode(request, block.data());
    write_to_js(table, static_cast<double>(row * whole.dim), block.data(),
                request.range.value_count());
  }
  return table;
}

// { kind, start, count, dim, base, layout } -> { data: Float32Array(count * dim) }.
val encode(val options) {
  pe::RawEncodeRequest raw;
  read(options, "kind", raw.kind);
  read(options, "start", raw.start);
  read(options, "count", raw.count);
  read(options, "dim", raw.dim);
  raw.options = read_scheme_options(options);
  const auto parsed = pe::parse_encode_request(raw);
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) return error_object(*error);

  val result = val::object();
  result.set("data", encode_into_js(std::get<pe::EncodeRequest>(parsed)));
  return result;
}

// text as UTF-8 -> [string]: the built-in tokenizer's tokens (analysis/tokenizer.hpp), e.g. for
// looking up each word's vector before calling analyze with an embeddingTable.
val tokenize(std::string text) {
  if (const auto error = pe::check_text_size(text)) return error_object(*error);
  return array_to_js(pe::tokenize(text), &string_to_js);
}

// (text as UTF-8, analyze's options) -> { data: Float32Array(n * dim) }: the token embeddings
// analyze starts from, without running the head (pe.js takes from it the synthetic rows of the
// words a word-vector table lacks).
val token_embedding(std::string text, val options) {
  const auto parsed = pe::parse_analysis_request(text, read_analysis_options(options));
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) return error_object(*error);
  val result = val::object();
  result.set("data", copy_to_js(pe::embed(std::get<pe::AnalysisRequest>(parsed))));
  return result;
}

// A run's attention weights in a JS-owned Float32Array(count * count), written a block of rows
// at a time as the head computes them: they never need wasm memory
// (analysis/sentence_analysis.hpp).
class JsWeights final : public pe::WeightsTable {
 public:
  explicit JsWeights(int count)
      : count_(count),
        table_(val::global("Float32Array").new_(static_cast<double>(count) * count)) {}
  void write_rows(int first, int rows, const float* values) override {
    write_to_js(table_, static_cast<double>(first) * count_, values,
                static_cast<std::size_t>(rows) * count_);
  }
  void read_row(int row, float* out) const override {
    read_from_js(table_, static_cast<double>(row) * count_, count_, out);
  }
  const val& table() const { return table_; }

 private:
  int count_;
  val table_;
};

// (text as UTF-8, options with tokenIds + tokenPieces instead of text if split in JS, and an
// optional embeddingTable) -> { tokens: [string], duplicates: [[index]], tokenEmbedding,
// positionEncoding, input, query, key, weights, context, norms, pairs }: each table a
// Float32Array, query/key/weights/context as { withoutPE, withPE }. Each run's tables are copied
// out as soon as it is done, so wasm memory holds one run at a time and never a weights table.
val analyze(std::string text, val options) {
  auto parsed = pe::parse_analysis_request(text, read_analysis_options(options));
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) return error_object(*error);
  auto& request = std::get<pe::AnalysisRequest>(parsed);
  const int count = static_cast<int>(request.tokens.size());
  JsWeights without_weights(count), with_weights(count);

  val result = val::object();
  result.set("weights", without_and_with(without_weights.table(), with_weights.table()));
  for (const char* name : {"query", "key", "context"}) result.set(name, val::object());
  const auto copy_run = [&result](bool with_pe, pe::HeadStages&& stages) {
    const char* run = with_pe ? "withPE" : "withoutPE";
    result["query"].set(run, copy_to_js(stages.query));
    result["key"].set(run, copy_to_js(stages.key));
    result["context"].set(run, copy_to_js(stages.context));
    if (!with_pe) return;
    result.set("positionEncoding", copy_to_js(stages.positions));
    result.set("input", copy_to_js(stages.input));
  };
  const pe::SentenceAnalysis analysis =
      pe::analyze_sentence(std::move(request), without_weights, with_weights, copy_run);

  result.set("tokens", array_to_js(analysis.tokens, &string_to_js));
  result.set("duplicates", array_to_js(analysis.duplicates, &group_to_js));
  result.set("tokenEmbedding", copy_to_js(analysis.token_embedding));
  val norms = val::object();
  norms.set("tokenEmbedding", copy_to_js(analysis.token_norms));
  norms.set("positionEncoding", copy_to_js(analysis.position_norms));
  result.set("norms", norms);
  result.set("pairs", array_to_js(analysis.copy_pairs, &copy_pair_to_js));
  return result;
}

// (text, analyze's options + by) -> { by, maxWeightChange, maxContextChange, weightsUnchanged }.
val compare_shift(std::string text, val options) {
  double by = 0;
  read(options, "by", by);
  const auto parsed = pe::parse_shift_request(text, read_analysis_options(options), by);
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) return error_object(*error);
  const pe::ShiftEffect effect = pe::compare_shift(std::get<pe::ShiftRequest>(parsed));

  val result = val::object();
  result.set("by", static_cast<double>(effect.by));
  result.set("maxWeightChange", effect.max_weight_change);
  result.set("maxContextChange", effect.max_context_change);
  result.set("weightsUnchanged", effect.weights_unchanged);
  return result;
}

// The similarity of every pair of rows of a caller's table { data: Float32Array, dim }, computed
// and handed over a tile of rows at a time: a 2048 x 4096 table (32 MiB) and its 2048 x 2048
// matrix (32 MiB of doubles) never need to be in wasm memory whole. Each entry is the number
// TableRows gives (analysis/vector_geometry.hpp): row_dot sums in index order, so a . b and b . a
// are the same double, and each tile fills its mirror image too.
class SimilarityTiles {
 public:
  SimilarityTiles(val data, int dim, int rows)
      : data_(std::move(data)),
        dim_(dim),
        rows_(rows),
        tile_(static_cast<int>(std::clamp<std::int64_t>(kBlockValues / dim, 1, kMaxTileRows))),
        squared_(static_cast<std::size_t>(rows)),
        block_a_(static_cast<std::size_t>(std::min(tile_, rows)) * dim),
        block_b_(block_a_.size()) {}

  // Checks every value and sums each row's squared length: the shape was checked before.
  std::optional<pe::InputError> read_lengths() {
    for (int first = 0; first < rows_; first += tile_) {
      const int count = read(first, block_a_);
      const std::size_t values = static_cast<std::size_t>(count) * dim_;
      if (auto error =
              pe::find_non_finite(block_a_.data(), values, static_cast<std::size_t>(first) * dim_))
        return error;
      for (int r = 0; r < count; ++r)
        squared_[first + r] = pe::row_dot(row(block_a_, r), row(block_a_, r), dim_);
    }
    return std::nullopt;
  }

  // Float64Array(rows * rows): entry(a, b, dot of the rows) for every pair, [a * rows + b];
  // visit(a, b, value) sees each entry with b >= a once.
  template <typename Entry, typename Visit>
  val matrix(Entry entry, Visit visit) {
    val matrix = val::global("Float64Array").new_(static_cast<double>(rows_) * rows_);
    std::vector<double> tile(static_cast<std::size_t>(tile_) * tile_);
    std::vector<double> mirror(tile.size());
    for (int a0 = 0; a0 < rows_; a0 += tile_) {
      const int a_count = read(a0, block_a_);
      for (int b0 = a0; b0 < rows_; b0 += tile_) {
        const int b_count = b0 == a0 ? a_count : read(b0, block_b_);
        const std::vector<float>& block_b = b0 == a0 ? block_a_ : block_b_;
        for (int a = 0; a < a_count; ++a) {
          for (int b = 0; b < b_count; ++b) {
            const double value =
                entry(a0 + a, b0 + b, pe::row_dot(row(block_a_, a), row(block_b, b), dim_));
            tile[a * b_count + b] = mirror[b * a_count + a] = value;
            if (b0 + b >= a0 + a) visit(a0 + a, b0 + b, value);
          }
        }
        write(matrix, tile, a0, a_count, b0, b_count);
        if (b0 != a0) write(matrix, mirror, b0, b_count, a0, a_count);
      }
    }
    return matrix;
  }

  int rows() const { return rows_; }
  double squared_length(int r) const { return squared_[r]; }

 private:
  // At most 256 x 256 doubles (512 KiB) per tile.
  static constexpr std::int64_t kMaxTileRows = 256;

  // Rows first .. of the caller's table into block; returns how many.
  int read(int first, std::vector<float>& block) const {
    const int count = std::min(tile_, rows_ - first);
    read_from_js(data_, static_cast<double>(first) * dim_, static_cast<std::size_t>(count) * dim_,
                 block.data());
    return count;
  }
  const float* row(const std::vector<float>& block, int r) const {
    return block.data() + static_cast<std::ptrdiff_t>(r) * dim_;
  }
  // A tile (rows x columns) to matrix rows first_row .., columns first_column ..
  void write(val& matrix, const std::vector<double>& tile, int first_row, int rows,
             int first_column, int columns) const {
    for (int r = 0; r < rows; ++r)
      write_to_js(matrix, static_cast<double>(first_row + r) * rows_ + first_column,
                  tile.data() + r * columns, columns);
  }

  val data_;
  int dim_, rows_, tile_;
  std::vector<double> squared_;
  std::vector<float> block_a_, block_b_;
};

// The caller's table checked by shape (from the length, before anything is copied) and by value.
std::variant<SimilarityTiles, pe::InputError> read_table(const val& options) {
  const val data = options["data"];
  const auto parsed =
      pe::parse_similarity_shape(data["length"].as<double>(), options["dim"].as<double>());
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) return *error;
  const auto [width, rows] = std::get<pe::SimilarityShape>(parsed);
  SimilarityTiles tiles(data, width, rows);
  if (auto error = tiles.read_lengths()) return *error;
  return tiles;
}

// { data: Float32Array, dim } -> { rows, data: Float64Array(rows * rows) }.
val cosine_similarities(val options) {
  auto table = read_table(options);
  if (const auto* error = std::get_if<pe::InputError>(&table)) return error_object(*error);
  auto& tiles = std::get<SimilarityTiles>(table);
  const auto cosine = [&tiles](int a, int b, double dot) {
    return pe::cosine_of(dot, tiles.squared_length(a), tiles.squared_length(b));
  };
  val result = val::object();
  result.set("rows", tiles.rows());
  result.set("data", tiles.matrix(cosine, [](int, int, double) {}));
  return result;
}

// { data: Float32Array, dim } -> { rows, data: Float64Array(rows * rows), byOffset: { low, high,
// offsetOnly } }: the Gram matrix, the smallest and largest entry of each of its diagonals
// (Float64Array(rows)), and whether every diagonal is constant up to float32 rounding.
val dot_products(val options) {
  auto table = read_table(options);
  if (const auto* error = std::get_if<pe::InputError>(&table)) return error_object(*error);
  auto& tiles = std::get<SimilarityTiles>(table);
  pe::DiagonalTracker tracker(tiles.rows());
  const auto dot = [&tiles](int a, int b, double value) {
    return a == b ? tiles.squared_length(a) : value;
  };
  const auto track = [&tracker](int a, int b, double value) { tracker.add(a, b, value); };
  val data = tiles.matrix(dot, track);
  const pe::DiagonalRanges diagonals = tracker.ranges();

  val by_offset = val::object();
  by_offset.set("low", copy_to_js(diagonals.low));
  by_offset.set("high", copy_to_js(diagonals.high));
  by_offset.set("offsetOnly", diagonals.offset_only);
  val result = val::object();
  result.set("rows", tiles.rows());
  result.set("data", data);
  result.set("byOffset", by_offset);
  return result;
}

// { dim, base } -> { frequencies, wavelengths }, each Float64Array(dim / 2): w_k = base^(-2k/dim)
// and 2 pi / w_k. The same checks as ropeFrequencies without scaling: the angles are shared.
val sinusoidal_frequencies(val options) {
  double dim = 0, base = 0;
  read(options, "dim", dim);
  read(options, "base", base);
  const auto parsed = pe::parse_rope_frequency_request(dim, base, {});
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) return error_object(*error);
  const auto& request = std::get<pe::RopeFrequencyRequest>(parsed);
  const std::vector<double> frequencies = pe::inverse_frequencies(request.dim, request.base);

  val result = val::object();
  result.set("frequencies", copy_to_js(frequencies));
  result.set("wavelengths", copy_to_js(pe::wavelengths(frequencies)));
  return result;
}

// { dim, base, layout, start, count, by } -> { angles, cos, sin: Float64Array(dim / 2), matrix:
// Float64Array(dim * dim) | null (dim <= 64), maxError, maxErrorAt: number | null, identical }.
val shift_rotation(val options) {
  double start = 0, count = 0, dim = 0, by = 0;
  read(options, "start", start);
  read(options, "count", count);
  read(options, "dim", dim);
  read(options, "by", by);
  const auto parsed =
      pe::parse_shift_rotation_request(start, count, dim, read_scheme_options(options), by);
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) return error_object(*error);
  const auto& request = std::get<pe::ShiftRotationRequest>(parsed);
  const pe::ShiftCheck check = pe::check_shift(request);
  const pe::ShiftRotation& rotation = check.rotation;

  val result = val::object();
  result.set("angles", copy_to_js(rotation.angles));
  result.set("cos", copy_to_js(rotation.cosines));
  result.set("sin", copy_to_js(rotation.sines));
  result.set("matrix", request.range.dim <= pe::kMaxRotationMatrixDim
                           ? copy_to_js(pe::rotation_matrix(rotation, request.layout))
                           : val::null());
  result.set("maxError", check.max_error);
  result.set("maxErrorAt", check.at < 0 ? val::null() : val(static_cast<double>(check.at)));
  result.set("identical", check.identical);
  return result;
}

// { start, count, bits } -> { periods: Float64Array(bits), binary, sinusoidal: Float64Array(count),
// even: { binary, sinusoidal } }: even, whether every step has one length up to float32 rounding.
val neighbour_steps(val options) {
  double start = 0, count = 0, bits = 0;
  read(options, "start", start);
  read(options, "count", count);
  read(options, "bits", bits);
  const auto parsed = pe::parse_neighbour_steps_request(start, count, bits);
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) return error_object(*error);
  const pe::NeighbourSteps steps = pe::neighbour_steps(std::get<pe::NeighbourStepsRequest>(parsed));

  val result = val::object();
  result.set("periods", copy_to_js(steps.periods));
  result.set("binary", copy_to_js(steps.binary));
  result.set("sinusoidal", copy_to_js(steps.sinusoidal));
  val even = val::object();
  even.set("binary", steps.binary_even);
  even.set("sinusoidal", steps.sinusoidal_even);
  result.set("even", even);
  return result;
}

// { start, count, dim } -> { hamming: Uint8Array(count - 1), sameCodeAs: Uint32Array(count),
// flipPeriods: Float64Array(dim), repeatsFrom: number | null }. Described a block of rows at a
// time straight into the caller's arrays, like encode, so a range of 16 million rows never needs
// its facts in wasm memory.
val binary_structure(val options) {
  const auto parsed = pe::parse_position_range(
      options["start"].as<double>(), options["count"].as<double>(), options["dim"].as<double>());
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) return error_object(*error);
  const pe::PositionRange whole = std::get<pe::PositionRange>(parsed);

  val hamming = val::global("Uint8Array")
                    .new_(static_cast<double>(std::max<std::int64_t>(whole.count - 1, 0)));
  val same_code_as = val::global("Uint32Array").new_(static_cast<double>(whole.count));
  const std::int64_t rows = kBlockValues;  // 2^18 rows of facts at a time: 1.25 MiB
  std::vector<std::uint8_t> block_hamming(static_cast<std::size_t>(std::min(rows, whole.count)));
  std::vector<std::uint32_t> block_codes(block_hamming.size() + 1);
  for (std::int64_t first = 0; first < whole.count; first += rows) {
    const std::int64_t kept = std::min(rows, whole.count - first);
    // One row more than kept, where there is one, so the last kept row has its neighbour.
    const std::int64_t described = std::min(kept + 1, whole.count - first);
    pe::describe_binary_rows({whole.start + first, described, whole.dim}, block_hamming.data(),
                             block_codes.data());
    write_to_js(hamming, static_cast<double>(first), block_hamming.data(), described - 1);
    write_to_js(same_code_as, static_cast<double>(first), block_codes.data(), kept);
  }
  const std::int64_t repeats_from = pe::first_repeated_position(whole.dim);
  val result = val::object();
  result.set("hamming", hamming);
  result.set("sameCodeAs", same_code_as);
  result.set("flipPeriods", copy_to_js(pe::flip_periods(whole.dim)));
  result.set("repeatsFrom",
             repeats_from < 0 ? val::null() : val(static_cast<double>(repeats_from)));
  return result;
}

// { start, count, dim, samplesPerPosition } ->
// { data: Float32Array((count * samplesPerPosition + 1) * dim) }, sampled a block of rows at a
// time straight into the caller's array, like encode.
val smooth_bits(val options) {
  const auto parsed = pe::parse_smooth_bits_request(
      options["start"].as<double>(), options["count"].as<double>(), options["dim"].as<double>(),
      options["samplesPerPosition"].as<double>());
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) return error_object(*error);
  const auto& request = std::get<pe::SmoothBitsRequest>(parsed);

  const std::int64_t samples = request.sample_count();
  val data = val::global("Float32Array").new_(static_cast<double>(samples * request.dim));
  const std::int64_t rows = block_rows(request.dim);
  std::vector<float> block(static_cast<std::size_t>(std::min(rows, samples) * request.dim));
  for (std::int64_t first = 0; first < samples; first += rows) {
    const std::int64_t kept = std::min(rows, samples - first);
    pe::encode_smooth_bits(request, first, kept, block.data());
    write_to_js(data, static_cast<double>(first * request.dim), block.data(), kept * request.dim);
  }
  val result = val::object();
  result.set("data", data);
  return result;
}

// { dim, base, scaling } -> { data: Float64Array(dim / 2): theta_i after scaling, bands:
// ['kept' | 'blended' | 'divided'], kept, blended, divided: counts, wavelengths,
// originalWavelengths: Float64Array(dim / 2), 2 pi / theta_i after and before }.
val rope_frequencies(val options) {
  double dim = 0, base = 0;
  read(options, "dim", dim);
  read(options, "base", base);
  const auto parsed = pe::parse_rope_frequency_request(dim, base, read_scaling(options["scaling"]));
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) return error_object(*error);
  const auto& request = std::get<pe::RopeFrequencyRequest>(parsed);
  const pe::RopeWavelengths wavelengths =
      pe::rope_wavelengths(request.dim, request.base, request.scaling);

  val result = val::object();
  result.set("data", copy_to_js(wavelengths.frequencies));
  result.set("bands", array_to_js(wavelengths.bands, &band_to_js));
  result.set("kept", wavelengths.kept);
  result.set("blended", wavelengths.blended);
  result.set("divided", wavelengths.divided);
  result.set("wavelengths", copy_to_js(wavelengths.scaled));
  result.set("originalWavelengths", copy_to_js(wavelengths.original));
  return result;
}

pe::RawRopeSettings read_rope_settings(const val& options) {
  pe::RawRopeSettings raw;
  read(options, "dim", raw.dim);
  read(options, "base", raw.base);
  read(options, "pairing", raw.pairing);
  raw.scaling = read_scaling(options["scaling"]);
  return raw;
}

// { data: Float32Array, dim, start, base, pairing, scaling } -> { data: Float32Array }: row r
// rotated as position start + r. Streamed like encode: a block of rows is copied into wasm
// memory, checked, rotated and copied out, so wasm memory never holds the whole table.
val rotate(val options) {
  const val data = options["data"];
  const pe::RawRopeSettings raw = read_rope_settings(options);
  double start = 0;
  read(options, "start", start);
  const auto shape = pe::parse_rotate_shape(data["length"].as<double>(), raw.dim, start);
  if (const auto* error = std::get_if<pe::InputError>(&shape)) return error_object(*error);
  const auto parsed = pe::parse_rope_settings(raw);
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) return error_object(*error);

  const auto [width, rows, first] = std::get<pe::RotateShape>(shape);
  const auto& [request, pairing] = std::get<pe::RopeSettings>(parsed);
  const std::vector<double> theta =
      pe::rope_frequencies(request.dim, request.base, request.scaling).frequencies;
  const std::int64_t rows_per_block = block_rows(width);
  std::vector<float> block(static_cast<std::size_t>(std::min(rows_per_block, rows) * width));
  val rotated = val::global("Float32Array").new_(static_cast<double>(rows * width));
  for (std::int64_t row = 0; row < rows; row += rows_per_block) {
    const std::int64_t count = std::min(rows_per_block, rows - row);
    const std::int64_t from = row * width;
    const std::int64_t values = count * width;
    read_from_js(data, static_cast<double>(from), values, block.data());
    if (const auto error = pe::find_non_finite(block.data(), values, from))
      return error_object(*error);
    pe::rotate_rows(theta, pairing, first + row, count, width, block.data(), width);
    write_to_js(rotated, static_cast<double>(from), block.data(), values);
  }
  val result = val::object();
  result.set("data", rotated);
  return result;
}

// { query, key: Float32Array(dim), dim, base, pairing, scaling, position, fromOffset, count } ->
// { scores, bounds: Float64Array(count) }: at offset o = fromOffset + j,
// <R_position q, R_(position + o) k> and RoFormer's bound on its size.
val rope_scores(val options) {
  pe::RawRopeScoresRequest raw;
  raw.rope = read_rope_settings(options);
  raw.query_length = options["query"]["length"].as<double>();
  raw.key_length = options["key"]["length"].as<double>();
  read(options, "position", raw.position);
  read(options, "fromOffset", raw.from_offset);
  read(options, "count", raw.count);
  const auto parsed = pe::parse_rope_scores_request(raw);
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) return error_object(*error);
  const auto& request = std::get<pe::RopeScoresRequest>(parsed);
  const auto& f = request.rope.frequencies;
  // query then key, copied into wasm memory once their lengths are known to be dim; the first
  // value that is not finite is an error naming its array.
  std::vector<float> vectors(2 * static_cast<std::size_t>(f.dim));
  for (const int v : {0, 1}) {
    const char* name = v == 0 ? "query" : "key";
    float* values = vectors.data() + v * f.dim;
    val(emscripten::typed_memory_view(f.dim, values)).call<void>("set", options[name]);
    if (const auto error = pe::find_non_finite(values, f.dim, 0, name)) return error_object(*error);
  }

  const pe::RopeScores scores =
      pe::rope_scores(vectors.data(), vectors.data() + f.dim, f.dim,
                      pe::rope_frequencies(f.dim, f.base, f.scaling).frequencies,
                      request.rope.pairing, request.position, request.first_offset, request.count);
  val result = val::object();
  result.set("scores", copy_to_js(scores.scores));
  result.set("bounds", copy_to_js(scores.bounds));
  return result;
}

// { dim, from, to } -> { data: Int32Array(dim) }: out[j] = in[data[j]]. With to 'interleaved' it
// lists from's pairs: pair k is channels (data[2k], data[2k + 1]).
val rope_pairing_permutation(val options) {
  double dim = 0;
  std::string from, to;
  read(options, "dim", dim);
  read(options, "from", from);
  read(options, "to", to);
  const auto parsed = pe::parse_pairing_permutation_request(dim, from, to);
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) return error_object(*error);
  const auto& request = std::get<pe::PairingPermutationRequest>(parsed);
  val result = val::object();
  result.set("data", copy_to_js(pe::pairing_permutation(request.dim, request.from, request.to)));
  return result;
}

// The published RoPE configurations: [{ name, label, dim, base, scaling (null or as
// pe.ropeFrequencies takes it), originalContext, contextLength (null: none), source }].
val rope_presets() {
  val presets = val::array();
  for (const pe::RopePreset& p : pe::kRopePresets) {
    val preset = numbers_to_js({{"dim", static_cast<double>(p.dim)},
                                {"base", p.base},
                                {"originalContext", static_cast<double>(p.original_context)},
                                {"contextLength", static_cast<double>(p.context_length)}},
                               true);
    preset.set("name", std::string(p.name));
    preset.set("label", std::string(p.label));
    preset.set("scaling", scaling_to_js(p.scaling));
    preset.set("source", std::string(p.source));
    presets.call<void>("push", preset);
  }
  return presets;
}

// { factor, mscaleAllDim } -> { mscale }: YaRN's attention temperature, 0.1 * mscaleAllDim *
// ln(factor) + 1; DeepSeek multiplies its softmax scale by mscale^2.
val yarn_mscale(val options) {
  double factor = 0, mscale_all_dim = 1;
  read(options, "factor", factor);
  read(options, "mscaleAllDim", mscale_all_dim);
  const auto parsed = pe::parse_yarn_mscale_request(factor, mscale_all_dim);
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) return error_object(*error);
  const auto& request = std::get<pe::YarnMscaleRequest>(parsed);
  val result = val::object();
  result.set("mscale", pe::yarn_mscale(request.factor, request.mscale_all_dim));
  return result;
}

// { heads } -> { data: Float64Array(heads) }: the ALiBi paper's slopes, head 1 first.
val alibi_slopes(val options) {
  double heads = 0;
  read(options, "heads", heads);
  const auto parsed = pe::parse_alibi_heads(heads);
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) return error_object(*error);
  val result = val::object();
  result.set("data", copy_to_js(pe::alibi_slopes(std::get<int>(parsed))));
  return result;
}

// { dim } -> { query, key, value }: the head's fixed projections, each Float32Array(dim * dim),
// row-major, applied to row vectors (q = x W_q), so a reader can recompute the head.
val attention_weights(val options) {
  const double dim = options["dim"].as<double>();
  if (!pe::is_integer_in(dim, 1, pe::kMaxAnalysisDim))
    return error_object(
        pe::range_error("dim", "an integer from 1 to " + std::to_string(pe::kMaxAnalysisDim), dim));
  const pe::AttentionWeights weights = pe::make_attention_weights(static_cast<int>(dim));
  val result = val::object();
  result.set("query", copy_to_js(weights.query));
  result.set("key", copy_to_js(weights.key));
  result.set("value", copy_to_js(weights.value));
  return result;
}

// --- DeepSeek's multi-head latent attention (src/mla).

// Reads each named option that is given into its field.
template <typename Field>
void read_each(const val& options, std::initializer_list<std::pair<const char*, Field*>> fields) {
  for (const auto& [name, field] : fields) read(options, name, *field);
}

// { attention, heads, kvHeads, headDim, valueHeadDim, latentDim, ropeDim, layers, tokens,
// bytesPerElement } -> { perTokenPerLayer, perToken, total, bytes }, exact integers.
val kv_cache(val options) {
  pe::RawKvCacheRequest raw;
  read(options, "attention", raw.attention);
  read_each<std::optional<double>>(options, {{"heads", &raw.heads},
                                             {"kvHeads", &raw.kv_heads},
                                             {"headDim", &raw.head_dim},
                                             {"valueHeadDim", &raw.value_head_dim},
                                             {"latentDim", &raw.latent_dim},
                                             {"ropeDim", &raw.rope_dim}});
  read_each<double>(options, {{"layers", &raw.layers},
                              {"tokens", &raw.tokens},
                              {"bytesPerElement", &raw.bytes_per_element}});
  const auto parsed = pe::parse_kv_cache_request(raw);
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) return error_object(*error);
  const pe::KvCacheSize size = pe::kv_cache_size(std::get<pe::KvCacheRequest>(parsed));
  return numbers_to_js({{"perTokenPerLayer", static_cast<double>(size.per_token_per_layer)},
                        {"perToken", static_cast<double>(size.per_token)},
                        {"total", static_cast<double>(size.total)},
                        {"bytes", static_cast<double>(size.bytes)}});
}

// { id, name, dModel, layers, heads, kvHeads, headDim, valueHeadDim, queryKeyHeadDim,
// ropeDim, latentDim, queryLatentDim (null for none), maxContext, rope: { dim, base, scaling,
// mscaleAllDim, softmaxFactor = mscale^2 (null without a YaRN temperature), wavelengths: { before,
// after: [dim / 2 numbers], bands: ['kept' | 'blended' | 'divided'] } } }.
// The presets' numbers by JS name; 0 is written as null (the model has none).
constexpr std::pair<const char*, int pe::ModelPreset::*> kPresetNumbers[] = {
    {"dModel", &pe::ModelPreset::d_model},
    {"layers", &pe::ModelPreset::layers},
    {"heads", &pe::ModelPreset::heads},
    {"kvHeads", &pe::ModelPreset::kv_heads},
    {"headDim", &pe::ModelPreset::head_dim},
    {"valueHeadDim", &pe::ModelPreset::value_head_dim},
    {"ropeDim", &pe::ModelPreset::rope_dim},
    {"latentDim", &pe::ModelPreset::latent_dim},
    {"queryLatentDim", &pe::ModelPreset::query_latent_dim},
    {"maxContext", &pe::ModelPreset::max_context},
};

val preset_to_js(const pe::ModelPreset& p) {
  val result = val::object();
  result.set("id", std::string(p.id));
  result.set("name", std::string(p.name));
  for (const auto& [name, field] : kPresetNumbers)
    result.set(name, p.*field == 0 ? val::null() : val(p.*field));
  result.set("queryKeyHeadDim", p.query_key_head_dim());
  // Without a YaRN temperature (mscale_all_dim 0) both numbers are null.
  const double mscale =
      p.mscale_all_dim > 0 ? pe::yarn_mscale(p.scaling.factor, p.mscale_all_dim) : 0;
  val rope =
      numbers_to_js({{"mscaleAllDim", p.mscale_all_dim}, {"softmaxFactor", mscale * mscale}}, true);
  rope.set("dim", p.rotated_dim());
  rope.set("base", p.rope_base);
  rope.set("scaling", scaling_to_js(p.scaling));
  const pe::RopeWavelengths lengths = pe::rope_wavelengths(p.rotated_dim(), p.rope_base, p.scaling);
  val wavelengths = val::object();
  // Plain arrays, so pe.js can freeze the presets (typed arrays cannot be frozen).
  wavelengths.set("before", array_to_js(lengths.original, &double_to_js));
  wavelengths.set("after", array_to_js(lengths.scaled, &double_to_js));
  wavelengths.set("bands", array_to_js(lengths.bands, &band_to_js));
  rope.set("wavelengths", wavelengths);
  result.set("rope", rope);
  return result;
}

val model_presets() {
  val presets = val::array();
  for (const pe::ModelPreset& preset : pe::model_presets())
    presets.call<void>("push", preset_to_js(preset));
  return presets;
}

// { rope, tokens, dModel, heads, headDim, ropeDim, latentDim, start, seed } -> { explicit,
// absorbed: Float32Array(heads * tokens * tokens), maxAbsDifference, maxAbsScore,
// absorbedMatrices, cacheElementsPerToken: { explicit, absorbed } }.
val mla_absorption(val options) {
  pe::RawMlaAbsorptionRequest raw;
  read(options, "rope", raw.rope);
  read_each<double>(options, {{"tokens", &raw.tokens},
                              {"dModel", &raw.d_model},
                              {"heads", &raw.heads},
                              {"headDim", &raw.head_dim},
                              {"ropeDim", &raw.rope_dim},
                              {"latentDim", &raw.latent_dim},
                              {"start", &raw.start},
                              {"seed", &raw.seed}});
  const auto parsed = pe::parse_mla_absorption_request(raw);
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) return error_object(*error);
  const pe::MlaAbsorption run = pe::run_mla_absorption(std::get<pe::MlaAbsorptionRequest>(parsed));
  val result = numbers_to_js({{"maxAbsDifference", run.max_abs_difference},
                              {"maxAbsScore", run.max_abs_score},
                              {"absorbedMatrices", static_cast<double>(run.absorbed_matrices)}});
  result.set("explicit", copy_to_js(run.explicit_scores));
  result.set("absorbed", copy_to_js(run.absorbed_scores));
  result.set("cacheElementsPerToken",
             numbers_to_js({{"explicit", static_cast<double>(run.explicit_cache)},
                            {"absorbed", static_cast<double>(run.absorbed_cache)}}));
  return result;
}

// --- The registry, described for pe.schemes and the page's selectors.

val option_to_js(const pe::SchemeOption* const& option) {
  val result = val::object();
  result.set("name", std::string(option->name));
  result.set("label", std::string(option->label));
  result.set("help", std::string(option->help));
  switch (option->type) {
    case pe::OptionType::number:
      result.set("type", "number");
      result.set("default", option->default_number);
      break;
    case pe::OptionType::choice: {
      result.set("type", "choice");
      result.set("default", std::string(option->choices.front().value));
      val choices = val::array();
      for (const pe::OptionChoice& choice : option->choices) {
        val entry = val::object();
        entry.set("value", std::string(choice.value));
        entry.set("label", std::string(choice.label));
        choices.call<void>("push", entry);
      }
      result.set("choices", choices);
      break;
    }
    case pe::OptionType::scaling:
      result.set("type", "scaling");
      result.set("default", val::null());  // no scaling
      break;
  }
  return result;
}

val scheme_to_js(const pe::PositionScheme* const& scheme) {
  val result = val::object();
  result.set("name", std::string(scheme->name));
  result.set("label", std::string(scheme->label));
  result.set("actsOn", std::string(pe::stage_name(scheme->stage)));
  result.set("evenDim", !scheme->even_dim_reason.empty());
  result.set("learned", scheme->learned);
  result.set("options", array_to_js(scheme->options, &option_to_js));
  return result;
}

val schemes() { return array_to_js(pe::position_schemes(), &scheme_to_js); }

// The synthetic vocabulary's clusters, in order: [{ cluster, words: [word] }], for the page to
// name the words it placed close together (analysis/token_embeddings.hpp).
val vocabulary_clusters() {
  val clusters = val::array();
  val current = val::null();
  std::string_view name;
  for (const pe::ClusteredWord& entry : pe::kClusteredVocabulary) {
    if (current.isNull() || entry.cluster != name) {
      name = entry.cluster;
      current = val::object();
      current.set("cluster", std::string(name));
      current.set("words", val::array());
      clusters.call<void>("push", current);
    }
    current["words"].call<void>("push", std::string(entry.word));
  }
  return clusters;
}

// Bytes currently allocated on the wasm heap: lets tests prove that calls do not leak.
double heap_bytes_in_use() { return static_cast<double>(mallinfo().uordblks); }

// Size of the wasm memory itself: lets tests prove that it grew while they held a result.
double memory_bytes() { return static_cast<double>(emscripten_get_heap_size()); }

}  // namespace

EMSCRIPTEN_BINDINGS(pe_lab) {
  emscripten::function("schemes", &schemes);
  emscripten::function("encode", &encode);
  emscripten::function("tokenize", &tokenize);
  emscripten::function("tokenEmbedding", &token_embedding);
  emscripten::function("analyze", &analyze);
  emscripten::function("compareShift", &compare_shift);
  emscripten::function("attentionWeights", &attention_weights);
  emscripten::function("binaryStructure", &binary_structure);
  emscripten::function("smoothBits", &smooth_bits);
  emscripten::function("cosineSimilarities", &cosine_similarities);
  emscripten::function("dotProducts", &dot_products);
  emscripten::function("sinusoidalFrequencies", &sinusoidal_frequencies);
  emscripten::function("shiftRotation", &shift_rotation);
  emscripten::function("neighbourSteps", &neighbour_steps);
  emscripten::function("ropeFrequencies", &rope_frequencies);
  emscripten::function("rotate", &rotate);
  emscripten::function("yarnMscale", &yarn_mscale);
  emscripten::function("alibiSlopes", &alibi_slopes);
  emscripten::function("ropeScores", &rope_scores);
  emscripten::function("ropePairingPermutation", &rope_pairing_permutation);
  emscripten::function("ropePresets", &rope_presets);
  emscripten::function("kvCache", &kv_cache);
  emscripten::function("modelPresets", &model_presets);
  emscripten::function("mlaAbsorption", &mla_absorption);
  // The analysis limits and embedding scale, for the page to state (analysis/*.hpp).
  emscripten::constant("analysisMaxTokens", static_cast<double>(pe::kMaxAnalysisTokens));
  emscripten::constant("analysisMaxDim", static_cast<double>(pe::kMaxAnalysisDim));
  emscripten::constant("analysisMaxTextBytes", static_cast<double>(pe::kMaxTextBytes));
  emscripten::constant("analysisMaxComparedCopies", static_cast<double>(pe::kMaxComparedCopies));
  emscripten::constant("weightChangeTolerance", pe::kWeightChangeTolerance);
  emscripten::constant("tokenEmbeddingStd", pe::kTokenEmbeddingStd);
  emscripten::function("vocabularyClusters", &vocabulary_clusters);
  emscripten::function("heapBytesInUse", &heap_bytes_in_use);
  emscripten::function("memoryBytes", &memory_bytes);
}
