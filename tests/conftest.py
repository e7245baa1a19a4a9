"""Shared test set-up: Prefect's test harness once per session.

PREFECT_HOME goes to a temporary folder before Prefect is imported, so tests
never touch a user's Prefect state; analytics are off (no network here).
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from pathlib import Path

_HOME = tempfile.mkdtemp(prefix="lfrwatch-prefect-")
os.environ["PREFECT_HOME"] = _HOME
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

import pytest  # noqa: E402


_SHARED_API = "LFRWATCH_TEST_PREFECT_API_FILE"  # where the controller's server writes its API URL
_HARNESS = pytest.StashKey()


def pytest_configure(config):
    """With pytest-xdist, one temporary Prefect API for all the workers (each of their own would cost ~10 s of CPU
    to start and keep idling). The controller starts it in a thread while the workers start and collect, and
    writes its URL to a file the workers wait for when a test first needs Prefect. Tests keep apart by their own
    warehouses, flow names and event payloads, never by having a server to themselves."""
    if hasattr(config, "workerinput") or not config.getoption("numprocesses", default=None):
        return
    url_file = Path(tempfile.mkdtemp(prefix="lfrwatch-api-")) / "url"
    os.environ[_SHARED_API] = str(url_file)
    stop = threading.Event()

    def serve() -> None:
        from prefect.settings import PREFECT_API_URL
        from prefect.testing.utilities import prefect_test_harness

        try:
            with prefect_test_harness(server_startup_timeout=120):
                _write(url_file, PREFECT_API_URL.value())
                stop.wait()
        except Exception as exc:  # noqa: BLE001 - the workers' tests fail with this message, not a timeout
            _write(url_file, f"error: the test Prefect server did not start: {exc!r}")

    thread = threading.Thread(target=serve, name="prefect-test-server", daemon=True)
    thread.start()
    config.stash[_HARNESS] = (stop, thread)


def pytest_unconfigure(config):
    if (harness := config.stash.get(_HARNESS, None)) is not None:
        stop, thread = harness
        stop.set()
        thread.join(timeout=60)


def _write(path: Path, text: str) -> None:
    partial = path.with_suffix(".partial")
    partial.write_text(text)
    partial.replace(path)


def _shared_api_url(path: Path, seconds: float = 180) -> str:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if time.monotonic() > deadline:
            raise RuntimeError(f"the test Prefect server did not start within {seconds:g} s")
        time.sleep(0.1)
    url = path.read_text()
    if url.startswith("error:"):
        raise RuntimeError(url)
    return url


@pytest.fixture(scope="session")
def prefect_harness():
    """A temporary Prefect API for the whole session: the one the xdist controller started, else our own (starting
    one costs ~10 s)."""
    from prefect.settings import PREFECT_API_URL, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    if shared := os.environ.get(_SHARED_API):
        with temporary_settings({PREFECT_API_URL: _shared_api_url(Path(shared))}):
            yield
        return
    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def prefect_api_url(prefect_harness) -> str:
    """The session's test Prefect API, for `lfrwatch` subprocesses to share (tests/helpers/cli.py)."""
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Say loudly when the tests that need the real Met PDFs did not run: a skipped suite is not a passing one."""
    from tests.helpers.real_pages import REAL_PAGES

    skipped = [r for r in terminalreporter.stats.get("skipped", [])
               if "real Met PDFs not available" in str(getattr(r, "longrepr", ""))]
    if skipped:
        terminalreporter.section("REAL DATA NOT TESTED", sep="!", red=True, bold=True)
        terminalreporter.write_line(
            f"{len(skipped)} tests that read the real Met PDFs were SKIPPED: {REAL_PAGES} is absent.", red=True,
            bold=True)
        terminalreporter.write_line("Extraction, checks and claims against the real records are unverified in "
                                    "this run; put the folder beside the repository to run them.", red=True)
