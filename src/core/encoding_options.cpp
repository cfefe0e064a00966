#include "core/encoding_options.hpp"

namespace pe {

std::vector<OptionChoice> layout_choices() {
  return {{"interleaved", "interleaved: sin, cos, sin, cos, … (the paper)"},
          {"split", "split: all sines, then all cosines"}};
}

std::vector<OptionChoice> pairing_choices() {
  return {{"interleaved", "interleaved: (x₀, x₁), (x₂, x₃), … (RoFormer, Meta, DeepSeek)"},
          {"half", "half: (x₀, x_d/2), (x₁, x_d/2+1), … (GPT-NeoX, Hugging Face)"}};
}

}  // namespace pe
