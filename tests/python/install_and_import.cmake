# ctest -P script: `cmake --install` into WORK_DIR/prefix, then import the
# installed slakit package (not the build tree's) and use it once.
file(REMOVE_RECURSE ${WORK_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK_DIR}/prefix
                OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
set(site ${WORK_DIR}/prefix/${PYTHON_DIR})
foreach(f slakit/__init__.py slakit/__init__.pyi slakit/_core.pyi slakit/py.typed)
  if(NOT EXISTS ${site}/${f})
    message(FATAL_ERROR "not installed: ${site}/${f}")
  endif()
endforeach()
set(ENV{PYTHONPATH} ${site})
execute_process(
  COMMAND ${PYTHON} -c [[
import datetime as dt, pathlib, sys, slakit
assert pathlib.Path(slakit.__file__).is_relative_to(sys.argv[1]), slakit.__file__
cal = slakit.loads('calendar c {\n  zone "UTC"\n  mon..fri 09:00-17:00\n}\n').calendar("c")
print(cal.add(dt.datetime(2026, 3, 6, 16, tzinfo=dt.timezone.utc), dt.timedelta(hours=2)))
]] ${site}
  WORKING_DIRECTORY ${WORK_DIR} OUTPUT_VARIABLE out COMMAND_ERROR_IS_FATAL ANY)
if(NOT out STREQUAL "2026-03-09 10:00:00+00:00\n")
  message(FATAL_ERROR "unexpected output of the installed package: ${out}")
endif()
