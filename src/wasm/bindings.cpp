// The Embind surface of PE Lab's core module: which core function each raw JS function calls.
// The core knows nothing of JavaScript; every request is read from its declaration, every
// result written from its declared fields and every error unwrapped by marshal.hpp. web/pe.js
// wraps these raw functions into the public API with the declarations they export (requests()):
// it checks each option's JS type, fills in the defaults and throws { error, message } results.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "analysis/attention.hpp"
#include "analysis/row_norms.hpp"
#include "analysis/sentence_analysis.hpp"
#include "analysis/similarity_request.hpp"
#include "analysis/sinusoidal_geometry.hpp"
#include "analysis/token_embeddings.hpp"
#include "analysis/tokenizer.hpp"
#include "core/binary_structure.hpp"
#include "core/rope_presets.hpp"
#include "core/rope_request.hpp"
#include "core/smooth_bits.hpp"
#include "declarations.hpp"
#include "js_arrays.hpp"
#include "marshal.hpp"
#include "mla/mla_request.hpp"
#include "mla/model_presets.hpp"
#include "module_basics.hpp"
#include "positions/encode_request.hpp"
#include "positions/scheme_registry.hpp"

using emscripten::val;
using marshal::answer;
using marshal::JsArray;
using marshal::JsFloats;
using marshal::object_of;
using marshal::Outcome;
using marshal::read;
using marshal::to_js;

namespace pe {

// A scaling as pe.ropeFrequencies takes it: null for none, else its type and the keys it uses.
val to_js(const RopeScaling& scaling) {
  if (scaling.type == RopeScalingType::none) return val::null();
  val result = val::object();
  for (const ScalingKey& key : keys_of(scaling)) result.set(key.name, key.value);
  result.set("type", std::string(name_of(scaling.type)));
  return result;
}

}  // namespace pe

