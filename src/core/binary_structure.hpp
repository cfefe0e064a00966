#pragma once
// What the binary encoding's table shows beyond its bits: how far apart neighbouring positions
// are, where codes start repeating, and how often each index flips. Index i is 0-based here
// (i = 0 is the lecture's "index 1", the least significant bit), as in core/binary_encoding.hpp.
#include <cstdint>
#include <tuple>
#include <vector>

#include "core/caller_table.hpp"
#include "core/fields.hpp"
#include "core/position_range.hpp"

namespace pe {

// Index i flips every 2^i positions (the lecture's index k every 2^(k-1)); Infinity past 2^1023.
double flip_period(int index);

// flip_period(i) for i = 0 .. dim - 1.
std::vector<double> flip_periods(int dim);

// The first position whose code a smaller position already has: 2^dim (with 8 bits, 256 looks
// like 0). -1 when dim >= 31: then every position up to 2^31 - 1 has a code of its own.
std::int64_t first_repeated_position(int dim);

// Facts about the rows of range, read off the rows encode_binary produces, one row at a time, so
// the memory used is the same for 10 rows or 16 million:
//   hamming[r], r < count - 1: indices whose bit differs between positions start + r and
//     start + r + 1; at most 31, since only 31 bits of a position can be 1;
//   same_code_as[r], r < count: the smallest position with the same code as start + r, the row
//     read back as a number (sum of bit i * 2^i); below first_repeated_position it is start + r.
// A caller splitting a long range into blocks passes each block with one row more than it keeps,
// so the last kept row has its neighbour.
void describe_binary_rows(const PositionRange& range, std::uint8_t* hamming,
                          std::uint32_t* same_code_as);

// pe.binaryStructure: the facts above for a whole range, hamming and same_code_as written into
// the caller's tables a block of rows at a time (a range of 16 million rows never needs its facts
// here), and the facts of the dimension.
struct BinaryStructure {
  std::vector<double> flip_periods;  // flip_periods(dim)
  std::int64_t repeats_from = -1;    // first_repeated_position(dim)
};
constexpr auto fields_of(const BinaryStructure&) {
  return std::tuple{
      field<&BinaryStructure::flip_periods>("flipPeriods"),
      field<&BinaryStructure::repeats_from>("repeatsFrom").null_when(NullWhen::negative)};
}
BinaryStructure describe_binary_structure(const PositionRange& range,
                                          TableSink<std::uint8_t>& hamming,
                                          TableSink<std::uint32_t>& same_code_as,
                                          const Blocks& blocks = {});

}  // namespace pe
