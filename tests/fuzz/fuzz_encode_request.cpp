// A table request from any kind, range and options: a rejected request names a parameter; an
// accepted one (kept small) fills exactly the promised values, every one finite, binary ones 0 or
// 1, and the binary structure of the same range reads the same bits. Streamed in blocks of any
// number of rows (as the wasm bindings stream them), the exact encodings and the binary structure
// are the same tables bit for bit.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <variant>
#include <vector>

#include "core/binary_structure.hpp"
#include "core/caller_table.hpp"
#include "fuzz_input.hpp"
#include "positions/encode_request.hpp"
#include "positions/scheme_registry.hpp"

namespace {

const std::vector<std::string> kParameters = {"kind",   "start",   "count",   "dim",  "base",
                                              "layout", "pairing", "scaling", "slope"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> kinds;
  for (const pe::PositionScheme* scheme : pe::position_schemes()) kinds.emplace_back(scheme->name);
  fuzz::FuzzInput input(data, size);
  pe::RawEncodeRequest raw;
  raw.scheme = input.name(kinds);
  raw.start = input.number();
  raw.count = input.number();
  raw.dim = input.number();
  raw.scheme_options.base = input.flag() ? input.number() : 10000;
  raw.scheme_options.layout = input.name({"interleaved", "split"});
  const std::int64_t block_rows = 1 + input.byte() % 16;

  const auto parsed = pe::parse_encode_request(raw);
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) {
    FUZZ_CHECK(fuzz::names_a_parameter(error->message, kParameters));
    return 0;
  }
  const auto& request = std::get<pe::EncodeRequest>(parsed);
  const pe::PositionRange& range = request.range;
  if (range.value_count() > 65536) return 0;  // valid, but slow to fuzz
  FUZZ_CHECK(range.start + range.count - 1 <= pe::kMaxPosition);
  std::vector<float> table(static_cast<std::size_t>(range.value_count()) + 1, 12345.0f);
  pe::encode(request, table.data());
  FUZZ_CHECK(table.back() == 12345.0f);  // not one value past the table
  table.pop_back();
  for (const float value : table) FUZZ_CHECK(std::isfinite(value));
  if (request.scheme->name != "sinusoidal") {  // exact: any blocks give the same bits
    pe::VectorSink<float> streamed;
    pe::encode(request, streamed, pe::Blocks{block_rows * range.dim, 1});
    FUZZ_CHECK(streamed.values().size() == table.size());
    // An empty table has no data() to compare (memcmp must not see its null pointer).
    FUZZ_CHECK(table.empty() || std::memcmp(streamed.values().data(), table.data(),
                                            table.size() * sizeof(float)) == 0);
  }
  if (request.scheme->name == "binary") {
    for (const float value : table) FUZZ_CHECK(value == 0.0f || value == 1.0f);
    std::vector<std::uint8_t> hamming(range.count > 0 ? range.count - 1 : 0);
    std::vector<std::uint32_t> codes(range.count);
    pe::describe_binary_rows(range, hamming.data(), codes.data());
    for (std::int64_t r = 0; r + 1 < range.count; ++r) {
      int differing = 0;
      for (int i = 0; i < range.dim; ++i)
        differing += table[r * range.dim + i] != table[(r + 1) * range.dim + i];
      FUZZ_CHECK(hamming[r] == differing);
    }
    pe::VectorSink<std::uint8_t> streamed_hamming;
    pe::VectorSink<std::uint32_t> streamed_codes;
    pe::describe_binary_structure(range, streamed_hamming, streamed_codes,
                                  pe::Blocks{block_rows, 1});
    FUZZ_CHECK(streamed_hamming.values() == hamming);
    FUZZ_CHECK(streamed_codes.values() == codes);
  }
  return 0;
}
