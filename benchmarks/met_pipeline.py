"""Benchmark: Met PDF extraction, and `lfrwatch run --sources met` end to end, cold and warm.

Prints figures, asserts nothing (docs/architecture.md ("Tests and benchmarks"): performance is measured by
benchmarks that print, never by timed tests).

1. `scrapers.met.records.extract_document` on each real Met PDF, in this
   process: median of N runs per document and per page.
2. `lfrwatch extract-pdf` on each PDF as a subprocess: the same work plus
   Python start-up and imports, without Prefect.
3. `lfrwatch run --sources met` as a subprocess against a local stand-in for
   www.met.police.uk (tests/helpers/met_site.py's index page and the real PDFs at
   their real paths, served by tests/helpers/sites.py's LocalSite): cold (empty
   database, fresh PREFECT_HOME) then warm (same database and PREFECT_HOME,
   nothing changed: every document answers 304). The wall time is split
   into phases from the run's own log timestamps.

Needs the real PDFs in ../shared/real-pages (tests/helpers/real_pages.py). Touches
nothing outside a temporary folder.

    .venv/bin/python benchmarks/met_pipeline.py [--runs N] [--min-interval S] [--skip-run]

A cold run on a fresh PREFECT_HOME needs its temporary Prefect server to
start within PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS; the runs
here allow 120 s (Prefect's default, 20 s, is too tight on a busy machine).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib.metadata import version
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # tests/ is not an installed package

from scrapers.met.records import extract_document  # noqa: E402
from tests.helpers.met_site import INDEX_PATH, PATHS, index_html  # noqa: E402
from tests.helpers.real_pages import REAL_PAGES, REAL_PDFS  # noqa: E402
from tests.helpers.sites import LocalSite  # noqa: E402

# Prefect's console lines: "05:24:37.257 | INFO    | Flow run 'x' - message"
LOG_LINE = re.compile(r"^(\d\d:\d\d:\d\d\.\d{3}) \| \w+\s*\| (.*)$")
# Each phase starts at the first log line matching its marker.
MARKERS = {
    "server": re.compile(r"Starting temporary server"),
    "flow": re.compile(r"Beginning flow run"),
    "work_done": re.compile(r"run finished with exit status"),
    "server_stop": re.compile(r"Stopping temporary server"),
}
# The flow's own lines around each document: "[2/5] URL" … "new version 06dd…: 203 deployments".
DOCUMENT_START = re.compile(r" - \[\d+/\d+\] ")
DOCUMENT_LOADED = re.compile(r" - new version ")


def lfrwatch_command() -> list[str]:
    script = Path(sys.executable).with_name("lfrwatch")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cli"]


def clean_env(prefect_home: Path, min_interval: float) -> dict[str, str]:
    """This process's environment without the user's LFRWATCH_* / Prefect API settings, plus ours."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("LFRWATCH_") and k not in ("PREFECT_API_URL", "PREFECT_API_KEY", "PREFECT_PROFILE")}
    env.update(PREFECT_HOME=str(prefect_home), LFRWATCH_MIN_INTERVAL=str(min_interval),
               PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1",
               # The temporary server's first start on a fresh PREFECT_HOME takes 16-23 s here; Prefect's
               # default limit (20 s) makes a cold run on a busy machine fail with exit 1.
               PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120")
    return env


# ---------------------------------------------------------------- extraction

@dataclass
class Extraction:
    name: str
    pages: int
    rows: int
    times: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def measure_extraction(runs: int) -> list[Extraction]:
    out = []
    for name, path in REAL_PDFS.items():
        content = path.read_bytes()
        times, document = [], None
        for _ in range(runs):
            start = time.perf_counter()
            document = extract_document(content, path.resolve().as_uri())
            times.append(time.perf_counter() - start)
        out.append(Extraction(name, document.pages, len(document.deployments), times))
    return out


def print_extraction(results: list[Extraction], runs: int) -> None:
    print(f"\n1. extract_document, in process (median of {runs} run{'s' if runs != 1 else ''})")
    print(f"   {'document':<11} {'pages':>5} {'rows':>5} {'s/doc':>7} {'s/page':>7} {'ms/row':>7} {'min':>6} {'max':>6}")
    for r in results:
        print(f"   {r.name:<11} {r.pages:>5} {r.rows:>5} {r.median:>7.2f} {r.median / r.pages:>7.3f} "
              f"{1000 * r.median / r.rows:>7.1f} {min(r.times):>6.2f} {max(r.times):>6.2f}")
    pages = sum(r.pages for r in results)
    rows = sum(r.rows for r in results)
    total = sum(r.median for r in results)
    print(f"   {'all three':<11} {pages:>5} {rows:>5} {total:>7.2f} {total / pages:>7.3f} {1000 * total / rows:>7.1f}")


def measure_extract_cli(runs: int) -> list[tuple[str, float, int]]:
    """(document, median wall seconds, last exit status) of `lfrwatch extract-pdf` subprocesses."""
    out = []
    with tempfile.TemporaryDirectory(prefix="lfrwatch-bench-") as tmp:
        env = clean_env(Path(tmp) / "prefect", 0)
        for name, path in REAL_PDFS.items():
            times, code = [], None
            for _ in range(runs):
                start = time.perf_counter()
                done = subprocess.run([*lfrwatch_command(), "extract-pdf", str(path)], env=env, cwd=tmp,
                                      capture_output=True, text=True, timeout=600)
                times.append(time.perf_counter() - start)
                code = done.returncode
            out.append((name, statistics.median(times), code))
    return out


def measure_imports() -> float:
    """Wall time of a fresh `python -c "import flows.pipeline"`: Prefect and the whole stack, no run."""
    with tempfile.TemporaryDirectory(prefix="lfrwatch-bench-") as tmp:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import flows.pipeline"], env=clean_env(Path(tmp) / "prefect", 0),
                       cwd=tmp, check=True, timeout=600)
        return time.perf_counter() - start


