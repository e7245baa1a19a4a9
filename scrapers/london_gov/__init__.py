"""london.gov.uk Mayor's Questions: pure parsers for both site eras.

`question_page` reads a question page (old Drupal site or new site) into a
`schemas.questions.Question`; `search_page` builds and reads the new site's
find-an-answer search; `names` normalises people's names. No network,
disk, clock, DuckDB or Prefect here: fetching lives in `scrapers/http.py`,
orchestration in `flows/questions.py`.

Proof: tests/test_london_gov_parsers.py over tests/fixtures/london_gov/.
"""

from scrapers.london_gov.names import normalise_person
from scrapers.london_gov.answer_body import parse_printed_date
from scrapers.london_gov.question_page import parse_question
from scrapers.london_gov.search_page import (
    RESULTS_PER_PAGE,
    is_old_question_url,
    old_question_reference,
    parse_search,
    search_url,
)

__all__ = [
    "RESULTS_PER_PAGE",
    "is_old_question_url",
    "normalise_person",
    "old_question_reference",
    "parse_printed_date",
    "parse_question",
    "parse_search",
    "search_url",
]
