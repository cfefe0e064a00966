// RoPE and ALiBi requests from any numbers and names: a rejected request names a parameter; an
// accepted one gives finite, positive frequencies no faster than unscaled (scaling only slows
// pairs down), rotations that keep every row's length, whether the rows are turned at once or
// streamed in blocks of any size (as the wasm bindings stream them: the angles are re-anchored
// where each block starts, so the two agree to float32 rounding), and ALiBi slopes in (0, 1)
// that fall from head to head for a power of two.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/alibi.hpp"
#include "core/caller_table.hpp"
#include "core/rope_request.hpp"
#include "fuzz_input.hpp"

namespace {

const std::vector<std::string> kParameters = {"dim",   "base",    "scaling", "data",
                                              "start", "pairing", "heads"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::FuzzInput input(data, size);
  pe::RawRopeScaling scaling;
  scaling.type = input.name({"none", "llama3", "yarn"});
  if (input.flag()) scaling.factor = input.number();
  if (input.flag()) scaling.low_freq_factor = input.number();
  if (input.flag()) scaling.high_freq_factor = input.number();
  if (input.flag()) scaling.original_context = input.number();
  if (input.flag()) scaling.beta_fast = input.number();
  if (input.flag()) scaling.beta_slow = input.number();
  const double dim = input.number();
  const double base = input.flag() ? input.number() : 10000;
  const double start = input.number();
  const double rows = input.byte() % 8;
  const std::string pairing_name = input.name({"interleaved", "half"});
  const double heads = input.number();
  const std::int64_t block_rows = 1 + input.byte() % 8;

  const auto frequencies = pe::parse_rope_frequency_request(dim, base, scaling);
  if (const auto* error = std::get_if<pe::InputError>(&frequencies)) {
    FUZZ_CHECK(fuzz::names_a_parameter(error->message, kParameters));
  } else {
    const auto& request = std::get<pe::RopeFrequencyRequest>(frequencies);
    const pe::ScaledFrequencies scaled =
        pe::rope_frequencies(request.dim, request.base, request.scaling);
    const pe::ScaledFrequencies plain = pe::rope_frequencies(request.dim, request.base, {});
    FUZZ_CHECK(scaled.frequencies.size() == static_cast<std::size_t>(request.dim / 2));
    for (std::size_t k = 0; k < scaled.frequencies.size(); ++k) {
      FUZZ_CHECK(std::isfinite(scaled.frequencies[k]) && scaled.frequencies[k] > 0);
      FUZZ_CHECK(scaled.frequencies[k] <= plain.frequencies[k] * (1 + 1e-12));
    }
    const auto shape = pe::parse_rotate_shape(rows * request.dim, request.dim, start);
    const auto pairing = pe::parse_rope_pairing(pairing_name);
    if (const auto* error = std::get_if<pe::InputError>(&shape)) {
      FUZZ_CHECK(fuzz::names_a_parameter(error->message, kParameters));
    } else if (const auto* error = std::get_if<pe::InputError>(&pairing)) {
      FUZZ_CHECK(fuzz::names_a_parameter(error->message, kParameters));
    } else if (request.dim <= 512) {
      const auto& rotate = std::get<pe::RotateShape>(shape);
      std::vector<float> table(static_cast<std::size_t>(rotate.rows * rotate.dim));
      for (std::size_t e = 0; e < table.size(); ++e)
        table[e] = static_cast<float>(std::sin(e + 1.0));
      const std::vector<float> before = table;
      pe::rotate_rows(scaled.frequencies, std::get<pe::RopePairing>(pairing), rotate.start,
                      rotate.rows, rotate.dim, table.data(), rotate.dim);
      for (std::int64_t r = 0; r < rotate.rows; ++r) {
        double length_before = 0, length_after = 0;
        for (int i = 0; i < rotate.dim; ++i) {
          length_before += double{before[r * rotate.dim + i]} * before[r * rotate.dim + i];
          length_after += double{table[r * rotate.dim + i]} * table[r * rotate.dim + i];
        }
        FUZZ_CHECK(std::fabs(std::sqrt(length_after) - std::sqrt(length_before)) <=
                   1e-5 * std::sqrt(length_before) + 1e-30);
      }
      const pe::RotateRequest streamed_request{
          rotate, {request, std::get<pe::RopePairing>(pairing)}, pe::VectorTable::of(before)};
      pe::VectorSink<float> streamed;
      FUZZ_CHECK(!pe::rotate(streamed_request, streamed, pe::Blocks{block_rows * rotate.dim, 1}));
      FUZZ_CHECK(streamed.values().size() == table.size());
      for (std::size_t e = 0; e < table.size(); ++e)
        FUZZ_CHECK(std::fabs(streamed.values()[e] - table[e]) <= 1e-6f);
    }
  }

  const auto parsed_heads = pe::parse_alibi_heads(heads);
  if (const auto* error = std::get_if<pe::InputError>(&parsed_heads)) {
    FUZZ_CHECK(fuzz::names_a_parameter(error->message, kParameters));
  } else {
    const int count = std::get<int>(parsed_heads);
    const std::vector<double> slopes = pe::alibi_slopes(count);
    FUZZ_CHECK(slopes.size() == static_cast<std::size_t>(count));
    for (std::size_t h = 0; h < slopes.size(); ++h) {
      FUZZ_CHECK(slopes[h] > 0 && slopes[h] < 1);
      if ((count & (count - 1)) == 0 && h > 0) FUZZ_CHECK(slopes[h] < slopes[h - 1]);
    }
  }
  return 0;
}
