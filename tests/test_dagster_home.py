"""Tests never write into the project's Dagster instance (the one the README opens in the UI)."""

import os
import subprocess
import sys
from pathlib import Path

import dagster as dg
from tests_support import ROOT

from pipeline import cli


def test_dagster_home_is_a_temporary_directory_outside_the_project():
    # Without conftest's fixture, DAGSTER_HOME is unset (or the user's), and cli.build would
    # default it to the project's .dagster.
    home = os.environ.get("DAGSTER_HOME")
    assert home, "DAGSTER_HOME is not set for tests"
    assert not Path(home).resolve().is_relative_to(ROOT.resolve())
    assert cli._dagster_home().resolve() == Path(home).resolve()


def test_shell_build_and_instance_use_the_temporary_home(dagster_home):
    assert cli._dagster_home().resolve() == dagster_home.resolve()
    with cli._instance(dg) as instance:
        assert Path(instance.root_directory).resolve().is_relative_to(dagster_home.resolve())


def test_build_subprocesses_inherit_the_temporary_home(dagster_home):
    out = subprocess.run([sys.executable, "-c", "import os; print(os.environ['DAGSTER_HOME'])"],
                         capture_output=True, text=True, check=True).stdout.strip()
    assert Path(out).resolve() == dagster_home.resolve()
