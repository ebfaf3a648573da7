# The conventions every command follows (docs/cli.md, "Conventions"): help,
# version, suggestions, option errors, colour, standard input, --output, the
# summary line and the exit status of each command. Included by
# CMakeLists.txt, which defines cli_test and `rules`.
set(here ${CMAKE_CURRENT_SOURCE_DIR})
set(out ${CMAKE_CURRENT_BINARY_DIR})
set(tickets ${PROJECT_SOURCE_DIR}/examples/tickets.jsonl)
set(cal_args ${rules}/calendars.sla --calendar emea_support)

# "`slakit COMMAND --help` (and `slakit help COMMAND`) prints that command's
# help with examples to stdout, exit 0." The help ends with its examples and
# then what the exit status means.
foreach(command check fmt deadline eval route diff report test version)
  cli_test(help_${command} 0 ARGS ${command} --help
           STDOUT "^usage: slakit ${command}[ \n].*\noptions:\n.*  --color auto\\|always\\|never .*\nexamples:\n(  [^\n]+\n)+\nexit status[^\n]*: 0 ")
endforeach()
# docs/cli.md's table: `version` exits 0 "always", 2 given "an argument";
# never 1, so its help says only those two.
cli_test(help_version_exit_status 0 ARGS version --help
         STDOUT "\nexit status: 0 the version printed, 2 usage error [^\n]*\n$" STDOUT_NOT "1 problems")
cli_test(help_command 0 ARGS help route STDOUT "^usage: slakit route FILE\\.\\.\\. --tickets T\\.jsonl")
cli_test(help_short 0 ARGS eval -h STDOUT "^usage: slakit eval ")
# --help wins over any other mistake on the line.
cli_test(help_after_bad_option 0 ARGS deadline --frobnicate --help STDOUT "^usage: slakit deadline ")
cli_test(help_lists_commands 0 ARGS --help
         STDOUT "commands:\n  check .*\n  fmt .*\n  deadline .*\n  eval .*\n  route .*\n  diff .*\n  report .*\n  test .*\n  version ")
cli_test(help_unknown_command 2 ARGS help frobnicate STDERR "unknown command 'frobnicate'")
cli_test(no_command 2 ARGS STDERR "^usage: slakit COMMAND")
cli_test(version_option 0 ARGS --version STDOUT "^slakit [0-9]+\\.[0-9]+\\.[0-9]+\n$")
cli_test(version_extra_argument 2 ARGS version now STDERR "version takes no arguments")
# docs/cli.md: `version` --format json gives {"version":"0.1.0"}, and
# "--version is the same command", options included.
cli_test(version_option_json 0 ARGS --version --format json
         STDOUT "^{\"version\":\"[0-9]+\\.[0-9]+\\.[0-9]+\"}\n$")
cli_test(version_option_bad_format 2 ARGS --version --format xml STDERR "--format takes text or json")

# "An unknown option or command names the closest valid one."
cli_test(suggest_option 2 ARGS route ${rules}/routing.sla --ticket ${tickets}
         STDERR "^slakit: unknown option '--ticket'; did you mean '--tickets'\\?\n$")
cli_test(suggest_swapped_letters 2 ARGS eval --tikcets x STDERR "did you mean '--tickets'\\?")
cli_test(suggest_command 2 ARGS chekc x.sla STDERR "unknown command 'chekc'; did you mean 'check'\\?")
cli_test(suggest_nothing_far 2 ARGS check --frobnicate x.sla
         STDERR "unknown option '--frobnicate'; see 'slakit check --help'")
# Option errors: a missing value, a value not allowed, a flag given a
# value, an option given twice (each exit 2).
cli_test(option_needs_value 2 ARGS eval ${rules}/routing.sla --tickets
         STDERR "option '--tickets' needs a value \\(T.jsonl\\)")
cli_test(option_value_not_allowed 2 ARGS check --format xml x.sla
         STDERR "--format takes text or json, not 'xml'")
