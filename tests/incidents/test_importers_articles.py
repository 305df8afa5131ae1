"""Articles from saved web pages, e-mails and folders, and feeds polled politely from a local test server."""

import json
from email.message import EmailMessage
from pathlib import Path

import pytest

from incidents.importers import read_file
from incidents.importers.articles import DRAFT_NOTE, page_article
from incidents.importers.feeds import Fetched, Watcher, fetch
from tests.incidents.test_cli import assert_one_line_error, run
from tests.local_http import Clock, Quiet, serving

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "incidents" / "samples" / "articles" / "000_kazan_2024-12-21.txt").read_text(encoding="utf-8")
BODY = SEED.split("\n", 1)[1].strip()  # without the 'date …' first line: the page's own date must be used
PAGE = f"""<!doctype html><html><head><title>Drones hit Kazan | Example News</title>
<link rel="canonical" href="https://news.example.org/kazan-drones">
<meta property="og:title" content="Drones hit Kazan">
<meta property="article:published_time" content="2024-12-21T12:00:00+03:00"></head>
<body><nav><a href="/">Home</a> · <a href="/world">World</a></nav>
<article><h1>Drones hit Kazan</h1>{''.join(f'<p>{p}</p>' for p in BODY.split(chr(10)) if p.strip())}</article>
<footer>© Example News</footer></body></html>"""


def test_saved_page_text_title_date_and_canonical_url_become_the_source(tmp_path):
    article = page_article(PAGE)
    assert article.source == {"title": "Drones hit Kazan", "url": "https://news.example.org/kazan-drones",
                              "published": "2024-12-21"}
    assert "Home" not in article.text and "high-rise" in article.text
    path = tmp_path / "kazan.html"
    path.write_text(PAGE, encoding="utf-8")
    done = run("import", path, db=tmp_path / "s.sqlite")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["inserted"] >= 3
    exported = json.loads(run("export", "--format", "geojson", "--include-drafts", db=tmp_path / "s.sqlite").stdout)
    sources = {s["url"] for f in exported["features"] for s in f["properties"]["sources"]}
    assert sources == {"https://news.example.org/kazan-drones"}
    assert {f["properties"]["started_at"][:10] for f in exported["features"]} == {"2024-12-21"}