def print_extract_cli(results: list[tuple[str, float, int]], extraction: list[Extraction], imports: float,
                      runs: int) -> None:
    in_process = {r.name: r.median for r in extraction}
    print(f"\n2. `lfrwatch extract-pdf FILE` as a subprocess (median of {runs}; no Prefect)")
    print(f"   {'document':<11} {'wall s':>7} {'extract s':>9} {'start-up+imports s':>19} {'exit':>4}")
    for name, wall, code in results:
        print(f"   {name:<11} {wall:>7.2f} {in_process[name]:>9.2f} {wall - in_process[name]:>19.2f} {code:>4}")
    print(f"   for comparison, `python -c 'import flows.pipeline'` (Prefect and the whole stack): {imports:.2f} s")


# ---------------------------------------------------------------- end to end

@dataclass
class EndToEnd:
    label: str
    wall: float
    exit_status: int
    summary: str
    phases: dict[str, float | None]
    loading: float | None  # seconds spent on documents with a new version
    stderr: str


def _timestamps(stderr: str, started: datetime) -> list[tuple[datetime, str]]:
    """(local time, message) for each Prefect log line; the date is the run's, rolled over past midnight."""
    lines = []
    for raw in stderr.splitlines():
        match = LOG_LINE.match(raw)
        if not match:
            continue
        clock = datetime.strptime(match.group(1), "%H:%M:%S.%f").time()
        at = datetime.combine(started.date(), clock)
        if at < started - timedelta(hours=1):
            at += timedelta(days=1)
        lines.append((at, match.group(2)))
    return lines


def split_phases(stderr: str, started: datetime, ended: datetime) -> tuple[dict[str, float | None], float | None]:
    lines = _timestamps(stderr, started)
    marks: dict[str, datetime] = {}
    for at, message in lines:
        for key, pattern in MARKERS.items():
            if key not in marks and pattern.search(message):
                marks[key] = at

    def span(a: datetime | None, b: datetime | None) -> float | None:
        return (b - a).total_seconds() if a and b else None

    phases = {
        "python start-up, imports, CLI": span(started, marks.get("server")),
        "Prefect temporary server start-up": span(marks.get("server"), marks.get("flow")),
        "flow runs: fetch, extract, load": span(marks.get("flow"), marks.get("work_done")),
        "flow teardown": span(marks.get("work_done"), marks.get("server_stop")),
        "server stop, process exit": span(marks.get("server_stop"), ended),
    }
    # New versions: from "[n/N] URL" to "new version …" (fetch, archive, extract, load of that document).
    loading, started_at = 0.0, None
    for at, message in lines:
        if DOCUMENT_START.search(message):
            started_at = at
        elif DOCUMENT_LOADED.search(message) and started_at:
            loading += (at - started_at).total_seconds()
            started_at = None
    return phases, loading


