"""Progress people can see: a bar with pages done, rate and time left, on a terminal only.

A backfill reads hundreds of pages; on a terminal it shows one rich
progress bar per source loop (written to standard error, so output meant
for tools is untouched), and logs keep one line per page only at debug
level. Off a terminal (CI, a Prefect worker, a pipe) nothing is drawn.
Proof: tests/test_progress.py.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Callable, Iterator


@contextmanager
def progress(description: str, total: int) -> Iterator[Callable[[], None]]:
    """`with progress("question pages", n) as advance:` … `advance()` once per page done."""
    if total < 2 or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(description, total=total, rate="")

        def advance() -> None:
            bar.advance(task)
            speed = bar.tasks[0].speed
            bar.update(task, rate=f"{speed:.1f} pages/s" if speed else "")

        yield advance
