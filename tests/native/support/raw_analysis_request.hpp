#pragma once
// A raw analysis request with the given settings and every scheme option at its default: what
// the analysis tests start from.
#include <string>

#include "analysis/analysis_request.hpp"

namespace test_support {

inline pe::RawAnalysisRequest raw_of(const std::string& kind, double dim, double start, bool causal,
                                     double embedding_std = pe::kTokenEmbeddingStd) {
  pe::RawAnalysisRequest raw;
  raw.scheme = kind;
  raw.dim = dim;
  raw.start = start;
  raw.causal = causal;
  raw.embedding_std = embedding_std;
  return raw;
}

}  // namespace test_support
