#pragma once
// Every trained number of the model in one flat buffer, and where each tensor lives in it.
// Matrices are (in, out), row-major, applied to row vectors (y = x W), so a forward product runs
// along contiguous rows. The weight matrices of the linear layers come first: they are the ones
// AdamW decays (as minGPT: no decay for embeddings, position tables, norm gains and biases).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "training/model_shape.hpp"

namespace pe {

// What a tensor is, which decides how it starts: GPT-2's initialisation from one seed, every
// matrix N(0, 0.02^2), the token embeddings N(0, embedding_std^2) (GPT-2: 0.02), the two
// projections back into the residual stream (out, down) N(0, (0.02 / sqrt(2 layers))^2), gains 1,
// biases 0; a learned position table is filled by its scheme's encode instead.
enum class TensorRole { matrix, residual_projection, embedding, position_table, gain, bias };

// One tensor, as exports and the PyTorch parity test name it, e.g. "layers.0.qkv" (d, 3 d).
struct TensorSlot {
  std::string name;
  TensorRole role;
  std::size_t offset;  // its first value in the buffer
  int rows, cols;      // (rows, cols), row-major; a vector is (1, cols)
};

// Offsets of one layer's tensors. Biases of the norms are empty under RMSNorm.
struct LayerSlots {
  std::size_t norm1_gain, norm1_bias;  // (d)
  std::size_t qkv;                     // (d, 3 d): queries | keys | values, head h at h * head_dim
  std::size_t out;                     // (d, d)
  std::size_t norm2_gain, norm2_bias;  // (d)
  std::size_t up;                      // (d, 4 d)
  std::size_t down;                    // (4 d, d)
};

struct ParameterLayout {
  std::vector<LayerSlots> layers;
  std::size_t output;                  // (d, classes)
  std::size_t token_embedding;         // (vocabulary, d)
  std::size_t position_table;          // (position_rows, d), learned schemes only
  std::size_t final_gain, final_bias;  // (d)
  std::vector<TensorSlot> tensors;     // every tensor, in buffer order
  std::size_t decayed = 0;             // values [0, decayed) get weight decay
  std::size_t total = 0;               // values in the buffer
};

// position_rows: rows of a learned position table (0 when the scheme has none).
ParameterLayout make_parameter_layout(const ModelShape& shape, int position_rows);

// Every tensor but the position table as its role says (above), the normal numbers drawn in
// buffer order from one stream seeded by seed.
void initialize_parameters(const ParameterLayout& layout, const ModelShape& shape,
                           double embedding_std, std::uint64_t seed, float* parameters);

}  // namespace pe
