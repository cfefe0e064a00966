#include "training/parameters.hpp"

#include <cmath>

#include "core/random.hpp"

namespace pe {

namespace {

constexpr double kWeightStd = 0.02;  // GPT-2's initializer_range

// Appends tensors to a layout, one after the other.
class LayoutBuilder {
 public:
  explicit LayoutBuilder(ParameterLayout& layout) : layout_(layout) {}

  std::size_t add(const std::string& name, TensorRole role, int rows, int cols) {
    const std::size_t offset = layout_.total;
    layout_.tensors.push_back({name, role, offset, rows, cols});
    layout_.total += static_cast<std::size_t>(rows) * cols;
    return offset;
  }

 private:
  ParameterLayout& layout_;
};

std::string layer_name(int layer, const char* tensor) {
  return "layers." + std::to_string(layer) + "." + tensor;
}

}  // namespace

ParameterLayout make_parameter_layout(const ModelShape& shape, int position_rows) {
  const int d = shape.d_model;
  const int bias = shape.norm == NormKind::layer ? d : 0;
  ParameterLayout layout;
  LayoutBuilder add(layout);
  layout.layers.resize(shape.layers);
  for (int l = 0; l < shape.layers; ++l) {
    LayerSlots& slots = layout.layers[l];
    slots.qkv = add.add(layer_name(l, "qkv"), TensorRole::matrix, d, 3 * d);
    slots.out = add.add(layer_name(l, "out"), TensorRole::residual_projection, d, d);
    slots.up = add.add(layer_name(l, "up"), TensorRole::matrix, d, shape.hidden());
    slots.down = add.add(layer_name(l, "down"), TensorRole::residual_projection, shape.hidden(), d);
  }
  layout.output = add.add("output", TensorRole::matrix, d, shape.classes);
  layout.decayed = layout.total;
  layout.token_embedding = add.add("token_embedding", TensorRole::embedding, shape.vocabulary, d);
  layout.position_table = add.add("position_table", TensorRole::position_table, position_rows, d);
  for (int l = 0; l < shape.layers; ++l) {
    LayerSlots& slots = layout.layers[l];
    slots.norm1_gain = add.add(layer_name(l, "norm1.gain"), TensorRole::gain, 1, d);
    slots.norm1_bias = add.add(layer_name(l, "norm1.bias"), TensorRole::bias, 1, bias);
    slots.norm2_gain = add.add(layer_name(l, "norm2.gain"), TensorRole::gain, 1, d);
    slots.norm2_bias = add.add(layer_name(l, "norm2.bias"), TensorRole::bias, 1, bias);
  }
  layout.final_gain = add.add("final_norm.gain", TensorRole::gain, 1, d);
  layout.final_bias = add.add("final_norm.bias", TensorRole::bias, 1, bias);
  return layout;
}

void initialize_parameters(const ParameterLayout& layout, const ModelShape& shape,
                           double embedding_std, std::uint64_t seed, float* parameters) {
  NormalGenerator random(seed);
  const double residual_std = kWeightStd / std::sqrt(2.0 * shape.layers);
  for (const TensorSlot& tensor : layout.tensors) {
    if (tensor.role == TensorRole::position_table) continue;
    float* values = parameters + tensor.offset;
    const std::size_t count = static_cast<std::size_t>(tensor.rows) * tensor.cols;
    const double std = tensor.role == TensorRole::residual_projection ? residual_std
                       : tensor.role == TensorRole::embedding         ? embedding_std
                                                                      : kWeightStd;
    for (std::size_t i = 0; i < count; ++i) {
      if (tensor.role == TensorRole::gain || tensor.role == TensorRole::bias)
        values[i] = tensor.role == TensorRole::gain ? 1.0f : 0.0f;
      else
        values[i] = static_cast<float>(std * random.next());
    }
  }
}

}  // namespace pe
