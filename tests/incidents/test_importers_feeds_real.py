"""Feeds as served in practice, from a local server on 127.0.0.1: RSS with HTML in description and content:encoded,
Atom with only <updated>, items without dates, a Telegram-to-RSS bridge, relative links, Last-Modified; items seen
before (by guid/link or by the same text) are not extracted again."""

from datetime import date
from email.utils import formatdate

import pytest

from incidents.errors import ImportFormatError
from incidents.importers.feeds import Watcher, feed_articles
from tests.local_http import Clock, Quiet, serving

KAZAN = "Ukrainian drones struck a high-rise building in Kazan, injuring two people, the governor said."
KHARKIV = "A missile hit an apartment block in Kharkiv, killing three people, the mayor said."

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Regional Daily</title><link>https://regional.example/</link>
<item><title>Drones hit Kazan</title><link>/news/kazan-drones</link><guid isPermaLink="false">rd-1001</guid>
<pubDate>Sat, 21 Dec 2024 01:30:00 +0300</pubDate>
<description>&lt;p&gt;Short teaser&amp;nbsp;text&lt;/p&gt;</description>
<content:encoded><![CDATA[<div class="article"><p>{KAZAN}</p><figure><img src="/a.jpg"/><figcaption>Photo: archive</figcaption></figure></div>]]></content:encoded>
</item>
<item><title>Kharkiv strike</title><link>https://regional.example/news/kharkiv</link>
<description><![CDATA[<p>{KHARKIV}</p>]]></description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id><updated>2024-12-21T12:00:00Z</updated>
<link href="https://wire.example/"/>
<entry><title>Kazan</title><id>urn:wire:1</id><updated>2024-12-21T09:00:00+03:00</updated>
<link rel="alternate" href="https://wire.example/1"/><content type="html">&lt;p&gt;{KAZAN}&lt;/p&gt;</content></entry>
</feed>"""

BRIDGE = """<?xml version="1.0" encoding="UTF-8"?>
<rss xmlns:atom="http://www.w3.org/2005/Atom" version="2.0"><channel>
<title><![CDATA[Example Monitor - Telegram Channel]]></title><link>https://t.me/s/exmonitor</link>
<description><![CDATA[Example Monitor - Powered by RSSHub]]></description><generator>RSSHub</generator>
<item><title><![CDATA[Kharkiv: a missile hit an apartment block, killing three…]]></title>
<description><![CDATA[<b>Kharkiv</b>: a missile hit an apartment block, killing three people.<br><br><a href="https://t.me/exmonitor">Subscribe</a>]]></description>
<pubDate>Sat, 21 Dec 2024 07:02:00 GMT</pubDate><guid isPermaLink="false">https://t.me/exmonitor/3</guid>
<link>https://t.me/exmonitor/3</link></item>
<item><title><![CDATA[Kharkiv: a missile hit an apartment block, killing three…]]></title>
<description><![CDATA[<b>Kharkiv</b>: a missile hit an apartment block, killing three people.<br><br><a href="https://t.me/exmonitor">Subscribe</a>]]></description>
<pubDate>Sat, 21 Dec 2024 07:05:00 GMT</pubDate><guid isPermaLink="false">https://t.me/exmonitor/4</guid>
<link>https://t.me/exmonitor/4</link></item>
</channel></rss>"""

UNDATED = """<rss version="2.0"><channel><title>No dates</title>
<item><title>Belgorod</title><link>https://x.example/b</link>
<description>Two people were injured when a drone hit a house in Belgorod.</description></item></channel></rss>"""

MODIFIED = formatdate(1734775200, usegmt=True)


class Server(Quiet):
    """Serves the feeds above; /rss honours If-Modified-Since (Last-Modified), the others send no validators."""

    feeds = {"/rss": RSS, "/atom": ATOM, "/bridge": BRIDGE, "/undated": UNDATED}
    requests: list = []

    def do_GET(self):  # noqa: N802 - the http.server API
        Server.requests.append((self.path, self.headers.get("If-Modified-Since")))
        if self.path == "/rss" and self.headers.get("If-Modified-Since") == MODIFIED:
            self.send_response(304)
            self.end_headers()
            return
        headers = {"Last-Modified": MODIFIED} if self.path == "/rss" else {}
        self.send_body(Server.feeds[self.path].encode("utf-8"), "application/xml; charset=utf-8", headers)


@pytest.fixture
def base():
    Server.requests = []
    with serving(Server) as url:
        yield url


def test_rss_with_html_content_relative_link_and_local_day():
    items = feed_articles(RSS.encode(), "https://regional.example/feed.xml")
    (key, kazan), (_, kharkiv) = items
    assert key == "rd-1001" and kazan.source == {"title": "Drones hit Kazan",
                                                  "url": "https://regional.example/news/kazan-drones",
                                                  "published": "2024-12-21"}  # 01:30 +03:00: the 21st, not UTC's 20th
    assert KAZAN in kazan.text and "<p>" not in kazan.text and "teaser" not in kazan.text
    assert kharkiv.source["published"] == date.today().isoformat()  # an undated item in an undated feed


def test_atom_with_updated_only_and_undated_feeds_get_a_day():
    [(key, article)] = feed_articles(ATOM.encode())
    assert key == "urn:wire:1" and article.source["published"] == "2024-12-21"
    [(_, undated)] = feed_articles(UNDATED.encode())
    assert undated.source["published"] == date.today().isoformat()  # no date anywhere: the day it was fetched


def test_telegram_bridge_items_keep_the_post_link_and_time_without_repeating_the_title():
    items = feed_articles(BRIDGE.encode())
    article = items[0][1]
    assert article.source["url"] == "https://t.me/exmonitor/3" and article.posted == "2024-12-21T07:02+00:00"
    assert article.text.startswith("Kharkiv: a missile hit") and article.text.count("apartment block") == 1


def test_watcher_honours_last_modified_and_skips_seen_items(base):
    saved, clock = [], Clock()
    watcher = Watcher([f"{base}/rss", f"{base}/bridge", f"{base}/atom"], saved.extend, clock=clock)
    first = {line["target"].rsplit("/", 1)[1]: line for line in watcher.poll()}
    assert first["rss"]["new_items"] == 2 and first["atom"]["new_items"] == 1
    assert first["bridge"]["new_items"] == 1  # the second post repeats the first's text: not extracted again
    assert "error" not in first["rss"] and first["rss"]["incidents"] >= 2
    kazan = [i for i in saved if i.place == "Kazan"]
    assert kazan and all(i.verification == "unverified" for i in saved)
    kharkiv = next(i for i in saved if i.place == "Kharkiv" and any("t.me" in s.url for s in i.sources))
    assert kharkiv.started_at.startswith("2024-12-21") and kharkiv.killed == 3
    clock.now += 61
    again = {line["target"].rsplit("/", 1)[1]: line for line in watcher.poll()}
    assert again["rss"]["new_items"] == 0 and again["bridge"]["new_items"] == 0 and again["atom"]["new_items"] == 0
    rss_requests = [since for path, since in Server.requests if path == "/rss"]
    assert rss_requests == [None, MODIFIED]  # the second poll was conditional and answered 304


def test_a_restarted_watch_with_a_state_file_skips_what_it_saw(base, tmp_path):
    state = tmp_path / "watch.json"
    saved, clock = [], Clock()
    Watcher([f"{base}/atom"], saved.extend, clock=clock, state=state).poll()
    assert saved and state.exists()
    again = Watcher([f"{base}/atom"], saved.extend, clock=clock, state=state).poll()
    assert again[0]["new_items"] == 0 and len(saved) == 1
    state.write_text("{not json", encoding="utf-8")
    with pytest.raises(ImportFormatError):
        Watcher([f"{base}/atom"], saved.extend, state=state)
    with pytest.raises(ImportFormatError):
        Watcher([f"{base}/atom"], saved.extend, state=tmp_path / "missing" / "w.json")
