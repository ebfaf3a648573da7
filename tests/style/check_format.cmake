# ctest -P script: every C++ file of the project is clang-formatted.
file(GLOB_RECURSE files
     ${SOURCE_DIR}/include/*.hpp ${SOURCE_DIR}/src/*.hpp ${SOURCE_DIR}/src/*.cpp
     ${SOURCE_DIR}/tests/*.hpp ${SOURCE_DIR}/tests/*.cpp
     ${SOURCE_DIR}/examples/*.cpp ${SOURCE_DIR}/benchmarks/*.hpp ${SOURCE_DIR}/benchmarks/*.cpp
     ${SOURCE_DIR}/bindings/*.cpp ${SOURCE_DIR}/bindings/*.hpp)
set(unformatted "")
foreach(f ${files})
  execute_process(COMMAND ${CLANG_FORMAT} --dry-run -Werror ${f} RESULT_VARIABLE rc
                  OUTPUT_QUIET ERROR_QUIET)
  if(NOT rc EQUAL 0)
    list(APPEND unformatted ${f})
  endif()
endforeach()
if(unformatted)
  list(JOIN unformatted "\n  " listing)
  message(FATAL_ERROR "not clang-formatted (run clang-format -i on them):\n  ${listing}")
endif()
list(LENGTH files count)
message(STATUS "${count} files formatted")