cli_test(option_equals_value 2 ARGS check --format=xml x.sla STDERR "--format takes text or json, not 'xml'")
cli_test(option_flag_with_value 2 ARGS fmt --write=yes x.sla STDERR "option '--write' takes no value")
cli_test(option_twice 2 ARGS eval ${rules}/routing.sla --tickets ${tickets} --now 2026-01-01T00:00:00Z
         --now 2026-02-01T00:00:00Z STDERR "option '--now' given twice")
# After `--` everything is a file, even what looks like an option.
cli_test(double_dash_ends_options 2 ARGS check -- --format STDERR "cannot read '--format'")
# docs/cli.md, "Input": "Rule files cannot come from standard input": `-`
# among the rule files is a usage error that says so (review 26: "cannot
# read '-': No such file or directory"), for every command that reads them.
set(no_stdin_rules "^slakit: rule files cannot come from standard input \\('-'\\): name the file \\(a file called '-' is './-'\\)\n$")
cli_test(rule_file_stdin_check 2 ARGS check - INPUT ${rules}/calendars.sla STDOUT "^$"
         STDERR "${no_stdin_rules}")
cli_test(rule_file_stdin_fmt 2 ARGS fmt --check - INPUT ${rules}/calendars.sla STDOUT "^$"
         STDERR "${no_stdin_rules}")
cli_test(rule_file_stdin_eval 2 ARGS eval - --tickets ${tickets} INPUT ${rules}/routing.sla STDOUT "^$"
         STDERR "${no_stdin_rules}")
cli_test(rule_file_stdin_after_double_dash 2 ARGS test -- - INPUT ${rules}/tests/sla_tests.sla
         STDERR "${no_stdin_rules}")

# Colour: --color=always|never, auto = a terminal and no NO_COLOR
# (https://no-color.org: "when present and not an empty string ... prevents
# the addition of ANSI color"; a command-line option overrides it).
cli_test(color_always 1 ARGS check --color=always ${here}/bad.sla
         STDOUT "<CSI>1m[^\n]*bad.sla:3:7:<CSI>m <CSI>1.31merror\\[E0101\\]:<CSI>m invalid time[^\n]*\n    mon 25:00-17:00\n        <CSI>1.32m\\^~~~~<CSI>m\n")
cli_test(color_always_space 1 ARGS check --color always ${here}/bad.sla STDOUT "<CSI>1.31merror")
cli_test(color_never 1 ARGS check --color=never ${here}/bad.sla STDOUT "error\\[E0101\\]"
         STDOUT_NOT "<CSI>")
cli_test(color_auto_not_a_terminal 1 ARGS check ${here}/bad.sla STDOUT "error\\[E0101\\]"
         STDOUT_NOT "<CSI>")
cli_test(color_always_beats_no_color 1 ARGS check --color=always ${here}/bad.sla ENV NO_COLOR=1
         STDOUT "<CSI>1.31merror")
# "A bad row, ticket or agent line is reported in the colours of a rule
# file's diagnostic": the position bold, then `error:` bold red (review 26:
# the position was not bold).
cli_test(color_on_stderr 1 ARGS deadline ${cal_args} --batch ${here}/batch.csv --color=always
         STDERR "<CSI>1m[^\n]*batch.csv:5:<CSI>m <CSI>1.31merror:<CSI>m invalid time 'yesterday'")
cli_test(color_bad_ticket 1 ARGS eval ${rules}/routing.sla --tickets ${here}/bad_tickets.jsonl
         --now 2026-03-03T00:00:00Z --color=always
         STDERR "<CSI>1m[^\n]*bad_tickets.jsonl:2:<CSI>m <CSI>1.31merror:<CSI>m ticket 'A-2': created: ")
cli_test(color_bad_agent 1 ARGS route ${rules}/routing_groups.sla --tickets ${here}/route_agents_tickets.jsonl
         --agents ${here}/agents_twice.jsonl --now 2026-03-06T15:10:00Z --color=always
         STDERR "<CSI>1m[^\n]*agents_twice.jsonl:4:<CSI>m <CSI>1.31merror:<CSI>m id: agent 'ana' appears twice")
