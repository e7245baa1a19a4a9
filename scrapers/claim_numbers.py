"""Numbers in answer prose: find them, and turn a qualified number into a range.

Owns: which digits and words are a stated number ("13,200", "thirteen
thousand", "1.2 million", "a dozen", "a single", "no", "0.08%", "1 in
6,000", "between 4,000 and 5,000"), which digits never are (money, question
references, phone numbers, section numbers, times, ordinals), the qualifier
words before a number, and the range a qualifier makes (docs/architecture.md
"Claim shape"). Number words are converted by text2num; only the idioms it
does not know are a table here. Pure: no I/O. Proof: tests/test_claims.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from text_to_num import text2num

NUMBER_WORD = (
    r"zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand|million"
)
# A run of number words; "-first" / "-off" after it makes it an ordinal or an idiom, not a number.
_WORDS = re.compile(
    rf"\b(?:an?\s+(?=(?:hundred|thousand|million)\b))?(?:{NUMBER_WORD})(?:(?:\s+|-)(?:and\s+)?(?:{NUMBER_WORD}))*\b(?!-\w)"
    r"(?!\s+(?:Sisters|Kings|Dials|Oaks)\b)",  # places: Seven Sisters, Seven Kings, Seven Dials
    re.I,
)
_DIGITS = re.compile(
    r"(?:(?<=\bc\.)|(?<![\w/£$€.,-]))(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<mult>\s+million|\s+thousand|m(?![\w'])|k(?![\w']))?(?![\w/]|[.,]\d)",  # "1.2m faces", "c. 87k faces"
    re.I,
)
# Idioms text2num does not read. "no" only where a noun can follow (not "no more than").
_IDIOMS: list[tuple[re.Pattern[str], int]] = [
    (re.compile(r"\bhalf a dozen\b", re.I), 6),
    (re.compile(r"\bhalf a million\b", re.I), 500000),
    (re.compile(r"\ba dozen\b", re.I), 12),
    (re.compile(r"\btwo dozen\b", re.I), 24),
    (re.compile(r"\bthree dozen\b", re.I), 36),
    (re.compile(r"\bnot (?:a single|one)\b", re.I), 0),
    # "the system did not generate a single alert", "we didn't make one arrest": none (the number is "a single")
    # ("we have not had a single false alert since the end of July")
    (re.compile(r"(?:\bnot|n['’]t|\bnever)\s+(?:generated?|make|made|produced?|record(?:ed)?|trigger(?:ed)?|raised?|see|seen|"
                r"have|had|get|got|lead\s+to|led\s+to|result(?:ed)?\s+in)\s+(?P<n>a single|one)\b(?!\s+of\b)", re.I), 0),
    # (not "the most at a single deployment": a superlative's unit)
    (re.compile(r"(?<!\bfor )(?<!\bof )(?<!\bat )(?<!\bin )(?<!\bon )(?<!\bfrom )\ba single\b", re.I), 1),  # "the legal basis for a single deployment": any one
    # "The remaining alert was a false alert": one, by the singular
    (re.compile(r"\bremaining(?=\s+(?:alert|match|person|individual|arrest|deployment)\b(?!s))", re.I), 1),
    (re.compile(r"\bno(?:[ -]one|body)\b|\bnone\b", re.I), 0),
    # "did not generate any alerts": a count of none
    (re.compile(r"\b(?:did|does|has|have|had|were|was) not (?:generate|produce|trigger|result in|lead to|make|record|"
                r"see|raise|cause) any\b", re.I), 0),
    (re.compile(r"\btwice\b", re.I), 2),
    # "twice in Wood Green and once at Edmonton Green": once, where a place follows
    (re.compile(r"\bonce(?=\s+(?:in|at|on|outside)\s+[A-Z])"), 1),
    # "LFR was used in Woolwich only once", "… once, on Thursday 28 March"
    (re.compile(r"(?<=\bonly )once\b|(?<=\bjust )once\b|(?<![Aa]t )\bonce(?=\s*(?:[,.;]|$))"), 1),
    # "twice in January, once in March and …", its month blanked out by then
    (re.compile(r"(?<=, )once(?=\s{4,}(?:[,.;]|and\b|$))|(?<=\band )once(?=\s{4,}(?:[,.;]|and\b|$))"), 1),
    (re.compile(r"\bno\b(?!\s+(?:more|fewer|less|longer|later|earlier|sooner|doubt|other|further)\b)(?![.-])", re.I), 0),
]
_PERCENT = re.compile(r"^\s*(?:%|per\s?cent\b)", re.I)
# ("one in around 147,000": the qualifier said inside the ratio)
_RATIO = re.compile(r"^\s+in\s+(?:every\s+|each\s+|a\s+)?(?:(?:around|about|roughly|approximately|some|nearly|almost|"
                    r"over|more than|fewer than|under)\s+)?$", re.I)
_INNER_QUALIFIER = re.compile(r"(?i)\bin\s+(?:every\s+|each\s+|a\s+)?(around|about|roughly|approximately|some|nearly|almost|"
                              r"over|more than|fewer than|under)\s")
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)

# Blanked before numbers are read: these digits never state an LFR figure.
_NON_FIGURES = re.compile(
    r"[£$€]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|thousand|bn|m|k)\b)?"
    r"|\b\d[\d,]*(?:\.\d+)?\s?(?:million\s+)?pounds\b"
    r"|\b(?:19|20)\d{2}/\d{3,}\b"  # question references (2020/1034)
    r"|(?:\+44\s?\(?0?\)?\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b"  # phone numbers
    r"|\b(?:sections?|ss?\.|paragraphs?|paras?\.?|articles?|clauses?|regulations?|schedules?|parts?|"
    r"chapters?|pages?|pp?\.|appendix|annex|items?|No\.|Nos\.|number|question|recommendations?|"
    r"rules?|principles?|version|step|stage|phase|table)\s*\d+[a-z]?"
    r"(?:\.\d+)*(?:\([a-z0-9]+\))*(?:\s*(?:and|,|-|–|to)\s*\d+(?:\.\d+)*(?![\d,]*\s*(?:%|per ?cent)))*"
    r"|\b\d{1,2}[:.]\d{2}\s?[ap]\.?m\.?(?!\w)|\b\d{1,2}:\d{2}\b|\b\d{1,2}\s?[ap]\.?m\.?(?!\w)"  # times
    r"|(?<!January )(?<!February )(?<!March )(?<!April )(?<!May )(?<!June )(?<!July )(?<!August )(?<!September )"
    r"(?<!October )(?<!November )(?<!December )(?<!between )\b\d+(?:st|nd|rd|th)\b"  # ordinals, not the day of a date
    # ("5th-6th April", "5th to 6th April", "5th and 6th April", "2nd, 3rd and 4th April": the first days of a range or
    # a list of dates too)
    r"(?!(?:(?:\s*(?:-|–|to|,)\s*|(?:\s*,)?\s+and\s+)\d{1,2}(?:st|nd|rd|th)?)*\s+(?:of\s+)?(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)"
    r"|\b(?:aged|ages?)\s+\d+\b|\b\d+s\b"  # ages, decades
    # footnote markers: "… on 11 February.7 They show", "… in 2024[14] and"
    r"|(?<=[A-Za-z%)’\"”])[.,;:]\d{1,3}(?=\s|$)|\[\d{1,3}\]"
    # "the person was not the one on the watchlist": a pronoun, not a count
    r"|(?:(?<=\bthe )|(?<=\bthat )|(?<=\bthis ))one(?=\s+(?:on|who|that|which|being|wanted|sought|named|listed)\b)"
    r"|(?:(?<=\bevery )|(?<=\beach )|(?<=\bany ))one\b"  # "Every one of them was wanted"
    # "Each watchlist is built for one deployment": a unit, not a count
    r"|(?:(?<=\bbuilt for )|(?<=\bcompiled for )|(?<=\bcreated for )|(?<=\bprepared for ))(?:one|a single)"
    r"(?=\s+deployment\b)"
    # "The deployment follows one on The Broadway", "after one in Croydon": another of the things just named
    r"|(?:(?<=\bfollows )|(?<=\bfollowed )|(?<=\bfollowing )|(?<=\bafter )|(?<=\blike )|(?<=\banother ))one"
    r"(?=\s+(?:on|at|in|outside|near)\s+(?:the\s+)?[A-Z])"
    # vague: "a couple of hundred", "a few thousand", "hundreds of"
    r"|\b(?:a\s+couple\s+of|a\s+few|several|many|some)\s+(?:hundred|thousand)s?\b|\b(?:hundreds|thousands)\b",
    re.I,
)

# Longest first, so "no more than" is not read as "more than".
QUALIFIER_WORDS: list[tuple[str, str]] = [
    ("no more than", "at_most"), ("not more than", "at_most"), ("a maximum of", "at_most"), ("a maximum", "at_most"),
    ("no fewer than", "at_least"), ("no less than", "at_least"), ("not less than", "at_least"),
    ("a minimum of", "at_least"), ("at least", "at_least"),
    ("in excess of", "more_than"), ("more than", "more_than"), ("just over", "more_than"),
    ("well over", "more_than"), ("over", "more_than"), ("upwards of", "more_than"),
    ("just under", "nearly"), ("nearly", "nearly"), ("almost", "nearly"),
    ("fewer than", "fewer_than"), ("less than", "fewer_than"), ("under", "fewer_than"),
    ("up to", "at_most"), ("at most", "at_most"),
    # spoken: "north of 1,400", "getting on for 200", "the best part of 700", "something like 2.4 million"
    ("well north of", "more_than"), ("north of", "more_than"), ("a little over", "more_than"), ("a bit over", "more_than"),
    ("getting on for", "nearly"), ("the best part of", "nearly"), ("closer to", "nearly"), ("close to", "nearly"),
    ("just shy of", "nearly"), ("not far off", "nearly"), ("not far short of", "nearly"), ("approaching", "nearly"),
    ("something like", "approximately"), ("in the region of", "approximately"), ("of the order of", "approximately"),
    ("around about", "approximately"), ("round about", "approximately"), ("somewhere around", "approximately"),
    ("approximately", "approximately"), ("approx.", "approximately"), ("approx", "approximately"),
    ("around", "approximately"), ("about", "approximately"), ("roughly", "approximately"),
    ("perhaps", "approximately"), ("maybe", "approximately"),
    ("some", "approximately"), ("circa", "approximately"), ("c.", "approximately"),
    ("nearer to", "approximately"), ("nearer", "approximately"), ("an estimated", "approximately"), ("estimated", "approximately"), ("an approximate", "approximately"),
]
QUALIFIERS = "|".join(re.escape(w) for w, _ in QUALIFIER_WORDS)
_QUALIFIER_BEFORE = re.compile(rf"(?<![\w.])({QUALIFIERS})(?:\s+|(?<=\bc\.))$", re.I)
_COUNTED_OVER = re.compile(r"(?i)\b(?:alerts?|arrests?|engagements?|faces|people|deployments?|stops|matches)"
                           r"(?:\s+(?:generated|made|recorded|raised|scanned|seen|triggered|produced))?\s+$")
_QUALIFIER_AFTER = re.compile(r"^\s+or\s+(more|over|above|fewer|less|under)\b", re.I)
# "90 or so", "180 deployments, roughly", "200-odd": approximately, said after the number
_ROUGHLY_AFTER = re.compile(r"^(?:\s+or so\b|\s+or thereabouts\b|-odd\b|(?:\s+[a-z]+){0,2},?\s+(?:roughly|or so|give or take)"
                            r"(?=\s*[,.;:—–)]|\s*$))", re.I)


@dataclass(frozen=True)
class Number:
    """A stated number: its span in the sentence, value and how it was printed.

    kind: 'count'; 'percent' (value already a fraction); 'ratio' ("1 in D":
    value 1/D, `per` = D). "between N and M" is one Number with `high` = M.
    `decimals` is the printed precision of `value` (for percent, of the fraction).
    """

    start: int
    end: int
    value: Decimal
    kind: str = "count"
    decimals: int = 0
    per: Decimal | None = None
    high: Decimal | None = None


def mask_non_figures(text: str) -> str:
    """`text` with money, references, phone and section numbers, times and ordinals blanked (same length), and a
    number said again in digits after its words ("Fourteen (14) people")."""
    masked = _NON_FIGURES.sub(lambda m: " " * len(m.group()), text)
    return _RESTATED.sub(lambda m: m[1] + " " * (len(m[0]) - len(m[1])), masked)


# "Fourteen (14) people were arrested": the digits only say the words again
_RESTATED = re.compile(rf"(?i)\b({NUMBER_WORD})\s*\(\s*\d{{1,4}}\s*\)")


def _word_numbers(text: str, start: int, end: int) -> list[Number]:
    """The numbers in a run of number words: the longest prefix text2num reads, then the rest."""
    words = [(m.group().lower(), m.start(), m.end()) for m in re.finditer(r"[A-Za-z]+", text[start:end])]
    found: list[Number] = []
    i = 0
    while i < len(words):
        best = None
        for j in range(i + 1, len(words) + 1):
            phrase = " ".join(w for w, _, _ in words[i:j])
            phrase = re.sub(r"^an? ", "one ", phrase)
            if words[j - 1][0] == "and" or words[i][0] == "and":
                continue
            try:
                best = (j, text2num(phrase, "en"))
            except ValueError:
                pass
        if best is None:
            i += 1
            continue
        j, value = best
        found.append(Number(start + words[i][1], start + words[j - 1][2], Decimal(value)))
        i = j
    return found


def find_numbers(text: str) -> list[Number]:
    """Every stated number in `text` (already masked), in order; percent, ratio and range merged."""
    taken = [False] * len(text)
    raw: list[Number] = []

    def claim(start: int, end: int) -> bool:
        if any(taken[start:end]):
            return False
        taken[start:end] = [True] * (end - start)
        return True

    for pattern, value in _IDIOMS:
        for m in pattern.finditer(text):
            start, end = m.span("n") if "n" in pattern.groupindex else m.span()
            if claim(start, end):
                raw.append(Number(start, end, Decimal(value)))
    for m in _DIGITS.finditer(text):
        if not claim(m.start(), m.end()):
            continue
        digits = m.group("n").replace(",", "")
        value = Decimal(digits)
        mult = (m.group("mult") or "").strip().lower()
        value *= {"million": 1_000_000, "m": 1_000_000, "thousand": 1000, "k": 1000}.get(mult, 1)
        decimals = len(digits.partition(".")[2]) if not mult else 0
        raw.append(Number(m.start(), m.end(), value, decimals=decimals))
    for m in _WORDS.finditer(text):
        if not any(taken[m.start():m.end()]):
            raw.extend(_word_numbers(text, m.start(), m.end()))
    raw.sort(key=lambda n: n.start)
    return _merge(text, raw)


def _merge(text: str, raw: list[Number]) -> list[Number]:
    """Percent signs, "1 in D" ratios and "between N and M" ranges onto their numbers."""
    out: list[Number] = []
    for num in raw:
        pct = _PERCENT.match(text[num.end:])
        if pct:
            num = Number(num.start, num.end + pct.end(), num.value / 100, "percent", num.decimals + 2)
        prev = out[-1] if out else None
        if prev and prev.kind == "count" and prev.value == 1 and num.kind == "count" and num.value > 1 \
                and _RATIO.match(text[prev.end:num.start]):
            out[-1] = Number(prev.start, num.end, 1 / num.value, "ratio", per=num.value)
            continue
        if prev and prev.kind == num.kind and re.fullmatch(r"\s+and\s+", text[prev.end:num.start]) \
                and _BETWEEN.search(text[:prev.start]) and num.value > prev.value:
            out[-1] = Number(prev.start, num.end, prev.value, num.kind, max(prev.decimals, num.decimals),
                             high=num.value)
            continue
        out.append(num)
    return out


# "Faces seen (estimated): 902,000", "Faces scanned (approx.): 1,200,000": a label that says its figure is an estimate
_ESTIMATE_LABEL = re.compile(r"(?i)\((?:estimated|estimate|est\.?|approx\.?|approximate|approximately)\)\s*:?\s*$")


def qualifier_of(text: str, num: Number) -> tuple[str, int]:
    """The qualifier stated around `num` in `text`, and where its words start (num.start if none)."""
    window = max(0, num.start - 80)
    if num.high is not None:
        return "between", window + _BETWEEN.search(text[window:num.start]).start()
    if num.kind == "ratio" and (inner := _INNER_QUALIFIER.search(text[num.start:num.end])):
        # "one in around 147,000": around the denominator; "one in over 100,000" is a rate under 1 in 100,000
        word = inner[1].lower()
        flipped = {"over": "fewer_than", "more than": "fewer_than", "fewer than": "more_than", "under": "more_than"}
        return flipped.get(word) or next(q for w, q in QUALIFIER_WORDS if w == word), num.start
    after = _QUALIFIER_AFTER.match(text[num.end:])
    if after:
        return ("at_least" if after.group(1).lower() in ("more", "over", "above") else "at_most"), num.start
    if _ROUGHLY_AFTER.match(text[num.end:]):
        return "approximately", num.start
    before = _QUALIFIER_BEFORE.search(text[window:num.start])
    if before is None and (re.search(r"\d(?:k|m)$", text[num.start:num.end], re.I) or (
            num.kind == "count" and num.value >= 1000 and num.value % 100 == 0
            and _ESTIMATE_LABEL.search(text[window:num.start]))):
        return "approximately", num.start  # "9.5k", "1.5m faces", "Faces seen (estimated): 902,000": rounded, or a round estimate
    if before:
        word = before.group(1).lower()
        if word == "over" and _COUNTED_OVER.search(text[window:window + before.start()]):
            # "27 false alerts over 113 deployments", "eight alerts generated over three deployments": over is across
            return "exact", num.start
        if "estimated" in word and num.kind == "count" and num.value >= 100 and num.value % 100 != 0:
            return "exact", num.start  # "an estimated 247,764 faces": a figure counted by the system, given exactly
        return next(q for w, q in QUALIFIER_WORDS if w == word), window + before.start()
    return "exact", num.start


def count_range(num: Number, qualifier: str) -> tuple[int | None, int | None] | None:
    """[low, high] for a count, or None when `num` is not a whole number."""
    if num.kind != "count" or num.value != num.value.to_integral_value():
        return None
    n = int(num.value)
    if qualifier == "approximately":
        return int((num.value * Decimal("0.95")).to_integral_value(ROUND_FLOOR)), \
            int((num.value * Decimal("1.05")).to_integral_value(ROUND_CEILING))
    if qualifier == "nearly":
        return int((num.value * Decimal("0.95")).to_integral_value(ROUND_FLOOR)), n
    if qualifier == "between":
        return n, int(num.high)
    return _bounds(qualifier, n, n + 1, n - 1)


def rate_range(num: Number, qualifier: str) -> tuple[float | None, float | None]:
    """[low, high] for a rate (a fraction); N±1 is the next value at the printed precision."""
    r = num.value
    if num.kind == "ratio":  # the printed number is the denominator of "1 in D"
        up, down = 1 / (num.per - 1), 1 / (num.per + 1)
    else:
        step = Decimal(1).scaleb(-num.decimals)
        up, down = r + step, r - step
    if qualifier == "approximately":
        return float(r * Decimal("0.95")), float(r * Decimal("1.05"))
    if qualifier == "nearly":
        return float(r * Decimal("0.95")), float(r)
    if qualifier == "between":
        return float(r), float(num.high)
    low, high = _bounds(qualifier, r, up, down)
    return (None if low is None else float(low)), (None if high is None else float(high))


def _bounds(qualifier: str, n, up, down):
    return {
        "exact": (n, n),
        "more_than": (up, None),
        "at_least": (n, None),
        "fewer_than": (None, down),
        "at_most": (None, n),
    }[qualifier]
