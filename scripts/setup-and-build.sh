#!/usr/bin/env bash
# Quick start, step 1: create .venv, install pinned dependencies, run the main job.
# Dagster's run storage goes to .dagster/ (DAGSTER_HOME) inside the project.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -c constraints.txt -e ".[dev,dask]"
export DAGSTER_HOME="${DAGSTER_HOME:-$PWD/.dagster}"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  .venv/bin/python -m pipeline build "$@"
fi
