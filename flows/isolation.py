"""Reading one document in a worker process that a time budget can stop.

Owns the budget: a PDF built to make the PDF library spin (thousands of
pages, one grid shared by many pages, nesting that recurses) or to eat
memory must cost one document its reading, never the run. The reader runs
as `python -m flows.isolation` in a fresh process with a cap on its
address space; past its seconds it is killed, and if it dies, its death is
reported: both as a SourceFormatError naming the document.

A fresh interpreter (about 0.4 s to start here), not a fork: a fork of a
process with Prefect's threads can inherit a held lock, and a fork server
re-imports the caller's main module. Documents are read only when their
bytes changed, so a warm run starts no worker at all.
Proof: tests/test_hostile_inputs.py.
"""

from __future__ import annotations

import pickle
import resource
import subprocess
import sys

from schemas.records import MetDocument
from scrapers.errors import SourceFormatError

MEMORY_BYTES = 2 * 1024 ** 3


def _limit_memory() -> None:  # in the child, before it runs
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def extract_in_worker(content: bytes, url: str, *, max_pages: int, seconds: float) -> MetDocument:
    """The document's deployments, read in a worker process; SourceFormatError when it cannot be read, dies or
    takes longer than `seconds`."""
    try:
        done = subprocess.run([sys.executable, "-m", "flows.isolation", url, str(max_pages)], input=content,
                              capture_output=True, timeout=seconds, preexec_fn=_limit_memory, check=False)
    except subprocess.TimeoutExpired:
        raise SourceFormatError(url, "document", f"reading took longer than its budget of {seconds:g} s; "
                                                 "stopped") from None
    if done.returncode != 0 or not done.stdout:
        last = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        raise SourceFormatError(url, "document", f"the reader died (exit status {done.returncode}: {last[0][:200]})")
    ok, value = pickle.loads(done.stdout)  # our own worker's answer
    if ok:
        return value
    raise SourceFormatError(*value)


def _main() -> None:
    from scrapers.met.records import extract_document

    url, max_pages = sys.argv[1], int(sys.argv[2])
    content = sys.stdin.buffer.read()
    try:
        answer = (True, extract_document(content, url, max_pages))
    except SourceFormatError as exc:
        answer = (False, (exc.url, exc.where, exc.problem))
    sys.stdout.buffer.write(pickle.dumps(answer))


if __name__ == "__main__":
    _main()
