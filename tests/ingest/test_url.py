import pytest

from marsad.document import RawDocument
from marsad.errors import InputError
from marsad.ingest import read_inputs
from marsad.ingest.url import check_address
from marsad.settings import IngestOptions

from ..conftest import Route
from .texts import PAGE

ALLOW = IngestOptions(allow_private_urls=True)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8080/x",
        "http://10.1.2.3/",
        "http://192.168.0.1/",
        "http://172.16.5.4/",
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata, link-local
        "http://[::1]/",
        "http://0.0.0.0/",
    ],
)
def test_private_addresses_are_refused(url: str) -> None:
    with pytest.raises(InputError) as exc:
        check_address(url, IngestOptions())
    assert exc.value.reason == "private_address"
    assert "--allow-private-urls" in exc.value.detail


def test_only_http_schemes() -> None:
    with pytest.raises(InputError) as exc:
        check_address("file:///etc/passwd", IngestOptions())
    assert exc.value.reason == "url"


def test_page_by_url(http_server: tuple[str, dict[str, Route]]) -> None:
    base, routes = http_server
    routes["/a"] = Route(PAGE.encode("utf-8"))
    (doc,) = read_inputs([base + "/a"], ALLOW)
    assert isinstance(doc, RawDocument)
    assert doc.title == "صد هجوم على موقع عسكري قرب الحدود" and doc.url == base + "/a"


def test_local_server_refused_without_the_flag(http_server: tuple[str, dict[str, Route]]) -> None:
    base, routes = http_server
    routes["/a"] = Route(PAGE.encode("utf-8"))
    (err,) = read_inputs([base + "/a"])
    assert isinstance(err, InputError) and err.reason == "private_address"


def test_redirects_are_followed_and_each_hop_checked(http_server: tuple[str, dict[str, Route]]) -> None:
    base, routes = http_server
    routes["/a"] = Route(PAGE.encode("utf-8"))
    routes["/r"] = Route(b"", status=302, headers={"Location": "/a"})
    (doc,) = read_inputs([base + "/r"], ALLOW)
    assert isinstance(doc, RawDocument) and doc.url == base + "/a"
    routes["/loop"] = Route(b"", status=302, headers={"Location": "/loop"})
    (err,) = read_inputs([base + "/loop"], ALLOW)
    assert isinstance(err, InputError) and err.reason == "redirects"


def test_size_cap_and_http_errors(http_server: tuple[str, dict[str, Route]]) -> None:
    base, routes = http_server
    routes["/big"] = Route(b"<html><body><p>" + "ا".encode() * 600_000 + b"</p></body></html>")
    (err,) = read_inputs(
        [base + "/big"], IngestOptions(allow_private_urls=True, max_document_bytes=1_000_000)
    )
    assert isinstance(err, InputError) and err.reason == "too_large"
    (err,) = read_inputs([base + "/missing"], ALLOW)
    assert isinstance(err, InputError) and err.reason == "http" and "404" in err.detail
