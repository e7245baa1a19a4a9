"""A statement's prose → figure claims, read in context (docs/claims.md).

Owns reading a whole statement (a Mayor's answer, with its question and
title as background) the way a careful person does: sentence by sentence,
keeping a context frame (scrapers/claim_frame.py) so that "Officers
deployed LFR at two sites in Kingston town centre on 3 March 2024. As a
result of 14 alerts, nine people were arrested" gives the second
sentence's figures the first one's day, places and deployments. Each claim
records the words that set its period and places and where they came
from. Which numbers are figures is claim_figures; the scope that reaches
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
from datetime import date, timedelta

from schemas.claims import Claim
from schemas.questions import Question
from scrapers.claim_back_refs import (back_to_the_day, counted_again, it_bare, scope_of_replaced, what_it_led_to,
                                      wholes_again)
from scrapers.claim_corrections import corrected, withdrawn_before
from scrapers.claim_exclusions import NOT_REAL
from scrapers.claim_cues import (ANOTHER, ASKS, COMPARISON, FROM_DEPLOYMENTS, NOT_YET, NUMBER_LIST, OF_THE_TOTAL, PARTS_OF,
                                 QUOTES_NEXT, RATE_SUBJECT, REFERS_BACK, RESPECTIVELY, RUNNING_TOTAL, SET_PARTS, SUBJECT,
                                 SUBJECT_METRICS, TOTAL_WORDS, asked_metric)
from scrapers.claim_page import the_pages
from scrapers.claim_negations import not_deployed
from scrapers.claim_background import background_frame, two_dates
from scrapers.claim_passage import (footnote, part_of_earlier, set_counted_before, set_wider_than_places,
                                    span_named_before, title_places_widened, week_before)
from scrapers.claim_build import figure_claim
from scrapers.claim_figures import find_figures
from scrapers.claim_splits import compared_figures, each_year, respectively
from scrapers.claim_focus import (focused, in_named_week, listed_in_order, month_before, nth_of_days, quarter_before,
                                  quarter_of_fy, span_before, equivalent_part)
from scrapers.claim_frame import (Frame, advance, date_back, inherited_source, names_the_set, running_total, season_only,
                                  since_then_start, words)
from scrapers.claim_frame_spans import breaks_down, opening_span, table_frame
from scrapers.claim_numbers import NUMBER_WORD, find_numbers
from scrapers.claim_period_refs import day_step
from scrapers.claim_periods import Phrase
from scrapers.claim_phrases import in_example, in_reason, later_clause_places, outside_comparisons, scope_phrases, selection_counts
from scrapers.claim_programme import dated_by_programme, programme_start
from scrapers.claim_place_refs import (bare_streets_in_town, generic_again, generic_place, last_named, named_again,
                                       period_places_again, same_places_again,
                                       short_name_again, there_again, whole_again)
from scrapers.claim_tables import row_claims
from scrapers.claim_turns import QUESTION_MARK, asks_only, only_compares, press_turn
from scrapers.claim_words import last_metric_named
from scrapers.claim_tactics import (another_forces, another_forces_statement, another_forces_story, another_tool,
                                    of_tool_talk, tool_talk,
                                    before_lfr, disowned, forces_after, lfr_figure, names_the_met,
                                    reports_other_tactics, tied_to_lfr)
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
    town = last_named("town centre", frame.places, None, frame.places_origin)  # "… in Croydon town centre" in the title
    borough = last_named("borough", frame.places, None, frame.places_origin)
    asked = asked_metric(question)
    mixed = reports_other_tactics(text)
    # another force's release: only what names the Met is the Met's
    others = another_forces_statement(title) or another_forces_story(text)
    list_start: dict[int, Frame] = {}
    tools_counts: set[float] = set()  # the numbers of sentences about other tools (retrospective, operator-initiated)
    tool_block: int | None = None  # the paragraph that speaks of another tool
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
        if prev is not None and prev.header is not None and _SOURCE_LINE.match(sentence.text):
            continue  # "Source: MPS deployment records, as at 31 January" under a table: where it came from, no scope
        if footnote(sentence.text, text):
            continue  # "5 Arrests following an LFR alert; …" after "… 215 arrests.5": a footnote defines, it states nothing
        if sentence.block == quoted_block and (quoting or sentence.text.lstrip()[:1] in "'‘\"“"):
            quoting = True
            continue  # the words an earlier answer is quoted as saying: no claims
        if QUOTES_NEXT.search(sentence.text):
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
            found = row_claims(sentence.text, sentence.header, sentence.cells, sentence.index, frame,
                               statement_date, table_lfr) if sentence.cells else []
            claims.extend(found)
            table_rows.extend(c for c in found if c.period_source == "sentence")
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
        frame = set_counted_before(sentence.text, sets, frame) or week_before(sentence.text, frame) or frame
        frame = back_to_the_day(frame, day_frame, sentence.text)  # "On the same day" after a span
        opening_line, read_any = not read_any, True  # the answer's first words ("Forty-six.")
        antecedent = it_metric if it_metric and it_bare(sentence.text) else antecedent  # "it's north of 700"
        # (the first words after a question in the text answer it too: "PRESENTER: And in January, how many arrests? —
        # LINDSEY CHISWICK: Thirty-one.")
        found, frame, named = _read_sentence(sentence, frame, statement_date, antecedent, not_after, claims,
                                             asked if opening_line else asked_before)
        if only_compares(sentence.text):
            frame = before  # "That compares with 63 deployments … in 2023/24.": the year in hand stays for what follows
        if sentence.text.rstrip().endswith(":") and frame.first and frame.last and frame.places:
            frame = replace(frame, breakdown=(frame.first, frame.last))  # "… 17 times this year. By month:"
        if TOTAL_WORDS.search(sentence.text) and frame.period_origin == "sentence" and frame is not before:
            total_frame = frame  # "there have so far been 423 arrests over the two main days of Carnival"
        tool_block = tool_talk(sentence.text, sentence.block, tool_block)
        if another_tool(sentence.text) or of_tool_talk(sentence.text, sentence.block, tool_block):
            found, tools_counts = [], tools_counts | {n.value for n in find_numbers(sentence.text)}
        elif (whole := _OF_THE_N.match(sentence.text)) and any(n.value in tools_counts for n in find_numbers(whole[0])):
            found = []  # "… identifying 58 people (with another tool). Of the 58, 19 were arrested": that tool's too
        found = [c for c in found if lfr_figure(c.metric, sentence.text, mixed) or part_of_earlier(sentence.text, c, claims)
                 or (sentence.list_no is not None and lfr_list[sentence.list_no]
                     and lfr_figure(c.metric, sentence.text, False))]
        press = press_turn(sentence.text, press, prev is None or sentence.block != prev.block)
        if (others and not names_the_met(sentence.text)) or asks_only(sentence.text) or press:
            # another force's own words ("Our vans …"); a question asks, it states nothing; an interviewer's own
            # figures ("PRESENTER: The last time, it got seven out of eight wrong.") are not an official's
            found = []
        claims = withdrawn_before(sentence.text, found, claims, prev.index if prev is not None else None)
        if prev is not None and not found and (metric := disowned(sentence.text)):
            claims = [c for c in claims if not (c.sentence_index == prev.index and c.metric == metric)]
        if prev is not None and not before.has_period and REFERS_BACK.search(sentence.text):
            claims = date_back(claims, prev.index, frame)
        if prev is not None and prev.index == lead and _is_headline(prev) and sentence.block != prev.block:
            # A headline's figures are the story's: the lede dates and places them (all of its days and places)
            claims = date_back(claims, lead, frame if not frame.union_only else replace(frame, union_only=False),
                               perfect=not ANOTHER.search(sentence.text))
        if opening and (not before.has_period or season_only(before.first, before.last, before.period_words)) \
                and frame.period_origin == "sentence" and frame.first \
                and sentence.block - first_block <= 2:
            # "Thirty people were arrested … over the Christmas period. ¶ Between Friday 20 December and …": the
            # paragraph after the lede dates the story's opening figures
            for index in opening:
                claims = date_back(claims, index, frame if not frame.union_only else replace(frame, union_only=False),
                                   perfect=not ANOTHER.search(sentence.text))
        if (not frame.has_period or season_only(frame.first, frame.last, frame.period_words)) \
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


_PARTS_OF_THOSE = re.compile(r"(?i)^\W*of\s+(?:those|these|them|the\s+[\d,]+)(?:\s+(?:arrests|alerts|deployments|people\s+arrested|"
                             r"arrested))?\s*,")


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


_ROUGH_AFTER = re.compile(r"(?i)(?:\s+or so|\s+or thereabouts|-odd)\b(?=\s+[a-z])")
_DATELINE = re.compile(r"^[A-Z][A-Z .'’&-]{2,40},\s+(?:[A-Z][a-z]+day,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})(?:,?\s+\d{4})?\s*[—–-]+\s")
_WORDS_ASIDE = re.compile(rf"(?<=\s)[–—]\s(?![^–—]*\b(?i:{NUMBER_WORD}|once|twice)\b)[^–—.;#\d]{{1,80}}?\s[–—](?=\s)")
_OF_THE_N = re.compile(r"(?i)^\W*of\s+(?:the|these|those)\s+[\d,]+,")
_SOURCE_LINE = re.compile(r"(?i)^\s*(?:sources?|data source)\s*:")
# "Correction (24 May): An earlier version of this release said …", "Update, 3 June:": when the note was written
_NOTE_DATE = re.compile(r"(?i)^(?:correction|clarification|update[ds]?|editor['’]s note|note)\s*(?:\([^()]{3,30}\)|,\s*[^,:]{3,30})\s*:")
_BRINGS_TOTAL = re.compile(r"(?i)\s+[a-z]+\s+(?:bring|brings|brought|take|takes|took)\s+the\s+(?:overall\s+|running\s+)?total\b")


_LEFT_OUT = re.compile(r"(?i)\b(?:omitted|omits|left out|leaves out|did not include|does not include|excluded|excludes)\b")


def _read_sentence(sentence: Sentence, frame: Frame, statement_date: date | None, antecedent: str | None,
                   not_after: date | None = None, earlier: list[Claim] = (),
                   asked: str | None = None) -> tuple[list[Claim], Frame, str | None]:
    """The sentence's claims, the frame after it, and the metric of the last figure it named (even one that is
    another force's: "Across all forces, 720 arrests … In the Met, the figure was 510")."""
    text = sentence.text
    unblanked, masked, phrases = scope_phrases(text, statement_date, not_after)
    if dateline := _DATELINE.match(text) or _NOTE_DATE.match(text):  # "WALTHAMSTOW, 24 April — Ten people were arrested …": when it was written
        phrases = [p for p in phrases if not (p.is_period and p.end <= dateline.end())]
    selections = [p for p in phrases if p.kind == "selection"]
    numbers = [n for n in find_numbers(masked) if not any(s.start <= n.start < s.end for s in selections)]
    ptext, spans, pos, shift = "", [], 0, []
    # ("one alert – on North End – was a false alert": what a figure counts reads past an aside with no number)
    plain = _WORDS_ASIDE.sub(lambda m: " " * len(m[0]), masked)
    for i, n in enumerate(numbers):
        ptext += plain[pos:n.start].lower()
        spans.append((len(ptext), len(ptext) + len(f"#{i}#")))
        ptext += f"#{i}#" + (" times" if masked[n.start:n.end].lower() in ("twice", "once") else "")
        # "ten or so false alerts", "200-odd arrests": the qualifier after the number (claim_numbers reads it) stands
        # between the number and its noun
        pos = n.end + (len(rough[0]) if (rough := _ROUGH_AFTER.match(masked, n.end)) else 0)
        shift.append((pos, len(ptext) - pos))
    ptext += plain[pos:].lower()

    def at(offset: int) -> int:  # a sentence offset in ptext
        return offset + next((d for end, d in reversed(shift) if end <= offset), 0)

    phrases = nth_of_days(frame, text, listed_in_order(text, in_named_week(frame, text, phrases)), statement_date)
    phrases = quarter_of_fy(frame, text, span_before(frame, text, equivalent_part(frame, text, phrases)))
    phrases = month_before(frame, quarter_before(frame, text, phrases))
    unfocused, frame = frame, focused(frame, text, phrases, statement_date)
    # "… on 12 occasions. Over the 12 deployments, the system generated 19 alerts.": the count said again
    said = {c.low: c.metric for c in earlier if c.low is not None and c.low == c.high}
    if (whole := _OF_THE_N.match(text)) and (n := find_numbers(whole[0])) and n[0].value in said:
        antecedent = said[n[0].value]  # "Of the 92, 42 were in July": parts of the 92 said before
    counted = selection_counts(masked, selections, frame,
                               said={c.low for c in earlier if c.metric == "deployments" and c.low == c.high})
    figures = find_figures(ptext, spans, numbers, antecedent=antecedent,
                           place_starts={at(p.start) for p in phrases if p.kind == "location"},
                           split_place_ends={at(p.end) for p in phrases if p.kind == "location" and p.split},
                           day_starts={at(p.start) for p in phrases if p.kind == "day"},
                           counted_at={at(f.number.start): f.metric for f in counted}, asked=asked)
    figures += counted_again(counted, figures) + not_deployed(unblanked, phrases)
    figures = sorted(figures + compared_figures(masked, numbers, figures), key=lambda f: f.number.start)
    figures = corrected(masked, numbers, figures)  # "42 times — sorry, 52, not 42"
    # ("Four of the ten were wanted for …" two sentences after "Ten people were arrested": the ten arrests again)
    # "The three arrests bring the total … to 74" after "… leading to three arrests": the three again, no new figure
    figures = [f for f in figures if not (f.number.value in said and re.search(r"(?i)(?:^|[.;]\s*)the\s+$", masked[:f.number.start])
                                          and _BRINGS_TOTAL.match(masked[f.number.end:]))]
    for i, f in enumerate(figures):
        if f.restated and f.number.value in said and said[f.number.value] != f.metric:
            whole = said[f.number.value]  # and the part named with it ("Four of the ten") is a part of those
            figures = [replace(g, metric=whole) if g is f or (j == i - 1 and g.metric == f.metric) else g
                       for j, g in enumerate(figures)]
    figures = wholes_again(figures, masked, text, said)  # "Four of the seven were …": the seven said again
    named = figures[-1].metric if figures else None
    claims = []
    superseded = [f for f in figures if f.superseded]
    figures = [f for f in figures if not another_forces(text[:f.number.start]) and not f.superseded
               and not forces_after(masked[f.number.end:])
               # "The first four deployments of 2025, two in Newham and two south of the river, led to …": the set's parts
               and not (f.split_by_place and f is figures[0] and SET_PARTS.search(text[:f.number.start]))]
    starts = [f.number.start for f in figures]
    for figure in figures:
        # (a place in a later clause with its own figure does not pick this figure's days: see later_clause_places)
        own_frame = focused(unfocused, text, [p for p in phrases if p not in later], statement_date) \
            if (later := later_clause_places(masked, phrases, figure.number.start, starts)) else frame
        claim = figure_claim(sentence, unblanked, masked, figure, figures, phrases, own_frame, statement_date)
        if claim is not None:
            claims.append(claim)
    claims = scope_of_replaced(claims, superseded, lambda f: figure_claim(sentence, unblanked, masked, f, figures + [f],
                                                                           phrases, frame, statement_date))
    each = frame.each if frame.union_only else ()
    respective = bool(RESPECTIVELY.search(text))
    own = tuple(each_year(text, [p for p in phrases if p.is_period and not p.anaphor])) if respective else ()
    if respective and len(own) >= 2 and all(f and l for f, l, _ in own):
        # "17, 180 and 246 times in 2023, 2024 and 2025 respectively": each figure its own period, in order
        claims = respectively(claims, [p for p in phrases if p.kind == "location"], frame.places, own, "sentence",
                              own_periods=True)
    elif respective:
        claims = respectively(claims, [p for p in phrases if p.kind == "location"], frame.places, each,
                              inherited_source(frame.period_origin))
    elif each and len(listed := NUMBER_LIST.findall(masked)) == 1 \
            and len(re.findall(rf"(?i)\d[\d,]*|\b(?:{NUMBER_WORD})\b", listed[0])) == len(each):
        # "How many … in 2023 and in 2024?" — "These deployments resulted in 17 and 88 arrests.": in order
        claims = respectively(claims, [], (), each, inherited_source(frame.period_origin), drop=False)
    claims = span_named_before(claims, earlier, phrases, text)
    claims = set_wider_than_places(claims, counted, earlier, text)
    # "…, compared with 102 in 2023/24": what only compares is no frame for the sentences after
    framing = [p for p in outside_comparisons(masked, phrases) if not in_example(masked, p)
               and not (claims and in_reason(masked[:p.start]))]  # a reason's scope sets no scene
    if RESPECTIVELY.search(text) and PARTS_OF.search(text) or any(p.kind == "location" and p.split for p in framing):
        # "Of these, 46 and 31 took place in Croydon and Newham respectively", "Croydon saw the most deployments (38),
        # followed by Westminster (24)": places of the parts, not a scene
        framing = [p for p in framing if p.kind != "location"]
    # "572 arrests, 183 of which were made in the final quarter of the year": the part's period is the part's alone
    parts = [next((p for p in phrases if p.is_period and not p.anaphor and f.number.end <= p.start), None)
             for f in figures if f.sub_period]
    if parts and any(not f.sub_period for f in figures):
        framing = [p for p in framing if p not in parts]
    if figures and _PARTS_OF_THOSE.match(text):
        # "Of those arrests, 74 were made in January and 86 in April.": parts of the whole in hand, in periods of their
        # own; "the same period" after them is still the whole's
        framing = [p for p in framing if not p.is_period]
    if (splits := [f.number.end for f in figures if f.split_by_place]) and all(
            f.split_by_place and f.metric != "deployments" for f in figures):
        # "Three of those arrests were made on North End.": the place of a part of a whole stated before, not the
        # scene for what follows (while "three times: once on High Street, East Ham, and twice in Stratford" names
        # the set's places with its count, and "Four of those deployments were on Sutton High Street. The most
        # recent, …" a set the next sentence picks from)
        framing = [p for p in framing if not (p.kind == "location" and p.start >= min(splits))]
    compared = {words(text, [p]) for p in phrases if p.is_period and p not in framing}
    kept = [c for c in claims if c.period_source != "sentence" or c.period_words not in compared]
    after = _frame_after(text, framing, kept, frame, statement_date)
    if not claims and after.places and not any(p.is_period for p in framing) \
            and any(p.kind == "location" for p in framing):
        after = replace(after, topic=True)  # "Croydon town centre is a good example.": what follows is about it
    return claims, after, named



