"""Nothing outside the data folder is touched, and text read from the sources never becomes code.

Data Docs only ever replace a folder the build made; CSV cells that start
like a spreadsheet formula are neutralised (Parquet keeps them exactly);
Data Docs, the Prefect markdown artifact and chat notifications show
hostile source text as text.
"""

from __future__ import annotations

import csv
from datetime import date, datetime, timezone

import duckdb
import pandas as pd
import pytest

from flows.artifacts import _cell, _fence
from notify.messages import compose
from warehouse.alerts import Alert
from warehouse.checks import DOCS_MARKER, validate_frames
from warehouse.check_frames import find_check_frame
from warehouse.db import connect
from warehouse.views import export_views

HOSTILE_REFERENCE = "<img src=x onerror=alert(1)>"
FORMULAS = ["=cmd|' /C calc'!A0", "+1+1", "@SUM(1)", "-2+3", "\tx", "\rx"]


def question_frame() -> pd.DataFrame:
    con = connect(":memory:")
    con.execute(
        "INSERT INTO questions (question_url, source_url, reference, title, meeting_date, question_text, layout, "
        "answer_state, document_sha256, first_seen_at, last_parsed_at) VALUES "
        "('https://www.london.gov.uk/q\"><script>', 'u', ?, 'T', '2024-01-01', 'Q?', 'new', 'answered', 's', now(), now())",
        [HOSTILE_REFERENCE])
    return find_check_frame(con, "questions")


def test_data_docs_show_source_text_as_text(tmp_path):
    docs = tmp_path / "docs"
    run = validate_frames({"questions": question_frame()}, today=date(2024, 6, 1), data_docs_dir=docs)
    failing = [o for o in run.outcomes if not o.success]
    assert any(o.rule == "reference_shaped" for o in failing)  # the hostile reference is reported …
    pages = "".join(p.read_text(encoding="utf-8", errors="replace") for p in docs.rglob("*.html"))
    assert "<img src=x onerror" not in pages  # … but as text in the Docs
    assert "q\"><script>" not in pages
    assert (docs / DOCS_MARKER).exists()
    # our own record of the failure keeps the value exactly
    observed = [f.observed for o in failing if o.rule == "reference_shaped" for f in o.failures]
    assert any(HOSTILE_REFERENCE in str(v) for v in observed)


def test_data_docs_never_replace_a_folder_they_did_not_make(tmp_path):
    docs = tmp_path / "mine"
    docs.mkdir()
    (docs / "thesis.docx").write_bytes(b"years of work")
    run = validate_frames({"questions": question_frame()}, today=date(2024, 6, 1), data_docs_dir=docs)
    assert (docs / "thesis.docx").read_bytes() == b"years of work"
    assert run.data_docs_index is None and "not made by LFR Watch" in run.data_docs_error
    # an empty folder made for the Docs is fine, and from then on it is theirs to replace
    empty = tmp_path / "empty"
    empty.mkdir()
    assert validate_frames({"questions": question_frame()}, today=date(2024, 6, 1), data_docs_dir=empty).data_docs_index
    assert validate_frames({"questions": question_frame()}, today=date(2024, 6, 1), data_docs_dir=empty).data_docs_index


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_exported_cells_never_run_as_formulas(tmp_path, fmt):
    con = duckdb.connect()
    con.execute("CREATE TABLE cells (location TEXT, source_row INTEGER)")
    con.executemany("INSERT INTO cells VALUES (?, ?)", [(f, i) for i, f in enumerate(FORMULAS)])
    con.execute("CREATE VIEW deployments_current AS SELECT * FROM cells ORDER BY source_row")
    (path,) = export_views(con, tmp_path, fmt)
    if fmt == "csv":
        with path.open(newline="", encoding="utf-8") as handle:
            cells = [row["location"] for row in csv.DictReader(handle)]
        assert cells == ["'" + f for f in FORMULAS]
    else:
        assert [r[0] for r in duckdb.connect().execute(f"SELECT location FROM '{path}'").fetchall()] == FORMULAS


def test_markdown_cells_and_fences_cannot_be_broken_out_of():
    assert _cell("a | b") == "a \\| b" and "\n" not in _cell("line\nbreak")
    assert _cell("[click](javascript:x) ![i](http://x) <b>") == "\\[click\\](javascript:x) \\!\\[i\\](http://x) \\<b\\>"
    text = "summary with ``` and ```` inside"
    assert len(_fence(text)) == 5 and _fence(text) not in text.replace("````", "")


def test_notifications_cannot_ping_everyone_or_hide_links():
    alert = Alert(alert_id=1, finding_key="k", kind="source_broken", subject="document:x",
                  summary="Broken: @everyone @here <@123> <!channel> [click me](http://evil.example) <http://e|x>",
                  evidence={"url": "http://x"}, event="lfrwatch.source.broken", state="open",
                  raised_at=datetime(2025, 1, 1, tzinfo=timezone.utc))
    title, body = compose([alert])
    for text in (title, body):
        assert "@everyone" not in text and "@here" not in text and "<@" not in text and "<!" not in text
        assert "](" not in text and "<http" not in text
    assert "everyone" in title  # the words stay readable