namespace {

// The control a scheme option gets on the page: a number box, a choice, or RoPE's scaling.
template <typename T>
const char* control_of() {
  if constexpr (std::is_same_v<T, double>) return "number";
  if constexpr (std::is_same_v<T, std::string>) return "choice";
  if constexpr (std::is_same_v<T, pe::RawRopeScaling>) return "scaling";
}

// A scheme's option as pe.schemes describes it: { name, label, help, type, default, choices? }.
val scheme_option_to_js(const pe::OptionSpec* spec) {
  val option = val::object();
  option.set("name", std::string(spec->name));
  option.set("label", std::string(spec->label));
  option.set("help", std::string(spec->doc));
  const auto set_type = [&](const auto&... row) {
    ((row.spec == spec
          ? option.set("type", control_of<typename std::decay_t<decltype(row)>::Value>())
          : void()),
     ...);
  };
  std::apply(set_type, pe::scheme_options_of<pe::RawAnalysisRequest>());
  std::visit(
      [&option](const auto& fallback) {
        using D = std::decay_t<decltype(fallback)>;
        if constexpr (std::is_same_v<D, double>) option.set("default", fallback);
        if constexpr (std::is_same_v<D, const char*>) option.set("default", std::string(fallback));
        if constexpr (std::is_same_v<D, std::nullptr_t>) option.set("default", val::null());
      },
      spec->fallback);
  if (spec->choices) {
    val choices = val::array();
    for (const pe::OptionChoice& choice : spec->choices()) {
      val entry = val::object();
      entry.set("value", std::string(choice.value));
      entry.set("label", std::string(choice.label));
      choices.call<void>("push", entry);
    }
    option.set("choices", choices);
  }
  return option;
}

val scheme_to_js(const pe::PositionScheme* scheme) {
  val result = val::object();
  result.set("name", std::string(scheme->name));
  result.set("label", std::string(scheme->label));
  result.set("actsOn", std::string(pe::name_of(scheme->stage)));
  result.set("whereItActs", std::string(pe::where_it_acts(scheme->stage)));
  result.set("evenDim", !scheme->even_dim_reason.empty());
  result.set("learned", scheme->learned);
  val options = val::array();
  for (const pe::OptionSpec* option : scheme->options)
    options.call<void>("push", scheme_option_to_js(option));
  result.set("options", options);
  return result;
}

// --- The registries and presets, read once by pe.js.

val schemes() {
  val all = val::array();
  for (const pe::PositionScheme* scheme : pe::position_schemes())
    all.call<void>("push", scheme_to_js(scheme));
  return all;
}
val rope_presets() {
  return to_js(
      std::vector<pe::RopePreset>(std::begin(pe::kRopePresets), std::end(pe::kRopePresets)));
}
val model_presets() {
  const auto& presets = pe::model_presets();
  return to_js(std::vector<pe::ModelPreset>(presets.begin(), presets.end()));
}
val vocabulary_clusters() { return to_js(pe::vocabulary_clusters()); }

// --- Tables of positions, a block of rows at a time straight into the caller's arrays.

val encode(val options) {
  return answer(pe::parse(read(options, pe::kEncodeOptions)), [](const pe::EncodeRequest& r) {
    JsArray<float> data(r.range.value_count());
    pe::encode(r, data);
    return object_of({{"data", data.array()}});
  });
}

val binary_structure(val options) {
  return answer(pe::parse(read(options, pe::kPositionRangeOptions)),
                [](const pe::PositionRange& r) {
                  JsArray<std::uint8_t> hamming(std::max<std::int64_t>(r.count - 1, 0));
                  JsArray<std::uint32_t> same_code_as(r.count);
                  val result = to_js(pe::describe_binary_structure(r, hamming, same_code_as));
                  result.set("hamming", hamming.array());
                  result.set("sameCodeAs", same_code_as.array());
                  return result;
                });
}

val smooth_bits(val options) {
  return answer(pe::parse(read(options, pe::kSmoothBitsOptions)),
                [](const pe::SmoothBitsRequest& r) {
                  JsArray<float> data(r.sample_count() * r.dim);
                  pe::encode_smooth_bits(r, data);
                  return object_of({{"data", data.array()}});
                });
}

// --- Sentence analysis. text arrives as UTF-8 bytes; a BPE tokenizer's tokens arrive instead
// as options.tokens = { ids, pieces } (split in pe.js).

val tokenize(std::string text) {
  if (const auto error = pe::check_text_size(text)) return marshal::error_to_js(*error);
  return to_js(pe::tokenize(text));
}

// The token embeddings analyze starts from, without the head: pe.js takes from them the synthetic
// rows of the words a word-vector table lacks.
val token_embedding(std::string text, val options) {
  const auto raw = read(options, pe::kAnalysisOptions, pe::kCallerTokenOptions);
  return answer(pe::parse_analysis_request(text, raw), [](const pe::AnalysisRequest& request) {
    return object_of({{"data", to_js(pe::embed(request))}});
  });
}

// The declared analysis, plus each run's tables as the run finishes: query, key, context and
// weights as { withoutPE, withPE }, the positions and input of the run with them. The weights go
// straight into JS arrays, and each run's other tables are copied out as soon as it is done, so
// wasm memory holds one run at a time and never a weights table.
val analyze(std::string text, val options) {
  const auto raw = read(options, pe::kAnalysisOptions, pe::kCallerTokenOptions);
  return answer(pe::parse_analysis_request(text, raw), [](pe::AnalysisRequest& request) {
    const auto count = static_cast<std::int64_t>(request.tokens.size());
    JsFloats without_weights(count * count), with_weights(count * count);
    val runs = val::object();
    for (const char* stage : {"query", "key", "context"}) runs.set(stage, val::object());
    val positions = val::null(), input = val::null();
    const auto finished = [&](bool with_pe, pe::HeadStages&& stages) {
      const char* run = with_pe ? "withPE" : "withoutPE";
      runs["query"].set(run, to_js(stages.query));
      runs["key"].set(run, to_js(stages.key));
      runs["context"].set(run, to_js(stages.context));
      if (!with_pe) return;
      positions = to_js(stages.positions);
      input = to_js(stages.input);
    };
    val result =
        to_js(pe::analyze_sentence(std::move(request), without_weights, with_weights, finished));
    for (const char* stage : {"query", "key", "context"}) result.set(stage, runs[stage]);
    result.set("weights", object_of({{"withoutPE", without_weights.array()},
                                     {"withPE", with_weights.array()}}));
    result.set("positionEncoding", positions);
    result.set("input", input);
    return result;
  });
}

val compare_shift(std::string text, val options) {
  const auto raw = read(options, pe::kAnalysisOptions, pe::kCallerTokenOptions);
  return answer(pe::parse_shift_request(text, raw, read(options, pe::kShiftOptions).by),
                [](const pe::ShiftRequest& request) { return pe::compare_shift(request); });
}

val attention_weights(val options) {
  return answer(pe::parse(read(options, pe::kAttentionWeightsOptions)),
                &pe::make_attention_weights);
}

// --- Any table's rows compared, a tile at a time (analysis/similarity_request.hpp).

val cosine_similarities(val options) {
  return answer(pe::parse(read(options, pe::kSimilarityOptions)),
                [](const pe::SimilarityRequest& r) {
                  JsArray<double> matrix(static_cast<std::int64_t>(r.shape.rows) * r.shape.rows);
                  pe::cosine_similarities(r, matrix);
                  return object_of({{"rows", to_js(r.shape.rows)}, {"data", matrix.array()}});
                });
}

val dot_products(val options) {
  return answer(
      pe::parse(read(options, pe::kSimilarityOptions)), [](const pe::SimilarityRequest& r) {
        JsArray<double> matrix(static_cast<std::int64_t>(r.shape.rows) * r.shape.rows);
        const val by_offset = to_js(pe::dot_products(r, matrix));
        return object_of(
            {{"byOffset", by_offset}, {"rows", to_js(r.shape.rows)}, {"data", matrix.array()}});
      });
}

// Every row's length, streamed: a block of rows read, measured and written out at a time.
val row_norms(val options) {
  return answer(pe::parse(read(options, pe::kRowNormsOptions)),
                [](const pe::RowNormsRequest& r) -> Outcome {
                  JsArray<double> norms(r.rows);
                  if (auto error = pe::row_norms(r, norms)) return *error;
                  return object_of({{"rows", to_js(r.rows)}, {"data", norms.array()}});
                });
}

// --- The sinusoidal encoding's geometry.

val sinusoidal_frequencies(val options) {
  return answer(pe::parse(read(options, pe::kSinusoidalFrequencyOptions)),
                &pe::sinusoidal_frequencies);
}
val shift_rotation(val options) {
  return answer(pe::parse(read(options, pe::kShiftRotationOptions)), &pe::check_shift);
}
val neighbour_steps(val options) {
  return answer(pe::parse(read(options, pe::kNeighbourStepsOptions)), &pe::neighbour_steps);
}

// --- RoPE and ALiBi.

val rope_frequencies(val options) {
  return answer(pe::parse(read(options, pe::kRopeFrequencyOptions)),
                [](const pe::RopeFrequencyRequest& r) {
                  return pe::rope_frequencies(r.dim, r.base, r.scaling).frequencies;
                });
}
val rope_bands(val options) {
  return answer(pe::parse(read(options, pe::kRopeFrequencyOptions)),
                [](const pe::RopeFrequencyRequest& r) {
                  return pe::rope_wavelengths(r.dim, r.base, r.scaling);
                });
}

// Streamed: a block of rows is read from the caller's array, checked, turned and written out.
val rotate(val options) {
  return answer(pe::parse(read(options, pe::kRotateOptions)),
                [](const pe::RotateRequest& r) -> Outcome {
                  JsArray<float> rotated(r.shape.rows * r.shape.dim);
                  if (auto error = pe::rotate(r, rotated)) return *error;
                  return rotated.array();
                });
}

val rope_scores(val options) {
  return answer(pe::parse(read(options, pe::kRopeScoresOptions)),
                [](const pe::RopeScoresRequest& r) { return pe::rope_scores(r); });
}
val rope_pairing_permutation(val options) {
  return answer(pe::parse(read(options, pe::kPairingPermutationOptions)),
                [](const pe::PairingPermutationRequest& r) {
                  return pe::pairing_permutation(r.dim, r.from, r.to);
                });
}
val yarn_mscale(val options) {
  return answer(
      pe::parse(read(options, pe::kYarnMscaleOptions)),
      [](const pe::YarnMscaleRequest& r) { return pe::yarn_mscale(r.factor, r.mscale_all_dim); });
}
val alibi_slopes(val options) {
  return answer(pe::parse(read(options, pe::kAlibiSlopesOptions)), &pe::alibi_slopes);
}

// --- DeepSeek's multi-head latent attention.

val kv_cache(val options) {
  return answer(pe::parse(read(options, pe::kKvCacheOptions)), &pe::kv_cache_size);
}
val mla_absorption(val options) {
  return answer(pe::parse(read(options, pe::kMlaAbsorptionOptions)), &pe::run_mla_absorption);
}

}  // namespace

