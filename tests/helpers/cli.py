"""The environment a test gives `lfrwatch` when it runs it as a person does, in a subprocess.

This process's environment without the user's LFRWATCH_* and Prefect API
settings, a PREFECT_HOME of the test's own, no pause between requests, and
either Prefect's temporary server (what a person's first run starts; its
first start takes 16-23 s on these machines, so the limit is raised) or,
with `api_url`, the session's shared test server: a command then talks to a
real Prefect API without starting one of its own (~8 s a command), which is
what a scheduled deployment does too.
"""

from __future__ import annotations

import os
from pathlib import Path


def cli_environment(prefect_home: Path, api_url: str | None = None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("LFRWATCH_") and k not in ("PREFECT_API_URL", "PREFECT_API_KEY", "PREFECT_PROFILE")}
    env.update(PREFECT_HOME=str(prefect_home), LFRWATCH_MIN_INTERVAL="0", PREFECT_SERVER_ANALYTICS_ENABLED="false",
               DO_NOT_TRACK="1", PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120", **extra)
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return env
