#pragma once

namespace pe {

// Replaces row[0 .. count) by softmax(row): e^(row_j - max) / sum_k e^(row_k - max). Stable for
// any finite scores (integer positions give scores near 1e20): subtracting the row maximum keeps
// every exponent <= 0, so nothing overflows, and the maximum's term is exactly 1, so the sum is
// at least 1. Equal rows give bit-identical results. count must be at least 1.
void softmax(float* row, int count);

// e^x for x <= 0, within 2e-7 relative (0 below -87, where e^x < 2e-38): the Cephes expf
// polynomial. Unlike the C library's expf it inlines and vectorises, which matters because
// attention calls it count^2 times per run.
float exp_nonpositive(float x);

}  // namespace pe