cli_test(color_bad_ticket_never 1 ARGS eval ${rules}/routing.sla --tickets ${here}/bad_tickets.jsonl
         --now 2026-03-03T00:00:00Z --color=never STDERR "bad_tickets.jsonl:2: error: ticket 'A-2'"
         STDERR_NOT "<CSI>")
# On a terminal (a pseudo-terminal made by script(1)), auto colours unless
# NO_COLOR is set to something; an empty NO_COLOR counts as unset.
find_program(SCRIPT_PROGRAM script)
if(SCRIPT_PROGRAM)
  foreach(case "colored;NO_COLOR=;STDOUT" "plain;NO_COLOR=1;STDOUT_NOT")
    list(GET case 0 name)
    list(GET case 1 env)
    list(GET case 2 check)
    add_test(NAME cli.color_auto_terminal_${name}
             COMMAND ${CMAKE_COMMAND} -DCLI=${SCRIPT_PROGRAM}
                     "-DARGS=-qec;$<TARGET_FILE:slakit_cli> check ${here}/bad.sla;/dev/null"
                     -DCODE=1 -DENV=${env} "-D${check}=<CSI>1.31merror" -P ${here}/run_cli.cmake)
  endforeach()
endif()

# Batch commands: `-` reads standard input; --output FILE; the summary line
# on stderr ("slakit COMMAND: N rows read, N written, N rejected"); stdout
# holds the data only.
cli_test(deadline_batch_stdin 1 ARGS deadline ${cal_args} --batch - INPUT ${here}/batch.csv
         STDOUT "^id,start,add,note,deadline\nT-1,[^\n]*\nT-2,[^\n]*\nT-3,[^\n]*\nT-4,yesterday,1h,bad row,\n$"
         STDERR "-:5: error: invalid time 'yesterday'.*slakit deadline: 4 rows read, 4 written, 1 rejected\n$")
cli_test(deadline_batch_output 1 ARGS deadline ${cal_args} --batch ${here}/batch.csv
         --output ${out}/deadlines.csv REMOVE ${out}/deadlines.csv STDOUT "^$"
         FILE ${out}/deadlines.csv FILE_MATCHES "^id,start,add,note,deadline\nT-1,.*T-4,yesterday,1h,bad row,\n$")
cli_test(deadline_batch_json 1 ARGS deadline ${cal_args} --batch ${here}/batch.csv --format json
         STDOUT "^{\"line\":2,\"row\":{\"id\":\"T-1\",\"start\":\"2026-03-27T16:00:00\\+01:00\",\"add\":\"4h\",\"note\":\"friday, late\"},\"deadline\":\"2026-03-30T10:30:00\\+02:00\",\"error\":null}\n.*{\"line\":5,[^\n]*\"deadline\":null,\"error\":\"invalid time 'yesterday'[^\n]*}\n$")
cli_test(deadline_json 0 ARGS deadline ${cal_args} --start 2026-03-27T16:00:00+01:00 --add 4h --format json
         STDOUT "^{\"calendar\":\"emea_support\",\"start\":\"2026-03-27T16:00:00\\+01:00\",\"add\":\"4h\",\"deadline\":\"2026-03-30T10:30:00\\+02:00\",\"error\":null}\n$")
cli_test(deadline_batch_clean 0 ARGS deadline ${cal_args} --batch ${here}/batch_clean.csv
         STDERR "^slakit deadline: 2 rows read, 2 written, 0 rejected\n$")
cli_test(deadline_output_needs_batch 2 ARGS deadline ${cal_args} --start 2026-04-02 --add 3bd
         --output x.csv STDERR "--output goes with --batch")
cli_test(deadline_batch_missing 2 ARGS deadline ${cal_args} --batch ${here}/none.csv
         STDERR "cannot read '.*none.csv'")
cli_test(eval_stdin_output 1 ARGS eval ${rules}/routing.sla --tickets - --now 2026-03-03T00:00:00Z
         --output ${out}/clocks.jsonl INPUT ${here}/bad_tickets.jsonl REMOVE ${out}/clocks.jsonl
         STDOUT "^$" STDERR "-:2: error: .*slakit eval: 8 tickets read, 2 written, 6 rejected\n$"
         FILE ${out}/clocks.jsonl FILE_MATCHES "^{\"id\":\"A-1\"[^\n]*\n{\"id\":\"A-7\"[^\n]*\n$")
