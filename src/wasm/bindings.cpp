// The whole Embind surface of PE Lab. The core knows nothing of JavaScript; this file only
// converts arguments, calls the core, and hands results back as JS-owned copies.
// web/pe.js wraps these raw functions into the public API (type checks, exceptions).
#include <emscripten/bind.h>
#include <emscripten/heap.h>
#include <emscripten/val.h>
#include <malloc.h>

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "analysis/sentence_analysis.hpp"
#include "analysis/similarity_request.hpp"
#include "analysis/token_embeddings.hpp"
#include "analysis/vector_geometry.hpp"
#include "core/binary_structure.hpp"
#include "core/encode.hpp"
#include "core/smooth_bits.hpp"

using emscripten::val;

namespace {

// A typed array owned by JS (Float32Array for float, Uint8Array for uint8_t, ...): one bulk copy
// out of wasm memory, so callers never .delete() it and it stays valid when wasm memory grows
// (a bare typed_memory_view would go dead).
template <typename T>
val copy_to_js(const std::vector<T>& values) {
  return val(emscripten::typed_memory_view(values.size(), values.data())).call<val>("slice");
}

// { error: 'TypeError' | 'RangeError', message }: web/pe.js throws the matching JS error.
val error_object(const pe::InputError& error) {
  val result = val::object();
  result.set("error", error.kind == pe::ErrorKind::type ? "TypeError" : "RangeError");
  result.set("message", error.message);
  return result;
}

// Rows are encoded a block at a time into a small buffer and copied straight into the caller's
// Float32Array: the block stays in cache, and a 64 MiB table never needs 64 MiB of wasm memory
// (which, once grown, is never given back). 256 rows or more per block keeps the sinusoidal
// encoder's exact re-anchoring as rare as in one big call.
constexpr std::int64_t kBlockValues = 1 << 18;  // 1 MiB of float32
constexpr std::int64_t kMinBlockRows = 256;

val encode_into_js(pe::EncodingRequest request) {
  val table = val::global("Float32Array").new_(static_cast<double>(request.value_count()));
  const std::int64_t block_rows = std::max(kMinBlockRows, kBlockValues / request.dim);
  std::vector<float> block(static_cast<std::size_t>(
      std::min(block_rows, request.count) * request.dim));
  const std::int64_t first = request.start;
  const std::int64_t end = request.start + request.count;
  for (std::int64_t row = first; row < end; row += block_rows) {
    request.start = row;
    request.count = std::min(block_rows, end - row);
    pe::encode(request, block.data());
    table.call<void>("set",
                     val(emscripten::typed_memory_view(request.value_count(), block.data())),
                     static_cast<double>((row - first) * request.dim));
  }
  return table;
}

// Returns { data: Float32Array(count * dim) } or an error object.
val encode(std::string kind, double start, double count, double dim, double base,
           std::string layout) {
  const auto parsed = pe::parse_encoding_request({kind, start, count, dim, base, layout});
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) return error_object(*error);

  val result = val::object();
  result.set("data", encode_into_js(std::get<pe::EncodingRequest>(parsed)));
  return result;
}

// Returns { tokens, duplicates, tokenEmbedding, positionEncoding, input, contextWithoutPE,
// contextWithPE, tokenNorms, positionNorms, pairIndices, pairMeasures } or an error object;
// web/pe.js turns it into the public shape. Each table is a Float32Array(n * dim), each norm
// list a Float64Array(n). Per-token and per-pair JS objects would cost several Embind calls each,
// so: tokens is one string, the token texts joined by spaces (a token never contains whitespace,
// analysis/tokenizer.hpp); duplicates is one Int32Array holding each group as its size followed
// by its indices; pairIndices is an Int32Array of [group, a, b] per copy pair and pairMeasures a
// Float64Array of its 8 measures in the order of pe::CopyPair, each without then with positions.
val analyze(std::string text, std::string kind, double dim, double start, bool causal,
            double embedding_std) {
  auto parsed = pe::parse_analysis_request(text, {kind, dim, start, causal, embedding_std});
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) return error_object(*error);
  const pe::SentenceAnalysis analysis =
      pe::analyze_sentence(std::get<pe::AnalysisRequest>(std::move(parsed)));

  std::string tokens;
  for (const std::string& token : analysis.tokens) {
    if (!tokens.empty()) tokens += ' ';
    tokens += token;
  }
  std::vector<int> duplicates;
  for (const std::vector<int>& group : analysis.duplicates) {
    duplicates.push_back(static_cast<int>(group.size()));
    duplicates.insert(duplicates.end(), group.begin(), group.end());
  }
  std::vector<int> pair_indices;
  std::vector<double> pair_measures;
  for (const pe::CopyPair& pair : analysis.copy_pairs) {
    pair_indices.insert(pair_indices.end(), {pair.group, pair.a, pair.b});
    for (const pe::WithoutAndWithPE& measure :
         {pair.input_distance, pair.input_cosine, pair.context_distance, pair.context_cosine})
      pair_measures.insert(pair_measures.end(), {measure.without_pe, measure.with_pe});
  }

  val result = val::object();
  result.set("tokens", tokens);
  result.set("duplicates", copy_to_js(duplicates));
  result.set("tokenEmbedding", copy_to_js(analysis.token_embedding));
  result.set("positionEncoding", copy_to_js(analysis.position_encoding));
  result.set("input", copy_to_js(analysis.input));
  result.set("contextWithoutPE", copy_to_js(analysis.context_without_pe));
  result.set("contextWithPE", copy_to_js(analysis.context_with_pe));
  result.set("tokenNorms", copy_to_js(analysis.token_norms));
  result.set("positionNorms", copy_to_js(analysis.position_norms));
  result.set("pairIndices", copy_to_js(pair_indices));
  result.set("pairMeasures", copy_to_js(pair_measures));
  return result;
}

