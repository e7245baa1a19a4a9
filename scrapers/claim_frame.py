"""The context frame a careful reader keeps while reading a statement.

Owns what carries from sentence to sentence: the period last named (a day,
a range, a year…), the places last named with it, and the set of
deployments last named ("at two sites", "the first two deployments"), each
with the words that set it and where those words came from ('sentence' of
the statement, the 'question' or the 'title' read as background). A new
period replaces the frame and drops its places and selection unless the
same sentence names new ones; new places alone keep the period; a
sentence that names several periods leaves no frame (nothing to refer back
to). List items each start from the frame in force when the list began,
and nothing named inside an item leaks out of it.
Pure. Proof: tests/test_passages.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from schemas.claims import Selection
from schemas.places import area_named, areas_of
from scrapers.claim_period_combine import combined_period
from scrapers.claim_frame_keeps import days_listed, keeps_places, parts_place, refers_to_place
from scrapers.claim_periods import Phrase


@dataclass(frozen=True)
class Frame:
    """What the statement has set so far; `origin` says where each part was set."""

    first: date | None = None
    last: date | None = None
    period_words: str | None = None
    period_origin: str | None = None  # 'sentence' | 'question' | 'title' | 'statement_date'
    period_kind: str | None = None
    cumulative: bool = False
    places: tuple[str, ...] = ()
    place_words: str | None = None
    places_origin: str | None = None
    selection: Selection | None = None
    pairs: tuple[tuple[str, date, date], ...] = ()  # "at Stratford on 11 February and at Oxford Circus on 27 …"
    union_only: bool = False  # several periods for several figures: reached only by words that point back
    # The last set of deployments named with its places and period ("four times in March, twice in Wood Green and
    # once at Edmonton Green", "on 13 and 27 November on North End"), for "Across the three deployments", "across
    # both days" after sentences about one of them
    group: "Frame | None" = None
    topic: bool = False  # places named by a sentence with no figure and no period ("Croydon town centre is a good example")
    # the periods of a union_only frame, each (first, last, words), in order: "in 2023 and in 2024" asked, "9 and 34
    # times respectively" answered
    each: tuple[tuple[date, date, str], ...] = ()
    # the period the question asked about, for the whole answer: "… in Croydon town centre for October and
    # November?" — "October: …", "November: …" each keep the place asked about
    asked: tuple[date, date] | None = None
    # the period a sentence ending in a colon breaks down ("… in Croydon town centre 17 times this year, resulting
    # in 68 arrests. By month:"): each line inside it keeps that sentence's places
    breakdown: tuple[date, date] | None = None
    # where the last period the frame's sentence named starts: "in January …, and we resumed properly in July. Since
    # then …" is since July
    latest: date | None = None
    # the frame with a part's places ("Four of those deployments were on Sutton High Street"), for a next sentence
    # that picks one of that part ("The most recent, on 11 February, …"); what else follows keeps the whole's
    part: "Frame | None" = None

    @property
    def has_period(self) -> bool:
        return self.period_origin is not None

    @property
    def is_day(self) -> bool:
        return self.first is not None and self.first == self.last


def since_then_start(frame: Frame) -> date | None:
    """Where "since then" starts: the last period the frame's sentence named ("in January …, and we resumed properly
    in July. Since then …": July), else the frame's start."""
    return frame.latest if frame.latest and frame.first and frame.first <= frame.latest else frame.first


def names_the_set(text: str) -> bool:
    """Whether a sentence points back to a set of deployments ("these deployments", "the four deployments") or of
    places ("these three town centres")."""
    return bool(_THE_SET.search(text) or THE_PLACES.search(text))


THE_PLACES = re.compile(r"(?i)\b(?:these|those)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
                         r"(?:town\s+centres|boroughs|places|sites|locations|areas)\b")


def running_total(statement_date: date | None) -> Frame:
    """The frame after "... have now been arrested": a total up to the statement's date, start unknown."""
    return Frame(None, statement_date, None, "statement_date", "to_date", True)


def inherited_source(origin: str | None) -> str | None:
    """Where words that set the frame came from, seen from a later sentence."""
    return "earlier_sentence" if origin == "sentence" else origin


