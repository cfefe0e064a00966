// The one main() of every native suite, compiled once and linked into each: Boost.Test's runner,
// its master suite named after the executable ("rotary_test"), as each suite's own
// BOOST_TEST_MODULE would name it. Keeping main out of the suites lets them share one precompiled
// Boost.Test header (tests/native/CMakeLists.txt), which must not define a module.
#include <boost/test/unit_test.hpp>
#include <string>

namespace {

bool name_master_suite() {
  auto& master = boost::unit_test::framework::master_test_suite();
  if (master.argc > 0) {
    const std::string path = master.argv[0];
    master.p_name.value = path.substr(path.find_last_of('/') + 1);
  }
  return true;
}

}  // namespace

int main(int argc, char* argv[]) {
  return boost::unit_test::unit_test_main(&name_master_suite, argc, argv);
}
