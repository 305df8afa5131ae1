"""Whether the app may be served on an address: loopback always; any other only with accounts or OpenID Connect."""

from __future__ import annotations

import ipaddress
import tomllib
from pathlib import Path

from incidents.accounts import ADD_HINT

ROOT = Path(__file__).resolve().parents[1]


def is_loopback(address: str | None) -> bool:
    """Whether the server's address is this machine only (an empty address means every interface)."""
    text = (address or "").strip().strip("[]").lower()
    if text == "localhost":
        return True
    try:
        return ipaddress.ip_address(text).is_loopback
    except ValueError:
        return False


def client_behind(peer: str | None, forwarded_for: str | None, trusted: str) -> str | None:
    """The client's address when the app sits behind reverse proxies: `peer` is the connecting address (None on
    loopback), `forwarded_for` the X-Forwarded-For header, `trusted` the proxies' addresses, comma-separated. The
    header counts only when the peer is a trusted proxy; then its last address that is not a trusted proxy is the
    client (earlier entries can be written by anyone). None stands for loopback, as Streamlit gives it."""
    proxies = {_address(part) for part in trusted.split(",") if part.strip()}
    via_proxy = any(is_loopback(p) for p in proxies) if peer is None else _address(peer) in proxies
    if not via_proxy or not forwarded_for:
        return peer
    hops = [_address(part) for part in forwarded_for.split(",") if part.strip()]
    outside = [hop for hop in hops if hop not in proxies]
    client = outside[-1] if outside else (hops[0] if hops else None)
    return None if client is None or is_loopback(client) else client


def _address(text: str) -> str:
    """One written address in a canonical form ('::ffff:203.0.113.7 ' and '203.0.113.7' agree); unparsable text as is."""
    text = text.strip().strip("[]")
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return text.lower()
    mapped = getattr(address, "ipv4_mapped", None)
    return str(mapped or address)


def refusal(address: str | None, accounts: int, oidc: bool) -> str | None:
    """The one-line refusal to serve a non-loopback address with no way to sign in, or None."""
    if accounts or oidc or is_loopback(address):
        return None
    where = f"address {address}" if address else "every network interface"
    return (f"Refusing to serve on {where} without sign-in: {ADD_HINT}, or set up [auth] (OpenID Connect) in "
            ".streamlit/secrets.toml, or serve on 127.0.0.1 only.")


def oidc_configured(root: Path = ROOT) -> bool:
    """Whether a secrets.toml Streamlit reads (the project's or the user's) has an [auth] table."""
    for path in (root / ".streamlit" / "secrets.toml", Path.home() / ".streamlit" / "secrets.toml"):
        try:
            if "auth" in tomllib.loads(path.read_text(encoding="utf-8")):
                return True
        except (OSError, tomllib.TOMLDecodeError):
            continue
    return False


def preflight(address: str | None, url: str | None = None) -> str | None:
    """The refusal for serving on `address` with the store INCIDENTS_DB (or `url`) names, or None (checked before the
    server starts; the app checks again on every page)."""
    if is_loopback(address):
        return None
    from incidents.storage import open_store
    from incidents.storage.users import users_of

    store = open_store(url)
    try:
        accounts = users_of(store).count()
    finally:
        store.close()
    return refusal(address, accounts, oidc_configured())
