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


def test_a_benchmark_records_its_summary_figures_for_the_card(monkeypatch, tmp_path, capsys):
    import json

    import pipeline.numbers_benchmark as numbers
    from pipeline import CODE_VERSION
    from pipeline.publish import benchmarks

    target = tmp_path / "benchmarks.json"
    monkeypatch.setenv("PIPELINE_BENCHMARKS", str(target))
    monkeypatch.setattr(cli, "BENCHMARKS", tmp_path)  # tmp_path/numbers stands for the real test sets
    real, other = tmp_path / "numbers", tmp_path / "other"
    real.mkdir(), other.mkdir()

    def fake_run(data, show_failures=True):
        print("some.json: in_scope=3 share=0.5\nnumbers: in_scope=10 both_ok=7 share=0.700")
        return 0

    monkeypatch.setattr(numbers, "run", fake_run)
    assert cli.main(["numbers-benchmark", "--quiet", "--data", str(other)]) == 0
    assert not target.exists()  # other data than the real test sets: no figure of the project's
    assert cli.main(["numbers-benchmark", "--quiet", "--no-record", "--data", str(real)]) == 0
    assert not target.exists()
    capsys.readouterr()
    assert cli.main(["numbers-benchmark", "--quiet", "--data", str(real)]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[-1] == "numbers: in_scope=10 both_ok=7 share=0.700"  # still the last line
    assert f"recorded in {target}" in captured.err
    entry = json.loads(target.read_text(encoding="utf-8"))["numbers"]
    assert entry["figures"] == {"in_scope": 10, "both_ok": 7, "share": 0.7} and entry["code_version"] == CODE_VERSION
    assert benchmarks.load() == {"numbers": entry}
    target.write_text("{}", encoding="utf-8")
    assert cli.main(["numbers-benchmark", "--record", "--data", str(other)]) == 0  # asked for
    assert json.loads(target.read_text(encoding="utf-8"))["numbers"]["data"].endswith("other")
    assert benchmarks.parse_summary("ner: msra_f1=75.4 pd_f1=71.9 kchars_per_s=54\n") == \
        ("ner", {"msra_f1": 75.4, "pd_f1": 71.9, "kchars_per_s": 54.0})
    assert benchmarks.parse_summary("ner: msra_f1=abc\n") is None


def test_build_says_which_steps_are_done_on_stderr_unless_quiet_and_warns_on_quality_signals(tmp_path, capsys):
    import json
    import re

    from tests_support import copy_seed

    seeds, outputs = copy_seed(tmp_path / "seeds"), tmp_path / "outputs"
    argv = ["build", "--seeds", str(seeds), "--outputs", str(outputs), "--cache", str(tmp_path / "cache")]
    assert cli.main(argv) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("new release 1.0.0 at ")  # stdout keeps the result only
    done = re.findall(r"^build: ([\w.]+) done \((\d+)/(\d+) steps, \d+ s\)$", captured.err, re.M)
    assert done[-1][0] == "release" and done[-1][1] == done[-1][2]  # every step, the release last
    assert [int(n) for _, n, _ in done] == list(range(1, len(done) + 1))
    assert {"source_documents.merge_units", "extracted_tables.combine_extract",
            "metrics_metrics_expectations"} <= {k for k, _, _ in done}
    assert cli.main([*argv, "--quiet"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and "unchanged" in captured.out
    # The latest release had 10x the metrics per document: the quality signal warns, the build goes on.
    catalog_path = outputs / "catalog.json"
    catalog = json.loads(catalog_path.read_text(encoding="utf-8"))
    rows = catalog["versions"][0]["rows"]
    rows["metrics"] *= 10
    catalog_path.write_text(json.dumps(catalog), encoding="utf-8")
    assert cli.main([*argv, "--quiet"]) == 0
    err = capsys.readouterr().err
    assert f"warning: metrics_per_document on metrics: metrics per document fell from {rows['metrics']:.2f} to " \
           f"{rows['metrics'] / 10:.2f} (90% down" in err
    assert "people_per_document" not in err and "rejected_share" not in err and "blocking" not in err
