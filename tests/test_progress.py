"""The progress bar of long loops: drawn on a terminal (pages done, rate, time left), silent anywhere else."""

from __future__ import annotations

import io
import sys
import time

from flows.progress import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_sees_pages_done_and_the_rate(monkeypatch):
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    with progress("question pages", 4) as advance:
        for _ in range(4):
            time.sleep(0.05)
            advance()
    drawn = screen.getvalue()
    assert "question pages" in drawn and "4/4" in drawn and "pages/s" in drawn


def test_a_pipe_sees_nothing(monkeypatch):
    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stderr", pipe)
    with progress("question pages", 4) as advance:
        for _ in range(4):
            advance()
    assert pipe.getvalue() == ""
