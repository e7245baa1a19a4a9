"""The passage reader and the verdicts on real official statements: the figures of docs/claims.md.

Reads tests/evidence/statements_dev.jsonl and statements_heldout.jsonl
(real statements with hand-written expectations; see
tests/evidence/README.md), statements_otherforces.jsonl and its held-out
part (real words of other UK forces about their own LFR, the force's name
and towns swapped for the Met's and London's: claims only) and
statements_synthetic.jsonl (passages written in officials' styles, with
invented figures: claims only), and prints for each set:

- claims: recall and precision (metric and range, in the right sentence),
  and the share of matched claims whose period is right;
- verdicts, through the whole pipeline: the real Met PDFs
  (../shared/real-pages) loaded as the Met flow loads them, each statement
  loaded as an answer by the real loader, the real contradiction step run:
  how many of the real disagreements were raised, how many were invented.

With --show, the development sets' misses, extras and wrong periods are
listed; the held-out sets are only ever summarised, so they stay unseen. Asserts nothing.

    .venv/bin/python benchmarks/claims_real.py [--show] [--dev-only]
"""

from __future__ import annotations

import argparse
import functools
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.helpers.real_pages import REAL_PDFS, extract_real_documents, load_real_documents  # noqa: E402
from tests.helpers.statements_eval import load_statements, score_claims, score_verdicts, short  # noqa: E402

@functools.lru_cache(maxsize=1)
def _real_documents() -> tuple:
    return tuple(extract_real_documents())  # read once per process: a few seconds, the same every time