def test_a_page_without_article_text_is_one_clear_line(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Index</title></head><body></body></html>", encoding="utf-8")
    assert_one_line_error(run("import", path, db=tmp_path / "s.sqlite"))


def write_folder(folder: Path) -> None:
    folder.mkdir()
    (folder / "a.txt").write_text(SEED, encoding="utf-8")
    (folder / "b.html").write_text(PAGE, encoding="utf-8")
    mail = EmailMessage()
    mail["Subject"] = "Drones over Kazan"
    mail["Date"] = "Sat, 21 Dec 2024 12:00:00 +0300"
    mail.set_content(BODY)
    (folder / "c.eml").write_bytes(bytes(mail))
    (folder / "d.txt").write_text("No date and nothing happened.", encoding="utf-8")
    (folder / "ignored.docx").write_bytes(b"PK")


def test_a_folder_of_articles_is_extracted_with_progress_into_review(tmp_path):
    folder = tmp_path / "articles"
    write_folder(folder)
    done = run("import", folder, db=tmp_path / "s.sqlite")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["read"] == 4 and "articles" in done.stderr and "file" in done.stderr  # the progress bar
    assert json.loads(run("export", "--format", "geojson", db=tmp_path / "s.sqlite").stdout)["features"] == []
    exported = json.loads(run("export", "--format", "geojson", "--include-drafts", db=tmp_path / "s.sqlite").stdout)
    properties = [f["properties"] for f in exported["features"]]
    assert properties and all(p["verification"] == "unverified" and DRAFT_NOTE in p["notes"] for p in properties)
    assert {p["review"] for p in properties} == {"draft"}
    kazan = next(p for p in properties if p["event_type"] == "drone_strike")
    assert len(kazan["sources"]) == 3  # the same strike from three articles, merged with three sources


def test_eml_and_folder_read_directly(tmp_path):
    folder = tmp_path / "articles"
    write_folder(folder)
    incidents, problems = read_file(folder / "c.eml")
    assert incidents and incidents[0].sources[0].title == "Drones over Kazan"
    assert incidents[0].sources[0].published == "2024-12-21"


FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example</title>
<item><guid>item-1</guid><title>Drones hit Kazan</title><link>https://news.example.org/kazan</link>
<pubDate>Sat, 21 Dec 2024 12:00:00 +0300</pubDate><description><![CDATA[{body}]]></description></item>
</channel></rss>"""


class FeedServer(Quiet):
    """A feed with an ETag; answers 304 to a matching If-None-Match; /broken fails with 500."""

    requests: list = []

    def do_GET(self):  # noqa: N802 - the http.server API
        FeedServer.requests.append((self.path, self.headers.get("If-None-Match")))
        if self.path == "/broken":
            self.send_response(500)
            self.end_headers()
            return
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.end_headers()
            return
        body = FEED.format(body="".join(f"<p>{p}</p>" for p in BODY.split("\n") if p.strip())).encode()
        self.send_body(body, "application/rss+xml", {"ETag": '"v1"'})


@pytest.fixture
def feed_url():
    FeedServer.requests = []
    with serving(FeedServer) as url:
        yield url


def test_feed_is_polled_politely_and_items_go_to_review(feed_url):
    saved = []
    clock = Clock()
    watcher = Watcher([f"{feed_url}/feed", f"{feed_url}/broken"], saved.extend, clock=clock)
    first = {line["target"].rsplit("/", 1)[1]: line for line in watcher.poll()}
    assert first["feed"]["new_items"] == 1 and first["feed"]["incidents"] >= 3
    assert all(item.verification == "unverified" and DRAFT_NOTE in item.notes for item in saved)
    assert {s.url for item in saved for s in item.sources} == {"https://news.example.org/kazan"}
    assert "error" in first["broken"] and first["broken"]["retry_in_s"] == 120  # backoff, no crash
    clock.now += 30
    assert watcher.poll() == []  # at most one request per feed per minute
    clock.now += 31
    again = watcher.poll()
    assert [line["target"] for line in again] == [f"{feed_url}/feed"]  # the broken feed waits out its backoff
    assert again[0]["new_items"] == 0
    feed_requests = [etag for path, etag in FeedServer.requests if path == "/feed"]
    assert feed_requests == [None, '"v1"']  # the second was a conditional GET, answered 304
    clock.now += 120
    assert [line["target"] for line in watcher.poll()] == [f"{feed_url}/feed", f"{feed_url}/broken"]
    assert len([1 for path, _ in FeedServer.requests if path == "/broken"]) == 2


def test_fetch_returns_304_as_not_modified(feed_url):
    first = fetch(f"{feed_url}/feed")
    assert first.status == 200 and first.etag == '"v1"'
    assert fetch(f"{feed_url}/feed", etag=first.etag).status == 304


def test_watching_a_folder_picks_up_new_files_once(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    saved = []
    clock = Clock()
    watcher = Watcher([str(folder)], saved.extend, clock=clock, get=lambda *a: Fetched(500))
    assert watcher.poll()[0]["new_items"] == 0
    (folder / "a.txt").write_text(SEED, encoding="utf-8")
    clock.now += 60
    assert watcher.poll()[0]["incidents"] >= 3
    clock.now += 60
    assert watcher.poll()[0]["new_items"] == 0


def test_watch_cli_needs_network_opt_in_and_runs_a_folder_once(tmp_path):
    assert_one_line_error(run("watch", "http://127.0.0.1:9/feed", "--once", db=tmp_path / "s.sqlite"))
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.txt").write_text(SEED, encoding="utf-8")
    done = run("watch", folder, "--once", db=tmp_path / "s.sqlite")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[0])["saved"]["inserted"] >= 3
    assert_one_line_error(run("watch", folder, "--interval", "5", db=tmp_path / "s.sqlite"))