def words(text: str, phrases: list[Phrase]) -> str | None:
    """The sentence's words for `phrases`: adjacent ones as one run, others joined by '; '."""
    runs: list[list[int]] = []
    for p in sorted(phrases, key=lambda p: p.start):
        if runs and not text[runs[-1][1]:p.start].strip(" ,"):
            runs[-1][1] = max(runs[-1][1], p.end)
        else:
            runs.append([p.start, p.end])
    return "; ".join(text[a:b].strip(" ,").rstrip(".") for a, b in runs) or None


_ALSO = re.compile(r"(?i)\b(?:also|as well)\b")
_IN_TOWN = re.compile(r"\s+in\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
_JOINED = re.compile(r"(?i)(?:\s+again)?(?:\s+(?:station|tube station|shopping centre))?"
                     r"(?:\s+in\s+(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?))?"  # "on North End in Croydon and on High Road"
                     r",?\s+(?:and|&)\s+(?:(?:in|on|at|outside|along)\s+)?"
                     r"(?:the\s+)?")  # "outside Walthamstow Central station and at King's Cross on Friday"
_PAIR_CUT = re.compile(r",?\s+and\s+|;\s*|,\s+(?:then|while|whereas)\s+")


def _pairs(places: list[Phrase], periods: list[Phrase], text: str = "") -> tuple[tuple[str, date, date], ...]:
    """Each place with the day named next to it. When the sentence is parts joined by "and", each with one day
    ("On Saturday 13 May officers were on Camden High Street, and on Thursday 25 May at Highbury Corner"), a
    place takes its part's day; otherwise the first day after it (before the next place), else the last before."""
    days = [p for p in periods if p.kind == "day" and p.first]
    cuts = [0] + [m.end() for m in _PAIR_CUT.finditer(text)  # not inside a list of days ("on 8 and 24 January",
                  # "on Tuesday and Thursday this week")
                  if not (re.search(r"\d(?:st|nd|rd|th)?$", text[:m.start()]) and re.match(r"\d", text[m.end():]))
                  and not (any(d.end == m.start() for d in days) and any(d.start == m.end() for d in days))
                  and not any(p.start < m.start() < p.end for p in places)] + [10 ** 9]  # ("on George Street and North End")
    parts = list(zip(cuts, cuts[1:]))
    by_part = [[d for d in days if a <= d.start < b] for a, b in parts]
    # "On Monday (18 November) the cameras were outside Lewisham station, on Wednesday (20 November) they were on
    # Rushey Green …": when every place comes after a day, each takes the day named last before it
    day_first = len(days) > 1 and places and all(any(d.end <= p.start for d in days) for p in places) \
        and days[0].start < places[0].start
    out = []
    towns: dict[str, str] = {}  # "on North End in Croydon …, and on North End again …": the street's town, both times

    def with_town(place: Phrase) -> tuple[str, ...]:
        # ("on Church Street and North End in Croydon town centre …, and on North End again": that North End)
        for street, _, town_named in (n.partition(", ") for n in place.places if ", " in n):
            towns.setdefault(street, town_named)
        if town := _IN_TOWN.match(text, place.end):
            towns.update({name: town[1] for name in place.places if name not in towns})
        return place.places + ((town[1],) if town else tuple(dict.fromkeys(towns[n] for n in place.places if n in towns)))
    for i, place in enumerate(places):
        if day_first:
            before = [d for d in days if d.end <= place.start]
            # "23 April and 20 August (both Catford)": the two days before it
            for day in before[-2:] if re.match(r"\(\s*both\b", text[place.start:place.end], re.I) else before[-1:]:
                out += [(name, day.first, day.last) for name in with_town(place)]
            continue
        part = next((k for k, (a, b) in enumerate(parts) if a <= place.start < b), None)
        if len(days) > 1 and part is not None and len(by_part[part]) == 1 and all(len(d) <= 1 for d in by_part):
            day = by_part[part][0]
        elif len(days) > 1 and part and not by_part[part] and len(by_part[part - 1]) == 1 and i \
                and _JOINED.fullmatch(text[places[i - 1].end:place.start]):
            # "On 8 January … on East Ham High Street North and on Green Street, and on 10 January on …": a place
            # joined to the one before, in a part with no day of its own, shares that part's day
            day = by_part[part - 1][0]
        else:
            j = i  # "in Romford and Enfield on Tuesday": places joined by "and" share the day after the last
            while j + 1 < len(places) and _JOINED.fullmatch(text[places[j].end:places[j + 1].start]):
                j += 1
            stop = places[j + 1].start if j + 1 < len(places) else 10 ** 9
            # every day named after it, before the next place ("on East Ham High Street on 8 and 24 January")
            after = [d for d in days if place.end <= d.start < stop]
            day = replace(after[0], last=max(d.last for d in after)) if after else next(
                (d for d in reversed(days) if d.end <= place.start), None)
        if day is not None:
            # "on George Street in Croydon": the street, and the town it is in, that day
            out += [(name, day.first, day.last) for name in with_town(place)]
    if any(text[p.start] == "(" for p in places) and any(all((d.first, d.last) != (f, l) for _, f, l in out) for d in days):
        return ()  # "on 5 April, 23 April and 20 August (both Catford)": a day in brackets' list with no place of its own
    return tuple(out) if len({(f, l) for _, f, l in out}) > 1 else ()


def same_place(a: str, b: str) -> bool:
    """"Sutton" and "Sutton High Street" are one place in one statement; so are "Romford" or "South Street" and
    "South Street, Romford" (a street with its town)."""
    a, b = a.lower(), b.lower()
    if "," in a or "," in b:
        return any(same_place(x.strip(), y.strip()) for x in a.split(",") for y in b.split(",") if x.strip() and y.strip())
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


def _next_pairs(before: Frame, frame: Frame, names: tuple[str, ...]) -> tuple[tuple[str, date, date], ...]:
    """A day and its places right after another day and its places, in separate sentences ("On Monday officers
    were in Lewisham. On Tuesday they moved to Peckham."): both pairs, for "across both days" or "In Lewisham, …"."""
    if not (before.is_day and frame.is_day and before.first != frame.first and before.period_origin == "sentence"
            and frame.period_origin == "sentence" and (before.pairs or before.places)):
        return ()
    if frame.first < before.first and len(names) > 1:
        # an earlier day told after, with several places of its own, is a set of its own ("The Home Secretary today
        # joined officers in Ilford … On Saturday 10 May, officers deployed LFR on High Street, Ilford and in
        # Barking. Across the two deployments …"); one earlier deployment told after ("It follows a deployment a
        # fortnight ago in Catford") pairs with the later one
        return ()
    earlier = before.pairs or tuple((name, before.first, before.last) for name in before.places)
    return earlier + tuple((name, frame.first, frame.last) for name in names)


# "The most recent of these was on Sutton High Street on 14 November", "of the 17 deployments, 6 took place in December",
# "The busiest month was September": one member or a part of the set in hand, dated on its own; the set stays the
# frame ("These deployments …")
_MEMBER = re.compile(r"(?i)\bthe\s+(?:most\s+recent|latest|last|first|earliest|busiest|largest|longest)\s+(?:of\s+"
                     r"(?:these|those|them|which|the\s+[\w,]+(?:\s+\w+)?)|one)\s+(?:was|took\s+place|came)\b|"
                     r"\bof\s+(?:these|those|them|the\s+[\d,]+\s+deployments),?\s+[\w,]+\s+(?:took\s+place|were\s+held|"
                     r"were\s+carried\s+out|happened)\b|"
                     # "By the end of March, 231 of those arrests had already been made": a part of the whole in hand
                     r"\b[\w,]+\s+of\s+(?:those|these|the)\s+(?:arrests|deployments|alerts)\s+(?:had|have|were|was)\b|"
                     # "688 arrests, of which 201 were made in the final quarter": a part of the whole in hand
                     r"\bof\s+(?:which|whom|them|these|those)\s+[\w,]+\s+(?:were|was)\s+(?:made|carried\s+out|recorded)\b|"
                     # "The busiest month was September, with 103 alerts": the best of the period in hand
                     r"\bthe\s+(?:busiest|quietest|best|worst|biggest|strongest|most\s+\w+)\s+(?:month|week|day|quarter|"
                     r"period)\s+(?:was|were|came)\b|"
                     # "The most recent deployment, on South Street on 27 February, resulted in six arrests"
                     r"^\W*the\s+(?:most\s+recent|latest|last|first|earliest)\s+(?:of\s+(?:these|those|them)\s+)?"
                     r"deployment\b")
_TOP_PLACE = re.compile(r"(?i)\b(?:the\s+)?(?:busiest|quietest|most\s+(?:used|visited|productive))\s+(?:location|site|place|"
                        r"spot|borough|town(?:\s+centre)?)\s+(?:was|were|has\s+been)\b")
_THE_SET = re.compile(r"(?i)\b(?:the|these|those|both|all(?: the)?)\s+(?:\w+\s+)?deployments\b")


def within(place: str, area: str) -> bool:
    """Whether a place lies in an area the statement names ("North End" in "Croydon")."""
    named = area_named(area)
    return named is not None and named in areas_of(place)


def _inside(frame: Frame, group: Frame | None) -> bool:
    """Whether a frame only picks one member of the set named before ("In Wood Green, …" after "twice in Wood Green
    and once at Edmonton Green" in March): then that set stays the one "across the three deployments" points back
    to. A narrower set of its own ("on 22 August at four locations") replaces it."""
    def member(p: str) -> bool:
        # ("In Dalston, …" after "on Kingsland High Street in Dalston and on Powis Street in Woolwich": the town of
        # one member's street, in the same borough as it and as no other member)
        return any(same_place(p, g) or within(g, p) for g in group.places) \
            or ((frame.first, frame.last) == (group.first, group.last) and area_named(p) is None
                and bool(areas := areas_of(p))
                and sum(areas_of(g) == areas for g in group.places) == 1
                and all(_ROAD.search(g) and area_named(g) is None for g in group.places if areas_of(g) == areas)) \
            or bool(re.search(rf"(?i)\b{re.escape(p)}\b", group.place_words or ""))
    # "In Romford, the cameras on South Street …": a member of the set, and a street of it
    return group is not None and frame.first is not None and frame.last is not None \
        and group.first <= frame.first and frame.last <= group.last \
        and all(member(p) or (i > 0 and len(group.places) >= 2 and member(frame.places[0]) and _STREET.search(p))
                for i, p in enumerate(frame.places)) \
        and (frame.selection is None or (frame.selection.count or 1) < 2)  # "at four locations": a set of its own


_STREET = re.compile(r"(?i)\b(?:street|st|road|rd|lane|avenue|broadway|parade|way|end|square|station|centre)\b")
_ROAD = re.compile(r"(?i)\b(?:street|st|road|rd|lane|avenue|parade|way)\b")


def places_on(frame: Frame, first: date, last: date) -> tuple[str, ...]:
    """The frame's places that were named with a day in first..last (all of them when none was)."""
    return tuple(dict.fromkeys(n for n, f, l in frame.pairs if f <= last and first <= l
                               and any(same_place(n, p) for p in frame.places))) or frame.places


def advance(frame: Frame, text: str, phrases: list[Phrase], origin: str, periods_apart: bool) -> Frame:
    """The frame after a sentence with scope `phrases`; `periods_apart`: its periods belong to different figures
    (a comparison, "10 in 2019 and 2 in 2020", leaves nothing to refer back to; a sentence that only names
    where and when, "at Stratford on 11 February and at Oxford Circus on 27 February", sets all of it). A part's
    places ("Two of these deployments were on High Street, East Ham, two on Stratford Broadway and …": from the first
    on) are not the whole's: they are kept apart, in `part`."""
    located = [p for p in phrases if p.kind == "location" and not p.split]
    parts = [p for p in located if any(parts_place(text, q) and q.start <= p.start for q in located)]
    after = _advance(frame, text, [p for p in phrases if p not in parts], origin, periods_apart)
    if not parts:  # (the frame itself when nothing moved it: callers compare frames by identity)
        return after if after.part is None else replace(after, part=None)
    return replace(after, part=_advance(frame, text, phrases, origin, periods_apart))


def _advance(frame: Frame, text: str, phrases: list[Phrase], origin: str, periods_apart: bool) -> Frame:
    periods = [p for p in phrases if p.is_period and not p.anaphor]
    places = [p for p in phrases if p.kind == "location" and not p.split]
    selections = [p for p in phrases if p.kind == "selection" and not p.anaphor]
    before = frame
    if places and before.places and not periods and _TOP_PLACE.search(text):
        return before  # "The busiest location was Rushey Green, where …": one of the places in hand; they stay
    if periods and before.first and before.last and before.first < before.last and _MEMBER.search(text) and all(
            (p.first or p.kind == "as_of") and p.last and before.first <= (p.first or before.first) and p.last <= before.last
            for p in periods):
        return before  # (a part "by the end of March" of the whole in hand, too)
    if periods:
        if periods_apart:  # figures for different periods: only words that point back ("the two deployments") reach them
            first, last = combined_period(periods)
            each = tuple((p.first, p.last, text[p.start:p.end].strip()) for p in periods if p.first and p.last)
            union = Frame(first, last, words(text, periods), origin, "union", False,
                          tuple(dict.fromkeys(pl for p in places for pl in p.places)), words(text, places),
                          origin if places else None, None, (), union_only=True,
                          each=each if len(each) == len(periods) else (), asked=before.asked, breakdown=before.breakdown)
            if not places and before.places and before.first and before.last and first and last \
                    and before.first <= first and last <= before.last and before.first < before.last:
                # "On the first day … 20 alerts, and the second day … 24" after the set's days and place: still there
                union = replace(union, places=before.places, place_words=before.place_words,
                                places_origin=before.places_origin, pairs=before.pairs)
            return replace(union, latest=periods[-1].first)
        first, last = combined_period(periods)
        frame = Frame(first, last, words(text, periods), origin, periods[0].kind, any(p.cumulative for p in periods),
                      asked=before.asked, breakdown=before.breakdown)
        known = before.pairs or (before.group.pairs if before.group is not None else ())
        if known and first and last and min(f for _, f, _ in known) <= first and last <= max(l for _, _, l in known):
            frame = replace(frame, pairs=known)  # a day of those named with their places: each place keeps its own day
        if before.first and before.last and first and last and before.first <= first and last <= before.last \
                and before.period_origin == origin == "sentence" and not places and _THE_SET.search(text):
            # days inside the period named before, for the set named with it ("… in Camden last week. The deployments
            # took place on Tuesday and Friday."): when it happened there, the places and the set staying
            return replace(frame, places=before.places, place_words=before.place_words,
                           places_origin=before.places_origin, selection=before.selection)
        group = before.group
        if not places and group and group.places and (group.first, group.last) == (first, last):
            # "This week's four deployments …" after each day's places: the set named with this week
            frame = replace(frame, places=group.places, place_words=group.place_words, places_origin=group.places_origin,
                            pairs=before.pairs)
        elif not places and (keeps_places(before, first, last, words(text, periods), days_listed(periods))
                             or (before.places and refers_to_place(text))):
            # "On Tuesday, five people were arrested" after "in Catford and Lewisham on Tuesday (26 March) and in
            # Romford and Woolwich on Thursday (28 March)": Tuesday's places, and each place keeps its day
            frame = replace(frame, places=places_on(before, first, last), place_words=before.place_words,
                            places_origin=before.places_origin, pairs=before.pairs)
    elif places or selections:
        frame = replace(frame, places=(), place_words=None, places_origin=None) if places else frame
    else:
        return frame
    if periods:
        frame = replace(frame, latest=periods[-1].first)
    if places:
        names = tuple(dict.fromkeys(pl for p in places for pl in p.places))
        if periods and before.is_day and frame.is_day and before.first == frame.first and _ALSO.search(text):
            # "Yesterday officers were also on Walworth Road": the day's places so far, and this one
            names = tuple(dict.fromkeys(before.places + names))
        frame = replace(frame, places=names, place_words=words(text, places), places_origin=origin,
                        pairs=_pairs(places, periods, text) or _next_pairs(before, frame, names) or frame.pairs)
    if selections:
        s = selections[-1]
        frame = replace(frame, selection=Selection(text[s.start:s.end].strip(), s.count, s.ordinal, origin))
    elif periods or places:  # a new period or new places: the set named before no longer applies
        frame = replace(frame, selection=None)
    if _inside(frame, before.group):  # one member of the set named before: the set stays
        return replace(frame, group=before.group)
    is_set = frame.places and frame.first and frame.last and (
        len(frame.places) >= 2 or frame.first != frame.last or (frame.selection and (frame.selection.count or 1) >= 2))
    # (places named inside a month set before, "The cameras were also used three times outside Tooting Broadway
    # station" after "18 times last month", are a part of it, not a set named with its period)
    if is_set and (frame.last - frame.first).days <= 92 and frame.period_kind not in ("since", "to_date") \
            and not frame.cumulative and (periods or (frame.last - frame.first).days <= 6):
        return replace(frame, group=replace(frame, group=None))  # a set of deployments: places over days or weeks
    return replace(frame, group=None)  # a scope of its own ends the set named before
