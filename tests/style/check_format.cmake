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
# ctest lists are ';'-separated: a test case named with ';' would become two
# tests that each match nothing, and pass without running.
foreach(f ${files})
  file(STRINGS ${f} named REGEX "TEST_CASE\\(\"[^\"]*;")
  if(named)
    message(FATAL_ERROR "a TEST_CASE name holds ';' (ctest would not run it): ${f}: ${named}")
  endif()
endforeach()
list(LENGTH files count)
message(STATUS "${count} files formatted")
