"""Shared test set-up: Prefect's test harness once per session.

PREFECT_HOME goes to a temporary folder before Prefect is imported, so tests
never touch a user's Prefect state; analytics are off (no network here).
"""

from __future__ import annotations

import os
import tempfile

_HOME = tempfile.mkdtemp(prefix="lfrwatch-prefect-")
os.environ["PREFECT_HOME"] = _HOME
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

import pytest  # noqa: E402


_SHARED_API = "LFRWATCH_TEST_PREFECT_API_URL"


def pytest_configure(config):
    """With pytest-xdist, one temporary Prefect API for all the workers, started by the controller before they
    start (each of their own would cost ~10 s of CPU to start and keep idling). Tests keep apart by their own
    warehouses, flow names and event payloads, never by having a server to themselves."""
    if hasattr(config, "workerinput") or not config.getoption("numprocesses", default=None):
        return
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    harness = prefect_test_harness(server_startup_timeout=120)
    harness.__enter__()
    config.stash[_HARNESS] = harness
    os.environ[_SHARED_API] = PREFECT_API_URL.value()


def pytest_unconfigure(config):
    if (harness := config.stash.get(_HARNESS, None)) is not None:
        harness.__exit__(None, None, None)


_HARNESS = pytest.StashKey()


@pytest.fixture(scope="session")
def prefect_harness():
    """A temporary Prefect API for the whole session: the one the xdist controller started, else our own (starting
    one costs ~10 s)."""
    from prefect.settings import PREFECT_API_URL, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    if shared := os.environ.get(_SHARED_API):
        with temporary_settings({PREFECT_API_URL: shared}):
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
