# ctest -P script: install the build tree into WORK_DIR/prefix, then configure,
# build and run examples/ against that prefix alone, with the compiler flags
# slakit was built with (CXX_FLAGS: a sanitizer build needs them in the consumer too).
file(REMOVE_RECURSE ${WORK_DIR})
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK_DIR}/prefix)
foreach(f include/slakit/calendar/calendar.hpp include/slakit/version.hpp
          lib/cmake/slakit/slakitConfig.cmake lib/cmake/slakit/slakitConfigVersion.cmake
          lib/pkgconfig/slakit.pc)
  if(NOT EXISTS ${WORK_DIR}/prefix/${f})
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples -B ${WORK_DIR}/consumer
    -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix -DCMAKE_BUILD_TYPE=Release
    "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
run(${CMAKE_COMMAND} --build ${WORK_DIR}/consumer)
run(${WORK_DIR}/consumer/slakit_example_deadlines)
if(NOT last_output MATCHES "T-1004 .* due 2026-12-31T12:00:00\\+01:00")
  message(FATAL_ERROR "unexpected example output:\n${last_output}")
endif()

# The same program through pkg-config, as a non-CMake build would do it.
find_program(PKG_CONFIG pkg-config REQUIRED)
set(ENV{PKG_CONFIG_PATH} ${WORK_DIR}/prefix/lib/pkgconfig)
execute_process(COMMAND ${PKG_CONFIG} --cflags --libs slakit OUTPUT_VARIABLE flags
                OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
# The consumer chooses its standard: the flags must not impose one.
if(flags MATCHES "-std=")
  message(FATAL_ERROR "pkg-config's flags choose a C++ standard: ${flags}")
endif()
separate_arguments(flags UNIX_COMMAND "${CXX_FLAGS} -std=c++20 ${flags}")
run(${CXX} ${SOURCE_DIR}/examples/deadlines/main.cpp ${flags} -o ${WORK_DIR}/pkg_config_example)
run(${WORK_DIR}/pkg_config_example)
if(NOT last_output MATCHES "T-1004 .* due 2026-12-31T12:00:00\\+01:00")
  message(FATAL_ERROR "unexpected output of the pkg-config build:\n${last_output}")
endif()
message(STATUS "installed package consumed through CMake and pkg-config")
# A sanitizer build's copies (the installed library and programs, a consumer
# linked with its debug information) take most of a gigabyte: gone once
# passed, as the CI's scratch builds are.
file(REMOVE_RECURSE ${WORK_DIR})