SYNTHETIC_SETS = ("synthetic", *(f"synthetic{n}" for n in range(2, 30)))
# Invented prose about real deployments, checked through the whole pipeline (tests/evidence/README.md)
VERDICT_SETS = (
    ("verdicts", "invented prose about real deployment days"),
    ("verdicts2", "invented answers and summaries about real deployments"),
    ("verdicts3", "FOI replies, transcripts, reports, reprints, rates about real deployments"),
    ("verdicts4", "Question Time, weekday releases, loose periods, comparisons about real deployments"),
    ("verdicts5", "long sentences, headlines referred back to, boroughs, rates about real deployments"),
    ("verdicts6", "running totals, 1 in N rates, counts in phrases, splits, Parliament, about real deployments"),
    ("verdicts7", "a mix of voices about real deployments; first sight kept as the generalisation check"),
    ("verdicts8", "periods stated relative to the statement, about real deployments"),
    ("verdicts9", "ministers, Parliament, committees and reports quoting real deployments"),
    ("verdicts10", "Met releases, local reprints, commanders' updates and the Met's own summaries of real deployments"),
    ("verdicts11", "periods stated relative to the statement, and undated statements, about real deployments"),
    ("verdicts12", "several days and places followed from sentence to sentence, about real deployments"),
    ("verdicts13", "Met releases, Mayor's answers with lists by month, year and borough, and PQs about real deployments"),
    ("verdicts14", "Met LFR figures among look-alike numbers (other forces, tools, operations), about real deployments"),
    ("verdicts15", "a mix of every voice as a new user would paste them, about real deployments"),
    ("verdicts16", "a mix with sentence shapes varied on purpose, days and places over weeks, about real deployments"),
    ("verdicts17", "periods and places as real pages give them (datelines, questions, corrections, posts), about real deployments"),
    ("verdicts18", "text as it really arrives, messy (pasted pages, PDF tables, transcripts, posts), about real deployments"),
    ("verdicts19", "a mix with sentence shapes varied on purpose by a new writer, days and places over weeks, about real deployments"),
    ("verdicts20", "periods carried from the question and sentence to sentence, weeks, months, quarters, real page shapes, about real deployments"),
    ("verdicts21", "real deployments followed months later by many voices: boroughs, running totals, first N, corrections, messy text"),
    ("verdicts22", "precision: real Met figures among other forces', other tools', campaigners', laboratories' and plans' numbers"),
    ("verdicts23", "periods as officials state them, relative to the statement and carried across sentences, about real deployments"),
    ("verdicts24", "statements as pasted from the web: reprints, quotes, posts, undated pages, about real deployments"),
    ("verdicts25", "answers scoped by their question or title, with lists, tables, quarters and corrections, about real deployments"),
    ("verdicts26", "ministers, Hansard, committees, the NPCC and Met leaders quoting real deployments among other numbers"),
    ("verdicts27", "releases about busy operations where LFR is one tactic among several, about real deployments"),
    ("verdicts28", "Mayor's Questions as london.gov.uk shows them: lettered parts, breakdowns, corrections, about real deployments"),
    ("verdicts29", "Met news releases as news.met.police.uk publishes them, single days to milestones, about real deployments"),
    ("verdicts30", "sparse official answers (written answers, Mayor's answers, MOPAC letters), periods worded every way"),
    ("verdicts31", "Met releases from single days to quarterly round-ups, periods carried across paragraphs"),
    ("verdicts32", "others quoting the Met (Assembly, Hansard, committees, NPCC, ICO, campaigners), precision"),
    ("verdicts33", "short statements as real ones usually are: one to three figures, milestones, rates, none at all"),
    ("verdicts34", "Mayor's answers scoped by their question: tables, lists, lettered parts, 'over that period'"),
    ("verdicts35", "figures pasted from documents: FOI replies, reports, PDF tables, page furniture, footnotes"),
    ("verdicts36", "official words second-hand: quoted statements, spokespeople, speeches, radio, undated reprints"),
    ("verdicts37", "periods that are easy to misread: year to date, previous quarter, the same period last year, since"),
    ("verdicts38", "precision: Met LFR figures among other forces', other tools', operations', surveys' and budgets'"),
    ("verdicts39", "Parliament: debates, Lords and oral questions, written answers and corrections quoting the Met"),
    ("verdicts40", "committee evidence and interviews: speaker turns, bare answers, weeks and weekdays, corrections"),
    ("verdicts41", "Met releases as local outlets reprint them: bylines, furniture, related stories, notes to editors"),
    ("verdicts42", "London Assembly, MOPAC and Policing Board papers: tables, quarters, footnotes, other tactics"),
    ("verdicts43", "the early years: 2020 and 2022 deployments, trials, the pause, 'since it resumed', undated pages"),
    ("verdicts44", "places said every way: venues, stations, short names, 'the station', 'both sites', decoy places"),
    ("verdicts45", "Mayor's answers: lettered parts, tables, 'the period you asked about', 'as at the end of last month'"),
    ("verdicts46", "numbers hard to read: dozens, 'north of', 'just under', '1.2m', ranges, rates written many ways"),
    ("verdicts47", "Met releases as the Met writes them: weekdays in brackets, datelines, running totals, round-ups"),
    ("verdicts48", "answers whose period comes from the question: financial years, quarters, 'the period requested'"),
    ("verdicts49", "long pasted passages in every voice: scenes set early, figures paragraphs later, corrections"),
    ("verdicts50", "precision: other forces, other tools, rules, plans and rhetorical 'no' beside Met LFR figures"),
    ("verdicts51", "short Met releases and local reprints: days counted back, places given by a short name"),
    ("verdicts52", "Mayor's answers as london.gov.uk shows them: 'As at', 'To date', lettered parts, breakdowns"),
    ("verdicts53", "Parliament and government quoting the Met: rolling years, 'since 2020', comparisons across years"),
    ("verdicts54", "statements across the record eras: 2020, the pause, the 2022 return, year-by-year lists"),
    ("verdicts55", "Met releases as papers reprint them days later: the Met's 'yesterday' counted from its own day"),
    ("verdicts56", "other official voices quoting the Met: Commissioner, NPCC, Home Office, ICO, MOPAC, Assembly"),
    ("verdicts57", "papers and agencies carrying the Met's figures: quoted and reported words, the Met's day named"),
    ("verdicts58", "statements pasted without their page: a third undated, dating themselves by a weekday and day"),
    ("verdicts59", "other official voices: committee transcripts, Hansard, NPCC and Home Office, reports, FOI, letters"),
    ("verdicts60", "Met releases and reprints of 2023-25: days, weeks, milestones, operations, corrections"),
    ("verdicts61", "precision: real Met figures among other forces', tools', plans', tests' and hypothetical numbers"),
    ("verdicts62", "short answers: Mayor's Questions, written answers, ministers' letters, corrections, some with no figure"),
    ("verdicts63", "official words second-hand: speeches, op-eds, regulators, board and council papers, reprints, undated"),
    ("verdicts64", "Parliament: written answers, Hansard speeches, committee evidence; periods set in the question"),
    ("verdicts65", "long Met releases: the scene set early, figures paragraphs later, quotes and background totals"),
    ("verdicts66", "Mayor's answers and Assembly and MOPAC papers: periods asked, lists, tables as text, corrections"),
    ("verdicts67", "official words second-hand with little date: BIDs, councils, panels, regulators, campaigners"),
    ("verdicts68", "the commonest sources mixed: releases, Mayor's and written answers, reprints"),
    ("verdicts69", "summaries of many deployments: years, quarters, breakdowns, national shares, running totals"),
)