// data: a Float32Array (web/pe.js checks the type). Its shape is checked from its length before
// its values are copied into wasm memory, which never shrinks again. Returns
// { rows, data: Float64Array(rows * rows) } or an error object.
val cosine_similarities(val data, double dim) {
  const auto parsed = pe::parse_similarity_shape(data["length"].as<double>(), dim);
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) return error_object(*error);
  const auto [width, rows] = std::get<pe::SimilarityShape>(parsed);
  const std::vector<float> table = emscripten::convertJSArrayToNumberVector<float>(data);
  if (const auto error = pe::find_non_finite(table)) return error_object(*error);

  val result = val::object();
  result.set("rows", rows);
  result.set("data", copy_to_js(pe::TableRows(table.data(), width, rows).cosine_matrix()));
  return result;
}

// Returns { hamming: Uint8Array(count - 1), sameCodeAs: Uint32Array(count),
// flipPeriods: Float64Array(dim), repeatsFrom: number | null } or an error object.
val binary_structure(double start, double count, double dim) {
  const auto parsed = pe::parse_encoding_request({"binary", start, count, dim});
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) return error_object(*error);
  const pe::BinaryStructure structure = pe::describe_binary(std::get<pe::EncodingRequest>(parsed));

  val result = val::object();
  result.set("hamming", copy_to_js(structure.hamming));
  result.set("sameCodeAs", copy_to_js(structure.same_code_as));
  result.set("flipPeriods", copy_to_js(structure.flip_periods));
  result.set("repeatsFrom", structure.repeats_from < 0
                                ? val::null()
                                : val(static_cast<double>(structure.repeats_from)));
  return result;
}

// Returns { data: Float32Array((count * samplesPerPosition + 1) * dim) } or an error object.
val smooth_bits(double start, double count, double dim, double samples_per_position) {
  const auto parsed = pe::parse_smooth_bits_request(start, count, dim, samples_per_position);
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) return error_object(*error);
  const auto& request = std::get<pe::SmoothBitsRequest>(parsed);

  std::vector<float> samples(static_cast<std::size_t>(request.sample_count() * request.dim));
  pe::encode_smooth_bits(request, samples.data());
  val result = val::object();
  result.set("data", copy_to_js(samples));
  return result;
}

// Bytes currently allocated on the wasm heap: lets tests prove that calls do not leak.
double heap_bytes_in_use() { return static_cast<double>(mallinfo().uordblks); }

// Size of the wasm memory itself: lets tests prove that it grew while they held a result.
double memory_bytes() { return static_cast<double>(emscripten_get_heap_size()); }

}  // namespace

EMSCRIPTEN_BINDINGS(pe_lab) {
  emscripten::function("encode", &encode);
  emscripten::function("analyze", &analyze);
  emscripten::function("binaryStructure", &binary_structure);
  emscripten::function("smoothBits", &smooth_bits);
  emscripten::function("cosineSimilarities", &cosine_similarities);
  // The analysis limits and embedding scale, for the page to state (analysis/*.hpp).
  emscripten::constant("analysisMaxTokens", static_cast<double>(pe::kMaxAnalysisTokens));
  emscripten::constant("analysisMaxDim", static_cast<double>(pe::kMaxAnalysisDim));
  emscripten::constant("analysisMaxComparedCopies", static_cast<double>(pe::kMaxComparedCopies));
  emscripten::constant("tokenEmbeddingStd", pe::kTokenEmbeddingStd);
  emscripten::function("heapBytesInUse", &heap_bytes_in_use);
  emscripten::function("memoryBytes", &memory_bytes);
}
