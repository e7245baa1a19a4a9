"""`python -m cli`: the `lfrwatch` command where the script is not installed."""

from cli import app

app()
