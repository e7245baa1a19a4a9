"""Running the expectation suites over the check frames: GX results → failures.

Owns the Great Expectations run (GX 1.x, ephemeral context, pandas
DataFrames: GX's SQL path over DuckDB is unreliable, docs/architecture.md ("The stack, as measured")), turning
each expectation's failing rows into `CheckFailure`s with their
provenance, and the rule "a rule failing on every row of a document is one
failure, for the document". Data Docs are built offline into a folder.
Recording results and findings is `warehouse.check_results`.

GX is imported lazily (2.5–10 s): only `validate_frames` pays for it.
Must not: change, drop or "fix" a checked row. Proof:
tests/test_checks_expectations.py, tests/test_checks_real.py.
"""

from __future__ import annotations

import logging
import math
import html
import shutil
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from schemas.expectations import build_suite

log = logging.getLogger(__name__)

# A rule failing on every row it applies to in a document is reported once,
# for the document, when the document has at least this many such rows.
MIN_ROWS_FOR_DOCUMENT = 3
# Columns that locate a row rather than hold a value the rule judged.
_KEY_COLUMNS = {"row_key", "subject", "document_sha256", "document_url", "source_row", "source_page"}
_RESULT_FORMAT = {"result_format": "COMPLETE", "unexpected_index_column_names": ["row_key"]}


@dataclass(frozen=True)
class CheckFailure:
    """One published row (level 'row') or document (level 'document') that a rule fails."""

    suite: str
    rule: str
    level: str
    subject: str
    observed: dict
    expected: str
    deployment_id: str | None = None
    deployment_date: date | None = None
    location: str | None = None
    document_url: str | None = None
    document_sha256: str | None = None
    source_page: int | None = None
    source_row: int | None = None
    record_key: str | None = None

    @property
    def finding_key(self) -> str:
        """Deterministic: the same rule failing on the same deployment, record or document is one finding."""
        if self.level == "document":
            return f"check_failed:{self.suite}:{self.rule}:document:{self.document_url}"
        return f"check_failed:{self.suite}:{self.rule}:{self.deployment_id or self.record_key}"


@dataclass(frozen=True)
class RuleOutcome:
    """One expectation's result over one suite's rows."""

    suite: str
    rule: str
    expectation_type: str
    success: bool
    rows_checked: int
    expected: str
    failures: tuple[CheckFailure, ...] = ()
    error: str | None = None

    @property
    def rows_failed(self) -> int:
        return sum(f.observed.get("rows_failing", 1) if f.level == "document" else 1 for f in self.failures)


@dataclass
class SuiteRun:
    """Every rule outcome of one run, and where its Data Docs went."""

    outcomes: list[RuleOutcome] = field(default_factory=list)
    data_docs_index: Path | None = None
    data_docs_error: str | None = None


