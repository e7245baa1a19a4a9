"""The checks over the three real Met PDFs: every failure, then the timings.

Loads the real documents (../shared/real-pages) into a temporary
warehouse exactly as the Met flow does (extract_document → load_met_document),
runs the `checks` flow twice (the second run must raise no new finding),
then prints `lfrwatch checks` for people and the time each phase took.
This is the command behind the reviewed list of failures in
docs/data-model.md ("Checks on the real documents"). Asserts nothing.

    .venv/bin/python benchmarks/checks_real.py [--json] [--docs DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.helpers.real_pages import REAL_PDFS  # noqa: E402

BASE = "https://www.met.police.uk/SysSiteAssets/media/downloads/force-content/met/advice/lfr/"
URLS = {  # where the Met published each document (docs/sources.md §1.1; the 2025 URL is one of several)
    "2020-2022": BASE + "new/lfr-deployment-grid-2020-2022.pdf",
    "2023-2024": BASE + "deployment-records/lfr-deployment-grid-2023-to-2024.pdf",
    "2025": BASE + "deployment-records/lfr-deployment-grid.pdf",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the failures as `lfrwatch checks --json` does")
    parser.add_argument("--docs", type=Path, help="build Data Docs here (default: inside the temporary folder)")
    args = parser.parse_args()
    missing = [str(p) for p in REAL_PDFS.values() if not p.exists()]
    if missing:
        sys.exit(f"real Met PDFs not found: {', '.join(missing)}")

    with tempfile.TemporaryDirectory(prefix="lfrwatch-checks-") as tmp:
        home = Path(tmp) / "prefect"
        home.mkdir()
        os.environ["PREFECT_HOME"] = str(home)
        os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
        from flows.settings import prepare_environment

        prepare_environment(Path(tmp))
        from scrapers.met.records import extract_document
        from warehouse.db import connect
        from warehouse.met_load import load_met_document

        db = Path(tmp) / "lfrwatch.duckdb"
        con = connect(db)
        started = time.perf_counter()
        for name, path in REAL_PDFS.items():
            load_met_document(con, extract_document(path.read_bytes(), URLS[name]), datetime.now(timezone.utc))
        con.close()
        loaded = time.perf_counter()

        from flows.checks import run_checks

        docs = args.docs or Path(tmp) / "data-docs"
        first = run_checks(db, docs)
        checked = time.perf_counter()
        second = run_checks(db, docs)
        again = time.perf_counter()

        from typer.testing import CliRunner
        import typer

        from cli.checks import checks

        app = typer.Typer()
        app.command()(checks)
        out = CliRunner().invoke(app, ["--db", str(db)] + (["--json"] if args.json else []))
        print(out.output)
        print(f"first run:  {first.summary()}")
        print(f"second run: {second.summary()}")
        print(f"Data Docs:  {first.data_docs_index}")
        print(f"timings: extract+load {loaded - started:.1f} s; checks flow, first run {checked - loaded:.1f} s "
              f"(GX import, Prefect start), second run {again - checked:.1f} s")


if __name__ == "__main__":
    main()
