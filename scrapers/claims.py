"""A statement's prose → figure claims, read in context (docs/claims.md).

Owns reading a whole statement (a Mayor's answer, with its question and
title as background) the way a careful person does: sentence by sentence,
keeping a context frame (scrapers/claim_frame.py) so that "Officers
deployed LFR at two sites in Kingston town centre on 3 March 2024. As a
result of 14 alerts, nine people were arrested" gives the second
sentence's figures the first one's day, places and deployments. Each claim
records the words that set its period and places and where they came
from. One sentence read in the frame in hand is claim_sentence; which
numbers are figures is claim_figures; the scope that reaches
each figure, and the claim it makes, claim_build; numbers and ranges
claim_numbers; periods claim_periods; places and selections claim_places;
whose figure it is claim_tactics; subsets claim_subsets; a sentence's
scope phrases and which reach each figure claim_phrases; how a sentence
stands to the ones around it claim_cues; figures taken back
claim_corrections; counts of none claim_negations; tables claim_tables;
sentences and lists sentences; what only the whole passage shows
claim_passage; what the title and question set claim_background. Pure:
text and the statement's date in, `Claim`s out; no network, disk, clock or
database.
Proof: tests/test_claims.py (sentences), tests/test_passages.py (passages),
tests/evidence/ (real statements, measured by benchmarks/claims_real.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from schemas.claims import Claim
from schemas.questions import Question
from scrapers.claim_back_refs import back_to_the_day, it_bare, what_it_led_to
from scrapers.claim_corrections import previously_given, withdrawn_before
from scrapers.claim_exclusions import NOT_REAL
from scrapers.claim_cues import (ANOTHER, ASKS, FROM_DEPLOYMENTS, OF_THE_TOTAL, QUOTES_NEXT, RATE_SUBJECT, REFERS_BACK,
                                 SUBJECT, SUBJECT_METRICS, TOTAL_WORDS, asked_metric)
from scrapers.claim_page import background_heading, the_pages
from scrapers.claim_background import background_frame, two_dates
from scrapers.claim_passage import (footnote, part_of_earlier, set_counted_before, sets_narrowed, title_places_widened,
                                     week_before)
from scrapers.claim_date_back import date_back, season_only, unresolved_days
from scrapers.claim_frame import Frame, names_the_set
from scrapers.claim_frame_keeps import picks_one
from scrapers.claim_frame_spans import breaks_down, table_frame
from scrapers.claim_numbers import find_numbers
from scrapers.claim_release_date import introduces_release, release_date
from scrapers.claim_programme import dated_by_programme, programme_start
from scrapers.claim_place_refs import (bare_streets_in_town, generic_again, generic_place, last_named, named_again,
                                       period_places_again, same_places_again, short_name_again, there_again,
                                       whole_again)
from scrapers.claim_tables import is_total_row, row_claims
from scrapers.claim_turns import QUESTION_MARK, asks_only, only_compares, press_turn
from scrapers.claim_words import last_metric_named
from scrapers.claim_tactics import (another_forces_statement, another_forces_story, another_tool, of_tool_talk,
                                    tool_talk, before_lfr, disowned, lfr_figure, names_the_met, reports_other_tactics,
                                    tied_to_lfr)
from scrapers.claim_sentence import OF_THE_N, read_sentence
from scrapers.sentences import Sentence, read_blocks, split_sentences

__all__ = ["MAX_CHARS", "extract_claims", "question_claims", "release_claims", "split_sentences"]
MAX_CHARS = 100_000  # the longest real answers run to a few thousand characters


def extract_claims(text: str, statement_date: date | None, *, title: str | None = None,
                   question: str | None = None, not_after: date | None = None) -> list[Claim]:
    """Every figure claim stated in `text`, in order, its scope read in context.

    `title` and `question` are background: they set the frame before the
    first sentence (the answer's own words replace it). `not_after` is when
    the statement was read: a statement of unknown date was made no later,
    which places its "Wednesday (15 May)" (the caller's clock, never this
    module's). A text longer than MAX_CHARS (no answer is; a page built to
    stall the reader is) raises ValueError.
    """
    if len(text) > MAX_CHARS:
        raise ValueError(f"text of {len(text):,} characters, more than the {MAX_CHARS:,} the reader takes")
    # "The Met said on Friday (8 November): …" at the top of a paper's copy: the quoted words count from that day
    statement_date = release_date(text, statement_date, not_after) or statement_date
    frame = Frame()
    for origin, background in (("title", title), ("question", question)):
        for sentence in read_blocks(background or ""):
            # A question's preamble ("On 17 June The Times reported …") sets no scope; what it asks does.
            if origin == "title" or ASKS.search(sentence.text):
                frame = background_frame(frame, sentence.text, origin, statement_date, not_after)
    frame = two_dates(frame, question, text, statement_date, not_after)  # "Between the two dates, …"
    if frame.period_origin == "question" and frame.first and frame.last:
        frame = replace(frame, asked=(frame.first, frame.last))  # what the question asked about, for the whole answer
    claims: list[Claim] = []
    opening_frame = frame
    scene: Frame | None = None  # the frame after the first sentence that named a period
    town = last_named("town centre", frame.places, None, frame.places_origin)  # "… in Croydon town centre" in the title
    borough = last_named("borough", frame.places, None, frame.places_origin)
    asked = asked_metric(question)
    mixed = reports_other_tactics(text)
    # another force's release: only what names the Met is the Met's
    others = another_forces_statement(title) or another_forces_story(text)
    list_start: dict[int, Frame] = {}
    tools_counts: set[float] = set()  # the numbers of sentences about other tools (retrospective, operator-initiated)
    tool_block: int | None = None  # the paragraph that speaks of another tool
    old_block: int | None = None  # the paragraph that quotes an answer since corrected
    lfr_list: dict[int, bool] = {}  # each list, whether the sentence that opens it speaks of LFR
    prev: Sentence | None = None
    antecedent: str | None = None
    table_rows: list[Claim] = []
    table_lfr = False  # the line before the table in hand speaks of LFR
    after_table: tuple[Frame, Frame] | None = None  # the frame a table broke down, and its rows' own
    opening: list[int] = []  # the undated sentences a story opens with (headline, lede), before any period
    first_block: int | None = None
    total_frame: Frame | None = None  # the frame of the last sentence that gave a total
    quoted_block: int | None = None  # the paragraph an earlier answer is quoted in ("The full answer given was:")
    quoting = False
    sets: list[tuple[int, Frame]] = []  # each count of deployments stated, with the frame after its sentence
    lead = None
    day_frame: Frame | None = None  # the frame of the last sentence that was about one day
    last_places: tuple | None = None  # the places last named, for "there" after a sentence that named only a time
    it_metric: str | None = None  # what "it" (the technology) was last said to have led to
    read_any = False  # a sentence of the answer's own read yet
    asked_before: str | None = None  # what a question in the text just asked for
    press = False  # the block is an interviewer's turn
    sentences = read_blocks(text)
    for sentence in sentences:
        if the_pages(sentence.text, claims_yet=bool(claims)):
            continue  # a dateline, "Skip to content", "Page 3 of 7", "Reference: 2025/4127": the page's, not the statement's
        lead = sentence.index if lead is None else lead  # the statement's first line (a release's headline)
        first_block = sentence.block if first_block is None else first_block
        if background_heading(sentence.text):
            # "Notes to editors:": what follows is read in the story's scene, the one its first dated sentence set
            # ("The watchlist used at Stratford contained 15,172 images": that day's), not the last sentence's
            frame, prev = scene or opening_frame, sentence
            continue
        if prev is not None and prev.header is not None and _SOURCE_LINE.match(sentence.text):
            continue  # "Source: MPS deployment records, as at 31 January" under a table: where it came from, no scope
        if footnote(sentence.text, text):
            continue  # "5 Arrests following an LFR alert; …" after "… 215 arrests.5": a footnote defines, it states nothing
        if sentence.block == quoted_block and (quoting or sentence.text.lstrip()[:1] in "'‘\"“"):
            quoting = True
            continue  # the words an earlier answer is quoted as saying: no claims
        if QUOTES_NEXT.search(sentence.text) and not introduces_release(sentence.text):
            quoted_block = sentence.block + 1
        if sentence.list_no is not None:
            list_start.setdefault(sentence.list_no, frame)
            lfr_list.setdefault(sentence.list_no, prev is not None and prev.list_no is None and tied_to_lfr(prev.text))
            # Each item starts from the list's frame, when the list has one; a list of findings with no scope of
            # its own reads as running prose ("- In 2024 the MPS deployed LFR 180 times. - 587 arrests …").
            # … unless the item points back to the one before ("(b) These deployments generated 18 alerts")
            if (prev is None or prev.block != sentence.block) and list_start[sentence.list_no].has_period \
                    and not (prev is not None and prev.list_no == sentence.list_no and REFERS_BACK.search(sentence.text)):
                frame = list_start[sentence.list_no]
        elif prev is not None and prev.list_no is not None and list_start[prev.list_no].has_period:
            frame = list_start[prev.list_no]  # nothing named inside a scoped list leaks out of it
        before = frame
        if sentence.header is not None:  # a table: its rows' figures, scoped by their cells
            if sentence.cells is None:  # its header: whether the line before it speaks of LFR
                table_lfr = prev is not None and prev.header is None and tied_to_lfr(prev.text)
            # (a totals row under rows that each named their day, with no period above the table: all of those days)
            row_frame = table_frame(frame, table_rows) if not frame.has_period and table_rows and sentence.cells \
                and is_total_row(sentence.cells) else frame
            found = row_claims(sentence.text, sentence.header, sentence.cells, sentence.index, row_frame,
                               statement_date, table_lfr, not_after) if sentence.cells else []
            claims.extend(found)
            # (a row that names its place or its period: "Croydon town centre | 28 | 317 | 122" under "…, 2024")
            table_rows.extend(c for c in found if c.period_source == "sentence" or c.places_source == "sentence")
            prev = sentence
            continue
        if table_rows and prev is not None and prev.header is not None:
            union = table_frame(frame, table_rows)  # "In total, these deployments …" after the table: all its rows
            after_table = (frame, union) if breaks_down(frame, table_rows) else None
            frame = frame if after_table else union
            table_rows = []
        if after_table and frame is after_table[0] and names_the_set(sentence.text):
            frame = after_table[1]
        if total_frame is not None and OF_THE_TOTAL.search(sentence.text):
            frame = total_frame  # "52 of the total arrests were as a result of LFR": the total's period and places
        frame = frame.part if frame.part is not None and picks_one(sentence.text) else frame  # "The most recent, …"
        frame = set_counted_before(sentence.text, sets, frame) or week_before(sentence.text, frame) or frame
        frame = back_to_the_day(frame, day_frame, sentence.text)  # "On the same day" after a span
        opening_line, read_any = not read_any, True  # the answer's first words ("Forty-six.")
        antecedent = it_metric if it_metric and it_bare(sentence.text) else antecedent  # "it's north of 700"
        # (the first words after a question in the text answer it too: "PRESENTER: And in January, how many arrests? —
        # LINDSEY CHISWICK: Thirty-one.")
        found, frame, named = read_sentence(sentence, frame, statement_date, antecedent, not_after, claims,
                                             asked if opening_line else asked_before)
        scene = scene or (frame if frame.has_period and frame.period_origin == "sentence" else None)
        if only_compares(sentence.text):
            frame = before  # "That compares with 63 deployments … in 2023/24.": the year in hand stays for what follows
        if sentence.text.rstrip().endswith(":") and frame.first and frame.last and frame.places:
            frame = replace(frame, breakdown=(frame.first, frame.last))  # "… 17 times this year. By month:"
        if TOTAL_WORDS.search(sentence.text) and frame.period_origin == "sentence" and frame is not before:
            total_frame = frame  # "there have so far been 423 arrests over the two main days of Carnival"
        tool_block = tool_talk(sentence.text, sentence.block, tool_block)
        if another_tool(sentence.text) or of_tool_talk(sentence.text, sentence.block, tool_block):
            found, tools_counts = [], tools_counts | {n.value for n in find_numbers(sentence.text)}
        elif (whole := OF_THE_N.match(sentence.text)) and any(n.value in tools_counts for n in find_numbers(whole[0])):
            found = []  # "… identifying 58 people (with another tool). Of the 58, 19 were arrested": that tool's too
        found = [c for c in found if lfr_figure(c.metric, sentence.text, mixed) or part_of_earlier(sentence.text, c, claims)
                 or (sentence.list_no is not None and lfr_list[sentence.list_no]
                     and lfr_figure(c.metric, sentence.text, False))]
        press = press_turn(sentence.text, press, prev is None or sentence.block != prev.block)
        if (others and not names_the_met(sentence.text)) or asks_only(sentence.text) or press:
            # another force's own words ("Our vans …"); a question asks, it states nothing; an interviewer's own
            # figures ("PRESENTER: The last time, it got seven out of eight wrong.") are not an official's
            found = []
        if prev is not None and previously_given(prev.text):
            old_block = sentence.block  # "The answer previously given was: ¶ …": the corrected answer's words
        found = [] if sentence.block == old_block else found
        claims = withdrawn_before(sentence.text, found, claims, prev.index if prev is not None else None)
        if prev is not None and not found and (metric := disowned(sentence.text)):
            claims = [c for c in claims if not (c.sentence_index == prev.index and c.metric == metric)]
        if prev is not None and not before.has_period and REFERS_BACK.search(sentence.text):
            claims = date_back(claims, prev.index, frame)
        if prev is not None and prev.index == lead and _is_headline(prev) and sentence.block != prev.block:
            # A headline's figures are the story's: the lede dates and places them (all of its days and places)
            claims = date_back(claims, lead, frame if not frame.union_only else replace(frame, union_only=False),
                               perfect=not ANOTHER.search(sentence.text))
        if opening and (not before.has_period or season_only(before.first, before.last, before.period_words)
                        or statement_date is None and before.first is None and before.last is None) \
                and frame.period_origin == "sentence" and frame.first \
                and sentence.block - first_block <= 2:
            # "Thirty people were arrested … over the Christmas period. ¶ Between Friday 20 December and …": the
            # paragraph after the lede dates the story's opening figures
            for index in opening:
                claims = date_back(claims, index, frame if not frame.union_only else replace(frame, union_only=False),
                                   perfect=not ANOTHER.search(sentence.text))
        if (not frame.has_period or season_only(frame.first, frame.last, frame.period_words)
            or any(unresolved_days(c) for c in found)) \
                and sentence.block - first_block <= 1 and not sentence.text.rstrip().endswith(":"):
            opening.append(sentence.index)  # (a line that introduces a breakdown is not dated by its first item)
        found = named_again("town centre", found, sentence.text, town)  # "ten times in the town centre"
        found = named_again("borough", found, sentence.text, borough)  # "13 arrests in the borough"
        found = same_places_again(found, sentence.text, before.group.places if before.group else before.places)
        found = short_name_again(found, claims)  # "the Westfield deployments" after "at Westfield Stratford City"
        if generic := generic_place(sentence.text, claims):  # "near the stadium" after "near Wembley Stadium"
            found = generic_again(found, generic)
            frame = replace(frame, places=(generic[0],), place_words=generic[1], places_origin="sentence", pairs=())
        found = bare_streets_in_town(found, claims, before.places)  # "four of them on the Broadway" in Stratford
        found = period_places_again(found, sentence.text, claims)  # "The watchlist for Wednesday's deployments"
        found = there_again(found, sentence.text, last_places)  # "…, the first deployment there, …" after a time alone
        found = whole_again(found, sentence.text, claims)  # "Of the 37 arrests, …": the 37 stated before
        day_frame = frame if frame.is_day else day_frame
        last_places = (frame.places, frame.place_words) if frame.places else last_places
        town = last_named("town centre", frame.places, town, frame.places_origin)
        borough = last_named("borough", frame.places, borough, frame.places_origin)
        claims.extend(found)
        if frame.has_period:
            sets.extend((int(c.low), frame) for c in found if c.metric == "deployments" and c.low == c.high and c.low >= 2)
        if frame.group is not None and frame.group is not before.group and len(frame.group.places) >= 2 \
                and frame.group.places_origin == "sentence":
            sets.append((len(frame.group.places), frame.group))  # "in Romford and Croydon yesterday"
        # "They were in use on Saturday" after "over the weekend": the set named was the day's
        sets, frame = sets_narrowed(sets, before, frame, sentence.text, bool(found))
        subject = None if found else SUBJECT.match(sentence.text)
        # "Presenter: How many arrests since it was stepped up? — Minister: Around 1,000 since the start of last year."
        asks = asked_metric(sentence.text) if QUESTION_MARK.search(sentence.text) else None
        # the figure a bare number after this sentence counts: its last, unless that only said what the one before came
        # from ("it was 854 arrests from 231 deployments. This financial year we are on 712")
        antecedent = (found[-2].metric if len(found) > 1 and found[-1].metric == "deployments"
                      and FROM_DEPLOYMENTS.search(sentence.text) else found[-1].metric) if found else named or asks or (
            SUBJECT_METRICS[subject[1].lower()] if subject else "false_alert_rate" if RATE_SUBJECT.search(sentence.text)
            else last_metric_named(sentence.text) if sentence.text.rstrip().endswith(":") else antecedent)
        if not found and not named and NOT_REAL.search(sentence.text.rstrip(" .")) \
                and (planned := last_metric_named(sentence.text)):
            antecedent = planned  # "Police committed to carrying out 10 deployments …. Nine have already taken place."
        it_metric = what_it_led_to(sentence.text, found, it_metric)
        asked_before = asks
        prev = sentence
    claims = dated_by_programme(claims, programme_start(sentences, statement_date, not_after), statement_date, not_after)
    return title_places_widened([c for c in claims if not before_lfr(c.period_end)])


_SOURCE_LINE = re.compile(r"(?i)^\s*(?:sources?|data source)\s*:")


def _is_headline(sentence: Sentence) -> bool:
    """A first line with no full stop, alone in its block: a release's headline."""
    return sentence.list_no is None and len(sentence.text) <= 160 and not re.search(r"[.!?:;”\"]\s*$", sentence.text)


def release_claims(title: str, text: str, published: date | None, not_after: date | None = None) -> list[Claim]:
    """A news release's claims. Its headline ("Four arrested during facial recognition deployment in Tottenham") is
    the Met's own statement, read as the story's first line: the lede dates and places it."""
    headline = " ".join(title.split())
    return extract_claims(text if not headline or text.startswith(headline) else f"{headline}\n\n{text}", published,
                          not_after=not_after)


def question_claims(question: Question, on_error: Callable[[int, Exception], None] | None = None,
                    not_after: date | None = None) -> dict[int, list[Claim]]:
    """The claims of each answer of a question page (by position), holding replies left out.

    A failure of the reader on one answer is that answer's alone: with `on_error`, it is reported there and
    the answer gets no claims (the page still loads); without, it is raised.
    """
    out: dict[int, list[Claim]] = {}
    for a in question.answers:
        if a.holding:
            continue
        try:
            out[a.position] = extract_claims(a.text, a.answer_date, title=question.title,
                                             question=question.question_text, not_after=not_after)
        except Exception as exc:  # noqa: BLE001 - a bug of ours must not lose the page; the caller is told
            if on_error is None:
                raise
            on_error(a.position, exc)
            out[a.position] = []
    return out
