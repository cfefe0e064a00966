#pragma once
#include <algorithm>
#include <numeric>
#include <vector>

namespace pe {

// Groups the indices of tokens with equal keys (their texts, or the caller's token ids): the
// tokens whose input vectors would be identical without a positional encoding. Only groups of
// two or more; each group ascending, groups ordered by their first index. The texts "the dog
// chased the ball . it could not catch it ." give {{0, 3}, {5, 11}, {6, 10}}.
template <typename Key>
std::vector<std::vector<int>> duplicate_tokens(const std::vector<Key>& keys) {
  const int count = static_cast<int>(keys.size());

  // Sorting the indices by key puts equal keys next to each other: O(n log n) comparisons, no
  // hash table. run_of[r] numbers the run of token r, -1 if its key occurs once.
  std::vector<int> order(count);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&keys](int a, int b) { return keys[a] < keys[b]; });
  std::vector<int> run_of(count, -1);
  int runs = 0;
  for (int first = 0, last = 0; first < count; first = last) {
    while (last < count && keys[order[last]] == keys[order[first]]) ++last;
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
