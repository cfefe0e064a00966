#pragma once
// Rows of a (count, dim) row-major float table compared as vectors: lengths, L2 distances and
// cosine similarities, the numbers the sentence views print. Sums run in double precision, so
// two bit-identical rows are at distance exactly 0.
#include <vector>

namespace pe {

// Euclidean length of row r.
double row_norm(const float* table, int dim, int r);

// L2 distance between rows a and b.
double row_distance(const float* table, int dim, int a, int b);

// Cosine similarity of rows a and b: exactly 1 for equal rows, clamped to [-1, 1] (rounding can
// push nearly parallel rows past 1), and 0 when either row is all zeros, as scikit-learn defines
// it.
double row_cosine(const float* table, int dim, int a, int b);

// Every row's length: count values.
std::vector<double> row_norms(const float* table, int dim, int count);

// The cosine similarity of every pair of rows: (count, count), entry [a * count + b].
std::vector<double> cosine_matrix(const float* table, int dim, int count);

}  // namespace pe
