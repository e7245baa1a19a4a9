"""The notification channels: Apprise URLs from settings and from a Prefect Secret block.

Channels are Apprise URLs from LFRWATCH_NOTIFY_URLS and/or the Prefect
Secret block `lfrwatch-notify-urls` (a JSON list, or URLs separated by
whitespace). URLs are secrets: they are never logged, never stored, never
passed as flow parameters; a channel is named by `channel_id`.

Proof: tests/test_alerts_notify.py.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from flows.settings import Settings, load_settings
from warehouse.alerts import channel_id

SECRET_BLOCK = "lfrwatch-notify-urls"


@dataclass(frozen=True)
class Channel:
    """A notification channel; `url` is a secret and stays out of reprs."""

    id: str
    url: str = field(repr=False)


def notification_channels(settings: Settings | None = None, secret_block: str | None = SECRET_BLOCK) -> list[Channel]:
    """The configured channels: settings' notify_urls, then the Secret block's URLs (if the block exists)."""
    settings = settings or load_settings()
    urls = [u.get_secret_value() for u in settings.notify_urls] + _secret_urls(secret_block)
    return [Channel(channel_id(u), u) for u in dict.fromkeys(urls)]


def _secret_urls(name: str | None) -> list[str]:
    if not name:
        return []
    from prefect.blocks.system import Secret

    try:
        value = Secret.load(name, _sync=True).get()
    except ValueError:  # no such block: channels come from the environment only
        return []
    except Exception as exc:  # the API is unreachable: say so without the value
        logging.getLogger(__name__).warning("could not read Secret block %r (%s)", name, type(exc).__name__)
        return []
    if isinstance(value, str):
        return value.split()
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else []