def validate_frames(frames: dict[str, pd.DataFrame], *, today: date, data_docs_dir: Path | None = None) -> SuiteRun:
    """Run each suite over its frame (`warehouse.check_frames.find_check_frame`); build Data Docs if asked."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    # In-memory stores and no default docs site: the only site is ours, built on request.
    config = DataContextConfig(store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False))
    context = gx.get_context(mode="ephemeral", project_config=config)
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    source = context.data_sources.add_pandas("lfrwatch")
    run = SuiteRun()
    for name, frame in frames.items():
        expectations = build_suite(name, today)
        if frame.empty:
            run.outcomes += [_outcome(name, e, frame, None) for e in expectations]
            continue
        batch = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe("all")
        suite = context.suites.add(gx.ExpectationSuite(name=name, expectations=expectations))
        definition = context.validation_definitions.add(gx.ValidationDefinition(name=name, data=batch, suite=suite))
        safe, keys = _for_docs(frame)
        results = definition.run(batch_parameters={"dataframe": safe}, result_format=_RESULT_FORMAT)
        by_rule = {r.expectation_config.meta["rule"]: r for r in results.results}
        run.outcomes += [_outcome(name, e, frame, by_rule.get(e.meta["rule"]), keys) for e in expectations]
    if data_docs_dir is not None:
        try:
            run.data_docs_index = _build_data_docs(context, Path(data_docs_dir).resolve())
        except DataDocsRefused as exc:
            log.error("%s", exc)
            run.data_docs_error = str(exc)
        except Exception as exc:  # noqa: BLE001 - the checks are recorded; their HTML pages are a convenience
            log.error("Data Docs could not be built in %s: %s: %s", data_docs_dir, type(exc).__name__, exc)
            run.data_docs_error = f"Data Docs could not be built: {type(exc).__name__}: {exc}"
    return run


def _for_docs(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """The frame Great Expectations sees, and its row keys back to ours.

    Data Docs print unexpected values as HTML without escaping them: text read
    from a page (a question reference "<img src=x onerror=…>") must reach them
    as text. String cells are escaped, and row keys (URLs, read from pages too)
    are replaced by neutral ones.
    """
    safe = frame.copy()
    for column in safe.columns:
        if column != "row_key" and safe[column].dtype in (object, "string", "str"):
            safe[column] = safe[column].map(lambda v: html.escape(v, quote=False) if isinstance(v, str) else v)
    neutral = [f"row-{i}" for i in range(len(safe))]
    keys = dict(zip(neutral, frame["row_key"].tolist()))
    safe["row_key"] = neutral
    return safe, keys


def _outcome(suite: str, expectation, frame: pd.DataFrame, result, keys: dict[str, str] | None = None) -> RuleOutcome:
    meta, kind = expectation.meta, expectation.expectation_type
    columns = _columns(expectation)
    applicable = _applicable(expectation, columns, frame)
    if result is None:
        return RuleOutcome(suite, meta["rule"], kind, True, int(applicable.sum()), meta["expected"])
    message = _exception(result.exception_info)
    if message:
        log.error("check %s.%s could not run: %s", suite, meta["rule"], message)
        return RuleOutcome(suite, meta["rule"], kind, False, int(applicable.sum()), meta["expected"], error=message)
    found = {entry["row_key"] for entry in (result.result.get("unexpected_index_list") or [])}
    failing = frame["row_key"].isin({(keys or {}).get(k, k) for k in found})
    shown = [c for c in columns + list(meta.get("show", [])) if c not in _KEY_COLUMNS]
    failures = _collapse(suite, meta, frame, failing, applicable, list(dict.fromkeys(shown)))
    checked = int((applicable | failing).sum())
    return RuleOutcome(suite, meta["rule"], kind, bool(result.success), checked, meta["expected"], tuple(failures))


def _exception(info) -> str | None:
    """The message of an expectation that could not run; GX nests it per metric when a metric failed."""
    entries = [info] if isinstance(info, dict) and "raised_exception" in info else list((info or {}).values())
    for entry in entries:
        if isinstance(entry, dict) and entry.get("raised_exception"):
            return entry.get("exception_message") or "the expectation raised an exception"
    return None


def _columns(expectation) -> list[str]:
    """The frame columns an expectation reads."""
    found = [getattr(expectation, a, None) for a in ("column", "column_A", "column_B")]
    return [c for c in found if c] + list(getattr(expectation, "column_list", None) or [])


def _applicable(expectation, columns: list[str], frame: pd.DataFrame) -> pd.Series:
    """Rows the rule judges: all its columns present (and its row condition true)."""
    present = [c for c in columns if c in frame]  # a missing column makes GX report an error instead
    mask = frame[present].notna().all(axis=1) if present else pd.Series(True, index=frame.index)
    condition = getattr(expectation, "row_condition", None)
    if condition is not None and not frame.empty:
        mask &= _condition_holds(condition, frame)
    return mask


def _condition_holds(condition, frame: pd.DataFrame) -> pd.Series:
    """Where a GX row condition holds: a pandas query string, or a Column comparison."""
    if isinstance(condition, str) or hasattr(condition, "pass_through_filter"):
        query = getattr(condition, "pass_through_filter", condition)
        return pd.Series(frame.index.isin(frame.query(str(query)).index), index=frame.index)
    column, operator, parameter = condition.column.name, str(condition.operator), condition.parameter
    compare = {"==": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge"}
    if operator in compare:
        return getattr(frame[column], compare[operator])(parameter).fillna(False).astype(bool)
    held = frame[column].isin(list(parameter))
    return held if operator == "IN" else ~held


def _collapse(suite, meta, frame, failing, applicable, shown) -> list[CheckFailure]:
    """Failing rows → failures; a document where the rule holds on no row it applies to → one failure."""
    out: list[CheckFailure] = []
    for url, doc in frame[failing].groupby("document_url", sort=False, dropna=False):
        passing = int((applicable & ~failing & (frame["document_url"] == url)).sum())
        if passing == 0 and len(doc) >= MIN_ROWS_FOR_DOCUMENT:
            example = _example(doc, shown)
            subject = f"document:{url}" if "deployment_id" in frame else example["subject"]
            observed = {
                "rows_failing": len(doc),
                "example_row": {"source_page": _plain(example.get("source_page")),
                                "source_row": _plain(example.get("source_row")),
                                **{c: _plain(example[c]) for c in shown}},
            }
            out.append(CheckFailure(suite, meta["rule"], "document", subject, observed, meta["expected"],
                                    document_url=url, document_sha256=_plain(example.get("document_sha256"))))
            continue
        for _, row in doc.iterrows():
            out.append(CheckFailure(
                suite, meta["rule"], "row", row["subject"], {c: _plain(row[c]) for c in shown}, meta["expected"],
                deployment_id=_plain(row.get("deployment_id")), deployment_date=_date(row.get("deployment_date")),
                location=_plain(row.get("location")), document_url=_plain(row.get("document_url")),
                document_sha256=_plain(row.get("document_sha256")), source_page=_plain(row.get("source_page")),
                source_row=_plain(row.get("source_row")), record_key=row["row_key"],
            ))
    return out


def _example(doc: pd.DataFrame, shown: list[str]) -> pd.Series:
    """The failing row with the most non-zero values (the one that shows the quirk best), first on ties."""
    score = [sum(_plain(row[c]) not in (0, None) for c in shown) for _, row in doc.iterrows()]
    return doc.iloc[score.index(max(score))]


def _plain(value):
    """A JSON-ready value: NA → None, numpy scalars → Python, timestamps → ISO date."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (pd.Timestamp, datetime)):
        stamp = pd.Timestamp(value)
        return stamp.date().isoformat() if stamp == stamp.normalize() else stamp.isoformat()
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _date(value) -> date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