def real_records():
    """An in-memory warehouse holding the three real Met documents, loaded as the Met flow loads them."""
    from warehouse.db import connect

    con = connect(":memory:")
    load_real_documents(con, list(_real_documents()), datetime(2026, 11, 1, tzinfo=timezone.utc))
    return con


def second_annotator() -> list[dict]:
    """The held-out statements with the claims an independent second annotator wrote from scratch (not having seen
    the first's or the reader's): how far the reader's score depends on who wrote the expectations."""
    theirs = {s["id"]: s["claims"] for s in load_statements("heldout_second_annotator")}
    return [{**s, "claims": theirs.get(s["id"], [])} for s in load_statements("heldout")]


def report(name: str, statements: list[dict], show: bool, records) -> None:
    started = time.perf_counter()
    s = score_claims(statements)
    took = time.perf_counter() - started
    print(f"{name}: {len(statements)} statements, {s.expected} expected claims, {s.found} found, {s.matched} matched "
          f"({took * 1000 / max(1, len(statements)):.1f} ms a statement)")
    print(f"  claim recall {s.recall:.1%}  precision {s.precision:.1%}  period right {s.period_share:.1%} "
          f"({s.period_right}/{s.matched})")
    if records is not None:
        v = score_verdicts(records, statements)
        print(f"  disagreements raised {v.raised}/{v.disagreements}  invented {len(v.invented)}  "
              f"agreements found {v.agree_found}/{v.agree_expected}")
        print("  verdicts (expected → found): " + ", ".join(
            f"{a}→{b} {n}" for (a, b), n in sorted(v.confusion.items())))
        if show:
            for sid, got, note in v.missed:
                print(f"  NOT RAISED {sid}: {short(got)} → {got['verdict']} {got['reasons']} ({note[:80]})")
            for sid, got in v.invented:
                print(f"  INVENTED   {sid}: {short(got)} computed {got['computed']}")
    if show:
        for sid, c in s.misses:
            print(f"  MISS   {sid}: {short(c)}")
        for sid, c in s.extras:
            print(f"  EXTRA  {sid}: {short(c)}")
        for sid, got, want in s.wrong_periods:
            print(f"  PERIOD {sid}: {got['period_start']}..{got['period_end']} want {short(want)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list the dev set's misses (never the held-out set's)")
    parser.add_argument("--dev-only", action="store_true", help="leave the held-out set out (while improving the reader)")
    args = parser.parse_args()
    have_pdfs = all(p.exists() for p in REAL_PDFS.values())
    if not have_pdfs:
        print("real Met PDFs not found: verdicts skipped (claims only)")
    report("dev", load_statements("dev"), args.show, real_records() if have_pdfs else None)
    for name in SYNTHETIC_SETS:
        report(f"{name} (claims only: invented figures)", load_statements(name), args.show, None)
    for name, what in VERDICT_SETS:
        report(f"{name} ({what})", load_statements(name), args.show, real_records() if have_pdfs else None)
    # real words of other UK forces, their own names and towns swapped for the Met's and London's: claims only
    report("other forces (real words, names swapped; claims only)", load_statements("otherforces"), args.show, None)
    if not args.dev_only:
        report("held-out", load_statements("heldout"), False, real_records() if have_pdfs else None)
        report("other forces held-out (real words, names swapped; claims only)",
               load_statements("otherforces_heldout"), False, None)
        report("held-out, second annotator's claims (claims only)", second_annotator(), False, None)


if __name__ == "__main__":
    main()
