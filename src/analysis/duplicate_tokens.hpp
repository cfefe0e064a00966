#pragma once
#include <string>
#include <vector>

namespace pe {

// Groups the indices of tokens that have the same text: the tokens whose input vectors would be
// identical without a positional encoding. Only groups of two or more; each group ascending,
// groups ordered by their first index. "the dog chased the ball . it could not catch it ."
// gives {{0, 3}, {5, 11}, {6, 10}}.
std::vector<std::vector<int>> duplicate_tokens(const std::vector<std::string>& tokens);

}  // namespace pe