DOCS_MARKER = ".lfrwatch-data-docs"  # in every folder the build makes: only such folders are ever replaced


class DataDocsRefused(RuntimeError):
    """The Data Docs folder holds something the build did not make."""


def _ours(folder: Path) -> bool:
    return (folder / DOCS_MARKER).is_file()


def _build_data_docs(context, target: Path) -> Path:
    """Build the Data Docs site offline into a fresh folder, then swap it in for `target`.

    Only folders the build made (holding DOCS_MARKER) are ever replaced or
    deleted; an existing folder that is not empty and not ours is refused.
    """
    building = target.with_name(f".{target.name}.building")
    retired = target.with_name(f".{target.name}.old")
    if target.exists() and (not target.is_dir() or any(target.iterdir())) and not _ours(target):
        raise DataDocsRefused(f"Data Docs not written: {target} exists and was not made by LFR Watch (no "
                              f"{DOCS_MARKER}); point LFRWATCH_DATA_DOCS at a new or empty folder")
    for stale in (building, retired):
        if stale.exists():
            if not _ours(stale):
                raise DataDocsRefused(f"Data Docs not written: {stale} is in the way and was not made by LFR Watch")
            shutil.rmtree(stale)
    building.mkdir(parents=True)
    (building / DOCS_MARKER).write_text("Made by LFR Watch's checks; replaced on every run.\n", encoding="utf-8")
    context.add_data_docs_site("lfrwatch", {
        "class_name": "SiteBuilder",
        "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(building)},
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
    })
    context.build_data_docs(site_names=["lfrwatch"])
    if target.exists():
        if target.is_dir() and not any(target.iterdir()):
            target.rmdir()  # the empty folder a user made for the docs
        else:
            target.rename(retired)
    building.rename(target)
    shutil.rmtree(retired, ignore_errors=True)
    return target / "index.html"
