"""Without ../shared/real-pages the real-data tests skip, and the summary says so loudly (tests/conftest.py)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.helpers.real_pages import REPO


def test_a_skipped_real_data_suite_is_announced(tmp_path):
    env = os.environ | {"LFRWATCH_REAL_PAGES": str(tmp_path / "absent")}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "tests/test_findings_contradictions.py"], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=600)
    assert "REAL DATA NOT TESTED" in done.stdout, done.stdout[-2000:]
    assert "tests that read the real Met PDFs were SKIPPED" in done.stdout
