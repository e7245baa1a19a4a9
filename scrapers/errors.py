"""Errors raised by parsers when a source stops looking as expected.

Every error names the document (URL), where in it (page, header, selector)
and what was expected, so a run can report which source broke and why.
"""

from __future__ import annotations


class SourceFormatError(ValueError):
    """A document or page whose layout the parser cannot read."""

    def __init__(self, url: str, where: str, problem: str) -> None:
        self.url = url
        self.where = where
        self.problem = problem
        super().__init__(f"{url}: {where}: {problem}")

    def __reduce__(self):  # crosses process boundaries (extraction runs in a worker process)
        return (SourceFormatError, (self.url, self.where, self.problem))


def never_crash(where: str, unreadable: str = "unreadable"):
    """Decorate a parser `fn(content, url, …)`: anything it raises that is not already a SourceFormatError
    (a library's error on a malformed document, a recursion limit) becomes that document's SourceFormatError,
    "`unreadable` (the error)"."""
    import functools

    def wrap(fn):
        @functools.wraps(fn)
        def parse(content, url, *args, **kwargs):
            try:
                return fn(content, url, *args, **kwargs)
            except SourceFormatError:
                raise
            except Exception as exc:  # noqa: BLE001 - hostile input is the document's error (RecursionError too)
                raise SourceFormatError(url, where, f"{unreadable} ({type(exc).__name__}: {exc})"[:500]) from None
        return parse
    return wrap