def run_once(label: str, base_url: str, db: Path, env: dict[str, str], cwd: Path) -> EndToEnd:
    command = [*lfrwatch_command(), "run", "--sources", "met", "--db", str(db), "--met-url", base_url]
    started = datetime.now()
    start = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=900)
    wall = time.perf_counter() - start
    ended = started + timedelta(seconds=wall)
    phases, loading = split_phases(done.stderr, started, ended)
    summary = done.stdout.strip() or (done.stderr.strip().splitlines() or ["(no output)"])[-1]
    return EndToEnd(label, wall, done.returncode, summary, phases, loading, done.stderr)


def measure_end_to_end(min_interval: float) -> list[EndToEnd]:
    with tempfile.TemporaryDirectory(prefix="lfrwatch-bench-") as tmp, LocalSite() as site:
        site.serve(INDEX_PATH, index_html(list(PATHS.values())))
        for name, path in PATHS.items():
            site.serve(path, REAL_PDFS[name].read_bytes(), content_type="application/pdf")
        env = clean_env(Path(tmp) / "prefect", min_interval)
        db = Path(tmp) / "lfrwatch.duckdb"
        cold = run_once("cold", site.base_url, db, env, Path(tmp))
        warm = run_once("warm", site.base_url, db, env, Path(tmp))
        return [cold, warm]


def _cell(value: float | None) -> str:
    return f"{value:>8.2f}" if value is not None else f"{'n/a':>8}"


def print_end_to_end(results: list[EndToEnd], min_interval: float) -> None:
    print(f"\n3. `lfrwatch run --sources met` as a subprocess, local site, LFRWATCH_MIN_INTERVAL={min_interval:g}")
    print("   cold: empty database, fresh PREFECT_HOME; warm: same database and PREFECT_HOME, nothing changed (304s)")
    header = "".join(f"{r.label:>8}" for r in results)
    print(f"   {'phase (seconds, from the run log timestamps)':<46}{header}")
    for phase in results[0].phases:
        print(f"   {phase:<46}" + "".join(_cell(r.phases[phase]) for r in results))
    print(f"   {'  of which: documents with a new version':<46}" + "".join(_cell(r.loading) for r in results))
    print(f"   {'total wall time':<46}" + "".join(_cell(r.wall) for r in results))
    print(f"   {'exit status':<46}" + "".join(f"{r.exit_status:>8}" for r in results))
    for r in results:
        print(f"   {r.label}: {r.summary}")
        if r.exit_status not in (0, 2):
            print(f"   {r.label} run failed; the end of its log:")
            print("\n".join(f"     | {line}" for line in r.stderr.strip().splitlines()[-25:]))
    if min_interval:
        print(f"   (each request to a host waits {min_interval:g} s after the previous one: ~9 requests a run)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3,
                        help="runs per document for sections 1 and 2; the median is shown (default 3)")
    parser.add_argument("--min-interval", type=float, default=0.0,
                        help="LFRWATCH_MIN_INTERVAL for the end-to-end runs (default 0; live runs use 1)")
    parser.add_argument("--skip-run", action="store_true", help="extraction only, no end-to-end runs")
    args = parser.parse_args()
    missing = [str(p) for p in REAL_PDFS.values() if not p.exists()]
    if missing:
        print(f"real Met PDFs not found in {REAL_PAGES}: {', '.join(missing)}", file=sys.stderr)
        return 1
    print(f"LFR Watch Met pipeline benchmark — {datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}, pdfplumber {version('pdfplumber')}, prefect {version('prefect')}")
    runs = max(1, args.runs)
    extraction = measure_extraction(runs)
    print_extraction(extraction, runs)
    print_extract_cli(measure_extract_cli(runs), extraction, measure_imports(), runs)
    if not args.skip_run:
        print_end_to_end(measure_end_to_end(args.min_interval), args.min_interval)
    return 0


if __name__ == "__main__":
    sys.exit(main())
