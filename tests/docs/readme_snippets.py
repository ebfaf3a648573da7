"""Writes each C++ example of README.md's "Example" section as a program.

The README shows fragments, as a reader wants them: statements without a
main, the rule text elided as `/* the rules above */`. This turns each
```cpp block into a whole program, changing nothing of what it shows:

- its #include and using lines go first, after the standard headers that a
  fragment takes for granted (<iostream>, <string>, <vector>);
- the rest is the body of main();
- `/* the rules above */` becomes the section's rule text (its first plain
  ``` block), as a raw string;
- a line `EXPR;  // "TEXT"` (the README saying what an expression gives)
  becomes a check that EXPR equals TEXT, failing the program otherwise;
- tests/docs/readme_example_N_checks.inc, when it exists, is appended to
  main: checks of what the README's comments claim in words.

usage: readme_snippets.py README.md CHECKS_DIR OUT_DIR COUNT
Writes OUT_DIR/readme_example_1.cpp ... and fails when README.md does not
hold exactly COUNT C++ examples.
"""

import re
import sys
from pathlib import Path

CLAIM = re.compile(r'^(\s*)(.+?);\s*// "([^"]*)"\s*$')


def section(readme: str) -> str:
    start = readme.index("\n## Example\n")
    end = readme.find("\n## ", start + 1)
    return readme[start : end if end >= 0 else len(readme)]


def program(snippet: str, rules: str, checks: str) -> str:
    prelude, body = [], []
    for line in snippet.splitlines():
        if line.startswith("#include") or line.startswith("using "):
            prelude.append(line)
            continue
        line = line.replace("/* the rules above */", f'R"slakit({rules})slakit"')
        claim = CLAIM.match(line)
        if claim:
            indent, expr, text = claim.groups()
            line = (f'{indent}if (std::string{{{expr}}} != "{text}") {{ std::cerr << "README '
                    f'says {text}, got " << {expr} << "\\n"; return 1; }}')
        body.append("  " + line if line.strip() else "")
    return "\n".join(
        ["// Generated from README.md by tests/docs/readme_snippets.py: do not edit.",
         "#include <iostream>", "#include <string>", "#include <vector>", *prelude, "",
         "int main() {", *body, checks, "  return 0;", "}", ""])


def main() -> int:
    readme, checks_dir, out_dir, count = sys.argv[1:5]
    text = section(Path(readme).read_text(encoding="utf-8"))
    rules = re.search(r"\n```\n(.*?)```", text, re.S).group(1)
    snippets = re.findall(r"\n```cpp\n(.*?)```", text, re.S)
    if len(snippets) != int(count):
        print(f"{readme}: {len(snippets)} C++ examples in 'Example', expected {count}")
        return 1
    for i, snippet in enumerate(snippets, 1):
        extra = Path(checks_dir, f"readme_example_{i}_checks.inc")
        checks = extra.read_text(encoding="utf-8") if extra.exists() else ""
        Path(out_dir, f"readme_example_{i}.cpp").write_text(program(snippet, rules, checks),
                                                           encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
