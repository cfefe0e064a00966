#pragma once
// ALiBi (Press et al. 2021, arXiv 2108.12409): no vector is added to the input; head h adds
// -m_h * (i - j) to the causal attention logit of query i for key j, so every head forgets the
// distant past at its own rate m_h.
#include <vector>

namespace pe {

constexpr int kMaxAlibiHeads = 1024;

// The ALiBi paper's head slopes (Press et al. 2021): for n a power of two,
//   m_h = 2^(-8h/n), h = 1..n;
// otherwise the slopes for the closest lower power of two 2^k, then every other slope (1st, 3rd,
// ...) of the 2^(k+1)-head sequence until there are n.
// 8 heads: 1/2, 1/4, ..., 1/256. 1 head: 2^-8. heads is from 1 to kMaxAlibiHeads.
std::vector<double> alibi_slopes(int heads);

}  // namespace pe
