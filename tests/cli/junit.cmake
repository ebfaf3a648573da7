# ctest -P script: runs `slakit test --junit` and checks the file with Python.
#   -DCLI=path -DFILE=rules.sla -DOUT=out.xml -DPYTHON=python3 -DCHECK=check_junit.py
#   -DTESTS=n -DFAILURES=m -DFAILED_NAME=name
file(REMOVE ${OUT})
execute_process(COMMAND ${CLI} test ${FILE} --junit ${OUT} RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "exit code ${rc}, expected 1")
endif()
execute_process(COMMAND ${PYTHON} ${CHECK} ${OUT} ${TESTS} ${FAILURES} ${FAILED_NAME}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the JUnit file does not check:\n${out}${err}")
endif()
