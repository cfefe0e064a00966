#pragma once
// Deterministic random numbers: the same seed gives the same numbers, bit for bit, natively
// (glibc) and in WebAssembly (musl). std::hash, the distributions of <random> and libm's log and
// cos are not specified to the bit and do differ between standard libraries, so everything here is
// built from integer arithmetic and the IEEE 754 operations + - * / sqrt, which round the same
// way everywhere.
#include <cstdint>
#include <string_view>

namespace pe {

// FNV-1a, 64-bit (Fowler, Noll, Vo): a fixed hash of bytes, used to seed a token's vector.
// It runs byte by byte, so fnv1a_64(b, fnv1a_64(a)) hashes the concatenation of a and b.
constexpr std::uint64_t kFnvOffsetBasis = 14695981039346656037ull;
std::uint64_t fnv1a_64(std::string_view bytes, std::uint64_t hash = kFnvOffsetBasis);

// SplitMix64 (Steele, Lea, Flood 2014; the generator that seeds xoshiro): a 64-bit counter
// passed through a strong mixer, so even neighbouring seeds give unrelated streams.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next();
  // Uniform in [0, 1), from the top 53 bits (every value is an exact double).
  double next_unit();
  // Uniform in 0 .. n - 1 (n >= 1), by multiplying the top 32 bits by n (Lemire): no division,
  // and no value more likely than another by more than n / 2^32.
  std::uint32_t next_below(std::uint32_t n);

 private:
  std::uint64_t state_;
};

// Standard normal numbers N(0, 1): the polar form of the Box-Muller transform (Marsaglia),
// which needs only a logarithm, computed by portable_log. Numbers come in pairs; the second
// is kept for the next call, so a stream of k numbers is the prefix of a stream of k + 1.
class NormalGenerator {
 public:
  explicit NormalGenerator(std::uint64_t seed) : uniform_(seed) {}

  double next();

 private:
  SplitMix64 uniform_;
  double spare_ = 0.0;
  bool has_spare_ = false;
};

// Natural logarithm of a finite x > 0 from + - * / only (within 5e-16 relative of the C
// library's log), so the result does not depend on which C library is linked.
double portable_log(double x);

}  // namespace pe
