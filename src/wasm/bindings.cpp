// The whole Embind surface of PE Lab. The core knows nothing of JavaScript; this file only
// converts arguments, calls the core, and hands results back as JS-owned copies.
// web/pe.js wraps these raw functions into the public API (type checks, exceptions).
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <malloc.h>

#include <vector>

#include "core/encode.hpp"

using emscripten::val;

namespace {

// A Float32Array owned by JS: one bulk copy out of wasm memory, so callers never .delete() it
// and it stays valid when wasm memory grows (a bare typed_memory_view would go dead).
val copy_to_js(const std::vector<float>& values) {
  return val(emscripten::typed_memory_view(values.size(), values.data())).call<val>("slice");
}

// { error: 'TypeError' | 'RangeError', message }: web/pe.js throws the matching JS error.
val error_object(const pe::InputError& error) {
  val result = val::object();
  result.set("error", error.kind == pe::ErrorKind::type ? "TypeError" : "RangeError");
  result.set("message", error.message);
  return result;
}

// Returns { data: Float32Array(count * dim) } or an error object.
val encode(std::string kind, double start, double count, double dim, double base,
           std::string layout) {
  const auto parsed = pe::parse_encoding_request({kind, start, count, dim, base, layout});
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) return error_object(*error);
  const auto& request = std::get<pe::EncodingRequest>(parsed);

  std::vector<float> table(static_cast<std::size_t>(request.value_count()));
  pe::encode(request, table.data());
  val result = val::object();
  result.set("data", copy_to_js(table));
  return result;
}

// Bytes currently allocated on the wasm heap: lets tests prove that calls do not leak.
double heap_bytes_in_use() { return static_cast<double>(mallinfo().uordblks); }

}  // namespace

EMSCRIPTEN_BINDINGS(pe_lab) {
  emscripten::function("encode", &encode);
  emscripten::function("heapBytesInUse", &heap_bytes_in_use);
}
