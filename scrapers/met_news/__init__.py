"""The Met's newsroom (news.met.police.uk): its RSS feed and its news releases (docs/sources.md §4).

`feed.py` lists releases from the feed (feedparser); `release.py` takes a
release page's title, date and main text (trafilatura) and says whether it
is about live facial recognition.
"""