def _frame_after(text: str, phrases: list[Phrase], claims: list[Claim], frame: Frame,
                 statement_date: date | None) -> Frame:
    """The frame a sentence leaves for the next one."""
    if COMPARISON.match(text):  # "Compared with 2022/23, when LFR was used six times …": a contrast moves no frame
        return frame
    if not claims and (NOT_YET.search(text) or _LEFT_OUT.search(text)):
        # "Figures for May will be published once the month is complete.", plans that did not go ahead, "this figure
        # omitted the deployment at Westfield Stratford City on 30 April": what the figures leave out sets no scene
        return frame
    if statement_date and RUNNING_TOTAL.search(text) and not any(p.is_period for p in phrases):
        return running_total(statement_date)
    if frame.is_day and (step := day_step(phrases)) and not any(
            p.is_period and not p.anaphor for p in phrases):
        day = frame.first + timedelta(days=step)
        moved = replace(frame, first=day, last=day,
                        period_words=f"{frame.period_words}; {'the following day' if step > 0 else 'days before'}")
        return advance(moved, text, [p for p in phrases if not p.is_period], "sentence", False)
    if (months := next((p for p in phrases if p.kind == "first_span_months"), None)) and not any(
            p.is_period and not p.anaphor for p in phrases) and (span := opening_span(frame, months, statement_date)):
        words_ = f"{frame.period_words}; {text[months.start:months.end].strip()}"
        return replace(frame, first=span[0], last=span[1], period_words=words_, period_kind="range")
    if statement_date and frame.first and any(p.kind == "since_then" for p in phrases) \
            and not any(p.is_period and not p.anaphor for p in phrases):
        return replace(frame, first=since_then_start(frame), last=statement_date,
                       period_words=f"{frame.period_words}; since then", union_only=False, each=())
    # Periods are apart when the sentence's figures take different ones ("10 in 2019 and 2 in 2020"), not when
    # one figure spans several ("at Stratford on 11 February and at Oxford Circus on 27 February, 13,000 faces").
    apart = len({c.period_words for c in claims if c.period_source == "sentence"}) > 1
    return advance(frame, text, phrases, "sentence", apart)
