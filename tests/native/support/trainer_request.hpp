#pragma once
// A trainer request for a test, written as a command line writes it: the options by their JS
// names, each value as text ({"dModel", "16"}, {"causal", "false"}), read through the declared
// rows (core/option_words.hpp); every other option keeps its default.
#include <boost/test/unit_test.hpp>
#include <initializer_list>
#include <string>
#include <utility>

#include "core/option_words.hpp"
#include "training/trainer_request.hpp"

namespace test_support {

using OptionTexts = std::initializer_list<std::pair<std::string, std::string>>;

inline void set_options(pe::RawTrainerRequest& raw, OptionTexts options) {
  for (const auto& [name, text] : options)
    if (auto error = pe::set_option(pe::kTrainerOptions, raw, name, text)) BOOST_FAIL(*error);
}

inline pe::RawTrainerRequest trainer_request(OptionTexts options) {
  pe::RawTrainerRequest raw;
  set_options(raw, options);
  return raw;
}

}  // namespace test_support