cli_test(eval_summary 0 ARGS eval ${rules}/routing.sla --tickets ${tickets} --now 2026-04-22T12:00:00Z
         STDERR "^slakit eval: 4 tickets read, 4 written, 0 rejected\n$")
cli_test(route_summary 1 ARGS route ${rules}/routing.sla --tickets ${here}/bad_tickets.jsonl
         STDERR "slakit route: 8 tickets read, 2 written, 6 rejected\n$")
cli_test(route_stdin_output 0 ARGS route ${rules}/routing.sla --tickets - --output ${out}/routes.jsonl
         INPUT ${tickets} REMOVE ${out}/routes.jsonl STDOUT "^$"
         FILE ${out}/routes.jsonl FILE_MATCHES "^{\"id\":\"T-2001\",\"queue\":\"billing_emea\"")
cli_test(route_agents_stdin 1 ARGS route ${rules}/routing_groups.sla --tickets ${here}/route_agents_tickets.jsonl
         --agents - --now 2026-03-06T15:10:00Z INPUT ${here}/agents.jsonl
         STDOUT "\"agent\":\"ana\"")
cli_test(route_both_stdin 2 ARGS route ${rules}/routing_groups.sla --tickets - --agents -
         --now 2026-03-06T15:10:00Z STDERR "cannot both read standard input")

# A full device: an error writing is exit 2 with a message, never a silent
# truncation (stdout and --output alike).
if(EXISTS /dev/full)
  cli_test(deadline_output_full 2 ARGS deadline ${cal_args} --batch ${here}/batch.csv --output /dev/full
           STDERR "slakit: error writing '/dev/full': No space left on device")
  cli_test(deadline_stdout_full 2 ARGS deadline ${cal_args} --batch ${here}/batch.csv
           STDOUT_FILE /dev/full STDERR "slakit: error writing standard output: No space left on device")
  cli_test(eval_output_full 2 ARGS eval ${rules}/routing.sla --tickets ${tickets} --now 2026-04-22T12:00:00Z
           --output /dev/full STDERR "slakit: error writing '/dev/full': No space left on device")
  cli_test(route_stdout_full 2 ARGS route ${rules}/routing.sla --tickets ${tickets}
           STDOUT_FILE /dev/full STDERR "slakit: error writing standard output: No space left on device")
endif()

# --format json on the commands that had none.
cli_test(fmt_json_check 1 ARGS fmt --check --format json ${here}/unformatted.sla ${rules}/routing.sla
         STDOUT "^.\n  {\"file\": \"[^\"]*unformatted.sla\", \"formatted\": false, \"written\": false, \"text\": null, \"diagnostics\": \\[\\]}, \n  {\"file\": \"[^\"]*routing.sla\", \"formatted\": true, "
         STDOUT_NOT "not formatted")
cli_test(fmt_json_text 0 ARGS fmt --format json ${here}/unformatted.sla
         STDOUT "\"text\": \"route a when ticket.priority == high\\\\n  -> queue x  # keep me\\\\n\"")
cli_test(fmt_json_errors 1 ARGS fmt --format json ${here}/bad.sla
         STDOUT "\"formatted\": false.*\"code\": \"E0101\"")

# Exit status 2 for each command's I/O errors (0 and 1 are above and in
# CMakeLists.txt).
cli_test(fmt_missing_file 2 ARGS fmt nope.sla STDERR "slakit: cannot read 'nope.sla'")
cli_test(eval_missing_tickets_file 2 ARGS eval ${rules}/routing.sla --tickets nope.jsonl
         STDERR "slakit: cannot read 'nope.jsonl'")
cli_test(route_missing_agents_file 2 ARGS route ${rules}/routing.sla --tickets ${tickets}
         --agents nope.jsonl --now 2026-03-06T15:10:00Z STDERR "slakit: cannot read 'nope.jsonl'")
cli_test(check_clean_is_0 0 ARGS check ${rules}/calendars.sla)

