// The RoPE kernel against the textbook loop (one position, one pair, sin and cos of an angle
// formed in long double), hand-checked values, and the properties the lecture states: the two
// pairings are one rotation with channels permuted, norms are kept, and q.k depends only on the
// offset. Accuracy reports the largest error found, like llm.c's tensor checker.
#include "core/rotary.hpp"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <vector>

#include "core/rope_scaling.hpp"

namespace {

using pe::RopePairing;

// The accuracy the kernel promises, relative to the norm of the vector it rotates.
constexpr double kTolerance = 1e-5;

// Enough rows to cross the angle walk's re-anchoring (every 256 positions) twice.
constexpr std::int64_t kRows = 600;

const RopePairing kPairings[] = {RopePairing::interleaved, RopePairing::half};

// theta_k = base^(-2k/dim) as exp(-2k/dim * ln base) in long double.
std::vector<long double> reference_frequencies(int dim, double base) {
  std::vector<long double> out;
  for (int k = 0; k < dim / 2; ++k)
    out.push_back(std::exp(-(2.0L * k / dim) * std::log(static_cast<long double>(base))));
  return out;
}

std::vector<double> to_double(const std::vector<long double>& values) {
  return std::vector<double>(values.begin(), values.end());
}

// The channels (first, second) of pair k.
std::pair<int, int> pair_channels(RopePairing pairing, int k, int dim) {
  if (pairing == RopePairing::interleaved) return {2 * k, 2 * k + 1};
  return {k, k + dim / 2};
}

// The textbook rotation of one vector v at one position, in long double.
std::vector<long double> textbook_rotation(const std::vector<long double>& frequencies,
                                           RopePairing pairing, std::int64_t position,
                                           const float* v, int dim) {
  std::vector<long double> out(v, v + dim);
  for (int k = 0; k < dim / 2; ++k) {
    const auto [i, j] = pair_channels(pairing, k, dim);
    const long double a = static_cast<long double>(position) * frequencies[k];
    const long double x = v[i], y = v[j];
    out[i] = x * std::cos(a) - y * std::sin(a);
    out[j] = x * std::sin(a) + y * std::cos(a);
  }
  return out;
}

// rows * dim values, uniform in [-1, 1), the same for the same seed.
std::vector<float> random_rows(std::int64_t rows, int dim, unsigned seed) {
  std::mt19937 generator(seed);
  std::uniform_real_distribution<float> uniform(-1, 1);
  std::vector<float> out(static_cast<std::size_t>(rows * dim));
  for (float& value : out) value = uniform(generator);
  return out;
}

// A copy of rows (contiguous, stride dim) with every row rotated from position start.
std::vector<float> rotated(std::vector<float> rows, const std::vector<double>& frequencies,
                           RopePairing pairing, std::int64_t start, int dim) {
  const std::int64_t count = static_cast<std::int64_t>(rows.size()) / dim;
  pe::rotate_rows(frequencies, pairing, start, count, dim, rows.data(), dim);
  return rows;
}

double norm(const float* v, int dim) {
  double sum = 0;
  for (int i = 0; i < dim; ++i) sum += static_cast<double>(v[i]) * v[i];
  return std::sqrt(sum);
}

double dot(const std::vector<float>& a, const std::vector<float>& b) {
  double sum = 0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += static_cast<double>(a[i]) * b[i];
  return sum;
}

// Largest |kernel - textbook| / |v| over kRows rows from start.
double max_error_against_textbook(const std::vector<double>& frequencies,
                                  const std::vector<long double>& reference, RopePairing pairing,
                                  std::int64_t start, int dim) {
  const auto input = random_rows(kRows, dim, 7);
  const auto output = rotated(input, frequencies, pairing, start, dim);
  double max_error = 0;
  for (std::int64_t r = 0; r < kRows; ++r) {
    const float* v = input.data() + r * dim;
    const auto expected = textbook_rotation(reference, pairing, start + r, v, dim);
    const double scale = norm(v, dim);
    for (int i = 0; i < dim; ++i) {
      const double error = std::fabs(static_cast<double>(output[r * dim + i] - expected[i]));
      max_error = std::max(max_error, error / scale);
    }
  }
  return max_error;
}

void check_against_textbook(const std::vector<double>& frequencies,
                            const std::vector<long double>& reference, const char* what) {
  const int dim = static_cast<int>(frequencies.size()) * 2;
  double max_error = 0;
  for (const RopePairing pairing : kPairings) {
    for (const std::int64_t start :
         {std::int64_t{0}, std::int64_t{1000000 - 300}, (std::int64_t{1} << 24) - kRows + 1,
          std::int64_t{2147483647} - kRows + 1}) {
      const double error = max_error_against_textbook(frequencies, reference, pairing, start, dim);
      BOOST_TEST_CONTEXT(what << ", " << (pairing == RopePairing::half ? "half" : "interleaved")
                              << ", start " << start) {
        BOOST_TEST(error <= kTolerance);
      }
      max_error = std::max(max_error, error);
    }
  }
  BOOST_TEST_MESSAGE(what << ": max |error| / |v| vs long double textbook loop = " << max_error);
}

std::uint32_t bits_of(float value) {
  std::uint32_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(values)

// theta = (1, 0.01); pairs rotate by 1 rad and 0.01 rad.
//   interleaved: (1, 2) and (3, 4);  half: (1, 3) and (2, 4).
BOOST_AUTO_TEST_CASE(dim_4_at_position_1_base_10000_interleaved) {
  std::vector<float> v = {1, 2, 3, 4};
  pe::rotate_rows(pe::rope_frequencies(4, 10000, {}).frequencies, RopePairing::interleaved, 1, 1, 4,
                  v.data(), 4);
  // cos 1 - 2 sin 1, sin 1 + 2 cos 1, 3 cos 0.01 - 4 sin 0.01, 3 sin 0.01 + 4 cos 0.01
  const double expected[] = {-1.142639664, 1.922075597, 2.959850668, 4.029799502};
  for (int i = 0; i < 4; ++i) BOOST_TEST(v[i] == expected[i], boost::test_tools::tolerance(1e-6));
}

BOOST_AUTO_TEST_CASE(dim_4_at_position_1_base_10000_half) {
  std::vector<float> v = {1, 2, 3, 4};
  pe::rotate_rows(pe::rope_frequencies(4, 10000, {}).frequencies, RopePairing::half, 1, 1, 4,
                  v.data(), 4);
  // cos 1 - 3 sin 1, 2 cos 0.01 - 4 sin 0.01, sin 1 + 3 cos 1, 2 sin 0.01 + 4 cos 0.01
  const double expected[] = {-1.984110649, 1.959900667, 2.462377902, 4.019799668};
  for (int i = 0; i < 4; ++i) BOOST_TEST(v[i] == expected[i], boost::test_tools::tolerance(1e-6));
}

BOOST_AUTO_TEST_CASE(a_quarter_turn_maps_1_0_to_0_1) {
  // theta_0 = 1, so position p turns pair 0 by p radians; frequency pi/2 makes one quarter turn.
  std::vector<float> v = {1, 0};
  pe::rotate_rows({std::acos(-1.0) / 2}, RopePairing::interleaved, 1, 1, 2, v.data(), 2);
  BOOST_TEST(std::fabs(v[0]) <= 1e-7);
  BOOST_TEST(v[1] == 1.0f);
}

BOOST_AUTO_TEST_CASE(position_0_leaves_a_vector_unchanged) {
  for (const RopePairing pairing : kPairings) {
    const auto input = random_rows(1, 128, 3);
    const auto output =
        rotated(input, pe::rope_frequencies(128, 10000, {}).frequencies, pairing, 0, 128);
    BOOST_TEST(output == input, boost::test_tools::per_element());
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(accuracy)

BOOST_AUTO_TEST_CASE(base_10000_matches_the_textbook_loop_up_to_position_2_to_the_31) {
  const auto reference = reference_frequencies(128, 10000);
  check_against_textbook(to_double(reference), reference, "base 10000");
}

BOOST_AUTO_TEST_CASE(base_500000_matches_the_textbook_loop_up_to_position_2_to_the_31) {
  const auto reference = reference_frequencies(64, 500000);
  check_against_textbook(to_double(reference), reference, "base 500000");
}

BOOST_AUTO_TEST_CASE(llama3_scaled_frequencies_match_the_textbook_loop) {
  pe::RopeScaling scaling;
  scaling.type = pe::RopeScalingType::llama3;
  scaling.factor = 32;
  const auto frequencies = pe::rope_frequencies(64, 500000, scaling).frequencies;
  check_against_textbook(frequencies,
                         std::vector<long double>(frequencies.begin(), frequencies.end()),
                         "llama3 factor 32");
}

BOOST_AUTO_TEST_CASE(yarn_scaled_frequencies_match_the_textbook_loop) {
  pe::RopeScaling scaling;
  scaling.type = pe::RopeScalingType::yarn;
  scaling.factor = 40;
  scaling.original_context = 4096;
  const auto frequencies = pe::rope_frequencies(64, 10000, scaling).frequencies;
  check_against_textbook(frequencies,
                         std::vector<long double>(frequencies.begin(), frequencies.end()),
                         "yarn factor 40");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(properties)

// Pair k moves from (2k, 2k+1) to (k, k + dim/2); the same pair meets the same angle, so the
// results are the same floats, bit for bit.
BOOST_AUTO_TEST_CASE(interleaved_and_half_are_one_rotation_with_channels_permuted) {
  constexpr int kDim = 64;
  const auto frequencies = pe::rope_frequencies(kDim, 10000, {}).frequencies;
  const auto interleaved_in = random_rows(kRows, kDim, 11);
  std::vector<float> half_in(interleaved_in.size());
  for (std::int64_t r = 0; r < kRows; ++r) {
    for (int k = 0; k < kDim / 2; ++k) {
      half_in[r * kDim + k] = interleaved_in[r * kDim + 2 * k];
      half_in[r * kDim + k + kDim / 2] = interleaved_in[r * kDim + 2 * k + 1];
    }
  }
  const auto interleaved_out =
      rotated(interleaved_in, frequencies, RopePairing::interleaved, 1000, kDim);
  const auto half_out = rotated(half_in, frequencies, RopePairing::half, 1000, kDim);
  bool identical = true;
  for (std::int64_t r = 0; r < kRows; ++r) {
    for (int k = 0; k < kDim / 2; ++k) {
      identical = identical &&
                  bits_of(half_out[r * kDim + k]) == bits_of(interleaved_out[r * kDim + 2 * k]) &&
                  bits_of(half_out[r * kDim + k + kDim / 2]) ==
                      bits_of(interleaved_out[r * kDim + 2 * k + 1]);
    }
  }
  BOOST_TEST(identical);
}

BOOST_AUTO_TEST_CASE(a_rotation_keeps_the_norm) {
  constexpr int kDim = 128;
  const auto frequencies = pe::rope_frequencies(kDim, 10000, {}).frequencies;
  double max_change = 0;
  for (const RopePairing pairing : kPairings) {
    for (const std::int64_t start : {std::int64_t{0}, std::int64_t{1} << 24}) {
      const auto input = random_rows(kRows, kDim, 5);
      const auto output = rotated(input, frequencies, pairing, start, kDim);
      for (std::int64_t r = 0; r < kRows; ++r) {
        const double before = norm(input.data() + r * kDim, kDim);
        const double after = norm(output.data() + r * kDim, kDim);
        max_change = std::max(max_change, std::fabs(after - before) / before);
      }
    }
  }
  BOOST_TEST_MESSAGE("max relative norm change = " << max_change);
  BOOST_TEST(max_change <= 1e-6);  // float32 rounding of each value is at most 6e-8
}

// <R_m q, R_n k> = <q, R_(n-m) k>: shifting both positions by s changes nothing.
BOOST_AUTO_TEST_CASE(q_dot_k_depends_only_on_the_offset) {
  constexpr int kDim = 64;
  const auto frequencies = pe::rope_frequencies(kDim, 10000, {}).frequencies;
  const auto q = random_rows(1, kDim, 21);
  const auto k = random_rows(1, kDim, 22);
  const double scale = std::sqrt(dot(q, q) * dot(k, k));
  for (const RopePairing pairing : kPairings) {
    for (const std::int64_t m : {std::int64_t{0}, std::int64_t{3}}) {
      for (const std::int64_t n : {std::int64_t{0}, std::int64_t{10}, std::int64_t{1000}}) {
        const double at_m_n = dot(rotated(q, frequencies, pairing, m, kDim),
                                  rotated(k, frequencies, pairing, n, kDim));
        for (const std::int64_t s : {1, 100, 4096, 65537, 1 << 20}) {
          const double shifted = dot(rotated(q, frequencies, pairing, m + s, kDim),
                                     rotated(k, frequencies, pairing, n + s, kDim));
          BOOST_TEST_CONTEXT("m " << m << ", n " << n << ", shift " << s) {
            BOOST_TEST(std::fabs(shifted - at_m_n) / scale <= kTolerance);
          }
        }
      }
    }
  }
}

// The score does change with the offset, or the check above would prove nothing.
BOOST_AUTO_TEST_CASE(q_dot_k_changes_with_the_offset) {
  constexpr int kDim = 64;
  const auto frequencies = pe::rope_frequencies(kDim, 10000, {}).frequencies;
  const auto q = random_rows(1, kDim, 21);
  const auto k = random_rows(1, kDim, 22);
  const auto score = [&](std::int64_t n) {
    return dot(q, rotated(k, frequencies, RopePairing::interleaved, n, kDim));
  };
  BOOST_TEST(std::fabs(score(10) - score(0)) > 1e-3);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(layout)

BOOST_AUTO_TEST_CASE(a_stride_past_dim_leaves_the_padding_untouched) {
  constexpr int kDim = 8;
  constexpr std::int64_t kStride = 11;
  constexpr std::int64_t kCount = 300;
  constexpr float kPadding = 12345.5f;
  const auto frequencies = pe::rope_frequencies(kDim, 10000, {}).frequencies;
  const auto packed = random_rows(kCount, kDim, 9);
  for (const RopePairing pairing : kPairings) {
    std::vector<float> strided(kCount * kStride, kPadding);
    for (std::int64_t r = 0; r < kCount; ++r)
      std::copy_n(packed.data() + r * kDim, kDim, strided.data() + r * kStride);
    pe::rotate_rows(frequencies, pairing, 500, kCount, kDim, strided.data(), kStride);
    const auto expected = rotated(packed, frequencies, pairing, 500, kDim);
    bool rows_match = true, padding_kept = true;
    for (std::int64_t r = 0; r < kCount; ++r) {
      for (int i = 0; i < kDim; ++i)
        rows_match = rows_match && strided[r * kStride + i] == expected[r * kDim + i];
      for (std::int64_t i = kDim; i < kStride; ++i)
        padding_kept = padding_kept && strided[r * kStride + i] == kPadding;
    }
    BOOST_TEST(rows_match);
    BOOST_TEST(padding_kept);
  }
}

BOOST_AUTO_TEST_CASE(zero_rows_touch_nothing) {
  std::vector<float> v = {1, 2, 3, 4};
  pe::rotate_rows({1.0, 0.01}, RopePairing::interleaved, 7, 0, 4, v.data(), 4);
  BOOST_TEST(v == (std::vector<float>{1, 2, 3, 4}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(pairing_conversion)

BOOST_AUTO_TEST_CASE(pair_channels_follow_each_convention) {
  for (int k = 0; k < 4; ++k) {
    BOOST_TEST(pe::first_channel(RopePairing::interleaved, k) == 2 * k);
    BOOST_TEST(pe::second_channel(RopePairing::interleaved, k, 8) == 2 * k + 1);
    BOOST_TEST(pe::first_channel(RopePairing::half, k) == k);
    BOOST_TEST(pe::second_channel(RopePairing::half, k, 8) == k + 4);
  }
}

// Hugging Face's permute(w): w.view(n_heads, dim // 2, 2, in).transpose(1, 2).reshape(dim, in),
// for one head: new row c * dim/2 + i is old row 2i + c.
std::vector<int> hugging_face_permute(int dim) {
  std::vector<int> rows(dim);
  for (int i = 0; i < dim / 2; ++i)
    for (int c = 0; c < 2; ++c) rows[c * (dim / 2) + i] = 2 * i + c;
  return rows;
}

BOOST_AUTO_TEST_CASE(interleaved_to_half_is_hugging_faces_llama_conversion) {
  for (const int dim : {2, 8, 64, 128}) {
    BOOST_TEST(pe::pairing_permutation(dim, RopePairing::interleaved, RopePairing::half) ==
               hugging_face_permute(dim));
  }
  BOOST_TEST((pe::pairing_permutation(8, RopePairing::interleaved, RopePairing::half) ==
              std::vector<int>{0, 2, 4, 6, 1, 3, 5, 7}));
  BOOST_TEST((pe::pairing_permutation(8, RopePairing::half, RopePairing::interleaved) ==
              std::vector<int>{0, 4, 1, 5, 2, 6, 3, 7}));
  BOOST_TEST((pe::pairing_permutation(6, RopePairing::half, RopePairing::half) ==
              std::vector<int>{0, 1, 2, 3, 4, 5}));
}

BOOST_AUTO_TEST_CASE(the_two_directions_undo_each_other) {
  const auto there = pe::pairing_permutation(64, RopePairing::interleaved, RopePairing::half);
  const auto back = pe::pairing_permutation(64, RopePairing::half, RopePairing::interleaved);
  for (int j = 0; j < 64; ++j) BOOST_TEST(there[back[j]] == j);
}

BOOST_AUTO_TEST_CASE(permuted_rows_rotated_the_other_way_are_the_same_rotation_permuted) {
  const int dim = 32;
  const auto theta = pe::rope_frequencies(dim, 10000, pe::RopeScaling{}).frequencies;
  for (const auto from : kPairings) {
    const auto to = from == RopePairing::interleaved ? RopePairing::half : RopePairing::interleaved;
    const auto permutation = pe::pairing_permutation(dim, from, to);
    const auto rows = random_rows(20, dim, 31);
    std::vector<float> permuted(rows.size());
    for (int r = 0; r < 20; ++r)
      for (int j = 0; j < dim; ++j) permuted[r * dim + j] = rows[r * dim + permutation[j]];
    const auto a = rotated(rows, theta, from, 500, dim);
    const auto b = rotated(permuted, theta, to, 500, dim);
    for (int r = 0; r < 20; ++r)
      for (int j = 0; j < dim; ++j) BOOST_TEST(b[r * dim + j] == a[r * dim + permutation[j]]);
  }
}

BOOST_AUTO_TEST_SUITE_END()
