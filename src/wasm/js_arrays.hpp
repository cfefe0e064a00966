#pragma once
// JS typed arrays as the core's caller tables (core/caller_table.hpp), written and read one bulk
// copy at a time: results are JS-owned (callers never .delete() them, and they stay valid when
// wasm memory grows, where a bare typed_memory_view would go dead), and large tables stream
// through wasm a block at a time.
#include <emscripten/val.h>

#include <cstdint>
#include <type_traits>
#include <utility>

#include "core/caller_table.hpp"

namespace marshal {

using emscripten::val;

template <typename T>
const char* typed_array_name() {
  if constexpr (std::is_same_v<T, float>) return "Float32Array";
  if constexpr (std::is_same_v<T, double>) return "Float64Array";
  if constexpr (std::is_same_v<T, std::uint8_t>) return "Uint8Array";
  if constexpr (std::is_same_v<T, std::uint32_t>) return "Uint32Array";
  if constexpr (std::is_same_v<T, int>) return "Int32Array";
}

template <typename T>
void write_to_js(const val& array, std::int64_t first, const T* values, std::int64_t count) {
  array.call<void>("set", val(emscripten::typed_memory_view(count, values)),
                   static_cast<double>(first));
}

// A new JS typed array of count values, as a table the core writes.
template <typename T>
class JsArray : public pe::TableSink<T> {
 public:
  explicit JsArray(std::int64_t count)
      : array_(val::global(typed_array_name<T>()).new_(static_cast<double>(count))) {}
  void write(std::int64_t first, const T* values, std::int64_t count) override {
    write_to_js(array_, first, values, count);
  }
  const val& array() const { return array_; }

 private:
  val array_;
};

// A JS Float32Array the core reads (a caller's table) or writes and reads back (a run's weights).
class JsFloats final : public pe::TableStore {
 public:
  explicit JsFloats(val array) : array_(std::move(array)) {}
  explicit JsFloats(std::int64_t count)
      : JsFloats(val::global("Float32Array").new_(double(count))) {}
  std::int64_t size() const override {
    return static_cast<std::int64_t>(array_["length"].as<double>());
  }
  void read(std::int64_t first, std::int64_t count, float* out) const override {
    val(emscripten::typed_memory_view(count, out))
        .call<void>("set", array_.call<val>("subarray", double(first), double(first + count)));
  }
  void write(std::int64_t first, const float* values, std::int64_t count) override {
    write_to_js(array_, first, values, count);
  }
  const val& array() const { return array_; }

 private:
  val array_;
};

}  // namespace marshal
