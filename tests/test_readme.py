"""The README opens with the two commands, and CI runs the README's test command."""

import re

from support import ROOT


def readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```bash\n(.*?)```", readme, re.S).group(1)
    return [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]


def test_readme_starts_with_run_and_test_commands():
    assert readme_commands()[:2] == ["make run", "make test"]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()


def test_make_test_fails_when_no_tests_are_collected():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "-eq 5" in makefile
