"""Corrections a whole passage makes to the claims read sentence by sentence.

Owns what only the passage as a whole shows: a footnote line that defines
("5 Arrests following an LFR alert; …" after "… 215 arrests.5"); a
headline's places that are shorthand for a story naming more places on the
same days; a span pointed back to by its length ("over the three months")
that is the latest earlier period of that length, not the one named last;
a set wider than the places carried over ("Across yesterday's two
deployments" when one of yesterday's places was carried over); the set of
deployments counted earlier that "across the six deployments" points back
to after sentences about one of its days; "The week before, …" (the
calendar week before the one the frame is in); a part of a figure stated
before ("Four of the seven people arrested"). Used by the
passage reader (scrapers/claims.py). Pure.
Proof: tests/test_passages_official.py.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from schemas.claims import Claim
from scrapers.claim_cues import WHOLE_SET
from scrapers.claim_frame import Frame, same_place, within
from scrapers.claim_period_patterns import span_count
from scrapers.claim_numbers import find_numbers
from scrapers.claim_periods import Phrase, find_periods
from scrapers.claim_words import Figure


def title_places_widened(claims: list[Claim]) -> list[Claim]:
    """A headline's places are shorthand when the story names other places for the same days ("… arrests in East
    Ham and Woolwich" over a story that also has Camberwell Green): a figure given for the days alone, placed only
    by the headline, is then for all of them."""
    out = []
    for c in claims:
        if c.places_source == "title" and c.period_start and c.period_end and any(
                o.places_source == "sentence" and o.period_start and o.period_end and c.period_start <= o.period_start
                and o.period_end <= c.period_end and any(not any(same_place(p, t) or within(p, t) for t in c.locations)
                                                         for p in o.locations) for o in claims):
            c = replace(c, locations=(), place_words=None, places_source=None)
        out.append(c)
    return out


def footnote(sentence: str, text: str) -> bool:
    """Whether a sentence is a footnote: it opens with a number the text uses as a marker ("… arrests.5 Of these")."""
    m = re.match(r"\[?(\d{1,2})\]?\s+[A-Z]", sentence)
    return bool(m) and bool(re.search(rf"[a-z%)][.,;]\[?{m[1]}\]?\s|\[{m[1]}\]", text.replace(sentence, "")))


_SPAN = re.compile(r"(?i)\b(?:those|these|the|that)\s+(?:same\s+)?(two|three|four|five|six|nine|twelve|\d{1,2})(?:\s+|-)"
                   r"(months?|weeks?|years?)\b")  # "over those three months", "over that 12-month period"


def _set_size(text: str) -> int | None:
    """How many deployments "across the two deployments", "across both deployments" point back to."""
    if not (m := WHOLE_SET.search(text)):
        return None
    if m["n"]:
        return span_count(m["n"])
    return 2 if "both" in m[0].lower() else None


def set_wider_than_places(claims: list[Claim], counted: list[Figure], earlier: list[Claim], text: str) -> list[Claim]:
    """ "Across the two deployments, the cameras scanned around 32,000 faces." when only one of the places named for
    those days was carried over: the set is the places the passage named for exactly those days ("outside Walthamstow
    Central station on Friday … also at King's Cross on the same day"), when they are as many as the set; failing
    that, a set counted afresh ("Across yesterday's two deployments") has its figures for the days alone."""
    counts = [int(f.number.value) for f in counted if f.metric == "deployments"]
    size = max(counts + [n for n in [_set_size(text)] if n], default=0)
    out = []
    for c in claims:
        if c.places_source not in (None, "sentence") and 0 < len(c.locations) < size:
            named: list[str] = []
            for place in (p for e in earlier if (e.period_start, e.period_end) == (c.period_start, c.period_end)
                          for p in e.locations):
                if not any(same_place(place, n) for n in named):
                    named.append(place)
            if len(named) == size:
                c = replace(c, locations=tuple(named), place_words=", ".join(named), places_source="earlier_sentence")
            elif counts and c.period_start and c.period_end and (c.period_end - c.period_start).days < 7:
                # a set counted afresh, wider than the places named for those days: the days alone (over months, a
                # place has many deployments: "10 deployments" in Hackney between January and September)
                c = replace(c, locations=(), place_words=None, places_source=None)
        out.append(c)
    return out


def span_named_before(claims: list[Claim], earlier: list[Claim], phrases: list[Phrase], text: str) -> list[Claim]:
    """ "Between 1 September and 30 November … In October there were 18 deployments. In Croydon town centre,
    officers deployed the cameras six times over the three months": a span pointed back to by its length is the
    latest earlier period of that length, not the one named last."""
    span = next((m for p in phrases if p.anaphor and p.is_period and (m := _SPAN.search(text[p.start:p.end]))), None)
    if span is None:
        return claims
    n = span_count(span[1])
    days = n * {"month": 30.4, "week": 7, "year": 365.25}[span[2].lower().rstrip("s")]
    match = next((c for c in reversed(earlier) if c.period_start and c.period_end
                  and abs((c.period_end - c.period_start).days + 1 - days) <= max(3, n * 1.5)), None)
    first, last, said = (match.period_start, match.period_end, match.period_words) if match else _units_listed(
        earlier, n, days / n)
    if first is None:
        return claims
    return [replace(c, period_start=first, period_end=last, period_words=said, period_source="earlier_sentence")
            if c.period_source not in ("sentence", None) and (c.period_start, c.period_end) != (first, last) else c
            for c in claims]


def _units_listed(earlier: list[Claim], n: int, unit_days: float) -> tuple:
    """ "January: 16 deployments … April: 21 deployments. Across the four months, …": the last `n` periods named
    one after another, each a month (or a week), when they follow on from each other."""
    periods = list(dict.fromkeys((c.period_start, c.period_end, c.period_words) for c in reversed(earlier)
                                 if c.period_start and c.period_end))[:n]
    if len(periods) < n or n < 2 or any(abs((b - a).days + 1 - unit_days) > 3 for a, b, _ in periods):
        return None, None, None
    periods.sort()
    if any((b[0] - a[1]).days != 1 for a, b in zip(periods, periods[1:])):
        return None, None, None
    return periods[0][0], periods[-1][1], f"{periods[0][2]} to {periods[-1][2]}"


def set_counted_before(text: str, sets: list[tuple[int, Frame]], frame: Frame) -> Frame | None:
    """The frame a sentence pointing back to a whole set ("Across the six deployments, …", "across both
    deployments") reads in, when the frame has narrowed since that set was named ("six times between 23 and 28
    December … On Boxing Day alone, …"; "in Romford and Croydon yesterday … In Croydon, …"): the frame the set was
    named in. `sets` are the sets named so far (a count of deployments stated, or places named together for the same
    days), each with its size and the frame after its sentence. None when nothing narrowed."""
    if not (m := WHOLE_SET.search(text)) or frame.first is None or frame.last is None:
        return None
    n = _set_size(text)
    for count, whole in reversed(sets):
        if (n is None and count >= 2 and re.search(r"(?i)\ball\b", m[0])) or count == n:
            return whole if _narrowed(frame, whole) else None
    return None


_NTH_DAY = re.compile(r"(?i)\bthe\s+\d{1,2}(?:st|nd|rd|th)\b")  # "on the 11th"


def sets_narrowed(sets: list[tuple[int, Frame]], before: Frame, frame: Frame, text: str,
                  stated: bool) -> tuple[list[tuple[int, Frame]], Frame]:
    """The sets named so far and the frame's group, once a sentence with no figure and no place of its own has
    narrowed the period they were named in to one day or span ("… at three locations over the weekend. … They were
    in use on Saturday."): the set's own days (not "Twice - on the 11th, and again on Tuesday": some of them)."""
    if stated or frame.places != before.places or None in (before.first, before.last, frame.first, frame.last) \
            or (frame.first, frame.last) == (before.first, before.last) \
            or not (before.first <= frame.first and frame.last <= before.last):
        return sets, frame
    # (the sentence's periods read again only when it did narrow: one period, or one "the 11th")
    if len([p for p in find_periods(text, None) if p.is_period and not p.anaphor]) + len(_NTH_DAY.findall(text)) != 1:
        return sets, frame

    def own_days(whole: Frame) -> Frame:
        if (whole.first, whole.last) != (before.first, before.last):
            return whole
        return replace(whole, first=frame.first, last=frame.last, period_words=frame.period_words,
                       period_origin=frame.period_origin, period_kind=frame.period_kind)
    group = own_days(frame.group) if frame.group is not None else None
    return [(n, own_days(whole)) for n, whole in sets], \
        replace(frame, group=group) if group is not frame.group else frame


def _narrowed(frame: Frame, whole: Frame) -> bool:
    """Whether the frame is one day or one place of the set `whole` (a frame over several of its days, or with the
    days of each place, "on South Street on 4 and 27 February, and on Ilford High Street on 6 and 21 February",
    is the set itself)."""
    if whole.first is None or whole.last is None or not (whole.first <= frame.first and frame.last <= whole.last):
        return False
    if not frame.is_day and len(frame.places) >= len(whole.places) and (whole.places or not frame.places) \
            or len(frame.pairs) >= 2 and any(frame.first <= p[2] and p[1] <= frame.last for p in frame.pairs):
        # (a set named without places is narrowed by any place; pairs of other days than the frame's are not its own)
        return False
    if (whole.first, whole.last) != (frame.first, frame.last):
        return True
    return not all(any(same_place(w, p) for p in frame.places) for w in whole.places)


# "The week before, two deployments …", "In the week before half-term, …" (not "the week before last")
# ("HOLLIS: The week before, we had the vans in Barking …", "The week after, we went back to Stratford": after a
# speaker's name too, and the week after)
_WEEK_BEFORE = re.compile(r"(?i)^\W*(?:[a-z][\w .'’()-]{0,60}:\s+)?(?:(?:in|during|over)\s+)?the week (?P<dir>before|after)\b"
                          r"(?!\s+last\b)(?:\s+(?P<what>[\w-]+))?")


_HOLIDAY = re.compile(r"(?i)half-term|christmas|easter|carnival")


def week_before(text: str, frame: Frame) -> Frame | None:
    """The frame for a sentence that opens with "The week before": the calendar week (Monday to Sunday) before the
    one the frame's period starts in ("The week after": after the one it ends in), places and sets dropped (the
    sentence names its own). With a word after it
    ("the week before half-term"), only when the frame was set by that word, or is a holiday's few days."""
    if not (m := _WEEK_BEFORE.match(text)) or frame.first is None:
        return None
    holiday = bool(m["what"] and _HOLIDAY.fullmatch(m["what"])) and frame.last is not None \
        and (frame.last - frame.first).days <= 16  # "half-term" dated by the question as "17 to 21 February"
    if m["what"] and not holiday and not re.search(rf"(?i)\b{re.escape(m['what'])}\b", frame.period_words or ""):
        return None
    monday = frame.first - timedelta(days=frame.first.weekday())
    if m["dir"].lower() == "after":  # the calendar week after the one the frame's period ends in
        monday = (frame.last or frame.first) - timedelta(days=(frame.last or frame.first).weekday()) + timedelta(days=14)
    words = m[0].split(":")[-1].strip(' ,')
    return Frame(monday - timedelta(days=7), monday - timedelta(days=1), f"{frame.period_words}; {words}",
                 frame.period_origin, "range")


# "Four of the seven people arrested were wanted …": a part of a figure stated before
# "Four of the seven people arrested", "Four of the 20 were wanted for …": a part of a whole stated before
_OF_THE_WHOLE = re.compile(r"(?i)\bof\s+the\s+(\d[\d,]*|[a-z]+(?:-[a-z]+)?)\s+(?:(?:people\s+)?(?:arrested|arrests|alerts)\b|"
                           r"(?=(?:were|was)\s))")


_OF_THOSE = re.compile(r"(?i)\bof\s+(?:those|these|them)\s+(?:people\s+)?arrested\b|"
                       r"^\W*(?:\d[\d,]*|[a-z]+(?:-[a-z]+)?)\s+of\s+the\s+arrests\b")  # "Six of the arrests were made in …"


def part_of_earlier(text: str, claim: Claim, earlier: list[Claim]) -> bool:
    """Whether a figure is a part of one the passage stated before as LFR's ("Four of the seven people arrested", in a
    release that also reports a dispersal order; "Twenty-one of those arrested …" right after LFR's arrests)."""
    if _OF_THOSE.search(text) and claim.metric == "arrests" and any(
            c.metric == "arrests" and claim.sentence_index - 3 <= c.sentence_index < claim.sentence_index
            for c in earlier[-3:]):
        return True  # (the arrests stated a sentence or two before)
    whole = next((n for m in _OF_THE_WHOLE.finditer(text) if (n := find_numbers(m[1]))), None)
    return whole is not None and claim.low != whole[0].value \
        and any(c.metric == claim.metric and c.low == c.high == whole[0].value for c in earlier)