# "--output FILE ... a run that fails (exit 2) leaves an existing FILE as it
# was": the old content is still there, and no temporary file is left.
cli_test(output_kept_on_failure 2 ARGS deadline ${cal_args} --batch ${here}/no_start.csv
         --output ${out}/kept.csv COPY ${here}/batch_clean.csv TO ${out}/kept.csv
         STDERR "no_start.csv' has no column 'start' in its header"
         FILE ${out}/kept.csv FILE_MATCHES "^id,start,add\nA,2026-03-27T16:00:00\\+01:00,4h\nB,2026-04-02,3bd\n$")

# Batch commands that write one report (diff, report) and test's report
# follow the same conventions: `-` reads standard input, --output FILE
# (replaced only when the run finishes), every write checked, and for diff
# and report the summary line on stderr after the report, whose "written"
# counts the tickets the report covers (docs/cli.md, "Conventions").
set(whatif ${here}/whatif)
set(diff_args diff ${whatif}/old.sla -- ${whatif}/new.sla --now 2026-03-10T00:00:00Z)
set(report_args report ${whatif}/new.sla --now 2026-03-10T00:00:00Z)
cli_test(diff_summary 1 ARGS ${diff_args} --tickets ${whatif}/few.jsonl
         STDOUT "^4 tickets compared, 3 changed\n" STDERR "^slakit diff: 4 tickets read, 4 written, 0 rejected\n$")
cli_test(diff_summary_bad_line 2 ARGS ${diff_args} --tickets ${whatif}/few_bad.jsonl
         STDERR "few_bad.jsonl:2: error: invalid JSON[^\n]*\nslakit diff: 3 tickets read, 2 written, 1 rejected\n$")
cli_test(diff_stdin_output 1 ARGS ${diff_args} --tickets - --output ${out}/diff.txt INPUT ${whatif}/few.jsonl
         REMOVE ${out}/diff.txt STDOUT "^$" STDERR "^slakit diff: 4 tickets read, 4 written, 0 rejected\n$"
         FILE ${out}/diff.txt FILE_MATCHES "^4 tickets compared, 3 changed\n.*breach changes:\n")
cli_test(diff_output_kept_on_failure 2 ARGS ${diff_args} --tickets ${here}/none.jsonl
         --output ${out}/diff_kept.txt COPY ${here}/batch_clean.csv TO ${out}/diff_kept.txt
         STDERR "cannot read '.*none.jsonl'" STDERR_NOT "slakit diff:"
         FILE ${out}/diff_kept.txt FILE_MATCHES "^id,start,add\n")
cli_test(report_summary 0 ARGS ${report_args} --tickets ${whatif}/few.jsonl
         STDOUT "^policy +target " STDERR "^slakit report: 4 tickets read, 4 written, 0 rejected\n$")
cli_test(report_summary_bad_line 1 ARGS ${report_args} --tickets ${whatif}/few_bad.jsonl
         STDERR "few_bad.jsonl:2: error: invalid JSON[^\n]*\nslakit report: 3 tickets read, 2 written, 1 rejected\n$")
cli_test(report_stdin_output 0 ARGS ${report_args} --tickets - --format csv --output ${out}/report.csv
         INPUT ${whatif}/few.jsonl REMOVE ${out}/report.csv STDOUT "^$"
         FILE ${out}/report.csv FILE_MATCHES "^policy,target,tickets,.*\n\\(total\\),,4,")
cli_test(test_output 1 ARGS test ${here}/runner_tests.sla --output ${out}/test_report.txt
         REMOVE ${out}/test_report.txt STDOUT "^$"
         FILE ${out}/test_report.txt FILE_MATCHES "^PASS  .*\n2 passed, 2 failed\n$")
# A run stopped by compile errors leaves an existing --output as it was.
cli_test(test_output_kept_on_failure 2 ARGS test ${here}/compile_error_tests.sla
         --output ${out}/test_kept.txt COPY ${here}/batch_clean.csv TO ${out}/test_kept.txt
         STDERR "error\\[E0203\\]" FILE ${out}/test_kept.txt FILE_MATCHES "^id,start,add\n")
