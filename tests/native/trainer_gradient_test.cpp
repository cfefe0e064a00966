// The trainer's backward pass against central differences: every parameter's gradient, computed
// by the model in double precision, must match (L(p + h) - L(p - h)) / 2h of the same model, for
// every scheme of the registry (RoPE under both pairings), both norms, the causal mask on and off.
// The float model, which training runs, must then agree with the double one to float precision.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "core/random.hpp"
#include "positions/scheme_registry.hpp"
#include "training/transformer.hpp"

namespace {

constexpr std::int64_t kFirstPosition = 5;  // not 0, so tables and rotations are read at an offset
constexpr int kLengths[] = {1, 4, 6};
constexpr int kRows = 8;  // position rows: two more than the longest sequence, never trained

struct Case {
  const pe::PositionScheme* scheme;
  pe::RopePairing pairing;
  pe::NormKind norm;
  bool causal;
  std::string name() const {
    return std::string(scheme->name) + (pairing == pe::RopePairing::half ? " (half)" : "") +
           (norm == pe::NormKind::rms ? ", RMSNorm" : ", LayerNorm") +
           (causal ? ", causal" : ", bidirectional");
  }
};

std::vector<Case> every_case() {
  std::vector<Case> cases;
  for (const pe::PositionScheme* scheme : pe::position_schemes())
    for (const auto pairing : {pe::RopePairing::interleaved, pe::RopePairing::half}) {
      if (pairing == pe::RopePairing::half && scheme->stage != pe::Stage::query_key) continue;
      for (const auto norm : {pe::NormKind::rms, pe::NormKind::layer})
        for (const bool causal : {true, false}) cases.push_back({scheme, pairing, norm, causal});
    }
  return cases;
}

pe::ModelShape small_shape(const Case& c) {
  pe::ModelShape shape;
  shape.layers = 2, shape.d_model = 8, shape.heads = 2, shape.vocabulary = 5, shape.classes = 4;
  shape.norm = c.norm, shape.causal = c.causal;
  return shape;
}

// Sequences of lengths kLengths with random tokens and random labels, about a third unlabelled.
pe::Batch random_batch(const pe::ModelShape& shape, std::uint64_t seed) {
  pe::SplitMix64 random(seed);
  pe::Batch batch(3, 16);
  for (const int length : kLengths) {
    std::vector<int> tokens(length), labels(length);
    for (int t = 0; t < length; ++t) {
      tokens[t] = static_cast<int>(random.next_below(shape.vocabulary));
      labels[t] = random.next_below(3) == 0 ? pe::kUnlabelled
                                            : static_cast<int>(random.next_below(shape.classes));
    }
    batch.add(tokens.data(), labels.data(), length);
  }
  return batch;
}

// Every parameter at a scale where the model is far from linear: N(0, 0.3^2), gains 1 +- 0.3.
std::vector<double> random_parameters(const pe::ParameterLayout& layout, std::uint64_t seed) {
  pe::NormalGenerator normal(seed);
  std::vector<double> values(layout.total);
  for (const pe::TensorSlot& tensor : layout.tensors)
    for (int i = 0; i < tensor.rows * tensor.cols; ++i)
      values[tensor.offset + i] =
          (tensor.role == pe::TensorRole::gain ? 1.0 : 0.0) + 0.3 * normal.next();
  return values;
}

template <typename Real>
pe::Transformer<Real> model_for(const Case& c, const pe::ModelShape& shape,
                                const pe::ParameterLayout& layout) {
  pe::SchemeOptions options;
  options.pairing = c.pairing;
  options.slope = 0.5;
  pe::PositionTerms<Real> terms(*c.scheme, options, kFirstPosition, kRows, shape);
  return pe::Transformer<Real>(shape, layout, std::move(terms), 3, 16, 64);
}

template <typename Real>
std::vector<Real> gradient(pe::Transformer<Real>& model, const std::vector<Real>& parameters,
                           const pe::Batch& batch) {
  std::vector<Real> gradients(parameters.size(), Real(0));
  model.forward(parameters.data(), batch);
  model.backward(parameters.data(), batch, gradients.data());
  return gradients;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_gradient_matches_central_differences_in_double_precision) {
  for (const Case& c : every_case()) {
    BOOST_TEST_CONTEXT(c.name()) {
      const pe::ModelShape shape = small_shape(c);
      const pe::ParameterLayout layout =
          pe::make_parameter_layout(shape, c.scheme->learned ? kRows : 0);
      auto model = model_for<double>(c, shape, layout);
      const pe::Batch batch = random_batch(shape, 11);
      std::vector<double> parameters = random_parameters(layout, 12);
      const std::vector<double> analytic = gradient(model, parameters, batch);
      constexpr double h = 1e-5;
      double worst = 0, largest = 0;
      for (std::size_t i = 0; i < parameters.size(); ++i) {
        const double kept = parameters[i];
        parameters[i] = kept + h;
        const double above = model.forward(parameters.data(), batch);
        parameters[i] = kept - h;
        const double below = model.forward(parameters.data(), batch);
        parameters[i] = kept;
        const double numeric = (above - below) / (2 * h);
        worst = std::max(worst, std::abs(analytic[i] - numeric) / (1e-3 + std::abs(numeric)));
        largest = std::max(largest, std::abs(numeric));
      }
      BOOST_TEST_MESSAGE(c.name() << ": worst |analytic - numeric| / (1e-3 + |numeric|) " << worst
                                  << ", largest gradient " << largest);
      BOOST_TEST(worst < 1e-6);
      BOOST_TEST(largest > 1e-3);  // the check compares real gradients, not zeros
    }
  }
}

// Training runs in float: its gradients must be the double model's, rounded. Measured against the
// largest gradient, since small ones carry float's absolute rounding.
BOOST_AUTO_TEST_CASE(the_float_model_computes_the_same_gradients_to_float_precision) {
  for (const Case& c : every_case()) {
    BOOST_TEST_CONTEXT(c.name()) {
      const pe::ModelShape shape = small_shape(c);
      const pe::ParameterLayout layout =
          pe::make_parameter_layout(shape, c.scheme->learned ? kRows : 0);
      const pe::Batch batch = random_batch(shape, 21);
      const std::vector<double> exact_parameters = random_parameters(layout, 22);
      const std::vector<float> parameters(exact_parameters.begin(), exact_parameters.end());
      std::vector<double> rounded(parameters.begin(), parameters.end());  // exactly the floats
      auto exact_model = model_for<double>(c, shape, layout);
      auto model = model_for<float>(c, shape, layout);
      const std::vector<double> exact = gradient(exact_model, rounded, batch);
      const std::vector<float> approximate = gradient(model, parameters, batch);
      double largest = 0, worst = 0;
      for (std::size_t i = 0; i < exact.size(); ++i) {
        largest = std::max(largest, std::abs(exact[i]));
        worst = std::max(worst, std::abs(exact[i] - approximate[i]));
      }
      BOOST_TEST_MESSAGE(c.name() << ": float against double, worst / largest " << worst / largest);
      BOOST_TEST(worst / largest < 1e-5);
    }
  }
}

BOOST_AUTO_TEST_CASE(rows_of_a_learned_table_no_token_sat_at_get_no_gradient) {
  const Case c{&*pe::position_schemes().back(), pe::RopePairing::interleaved, pe::NormKind::rms,
               true};
  BOOST_TEST_REQUIRE(c.scheme->learned);
  const pe::ModelShape shape = small_shape(c);
  const pe::ParameterLayout layout = pe::make_parameter_layout(shape, kRows);
  auto model = model_for<double>(c, shape, layout);
  const std::vector<double> g =
      gradient(model, random_parameters(layout, 31), random_batch(shape, 32));
  for (int row = 0; row < kRows; ++row) {
    double size = 0;
    for (int i = 0; i < shape.d_model; ++i)
      size += std::abs(g[layout.position_table + row * shape.d_model + i]);
    BOOST_TEST_CONTEXT("row " << row) BOOST_TEST((size > 0) == (row < 6));  // the longest is 6
  }
}

// (x - mean) removes p * (1, ..., 1) whatever p is: LayerNorm never lets integer positions in,
// RMSNorm does.
BOOST_AUTO_TEST_CASE(under_layernorm_integer_positions_change_nothing_under_rmsnorm_they_do) {
  const pe::PositionScheme* integer =
      std::get<const pe::PositionScheme*>(pe::parse_scheme("integer"));
  for (const auto norm : {pe::NormKind::layer, pe::NormKind::rms}) {
    const Case with{integer, pe::RopePairing::interleaved, norm, true};
    const Case without{&pe::no_positions(), pe::RopePairing::interleaved, norm, true};
    const pe::ModelShape shape = small_shape(with);
    const pe::ParameterLayout layout = pe::make_parameter_layout(shape, 0);
    const std::vector<double> parameters = random_parameters(layout, 41);
    const pe::Batch batch = random_batch(shape, 42);
    auto model_with = model_for<double>(with, shape, layout);
    auto model_without = model_for<double>(without, shape, layout);
    const double difference = std::abs(model_with.forward(parameters.data(), batch) -
                                       model_without.forward(parameters.data(), batch));
    if (norm == pe::NormKind::layer)
      BOOST_TEST(difference < 1e-12);
    else
      BOOST_TEST(difference > 1e-3);
  }
}
