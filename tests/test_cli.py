"""The command line explains itself: a description and examples on every command's help."""

import argparse
import subprocess
import sys

import pytest
from tests_support import ROOT

from pipeline import __version__, cli

SUBCOMMANDS = ["build", "download", "verify", "diff", "deprecate", "ner-benchmark", "numbers-benchmark"]


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch):
    """argparse wraps help at the terminal's width (80 columns without a terminal, as in CI); the
    assertions read whole lines, so they run at a width that wraps none."""
    monkeypatch.setenv("COLUMNS", "200")


def _help(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as exit_info:
        cli.main([*argv, "--help"])
    assert exit_info.value.code == 0
    return capsys.readouterr().out


def test_top_level_help_lists_every_command_with_a_description_and_examples(capsys):
    out = _help(capsys)
    assert "versioned open datasets" in out
    for command in SUBCOMMANDS:
        assert f"    {command}" in out
        assert cli.COMMANDS[command][0] in out
    assert "examples:\n  python -m pipeline build" in out


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_every_command_help_has_a_description_and_examples(capsys, command):
    out = _help(capsys, command)
    description = cli.COMMANDS[command][1].splitlines()[0]
    assert description in out
    examples = out.split("examples:\n", 1)[1].splitlines()
    assert examples and all(e.startswith(f"  python -m pipeline {command}") for e in examples if e.strip())
    [subparsers] = [a for a in cli.parser()._actions if isinstance(a, argparse._SubParsersAction)]
    for action in subparsers.choices[command]._actions:  # every argument says what it is for
        assert action.help, (command, action.dest)


def test_version(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert capsys.readouterr().out.strip() == f"python -m pipeline {__version__}"


def test_python_dash_m_pipeline_help_runs():
    out = subprocess.run([sys.executable, "-m", "pipeline", "--help"], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    assert "examples:" in out and "download" in out