# docs/cli.md, "Exit codes": "rule files with errors are exit 2 for every
# command that runs them (`deadline`, `eval`, `route`, `diff`, `report`,
# `test`): their diagnostics go to stderr as `slakit check` prints them,
# nothing is written, an existing `--output FILE` is left as it was, and
# there is no summary line" (review 26: exit 1, which means "written, some
# rows rejected", and the old file stayed).
set(as_check "bad.sla:3:7: error\\[E0101\\]: invalid time of day '25:00'[^\n]*\n    mon 25:00-17:00\n        \\^~~~~\n")
cli_test(deadline_rule_errors 2 ARGS deadline ${here}/bad.sla --calendar c --start 2026-04-02 --add 3bd
         STDOUT "^$" STDERR "${as_check}")
foreach(case "deadline_batch;deadline;--calendar;c;--batch;${here}/batch.csv"
             "eval;eval;--tickets;${tickets}" "route;route;--tickets;${tickets}"
             "report;report;--tickets;${tickets}" "diff;diff;--;${rules}/routing.sla;--tickets;${tickets}")
  list(POP_FRONT case name command)
  cli_test(${name}_rule_errors_output_kept 2 ARGS ${command} ${here}/bad.sla ${case}
           --output ${out}/${name}_rules_kept.txt COPY ${here}/batch_clean.csv TO ${out}/${name}_rules_kept.txt
           STDOUT "^$" STDERR "${as_check}" STDERR_NOT "slakit ${command}:"
           FILE ${out}/${name}_rules_kept.txt FILE_MATCHES "^id,start,add\n")
endforeach()
if(EXISTS /dev/full)
  cli_test(diff_output_full 2 ARGS ${diff_args} --tickets ${whatif}/few.jsonl --output /dev/full
           STDERR "slakit: error writing '/dev/full': No space left on device" STDERR_NOT "slakit diff:")
  cli_test(diff_stdout_full 2 ARGS ${diff_args} --tickets ${whatif}/few.jsonl STDOUT_FILE /dev/full
           STDERR "slakit: error writing standard output: No space left on device")
  cli_test(report_output_full 2 ARGS ${report_args} --tickets ${whatif}/few.jsonl --output /dev/full
           STDERR "slakit: error writing '/dev/full': No space left on device" STDERR_NOT "slakit report:")
  cli_test(report_stdout_full 2 ARGS ${report_args} --tickets ${whatif}/few.jsonl STDOUT_FILE /dev/full
           STDERR "slakit: error writing standard output: No space left on device")
  cli_test(test_output_full 2 ARGS test ${here}/runner_tests.sla --filter passes --output /dev/full
           STDERR "slakit: error writing '/dev/full': No space left on device")
endif()

# "`--format json` on every command" (docs/cli.md, "Conventions"): each
# command's help offers it, and each command prints JSON with it (check,
# fmt, deadline, diff, report and test above and in CMakeLists.txt).
foreach(command check fmt deadline eval route diff report test version)
  cli_test(format_json_offered_${command} 0 ARGS ${command} --help
           STDOUT "\n  --format [a-z|]*json")
endforeach()
cli_test(eval_format_json 0 ARGS eval ${rules}/routing.sla --tickets ${tickets} --now 2026-04-22T12:00:00Z
         --format json STDOUT "^{\"id\":\"T-2001\",\"now\":\"2026-04-22T12:00:00Z\",")
cli_test(route_format_json 0 ARGS route ${rules}/routing.sla --tickets ${tickets} --format json
         STDOUT "^{\"id\":\"T-2001\",\"queue\":\"billing_emea\",")
cli_test(version_format_json 0 ARGS version --format json STDOUT "^{\"version\":\"[0-9]+\\.[0-9]+\\.[0-9]+\"}\n$")
cli_test(report_format_json 0 ARGS ${report_args} --tickets ${whatif}/few.jsonl --format json
         STDOUT "^{\"now\": \"2026-03-10T00:00:00Z\", ")

