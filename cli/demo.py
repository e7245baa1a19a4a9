"""`lfrwatch demo`: the whole job on a bundled SAMPLE of both sites, with no network.

Serves demo/sample.py on 127.0.0.1 at the sites' real paths (demo/site.py),
runs the real pipeline over it into its own warehouse (data/demo/ by
default, never the real one), notifies nobody, and writes the report.
Everything it makes says SAMPLE. Proof: tests/test_demo.py.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Optional

import typer

from flows.settings import MET_LIVE, load_settings, prepare_environment

DEMO_DB = Path("data/demo/lfrwatch.duckdb")


def demo(
    db: Path = typer.Option(DEMO_DB, "--db", help="The demo's own warehouse (default data/demo/lfrwatch.duckdb)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Folder for the report (default: report/ beside the warehouse)."),
) -> None:
    """Run the whole job on a bundled SAMPLE of both sites served on 127.0.0.1: no network needed."""
    prepare_environment()
    from demo import sample
    from demo.site import SampleSite
    from flows.pipeline import lfr_watch
    from report.data import write_report
    from warehouse.publish import snapshot_path

    typer.echo("LFR Watch demo: a SAMPLE of both sites (two re-typeset deployment records, three Mayor's answers), "
               "served on 127.0.0.1; nothing here is a Met document.", err=True)
    remembered = Path(db).parent / ".demo-port"  # the same URLs each time: see demo/site.py
    wanted = int(remembered.read_text()) if remembered.is_file() and remembered.read_text().strip().isdigit() else 0
    with SampleSite(wanted) as site:
        remembered.parent.mkdir(parents=True, exist_ok=True)
        remembered.write_text(str(site.port))
        if wanted and site.port != wanted:
            typer.echo(f"port {wanted} is taken: serving on {site.port}, so the sample's records look new to this "
                       "warehouse", err=True)
        settings = load_settings().replace(
            db_path=db, data_docs_dir=None, met_url=site.base_url, gla_url=site.base_url,
            min_interval=0.0, met_index_pages=(MET_LIVE + sample.INDEX_PATH,),
            met_known_documents=(MET_LIVE + sample.RECORD_2020, MET_LIVE + sample.RECORD_2025),
            question_search_terms=("facial recognition",), question_urls=(), notify=False, fault_point=None)
        # The sample has no news releases: the demo reads the two sites it bundles.
        report = lfr_watch(settings, ("met", "questions"), date(2020, 1, 1), date.today())
    typer.echo(report.summary())
    if report.snapshot is not None:
        path = write_report(snapshot_path(db), out or Path(db).parent / "report")
        typer.echo(f"SAMPLE report: {path}\nSAMPLE warehouse: {db} (try `lfrwatch alerts --db {db}`, "
                   f"`lfrwatch findings --db {db} --review`, `lfrwatch checks --db {db}`)")
    raise typer.Exit(report.exit_status)
