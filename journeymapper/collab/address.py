"""Join addresses, tokens and join codes.

A room is joined at ``ws://HOST:PORT/ROOM?token=TOKEN``. The token is random,
128 bits by default (``secrets.token_urlsafe(16)``); a read-only token joins
as a viewer. A *join code* (``K7QM-3XPR``: 40 bits in Crockford's base 32,
easy to read out or show on the projector) is a second editor credential for
people typing the host's address by hand: ``ws://HOST:PORT/?code=K7QM-3XPR``.
The server stops accepting codes after a number of wrong ones, so a code
cannot be guessed on line; the token always works.
"""

from __future__ import annotations

import hmac
import re
import secrets
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, unquote, urlsplit

from journeymapper.i18n import N_
from journeymapper.model.errors import JourneyError
from journeymapper.model.ids import random_tag

DEFAULT_PORT = 8765
_CODE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{8}$")


class AddressError(JourneyError):
    """A join address or code that cannot be used."""


def new_token() -> str:
    """A random token of 128 bits."""
    return secrets.token_urlsafe(16)


def new_code() -> str:
    """A join code such as ``K7QM-3XPR`` (40 random bits)."""
    tag = random_tag(8).upper()
    return f"{tag[:4]}-{tag[4:]}"


def normal_code(text: str) -> str:
    """A code as typed ('k7qm 3xpr', 'K7QM-3XPR', o for 0...) in its canonical form."""
    plain = re.sub(r"[\s-]", "", text.upper()).replace("O", "0").replace("I", "1") \
        .replace("L", "1")
    return f"{plain[:4]}-{plain[4:]}" if _CODE.match(plain) else ""


def same_secret(given: str | None, expected: str | None) -> bool:
    """Constant-time comparison; an unset secret never matches."""
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


@dataclass(frozen=True)
class Address:
    """Where a room is and how to get in."""

    host: str
    port: int
    room: str = ""
    token: str = ""
    code: str = ""

    @property
    def url(self) -> str:
        """The address to connect to (with its credential)."""
        query = f"?token={quote(self.token, safe='')}" if self.token else \
            f"?code={quote(self.code, safe='')}" if self.code else ""
        return f"ws://{_host(self.host)}:{self.port}/{quote(self.room, safe='')}{query}"

    def shown(self) -> str:
        """The address without its credential (for titles and logs)."""
        return f"ws://{_host(self.host)}:{self.port}/{self.room}"


def _host(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def parse_address(text: str, code: str = "") -> Address:
    """A join address as typed: ``ws://host:port/room?token=T``, or ``host:port``
    (or ``host``) with a join code given apart."""
    text = text.strip()
    if not text:
        raise AddressError(N_("no address given"))
    if "://" not in text:
        text = f"ws://{text}"
    parts = urlsplit(text)
    if parts.scheme not in ("ws", "wss") or not parts.hostname:
        raise AddressError(N_("{address}: expected ws://HOST:PORT/ROOM?token=TOKEN"),
                           address=text)
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError:
        raise AddressError(N_("{address}: the port must be a number 1..65535"),
                           address=text) from None
    query = parse_qs(parts.query)
    token = (query.get("token") or [""])[0]
    given_code = code or (query.get("code") or [""])[0]
    canonical = normal_code(given_code) if given_code else ""
    if given_code and not canonical:
        raise AddressError(N_("{code!r} is not a join code (expected 8 letters and digits, "
                              "like K7QM-3XPR)"), code=given_code)
    if not token and not canonical:
        raise AddressError(N_("{address}: no token and no join code"), address=text)
    room = unquote(parts.path.lstrip("/"))  # the url quotes it (a Korean map's name)
    return Address(parts.hostname, port, room, token, canonical)


def lan_address() -> str:
    """This machine's address on the local network, for a join address that
    colleagues can use (the host name when it has none)."""
    import socket

    name = socket.gethostname()
    try:
        return socket.gethostbyname(name)
    except OSError:
        return name
