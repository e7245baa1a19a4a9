"""docs/data-model.md and the database must agree: every table and column, with its type."""

from __future__ import annotations

import re

from tests.helpers.real_pages import REPO
from warehouse.db import connect

DOC = REPO / "docs" / "data-model.md"


def documented() -> dict[str, dict[str, str]]:
    tables: dict[str, dict[str, str]] = {}
    current = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^## (\w+)$", line)
        if heading:
            current = tables.setdefault(heading.group(1), {})
            continue
        row = re.match(r"^\| (\w+) \| (\w+) \|", line)
        if current is not None and row and row.group(1) != "column":
            current[row.group(1)] = row.group(2)
    return tables


def actual() -> dict[str, dict[str, str]]:
    con = connect(":memory:")
    rows = con.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = 'main' AND table_name IN "
        "(SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE') "
        "ORDER BY table_name, ordinal_position"
    ).fetchall()
    out: dict[str, dict[str, str]] = {}
    for table, column, kind in rows:
        kind = {"VARCHAR": "TEXT", "TIMESTAMP WITH TIME ZONE": "TIMESTAMPTZ"}.get(kind, kind)
        out.setdefault(table, {})[column] = kind
    return out


def test_every_table_and_column_is_documented_with_its_type():
    assert documented() == actual()


def test_the_readme_configuration_table_is_the_settings_class():
    from flows.settings import settings_table

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert settings_table() in readme, "README's table differs: regenerate it with `python -m flows.settings`"


PROOF = re.compile(r"Proof:(.*?)(?:\n\s*\n|\"\"\"|$)", re.S)


def proof_lines() -> list[tuple[str, str]]:
    """Every module's "Proof:" text (to the end of its paragraph), with the module it is in."""
    found = []
    for package in ("cli", "flows", "notify", "report", "scrapers", "schemas", "warehouse", "demo"):
        for path in sorted((REPO / package).rglob("*.py")):
            for m in PROOF.finditer(path.read_text(encoding="utf-8")):
                found.append((str(path.relative_to(REPO)), m.group(1)))
    return found


def test_every_proof_line_names_real_tests():
    lines = proof_lines()
    assert len(lines) > 30
    wrong = []
    for module, text in lines:
        files = re.findall(r"tests/(test_\w+)\.py(?:\s*\(([^)]*)\))?", text)
        if not files:
            wrong.append(f"{module}: names no test file")
        for name, detail in files:
            path = REPO / "tests" / f"{name}.py"
            if not path.exists():
                wrong.append(f"{module}: tests/{name}.py does not exist")
                continue
            source = path.read_text(encoding="utf-8")
            for pattern in re.findall(r"\btest_[\w*]+", detail or ""):
                regex = r"def " + re.escape(pattern).replace(r"\*", r"\w*") + r"\b"
                if not re.search(regex, source):
                    wrong.append(f"{module}: no {pattern} in tests/{name}.py")
    assert not wrong, "\n".join(wrong)


def test_the_figure_columns_are_one_list_both_tables_hold():
    """The DDL of `deployments` and `deployment_versions` is SQL; schemas/records.py's FIGURE_COLUMNS is the list
    every other reader uses (the loads, the revision rule, the check frames): they must be the same columns."""
    from schemas.records import FIGURE_COLUMNS

    tables = actual()
    for table in ("deployments", "deployment_versions"):
        held = [c for c in tables[table] if c in FIGURE_COLUMNS]
        assert held == list(FIGURE_COLUMNS), table