# docs/report.md: "A missing value is `-` in the table, an empty cell in CSV
# and null in JSON": no value and the text "-" are two groups (review 10, F7).
cli_test(report_none_json 0 ARGS report ${here}/report_groups.sla --by ticket.note --format json
         --tickets ${here}/report_none.jsonl --now 2026-03-02T12:00:00Z
         STDOUT "\"group\": {\"ticket.note\": null}, \"tickets\": 1,.*\"group\": {\"ticket.note\": \"-\"}, \"tickets\": 2,")
cli_test(report_none_csv 0 ARGS report ${here}/report_groups.sla --by ticket.note --format csv
         --tickets ${here}/report_none.jsonl --now 2026-03-02T12:00:00Z
         STDOUT "^ticket.note,tickets,[^\n]*\n,1,[^\n]*\n-,2,[^\n]*\n\\(total\\),3,")
# docs/report.md: control characters in a group's text are "shown as escapes
# (`\n`, `\t`, `\x1B`), so that every row stays one line".
cli_test(report_text_escapes_groups 0 ARGS report ${here}/report_groups.sla --by ticket.note
         --tickets ${here}/report_groups.jsonl --now 2026-03-02T12:00:00Z
         STDOUT "^ticket.note +tickets[^\n]*\nplain +1 [^\n]*\nx\\\\ny\\\\tz\\\\x1B\\[31m +1 [^\n]*\n\\(total\\) +2 ")
# docs/cli.md: "a rule file that cannot be read (a directory cannot) is exit
# 2"; docs/language.md E0212: an `include` of a directory cannot be read.
cli_test(check_directory 2 ARGS check ${here}/whatif STDERR "^slakit: cannot read '[^']*whatif': Is a directory\n$")
cli_test(fmt_directory 2 ARGS fmt --check ${here}/whatif STDERR "cannot read '[^']*whatif': Is a directory")
cli_test(eval_rules_directory 2 ARGS eval ${here}/whatif --tickets ${tickets} STDERR "cannot read '[^']*whatif'")
# The same for the inputs that are streamed: tickets, CSV rows, agents.
cli_test(eval_tickets_directory 2 ARGS eval ${rules}/routing.sla --tickets ${here}/whatif
         STDERR "^slakit: cannot read '[^']*whatif': Is a directory\n$")
cli_test(deadline_batch_directory 2 ARGS deadline ${rules}/calendars.sla --calendar emea_support
         --batch ${here}/whatif STDERR "^slakit: cannot read '[^']*whatif': Is a directory\n$")
cli_test(route_agents_directory 2 ARGS route ${rules}/routing.sla --tickets ${tickets}
         --agents ${here}/whatif --now 2026-03-06T15:10:00Z
         STDERR "^slakit: cannot read '[^']*whatif': Is a directory\n$")
cli_test(include_directory 1 ARGS check ${here}/include_directory.sla
         STDOUT "include_directory.sla:1:1: error\\[E0212\\]: cannot read included file '[^']*whatif'")

# docs/cli.md, "Output": "Every write is checked" on every command, those
# that print one short text too: a full device, and a pipe whose reader is
# gone (SIGPIPE is ignored, so the write fails and says so; exit 2).
if(EXISTS /dev/full)
  foreach(case "fmt;fmt;${here}/unformatted.sla" "fmt_json;fmt;--format;json;${here}/unformatted.sla"
               "check_json;check;--format;json;${rules}/calendars.sla" "check_text;check;${here}/bad.sla"
               "deadline;deadline;${cal_args};--start;2026-04-02;--add;3bd" "version;version"
               "version_option;--version" "help;--help" "command_help;eval;--help")
    list(POP_FRONT case name)
    cli_test(stdout_full_${name} 2 ARGS ${case} STDOUT_FILE /dev/full
             STDERR "^slakit: error writing standard output: No space left on device\n$")
  endforeach()
