// pe.rowNorms (analysis/row_norms.hpp): every row's length, streamed in blocks of any size, and
// a table that is not whole rows, too long, or holds a value that is not finite, refused naming
// what is wrong.
#define BOOST_TEST_MODULE row_norms

#include "analysis/row_norms.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <variant>
#include <vector>

#include "analysis/vector_geometry.hpp"
#include "core/caller_table.hpp"
#include "core/position_range.hpp"
#include "support/parsed.hpp"

using test_support::check_error;
using test_support::value_of;

namespace {

pe::RawRowNorms raw_of(std::vector<float> values, double dim) {
  return {pe::VectorTable::of(std::move(values)), dim};
}

// A table whose length the caller reports without holding the values (a huge JS array).
class LengthOnly final : public pe::TableSource {
 public:
  explicit LengthOnly(std::int64_t size) : size_(size) {}
  std::int64_t size() const override { return size_; }
  void read(std::int64_t, std::int64_t, float*) const override {}

 private:
  std::int64_t size_;
};

}  // namespace

BOOST_AUTO_TEST_CASE(a_row_of_3_and_4_is_5_long_and_an_integer_position_p_is_p_times_root_dim) {
  const auto request = value_of(pe::parse(raw_of({3, 4, 0, 0, 200, 200}, 2)));
  pe::VectorSink<double> norms;
  BOOST_TEST(!pe::row_norms(request, norms).has_value());
  BOOST_TEST(norms.values() == (std::vector<double>{5, 0, 200 * std::sqrt(2.0)}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(lengths_streamed_in_blocks_of_any_rows_are_those_of_the_whole_table) {
  std::vector<float> values(37 * 5);
  for (std::size_t e = 0; e < values.size(); ++e) values[e] = static_cast<float>(std::cos(e * 1.3));
  const auto request = value_of(pe::parse(raw_of(values, 5)));
  const std::vector<double> whole = pe::TableRows(values.data(), 5, 37).norms();
  for (const std::int64_t rows : {1, 4, 36, 37, 100}) {
    pe::VectorSink<double> norms;
    BOOST_TEST(!pe::row_norms(request, norms, pe::Blocks{rows * 5, 1}).has_value());
    BOOST_TEST(norms.values() == whole, boost::test_tools::per_element());
  }
}

BOOST_AUTO_TEST_CASE(an_empty_table_has_no_rows) {
  const auto request = value_of(pe::parse(raw_of({}, 3)));
  BOOST_TEST(request.rows == 0);
  pe::VectorSink<double> norms;
  BOOST_TEST(!pe::row_norms(request, norms).has_value());
  BOOST_TEST(norms.values().empty());
}

BOOST_AUTO_TEST_CASE(a_table_that_is_not_whole_rows_or_too_long_is_refused_from_its_length) {
  check_error(pe::parse(raw_of({1, 2, 3, 4, 5}, 2)), pe::ErrorKind::range,
              "data must hold whole rows of dim values; received 5 values for dim 2");
  check_error(pe::parse(raw_of({1, 2}, 0)), pe::ErrorKind::range,
              "dim must be an integer from 1 to 4096; received 0");
  const pe::RawRowNorms huge{pe::CallerTable(std::make_shared<LengthOnly>(pe::kMaxValues + 1)), 1};
  check_error(pe::parse(huge), pe::ErrorKind::range,
              "data must hold at most 16777216 values; received 16777217");
}

BOOST_AUTO_TEST_CASE(a_value_that_is_not_finite_is_named_by_its_index_in_the_whole_table) {
  std::vector<float> values(12, 1.0f);
  values[9] = -std::numeric_limits<float>::infinity();
  const auto request = value_of(pe::parse(raw_of(values, 3)));
  for (const std::int64_t rows : {1, 2, 4}) {
    pe::VectorSink<double> norms;
    const auto error = pe::row_norms(request, norms, pe::Blocks{rows * 3, 1});
    BOOST_TEST_REQUIRE(error.has_value());
    BOOST_TEST(error->message ==
               "every value of data must be a finite number; data[9] is -Infinity");
  }
}