EMSCRIPTEN_BINDINGS(pe_lab) {
  marshal::Declarations& api = marshal::module_declarations();
  marshal::expose_module_basics(api);
  // These return the options as used beside the core's result.
  constexpr auto kEcho = marshal::Returns::options_and_result;
  api.expose<pe::kEncodeOptions>("encode", &encode, kEcho);
  api.expose<pe::kTokenizeOptions>("tokenize", &tokenize);
  api.expose("tokenEmbedding", &token_embedding);
  api.expose<pe::kAnalysisOptions>("analyze", &analyze);
  api.expose<pe::kAnalysisOptions, pe::kShiftOptions>("compareShift", &compare_shift);
  api.expose<pe::kAttentionWeightsOptions>("attentionWeights", &attention_weights, kEcho);
  api.expose<pe::kPositionRangeOptions>("binaryStructure", &binary_structure, kEcho);
  api.expose<pe::kSmoothBitsOptions>("smoothBits", &smooth_bits, kEcho);
  api.expose<pe::kSimilarityOptions>("cosineSimilarities", &cosine_similarities, kEcho);
  api.expose<pe::kSimilarityOptions>("dotProducts", &dot_products, kEcho);
  api.expose<pe::kRowNormsOptions>("rowNorms", &row_norms, kEcho);
  api.expose<pe::kSinusoidalFrequencyOptions>("sinusoidalFrequencies", &sinusoidal_frequencies,
                                              kEcho);
  api.expose<pe::kShiftRotationOptions>("shiftRotation", &shift_rotation, kEcho);
  api.expose<pe::kNeighbourStepsOptions>("neighbourSteps", &neighbour_steps, kEcho);
  api.expose<pe::kRopeFrequencyOptions>("ropeFrequencies", &rope_frequencies);
  api.expose<pe::kRopeFrequencyOptions>("ropeBands", &rope_bands);
  api.expose<pe::kRotateOptions>("rotate", &rotate);
  api.expose<pe::kRopeScoresOptions>("ropeScores", &rope_scores);
  api.expose<pe::kPairingPermutationOptions>("ropePairingPermutation", &rope_pairing_permutation);
  api.expose<pe::kYarnMscaleOptions>("yarnMscale", &yarn_mscale);
  api.expose<pe::kAlibiSlopesOptions>("alibiSlopes", &alibi_slopes);
  api.expose<pe::kKvCacheOptions>("kvCache", &kv_cache);
  api.expose<pe::kMlaAbsorptionOptions>("mlaAbsorption", &mla_absorption, kEcho);
  api.expose("schemes", &schemes);
  api.expose("ropePresets", &rope_presets);
  api.expose("modelPresets", &model_presets);
  api.expose("vocabularyClusters", &vocabulary_clusters);
  // The analysis limits and embedding scale, for the page to state (analysis/*.hpp).
  emscripten::constant("analysisMaxTokens", static_cast<double>(pe::kMaxAnalysisTokens));
  emscripten::constant("analysisMaxDim", static_cast<double>(pe::kMaxAnalysisDim));
  emscripten::constant("analysisMaxTextBytes", static_cast<double>(pe::kMaxTextBytes));
  emscripten::constant("analysisMaxComparedCopies", static_cast<double>(pe::kMaxComparedCopies));
  emscripten::constant("weightChangeTolerance", pe::kWeightChangeTolerance);
  emscripten::constant("tokenEmbeddingStd", pe::kTokenEmbeddingStd);
}
