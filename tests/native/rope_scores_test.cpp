// The RoPE view's numbers: scores of a rotated query and key over a range of offsets against the
// textbook rotation in long double, RoFormer's bound against a direct transcription of its
// Abel-summation formula (and |score| <= bound).
#include "core/rope_scores.hpp"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <complex>
#include <cstdint>
#include <random>
#include <vector>

#include "core/rope_scaling.hpp"

namespace {

namespace tt = boost::test_tools;
using pe::RopePairing;

const RopePairing kPairings[] = {RopePairing::interleaved, RopePairing::half};
const long double kPi = std::acos(-1.0L);

std::vector<float> random_vector(int dim, unsigned seed) {
  std::mt19937 generator(seed);
  std::uniform_real_distribution<float> uniform(-1, 1);
  std::vector<float> out(dim);
  for (float& value : out) value = uniform(generator);
  return out;
}

std::vector<double> theta(int dim, double base) {
  return pe::rope_frequencies(dim, base, pe::RopeScaling{}).frequencies;
}

std::pair<int, int> channels(RopePairing pairing, int k, int dim) {
  return pairing == RopePairing::interleaved ? std::pair{2 * k, 2 * k + 1}
                                             : std::pair{k, k + dim / 2};
}

// v turned as position p, in long double.
std::vector<long double> textbook(const std::vector<float>& v, const std::vector<double>& f,
                                  RopePairing pairing, std::int64_t p) {
  const int dim = static_cast<int>(v.size());
  std::vector<long double> out(v.begin(), v.end());
  for (int k = 0; k < dim / 2; ++k) {
    const auto [i, j] = channels(pairing, k, dim);
    const long double a = static_cast<long double>(p) * f[k];
    out[i] = v[i] * std::cos(a) - v[j] * std::sin(a);
    out[j] = v[i] * std::sin(a) + v[j] * std::cos(a);
  }
  return out;
}

long double textbook_score(const std::vector<float>& q, const std::vector<float>& k,
                           const std::vector<double>& f, RopePairing pairing, std::int64_t m,
                           std::int64_t n) {
  const auto a = textbook(q, f, pairing, m), b = textbook(k, f, pairing, n);
  long double sum = 0;
  for (std::size_t c = 0; c < a.size(); ++c) sum += a[c] * b[c];
  return sum;
}

// RoFormer section 3.4.3 as written, with complex numbers: h_i = q_i conj(k_i), h_{d/2} = 0,
// S_j = sum_{i<j} e^{i o theta_i}; bound = max_i |h_{i+1} - h_i| * sum_{j=1}^{d/2} |S_j|.
long double textbook_bound(const std::vector<float>& q, const std::vector<float>& k,
                           const std::vector<double>& f, RopePairing pairing, std::int64_t o) {
  using C = std::complex<long double>;
  const int dim = static_cast<int>(q.size());
  std::vector<C> h(dim / 2 + 1, C(0, 0));
  for (int i = 0; i < dim / 2; ++i) {
    const auto [a, b] = channels(pairing, i, dim);
    h[i] = C(q[a], q[b]) * std::conj(C(k[a], k[b]));
  }
  long double step = 0, total = 0;
  for (int i = 0; i < dim / 2; ++i) step = std::max(step, std::abs(h[i + 1] - h[i]));
  C s(0, 0);
  for (int j = 0; j < dim / 2; ++j) {
    s += std::polar(1.0L, static_cast<long double>(o) * f[j]);
    total += std::abs(s);
  }
  return step * total;
}

long double norm2(const std::vector<float>& v) {
  long double sum = 0;
  for (float x : v) sum += static_cast<long double>(x) * x;
  return sum;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(scores)

BOOST_AUTO_TEST_CASE(each_score_is_the_dot_product_of_the_textbook_rotations) {
  for (const int dim : {2, 8, 64, 128}) {
    for (const auto pairing : kPairings) {
      const auto q = random_vector(dim, 1), k = random_vector(dim, 2);
      const auto f = theta(dim, 10000);
      for (const std::int64_t m : {std::int64_t{0}, std::int64_t{37}, std::int64_t{1000000}}) {
        const auto got = pe::rope_scores(q.data(), k.data(), dim, f, pairing, m, -5, 600);
        BOOST_TEST_REQUIRE(got.scores.size() == 600u);
        double worst = 0;
        for (std::int64_t j = 0; j < 600; ++j) {
          const long double expected = textbook_score(q, k, f, pairing, m, m - 5 + j);
          worst = std::max(worst, static_cast<double>(std::fabs(got.scores[j] - expected)));
        }
        // float32 rows: about 1e-7 of |q| |k| per channel.
        BOOST_TEST(worst < 2e-6 * std::sqrt(static_cast<double>(norm2(q) * norm2(k))),
                   "dim " << dim << ", m " << m << ": largest error " << worst);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(the_curve_is_the_same_at_every_absolute_position) {
  const int dim = 64;
  const auto q = random_vector(dim, 3), k = random_vector(dim, 4);
  const auto f = theta(dim, 500000);
  const auto at0 = pe::rope_scores(q.data(), k.data(), dim, f, RopePairing::half, 0, 0, 300);
  for (const std::int64_t m : {std::int64_t{1}, std::int64_t{4096}, std::int64_t{2147483000}}) {
    const auto at_m = pe::rope_scores(q.data(), k.data(), dim, f, RopePairing::half, m, 0, 300);
    // Float32 rounding of the rotated rows only: far below |q| |k|.
    const double scale = std::sqrt(static_cast<double>(norm2(q) * norm2(k)));
    for (std::size_t j = 0; j < 300; ++j)
      BOOST_TEST(std::fabs(at_m.scores[j] - at0.scores[j]) < 1e-6 * scale,
                 "m " << m << ", j " << j);
  }
}

BOOST_AUTO_TEST_CASE(an_aligned_pair_scores_its_squared_length_at_offset_0) {
  const auto q = random_vector(32, 5);
  const auto got =
      pe::rope_scores(q.data(), q.data(), 32, theta(32, 10000), RopePairing::interleaved, 99, 0, 1);
  BOOST_TEST(got.scores[0] == static_cast<double>(norm2(q)), tt::tolerance(1e-6));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(roformer_bound)

BOOST_AUTO_TEST_CASE(matches_the_papers_formula) {
  for (const auto pairing : kPairings) {
    const int dim = 128;
    const auto q = random_vector(dim, 6), k = random_vector(dim, 7);
    const auto f = theta(dim, 10000);
    const auto got = pe::rope_scores(q.data(), k.data(), dim, f, pairing, 300, -300, 1000);
    for (std::int64_t j = 0; j < 1000; j += 7) {
      const auto expected = static_cast<double>(textbook_bound(q, k, f, pairing, -300 + j));
      BOOST_TEST(got.bounds[j] == expected, tt::tolerance(1e-9));
    }
  }
}

BOOST_AUTO_TEST_CASE(bounds_every_score_but_the_score_does_not_decay_monotonically) {
  const int dim = 64;
  const auto f = rope_frequencies(dim, 500000, pe::RopeScaling{}).frequencies;
  for (unsigned seed = 10; seed < 20; ++seed) {
    const auto q = random_vector(dim, seed), k = random_vector(dim, seed + 100);
    const auto got =
        pe::rope_scores(q.data(), k.data(), dim, f, RopePairing::interleaved, 0, 0, 4096);
    int rises = 0;
    for (std::size_t j = 0; j < got.scores.size(); ++j) {
      BOOST_TEST(std::fabs(got.scores[j]) <= got.bounds[j] * (1 + 1e-9));
      if (j > 0 && std::fabs(got.scores[j]) > std::fabs(got.scores[j - 1])) ++rises;
    }
    BOOST_TEST(rises > 100, "seed " << seed << ": |score| rose only " << rises << " times");
  }
}

BOOST_AUTO_TEST_CASE(is_the_same_for_an_offset_and_its_negative) {
  const auto q = random_vector(16, 8), k = random_vector(16, 9);
  const auto got =
      pe::rope_scores(q.data(), k.data(), 16, theta(16, 10000), RopePairing::half, 50, -50, 101);
  for (int j = 0; j < 50; ++j)
    BOOST_TEST(got.bounds[j] == got.bounds[100 - j], tt::tolerance(1e-9));
}

BOOST_AUTO_TEST_SUITE_END()
