"""One sentence of a statement → its claims and the frame after it (docs/claims.md, "Reading a statement").

Owns reading a sentence in the frame the sentences before it set: its scope
phrases, which numbers are figures (claim_figures), each figure's claim
(claim_build), and the frame the next sentence reads in. The statement as a
whole (frames carried across sentences, headlines, tables, questions) is
scrapers/claims.py. Pure.
Proof: tests/test_claims.py, tests/test_passages*.py.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from schemas.claims import Claim
from scrapers.claim_back_refs import counted_again, fronted_again, scope_of_replaced, wholes_again
from scrapers.claim_corrections import corrected, correction_clause
from scrapers.claim_cues import (COMPARISON, NOT_YET, NUMBER_LIST, PARTS_OF, RESPECTIVELY, RUNNING_TOTAL, SET_PARTS,
                                 WHOLE_OF)
from scrapers.claim_negations import none_false, not_deployed
from scrapers.claim_passage import set_wider_than_places, span_named_before
from scrapers.claim_build import THEN_TO, figure_claim
from scrapers.claim_build_scope import part_after
from scrapers.claim_figures import find_figures
from scrapers.claim_splits import compared_figures, each_year, respectively
from scrapers.claim_focus import (focused, in_named_week, listed_in_order, month_before, nth_of_days, quarter_before,
                                  year_in_hand,
                                  quarter_of_fy, span_before, equivalent_part, this_quarter)
from scrapers.claim_frame import Frame, advance, inherited_source, running_total, since_then_start, words
from scrapers.claim_frame_spans import opening_span
from scrapers.claim_numbers import NUMBER_WORD, find_numbers
from scrapers.claim_period_refs import day_step
from scrapers.claim_periods import Phrase
from scrapers.claim_asides import in_example, in_reason
from scrapers.claim_figure_scope import later_clause_places
from scrapers.claim_phrases import scope_phrases, selection_counts
from scrapers.claim_sentence_parts import outside_comparisons
from scrapers.claim_tactics import another_forces, forces_after, other_tactics_only
from scrapers.sentences import Sentence
from scrapers.claim_words import Figure


_PARTS_OF_THOSE = re.compile(r"(?i)^\W*of\s+(?:those|these|them|the\s+[\d,]+)(?:\s+(?:arrests|alerts|deployments|people\s+arrested|"
                             r"arrested))?\s*,")
_ROUGH_AFTER = re.compile(r"(?i)(?:\s+or so|\s+or thereabouts|-odd)\b(?=\s+[a-z])")
_DATELINE = re.compile(r"^[A-Z][A-Z .'’&-]{2,40},\s+(?:[A-Z][a-z]+day,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})(?:,?\s+\d{4})?\s*[—–-]+\s")
_WORDS_ASIDE = re.compile(rf"(?<=\s)[–—]\s(?![^–—]*\b(?i:{NUMBER_WORD}|once|twice)\b)[^–—.;#\d]{{1,80}}?\s[–—](?=\s)")
OF_THE_N = re.compile(r"(?i)^\W*of\s+(?:the|these|those)\s+[\d,]+,")
# "Correction (24 May): An earlier version of this release said …", "Update, 3 June:": when the note was written
_NOTE_DATE = re.compile(r"(?i)^(?:correction|clarification|update[ds]?|editor['’]s note|note)\s*(?:\([^()]{3,30}\)|,\s*[^,:]{3,30})\s*:")
_BRINGS_TOTAL = re.compile(r"(?i)\s+[a-z]+\s+(?:bring|brings|brought|take|takes|took)\s+the\s+(?:overall\s+|running\s+)?total\b")


_LEFT_OUT = re.compile(r"(?i)\b(?:omitted|omits|left out|leaves out|did not include|does not include|excluded|excludes)\b")
# "This release was updated on Friday (15 November).": when the page changed, not when anything it counts happened
_PAGE_UPDATED = re.compile(r"(?i)^\W*(?:this|the)\s+(?:release|article|story|statement|page|post|answer|report)\s+(?:was|has\s+been)"
                           r"\s+(?:updated|amended|corrected|edited|revised|first\s+published|published)\b")

# 'Inspector Dobson said: "Those five alerts and one arrest …"', "These nine arrests are about …": figures the passage
# gave, pointed at again
_THOSE = re.compile(r"(?i)(?<!\bof\s)\b(?:those|these)\s+$")  # (not "Of those 58 arrested, 17 …": a fronted whole)
_OF_THE_SET = re.compile(r"(?i)\W*of\s+(?:the|these|those|all(?:\s+the)?)\s+(?:[\d,]+\s+|[a-z]+\s+)?(?:lfr\s+)?deployments\s*,")
_AND_ONE_MORE = re.compile(r"^\s+[a-z]+\s+and\s+$")


def _those_again(figures: list[Figure], masked: str, said: set[tuple[float, str]]) -> list[Figure]:
    out, again = [], None
    for f in figures:
        if (f.number.value, f.metric) in said and (
                _THOSE.search(masked[:f.number.start])
                or again is not None and _AND_ONE_MORE.match(masked[again.number.end:f.number.start])):
            again = f
            continue
        out.append(f)
    return out


def read_sentence(sentence: Sentence, frame: Frame, statement_date: date | None, antecedent: str | None,
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
    phrases = equivalent_part(frame, text, this_quarter(frame, phrases))
    phrases = quarter_of_fy(frame, text, span_before(frame, text, phrases))
    phrases = year_in_hand(frame, text, month_before(frame, quarter_before(frame, text, phrases)))
    unfocused, frame = frame, focused(frame, text, phrases, statement_date)
    # "… on 12 occasions. Over the 12 deployments, the system generated 19 alerts.": the count said again
    said = {c.low: c.metric for c in earlier if c.low is not None and c.low == c.high}
    if (whole := OF_THE_N.match(text)) and (n := find_numbers(whole[0])) and n[0].value in said:
        antecedent = said[n[0].value]  # "Of the 92, 42 were in July": parts of the 92 said before
    counted = selection_counts(masked, selections, frame,
                               said={c.low for c in earlier if c.metric == "deployments" and c.low == c.high})
    figures = find_figures(ptext, spans, numbers, antecedent=antecedent,
                           place_starts={at(p.start) for p in phrases if p.kind == "location"},
                           split_place_ends={at(p.end) for p in phrases if p.kind == "location" and p.split},
                           day_starts={at(p.start) for p in phrases if p.kind == "day"},
                           counted_at={at(f.number.start): f.metric for f in counted}, asked=asked)
    figures += counted_again(counted, figures) + not_deployed(unblanked, phrases) + none_false(unblanked)
    figures = sorted(figures + compared_figures(masked, numbers, figures), key=lambda f: f.number.start)
    cue = correction_clause(masked, figures)  # (before the figure withdrawn in the same sentence is taken out)
    figures = corrected(masked, numbers, figures)  # "42 times — sorry, 52, not 42"
    if cue is not None:  # "That figure omitted the deployment of 25 February
        # 2025; the correct figure is three.": the reason's date and place are not the figure's
        phrases = [p for p in phrases if p.start >= cue or not (p.is_period or p.kind in ("location", "selection"))]
    # ("Four of the ten were wanted for …" two sentences after "Ten people were arrested": the ten arrests again)
    # "The three arrests bring the total … to 74" after "… leading to three arrests": the three again, no new figure
    figures = [f for f in figures if not (f.number.value in said and re.search(r"(?i)(?:^|[.;]\s*)the\s+$", masked[:f.number.start])
                                          and _BRINGS_TOTAL.match(masked[f.number.end:]))]
    figures = _those_again(figures, masked, {(c.low, c.metric) for c in earlier if c.low is not None and c.low == c.high})
    for i, f in enumerate(figures):
        if f.restated and f.number.value in said and said[f.number.value] != f.metric:
            whole = said[f.number.value]  # and the part named with it ("Four of the ten") is a part of those
            figures = [replace(g, metric=whole) if g is f or (j == i - 1 and g.metric == f.metric) else g
                       for j, g in enumerate(figures)]
    figures = wholes_again(figures, masked, text, said)  # "Four of the seven were …": the seven said again
    named = figures[-1].metric if figures else None
    claims = []
    superseded = [f for f in figures if f.superseded]
    # "Of these deployments, three were on North End": the set's part, deployments whatever the figure before counted
    figures = [replace(f, metric="deployments") if f.split_by_place and f is figures[0] and _OF_THE_SET.match(text)
               and SET_PARTS.search(text[:f.number.start]) else f for f in figures]
    figures = [f for f in figures if not another_forces(text[:f.number.start]) and not f.superseded
               and not forces_after(masked[f.number.end:])
               # "The first four deployments of 2025, two in Newham and two south of the river, led to …": the set's parts
               # ("Of the 32 deployments, 14 were in Westminster": a fronted whole's part, a figure)
               and not (f.split_by_place and f is figures[0] and SET_PARTS.search(text[:f.number.start])
                        and not _OF_THE_SET.match(text))]
    starts = [f.number.start for f in figures]
    placed: list[tuple[int, Claim]] = []  # each claim so far with where its figure starts
    for figure in figures:
        # (a place in a later clause with its own figure does not pick this figure's days: see later_clause_places)
        own_frame = focused(unfocused, text, [p for p in phrases if p not in later], statement_date) \
            if (later := later_clause_places(masked, phrases, figure.number.start, starts)) else frame
        claim = figure_claim(sentence, unblanked, masked, figure, figures, phrases, own_frame, statement_date)
        if claim is not None:
            claim = _the_set_again(claim, figure.number.start, masked, placed)
            placed.append((figure.number.start, claim))
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
    claims = fronted_again(claims, earlier, text)
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
    if parts_after := [g for g in figures if any(f.number.end <= g.number.start and f.metric != g.metric
                                                 and part_after(masked, f.number.end, g) for f in figures)]:
        # "The cameras generated 13 alerts, two of which, both in Ilford, were false.": the part's place, no scene
        framing = [p for p in framing if not (p.kind == "location" and any(
            g.number.start < p.start and not re.search(r"[.;]", masked[g.number.end:p.start]) for g in parts_after))]
    compared = {words(text, [p]) for p in phrases if p.is_period and p not in framing}
    kept = [c for c in claims if c.period_source != "sentence" or c.period_words not in compared]
    after = _frame_after(text, framing, kept, frame, statement_date)
    if not claims and after.places and not any(p.is_period for p in framing) \
            and any(p.kind == "location" for p in framing):
        after = replace(after, topic=True)  # "Croydon town centre is a good example.": what follows is about it
    return claims, after, named


_LONDON_AFTER = re.compile(r"(?i)^[^.;]{0,80}?\b(?:across|in|throughout)\s+(?:London|the\s+capital|the\s+city)\b")
_THOSE_DEPLOYMENTS = re.compile(r"(?i)\b(?:those|these)\s+(?:\w+\s+)?deployments\b")


def _the_set_again(claim: Claim, at: int, masked: str, before: list[tuple[int, Claim]]) -> Claim:
    """A figure for "those deployments" with no place of its own, after the sentence counted them at places of its own:
    those places ("We have used LFR in Deptford and Lewisham three times this month, twice on …, and those
    deployments generated 33 alerts")."""
    if claim.locations or not (m := _THOSE_DEPLOYMENTS.search(masked, 0, at)) or WHOLE_OF.search(masked[:at]) \
            or _LONDON_AFTER.match(masked[at:]):
        return claim  # ("… accounted for 122 of the 572 arrests made … across London": the whole, not the set's)
    whole = next((c for start, c in before if start < m.start() and c.metric == "deployments" and c.locations
                  and c.places_source == "sentence" and (c.period_start, c.period_end) ==
                  (claim.period_start, claim.period_end)), None)
    return replace(claim, locations=whole.locations, place_words=whole.place_words, places_source="sentence") \
        if whole else claim


def _frame_after(text: str, phrases: list[Phrase], claims: list[Claim], frame: Frame,
                 statement_date: date | None) -> Frame:
    """The frame a sentence leaves for the next one."""
    if COMPARISON.match(text):  # "Compared with 2022/23, when LFR was used six times …": a contrast moves no frame
        return frame
    if not claims and (NOT_YET.search(text) or _LEFT_OUT.search(text) or _PAGE_UPDATED.search(text)
                       or other_tactics_only(text) and not any(p.is_period and p.start < 12 for p in phrases)):
        # (but "Between Monday 23 June and Sunday 29 June, officers carried out 1,450 stop and searches" sets the week)
        # "Figures for May will be published once the month is complete.", plans that did not go ahead, "this figure
        # omitted the deployment at Westfield Stratford City on 30 April": what the figures leave out sets no scene
        return frame
    if RUNNING_TOTAL.search(text) and not any(p.is_period for p in phrases):
        return running_total(statement_date)  # (on an undated page, a total up to a day not known)
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
    if frame.first and (then := THEN_TO.search(text)) and (own := [p for p in phrases if p.is_period and not p.anaphor]) \
            and all(p.start >= then.end() for p in own) and (after := advance(frame, text, phrases, "sentence", False)).last \
            and since_then_start(frame) <= after.last:
        # "Between then and the end of March 2024, …": from the day named before, for the sentences after too
        return replace(after, first=since_then_start(frame), period_kind="range",
                       period_words=f"{frame.period_words}; {after.period_words}")
    # Periods are apart when the sentence's figures take different ones ("10 in 2019 and 2 in 2020"), not when
    # one figure spans several ("at Stratford on 11 February and at Oxford Circus on 27 February, 13,000 faces").
    apart = len({c.period_words for c in claims if c.period_source == "sentence"}) > 1
    return advance(frame, text, phrases, "sentence", apart)
