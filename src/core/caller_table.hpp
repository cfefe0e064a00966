#pragma once
// Tables the caller holds outside the core's memory (in the page, JS typed arrays): the core
// reads an input table and writes a result table a block of values at a time, so a 64 MiB table
// or a 2048 x 2048 matrix never needs memory of its size here (in the wasm module, memory once
// grown is never given back). The bindings implement them over JS arrays; VectorTable and
// VectorSink hold them in memory for the native tests and the fuzzers.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace pe {

// How many values stream through at a time: 2^18 (1 MiB of float32) per block, so a block stays
// in cache and memory stays small, and at least 256 rows per block, which keeps the sinusoidal
// encoder's exact re-anchoring (once per call) as rare as in one big call. Tests pass smaller
// blocks to reach block edges with small tables.
struct Blocks {
  std::int64_t values = 1 << 18;
  std::int64_t min_rows = 256;

  // Rows of dim values per block.
  std::int64_t rows(int dim) const { return std::max(min_rows, values / dim); }
};

// An input table of float values.
class TableSource {
 public:
  virtual ~TableSource() = default;
  virtual std::int64_t size() const = 0;
  // values first .. first + count - 1 into out.
  virtual void read(std::int64_t first, std::int64_t count, float* out) const = 0;
};

// A result table of T values, written in blocks, each value once.
template <typename T>
class TableSink {
 public:
  virtual ~TableSink() = default;
  // values[0 .. count - 1] become values first .. first + count - 1.
  virtual void write(std::int64_t first, const T* values, std::int64_t count) = 0;
};

// A result table the core also reads back (the analysis keeps each run's attention weights in
// one and compares rows of it).
class TableStore : public TableSink<float>, public TableSource {};

// An option that holds a caller's table: not given until it holds one.
class CallerTable {
 public:
  CallerTable() = default;
  explicit CallerTable(std::shared_ptr<const TableSource> source) : source_(std::move(source)) {}

  bool given() const { return source_ != nullptr; }
  // The number of values, as JS gives a length (0 when not given).
  double length() const { return source_ ? static_cast<double>(source_->size()) : 0; }
  void read(std::int64_t first, std::int64_t count, float* out) const {
    source_->read(first, count, out);
  }
  // The whole table, for inputs small enough to copy (checked by length first).
  std::vector<float> values() const {
    std::vector<float> all(static_cast<std::size_t>(source_->size()));
    source_->read(0, source_->size(), all.data());
    return all;
  }

 private:
  std::shared_ptr<const TableSource> source_;
};

// A table held in memory: an input (a caller's std::vector) and, with the same values, a store.
class VectorTable final : public TableStore {
 public:
  explicit VectorTable(std::vector<float> values = {}) : values_(std::move(values)) {}
  std::int64_t size() const override { return static_cast<std::int64_t>(values_.size()); }
  void read(std::int64_t first, std::int64_t count, float* out) const override {
    std::copy(values_.begin() + first, values_.begin() + first + count, out);
  }
  void write(std::int64_t first, const float* values, std::int64_t count) override {
    if (static_cast<std::int64_t>(values_.size()) < first + count)
      values_.resize(static_cast<std::size_t>(first + count));
    std::copy(values, values + count, values_.begin() + first);
  }
  const std::vector<float>& values() const { return values_; }

  // A caller's table option over values.
  static CallerTable of(std::vector<float> values) {
    return CallerTable(std::make_shared<VectorTable>(std::move(values)));
  }

 private:
  std::vector<float> values_;
};

// A result table held in memory, sized by what is written.
template <typename T>
class VectorSink final : public TableSink<T> {
 public:
  void write(std::int64_t first, const T* values, std::int64_t count) override {
    if (static_cast<std::int64_t>(values_.size()) < first + count)
      values_.resize(static_cast<std::size_t>(first + count));
    std::copy(values, values + count, values_.begin() + first);
  }
  const std::vector<T>& values() const { return values_; }

 private:
  std::vector<T> values_;
};

}  // namespace pe
