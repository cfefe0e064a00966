# pe_node_program(<target>): a native command (a main()) built as well for Node, in the wasm build:
# build/wasm/<name>.cjs runs the same C++ as the native command, under the engine that runs the
# page, so the two can be timed and compared. These are programs of their own, never part of the
# page's first-load module, built only when asked for (cmake --build build/wasm --target <target>).
function(pe_node_program target)
  set_target_properties(${target} PROPERTIES EXCLUDE_FROM_ALL TRUE)
  # As the libraries are compiled for the modules (src/wasm/CMakeLists.txt: link-time optimisation,
  # no RTTI): linked otherwise, calls through the options' function pointers trap.
  target_compile_options(${target} PRIVATE -msimd128 -flto -fno-rtti)
  target_link_options(${target} PRIVATE
    -flto
    -fno-rtti
    -sENVIRONMENT=node
    # The trainer allocates its buffers once, but up to ~100 MB for its largest options.
    -sALLOW_MEMORY_GROWTH=1
    -sEXIT_RUNTIME=1
    # Files (pe-train --csv) go straight to the disk.
    -sNODERAWFS=1
    # One file: Node 18+ would fetch() a separate .wasm by its path, which fails (toolchain.md).
    -sSINGLE_FILE=1)
  # .cjs: the repository's package.json makes .js files ES modules, which this loader is not.
  set_target_properties(${target} PROPERTIES SUFFIX .cjs)
  # Debian's emcc needs acorn from /usr/share/nodejs for optimised links (toolchain.md).
  set_property(TARGET ${target} PROPERTY RULE_LAUNCH_LINK
    "${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs")
endfunction()
