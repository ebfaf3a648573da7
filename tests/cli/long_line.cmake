# ctest -P script: a JSON Lines file whose second line is longer than the
# reader holds (64 MB): eval skips it with an error naming the line, and
# evaluates the lines around it.  -DCLI=path -DRULES=file -DWORK=dir
string(REPEAT "a" 1048576 mb)
string(REPEAT "${mb}" 65 long)
file(WRITE ${WORK}/long_line.jsonl
     "{\"id\":\"A\",\"created\":\"2026-03-02T09:00:00Z\"}\n{\"id\":\"B\",\"x\":\"${long}\"}\n"
     "{\"id\":\"C\",\"created\":\"2026-03-02T09:00:00Z\"}\n")
execute_process(COMMAND ${CLI} eval ${RULES} --tickets ${WORK}/long_line.jsonl
                        --now 2026-03-03T00:00:00Z
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(REMOVE ${WORK}/long_line.jsonl)
if(NOT rc EQUAL 1 OR NOT err MATCHES "long_line.jsonl:2: error: a line longer than 64 MB: not read"
   OR NOT out MATCHES "^{\"id\":\"A\"[^\n]*\n{\"id\":\"C\"[^\n]*\n$")
  message(FATAL_ERROR "exit ${rc}\nstderr: ${err}")
endif()
