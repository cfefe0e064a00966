#pragma once
// What every WebAssembly module of PE Lab exports beside its own functions: its declarations
// (requests(), filled by its EMSCRIPTEN_BINDINGS) and, for tests, the bytes allocated on its heap
// (no call may leak) and the size of its memory (results must outlive its growth; calls stay
// within a bound). Each module is linked on its own, so each has its own table and heap.
#include <emscripten/heap.h>
#include <emscripten/val.h>
#include <malloc.h>

#include "declarations.hpp"

namespace marshal {

// The module's declarations, which its EMSCRIPTEN_BINDINGS fills.
inline Declarations& module_declarations() {
  static Declarations all;
  return all;
}

inline emscripten::val module_requests() { return module_declarations().to_js(); }
inline double heap_bytes_in_use() { return static_cast<double>(mallinfo().uordblks); }
inline double memory_bytes() { return static_cast<double>(emscripten_get_heap_size()); }

// Exports requests, heapBytesInUse and memoryBytes.
inline void expose_module_basics(Declarations& api) {
  api.expose("requests", &module_requests);
  api.expose("heapBytesInUse", &heap_bytes_in_use);
  api.expose("memoryBytes", &memory_bytes);
}

}  // namespace marshal
