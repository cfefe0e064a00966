// The optimiser against values worked out by hand from PyTorch's formulas (torch.optim.AdamW,
// clip_grad_norm_), and the learning-rate schedule at its landmarks.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <vector>

#include "training/optimizer.hpp"

namespace tt = boost::test_tools;

BOOST_AUTO_TEST_CASE(adamw_moves_each_parameter_by_about_the_learning_rate_on_its_first_step) {
  // Step 1: m = 0.1 g, v = 0.001 g^2, m / (1 - 0.9) = g, sqrt(v / (1 - 0.999)) = |g|: the update
  // is lr g / (|g| + eps) = lr sign(g), after the decay p (1 - lr wd) on decayed values only.
  std::vector<float> p{1.0f, -2.0f, 0.5f}, g{0.3f, -4.0f, 0.0f}, m(3), v(3);
  const pe::AdamWSettings settings{0.9, 0.999, 1e-8, 0.1};
  pe::adamw_step(p.data(), g.data(), m.data(), v.data(), 3, 2, 0.01, settings, 1);
  BOOST_TEST(p[0] == 1.0 * (1 - 0.01 * 0.1) - 0.01 * 0.3 / (0.3 + 1e-8), tt::tolerance(1e-6));
  BOOST_TEST(p[1] == -2.0 * (1 - 0.01 * 0.1) + 0.01 * 4.0 / (4.0 + 1e-8), tt::tolerance(1e-6));
  BOOST_TEST(p[2] == 0.5f);  // not decayed (index 2 >= decayed), no gradient: unchanged
  BOOST_TEST(m[0] == 0.03, tt::tolerance(1e-6));
  BOOST_TEST(v[1] == 0.016, tt::tolerance(1e-5));
}

BOOST_AUTO_TEST_CASE(adamw_corrects_both_moments_for_their_start_at_zero) {
  // Two steps with gradients 1 then 3 (lr 0.1, no decay): m2 = 0.9 * 0.1 + 0.1 * 3 = 0.39,
  // v2 = 0.999 * 0.001 + 0.001 * 9 = 0.009999; update 2 = 0.1 * (0.39 / 0.19) /
  // (sqrt(0.009999 / 0.001999) + 1e-8).
  std::vector<float> p{0.0f}, m(1), v(1);
  const pe::AdamWSettings settings{0.9, 0.999, 1e-8, 0.0};
  const float first = 1.0f, second = 3.0f;
  pe::adamw_step(p.data(), &first, m.data(), v.data(), 1, 1, 0.1, settings, 1);
  BOOST_TEST(p[0] == -0.1, tt::tolerance(1e-6));
  pe::adamw_step(p.data(), &second, m.data(), v.data(), 1, 1, 0.1, settings, 2);
  const double update = 0.1 * (0.39 / 0.19) / (std::sqrt(0.009999 / 0.001999) + 1e-8);
  BOOST_TEST(p[0] == -0.1 - update, tt::tolerance(1e-6));
}

BOOST_AUTO_TEST_CASE(the_schedule_warms_up_linearly_then_falls_along_a_cosine) {
  // 10 warm-up steps of 110: 0.1, 0.2, ..., 1.0 of the peak, then 1 + cos over the other 100.
  BOOST_TEST(pe::learning_rate_at(0, 10, 110, 2.0) == 0.2, tt::tolerance(1e-12));
  BOOST_TEST(pe::learning_rate_at(9, 10, 110, 2.0) == 2.0, tt::tolerance(1e-12));
  BOOST_TEST(pe::learning_rate_at(10, 10, 110, 2.0) == 2.0, tt::tolerance(1e-12));
  BOOST_TEST(pe::learning_rate_at(60, 10, 110, 2.0) == 1.0, tt::tolerance(1e-12));
  BOOST_TEST(pe::learning_rate_at(109, 10, 110, 2.0) == 1.0 + std::cos(M_PI * 99 / 100),
             tt::tolerance(1e-12));
  BOOST_TEST(pe::learning_rate_at(0, 0, 5, 1.0) == 1.0);  // no warm-up: the peak at once
}

BOOST_AUTO_TEST_CASE(clipping_scales_gradients_to_the_norm_plus_pytorchs_1e_6) {
  std::vector<float> g{3.0f, 4.0f};  // norm 5
  BOOST_TEST(pe::clip_gradients(g.data(), 2, 1.0) == 5.0);
  BOOST_TEST(g[0] == 3.0 / (5.0 + 1e-6), tt::tolerance(1e-6));
  BOOST_TEST(g[1] == 4.0 / (5.0 + 1e-6), tt::tolerance(1e-6));
}

BOOST_AUTO_TEST_CASE(gradients_under_the_limit_or_with_clipping_off_stay_as_they_are) {
  std::vector<float> g{0.3f, 0.4f};
  BOOST_TEST(pe::clip_gradients(g.data(), 2, 1.0) == 0.5, tt::tolerance(1e-7));
  BOOST_TEST(g[0] == 0.3f);
  std::vector<float> large{30.0f, 40.0f};
  pe::clip_gradients(large.data(), 2, 0.0);
  BOOST_TEST(large[1] == 40.0f);
}

BOOST_AUTO_TEST_CASE(a_non_finite_gradient_gives_a_non_finite_norm) {
  std::vector<float> g{1.0f, std::numeric_limits<float>::infinity()};
  BOOST_TEST(!std::isfinite(pe::clip_gradients(g.data(), 2, 1.0)));
  g[1] = std::numeric_limits<float>::quiet_NaN();
  BOOST_TEST(!std::isfinite(pe::clip_gradients(g.data(), 2, 1.0)));
}
