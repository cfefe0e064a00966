#include "analysis/duplicate_tokens.hpp"

#include <algorithm>
#include <numeric>

namespace pe {

std::vector<std::vector<int>> duplicate_tokens(const std::vector<std::string>& tokens) {
  const int count = static_cast<int>(tokens.size());

  // Sorting the indices by text puts equal texts next to each other: O(n log n) comparisons,
  // no hash table. run_of[r] numbers the run of token r, -1 if its text occurs once.
  std::vector<int> order(count);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&tokens](int a, int b) { return tokens[a] < tokens[b]; });
  std::vector<int> run_of(count, -1);
  int runs = 0;
  for (int first = 0, last = 0; first < count; first = last) {
    while (last < count && tokens[order[last]] == tokens[order[first]]) ++last;
    if (last - first < 2) continue;
    for (int k = first; k < last; ++k) run_of[order[k]] = runs;
    ++runs;
  }

  // Visiting tokens in order makes each group ascending and orders groups by first appearance.
  std::vector<int> group_of_run(runs, -1);
  std::vector<std::vector<int>> groups;
  for (int r = 0; r < count; ++r) {
    if (run_of[r] < 0) continue;
    int& group = group_of_run[run_of[r]];
    if (group < 0) {
      group = static_cast<int>(groups.size());
      groups.emplace_back();
    }
    groups[group].push_back(r);
  }
  return groups;
}

}  // namespace pe
