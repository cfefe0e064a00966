#pragma once
// Moving k positions along the sinusoidal encoding is one fixed rotation, whatever the position:
// the property "Attention Is All You Need" (section 3.5) chose it for, "PE(p + k) can be
// represented as a linear function of PE(p)". Pair j of PE(p) is (s, c) = (sin p w_j, cos p w_j),
// and by angle addition
//   sin((p + k) w_j) =  cos(k w_j) s + sin(k w_j) c
//   cos((p + k) w_j) = -sin(k w_j) s + cos(k w_j) c
// so PE(p + k) = R_k PE(p), R_k turning pair j by the angle k w_j with the 2x2 block
//   [ cos k w_j   sin k w_j ]
//   [-sin k w_j   cos k w_j ]
// on (s, c). p does not appear in R_k: the same matrix moves every position k steps on.
#include <cstdint>
#include <vector>

#include "core/sinusoidal_encoding.hpp"

namespace pe {

// R_k's dense form is offered up to this dim: 64 x 64 doubles, 32 KiB. Past it, pair by pair.
constexpr int kMaxRotationMatrixDim = 64;

// R_k pair by pair, for frequencies f_j (w_j for the sinusoidal encoding) and offset k = by.
struct ShiftRotation {
  std::vector<double> angles;   // k f_j reduced to [0, 2 pi): how far pair j turns
  std::vector<double> cosines;  // cos(k f_j), of the angle k f_j formed in double
  std::vector<double> sines;    // sin(k f_j)
};
ShiftRotation shift_rotation(const std::vector<double>& frequencies, std::int64_t by);

// R_k as a (dim, dim) row-major matrix, dim = 2 * pairs, acting on a row of the given layout:
// pair j's sine and cosine are channels (2j, 2j + 1) interleaved, (j, dim/2 + j) split, so the
// 2x2 blocks sit on the diagonal (interleaved) or on the diagonals of four (dim/2)^2 quadrants
// (split). Zeros elsewhere.
std::vector<double> rotation_matrix(const ShiftRotation& rotation, SinusoidLayout layout);

// out = R_k row for one row of dim = 2 * pairs values in the layout, in double.
void rotate_sinusoid_row(const ShiftRotation& rotation, SinusoidLayout layout, const float* row,
                         double* out);

}  // namespace pe
