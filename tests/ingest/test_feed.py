from pathlib import Path

from marsad.document import RawDocument
from marsad.errors import InputError
from marsad.ingest import read_inputs
from marsad.settings import IngestOptions

from ..conftest import Route
from .texts import REPORT, report

FEED = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>نشرة الاختبار</title><link>https://example.org/</link>
<item><title>الخبر الأول</title><link>https://example.org/1</link><guid>g1</guid>
<pubDate>Tue, 15 Jun 2021 08:00:00 GMT</pubDate><author>a@example.org (منى)</author>
<description><![CDATA[<p>{REPORT.split(chr(10))[0]}</p><p>{REPORT.split(chr(10))[1]}</p>]]></description></item>
<item><title>خبر بلا نص</title><link>https://example.org/2</link><guid>g2</guid><description></description></item>
<item><title>الخبر الثالث</title><link>https://example.org/3</link><guid>g3</guid>
<description>{report(3)}</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>أطلس</title><id>urn:x</id><updated>2021-06-16T00:00:00Z</updated>
<entry><title>خبر أطلس</title><id>urn:x:1</id><updated>2021-06-16T10:00:00Z</updated>
<content type="html">&lt;p&gt;{report(4)}&lt;/p&gt;</content></entry></feed>"""


def test_rss_file_entries(tmp_path: Path) -> None:
    path = tmp_path / "news.rss"
    path.write_text(FEED, encoding="utf-8")
    items = list(read_inputs([str(path)]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [d.title for d in docs] == ["الخبر الأول", "الخبر الثالث"]
    first = docs[0]
    assert first.text.split("\n") == REPORT.split("\n")
    assert (first.published, first.url, first.outlet, first.source_id) == (
        "2021-06-15",
        "https://example.org/1",
        "نشرة الاختبار",
        "g1",
    )
    assert [(e.reason, e.source) for e in errors] == [("empty", f"{path}#g2")]


def test_atom_file_is_sniffed_without_a_known_suffix(tmp_path: Path) -> None:
    path = tmp_path / "atom.feed"
    path.write_text(ATOM, encoding="utf-8")
    (doc,) = read_inputs([str(path)])
    assert isinstance(doc, RawDocument)
    assert (doc.title, doc.published, doc.text) == ("خبر أطلس", "2021-06-16", report(4))


def test_feed_by_url(http_server: tuple[str, dict[str, Route]]) -> None:
    base, routes = http_server
    routes["/feed"] = Route(FEED.encode("utf-8"), "application/rss+xml")
    docs = list(read_inputs([base + "/feed"], IngestOptions(allow_private_urls=True)))
    assert [d.title for d in docs if isinstance(d, RawDocument)] == ["الخبر الأول", "الخبر الثالث"]


def test_feed_that_times_out_is_an_error_naming_the_url(http_server: tuple[str, dict[str, Route]]) -> None:
    base, routes = http_server
    routes["/slow"] = Route(FEED.encode("utf-8"), "application/rss+xml", delay=3)
    (err,) = read_inputs([base + "/slow"], IngestOptions(allow_private_urls=True, timeout_s=0.5))
    assert isinstance(err, InputError)
    assert (err.reason, err.source) == ("timeout", base + "/slow")
    assert "0.5 s" in err.detail


def test_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<rss><channel><item>", encoding="utf-8")
    (err,) = read_inputs([str(path)])
    assert isinstance(err, InputError) and err.reason in ("feed", "empty")
