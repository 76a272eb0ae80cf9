"""URLs (httpx): timeouts, a size cap, and no private addresses unless allowed, so that a server
built on Marsad cannot be turned against the network it runs in."""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from marsad.errors import InputError
from marsad.settings import IngestOptions


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    data: bytes


def is_url(s: str) -> bool:
    return s.startswith(("http://", "https://"))


def check_address(url: str, options: IngestOptions) -> None:
    """Refuse hosts that resolve to loopback, private, link-local or other non-public addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(url, "url", "only http and https URLs with a host can be fetched")
    if options.allow_private_urls:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise InputError(url, "dns", f"the host {parts.hostname} could not be resolved: {exc}") from exc
    for info in infos:
        addr = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not addr.is_global or addr.is_multicast:
            raise InputError(
                url,
                "private_address",
                f"{parts.hostname} resolves to the non-public address {addr}; "
                "refused (allow with --allow-private-urls)",
            )


def fetch(url: str, options: IngestOptions) -> Fetched:
    """GET `url`, following redirects by hand so that every hop is checked."""
    timeout = httpx.Timeout(options.timeout_s)
    headers = {"User-Agent": options.user_agent}
    with httpx.Client(timeout=timeout, headers=headers, follow_redirects=False) as client:
        for _ in range(options.max_redirects + 1):
            check_address(url, options)
            try:
                with client.stream("GET", url) as resp:
                    if resp.is_redirect and "location" in resp.headers:
                        url = urljoin(url, resp.headers["location"])
                        continue
                    if resp.status_code >= 400:
                        raise InputError(url, "http", f"the server answered HTTP {resp.status_code}")
                    data = _read_capped(resp, url, options.max_document_bytes)
                    return Fetched(str(resp.url), resp.headers.get("content-type", ""), data)
            except httpx.TimeoutException as exc:
                raise InputError(url, "timeout", f"no answer within {options.timeout_s:g} s") from exc
            except httpx.HTTPError as exc:
                raise InputError(url, "http", f"the request failed: {exc}") from exc
    raise InputError(url, "redirects", f"more than {options.max_redirects} redirects")


def _read_capped(resp: httpx.Response, url: str, limit: int) -> bytes:
    declared = resp.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise InputError(url, "too_large", f"the response is {int(declared) / 1e6:.1f} MB, over the limit")
    chunks: list[bytes] = []
    size = 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise InputError(url, "too_large", f"the response is over the {limit / 1e6:.1f} MB limit")
        chunks.append(chunk)
    return b"".join(chunks)