endif()
foreach(case "eval;eval;${rules}/routing.sla;--tickets;${tickets};--now;2026-04-22T12:00:00Z"
             "report;report;${here}/whatif/new.sla;--tickets;${here}/whatif/few.jsonl" "version;version"
             "check;check;${here}/bad.sla" "deadline;deadline;${cal_args};--start;2026-04-02;--add;3bd")
  list(POP_FRONT case name)
  add_test(NAME cli.closed_pipe_${name} COMMAND /usr/bin/python3 ${here}/closed_pipe.py
                                               $<TARGET_FILE:slakit_cli> ${case})
endforeach()

# docs/cli.md, report and diff: "a progress line on stderr when stderr is a
# terminal", erased before a bad line's report and the summary line.
add_test(NAME cli.progress_line
         COMMAND /usr/bin/python3 ${here}/progress_line.py $<TARGET_FILE:slakit_cli>
                 ${rules}/routing.sla ${tickets})

# docs/cli.md, "Conventions": "`--threads N` sets how many threads eval,
# route, diff and report work on; by default there is one per core the
# process may run on" and "the output is the same whatever the number of
# threads". thread_count.py counts them in /proc and compares the outputs.
foreach(command eval route diff report)
  add_test(NAME cli.thread_count_${command}
           COMMAND /usr/bin/python3 ${here}/thread_count.py $<TARGET_FILE:slakit_cli>
                   ${rules}/routing.sla ${tickets} ${command})
endforeach()
# "N is a whole number from 1 to 1024; anything else is a usage error."
foreach(bad 0 1025 -1 2x 99999999999999999999)
  string(MAKE_C_IDENTIFIER "threads_bad_${bad}" name)
  cli_test(${name} 2 ARGS eval ${rules}/routing.sla --tickets ${tickets} --threads "${bad}"
           STDERR "--threads takes a whole number from 1 to 1024, not '${bad}'")
endforeach()

# docs/cli.md: "an `--output` that names one of the command's inputs" is a
# usage error (exit 2) before anything is read: the input stays as it was.
cli_test(output_is_batch_input 2 ARGS deadline ${cal_args} --batch ${out}/same.csv --output ${out}/same.csv
         COPY ${here}/batch_clean.csv TO ${out}/same.csv
         STDERR "^slakit: --output '[^']*same.csv' is also an input \\('[^']*same.csv'\\)"
         FILE ${out}/same.csv FILE_MATCHES "^id,start,add\nA,2026-03-27T16:00:00\\+01:00,4h\nB,2026-04-02,3bd\n$")
cli_test(output_is_tickets_input 2 ARGS eval ${rules}/routing.sla --tickets ${out}/same_t.jsonl
         --output ${out}/./same_t.jsonl --now 2026-04-22T12:00:00Z COPY ${tickets} TO ${out}/same_t.jsonl
         STDERR "--output '[^']*same_t.jsonl' is also an input" FILE ${out}/same_t.jsonl FILE_MATCHES "^{\"id\": \"T-2001\"")
cli_test(junit_is_rule_file 2 ARGS test ${out}/same_rules.sla --junit ${out}/same_rules.sla
         COPY ${here}/runner_tests.sla TO ${out}/same_rules.sla
         STDERR "--junit '[^']*same_rules.sla' is also an input" FILE ${out}/same_rules.sla FILE_MATCHES "^# Fixture")
# "An unknown option or command names the closest valid one", and so does
# an unknown calendar.
cli_test(deadline_suggest_calendar 2 ARGS deadline ${rules}/calendars.sla --calendar emea_suport
         --start 2026-04-02 --add 3bd STDERR "no calendar 'emea_suport'; did you mean 'emea_support'\\?")

# docs/cli.md, "Output": --output through a symbolic link writes the file it
# names and keeps the link; --output over a file a rule file includes is a
# usage error that leaves it as it was.
add_test(NAME cli.output_links COMMAND /usr/bin/python3 ${here}/output_links.py
         $<TARGET_FILE:slakit_cli>)

# docs/language.md, "Includes": rule order across files does not depend on
# the order the files are named, and one file under two paths (relative and
# absolute, a link) is read once (review 26, F1 and F2).
add_test(NAME cli.rule_files_order COMMAND /usr/bin/python3 ${here}/rule_files_order.py
         $<TARGET_FILE:slakit_cli>)
