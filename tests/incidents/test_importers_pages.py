"""Saved news pages as real sites write them: JSON-LD NewsArticle, OpenGraph-only, AMP, live blogs with timestamped
entries, Russian pages in windows-1251 and koi8-r."""

import json

from incidents.importers import read_file
from incidents.importers.articles import file_articles, page_articles
from incidents.importers.liveblog import decode_page, page_facts
from tests.incidents.test_cli import run

BODY = ("<p>Ukrainian drones struck a high-rise building in Kazan early on Saturday, injuring two people, "
        "the regional governor said.</p><p>Flights at Kazan airport were suspended for several hours.</p>")

NEWS_ARTICLE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Drones hit Kazan high-rise, two injured | World News Today</title>
<link rel="canonical" href="https://www.worldnews.example/world/europe/drones-hit-kazan-2024-12-21/">
<meta property="og:title" content="Drones hit Kazan high-rise">
<meta property="og:url" content="https://www.worldnews.example/world/europe/drones-hit-kazan-2024-12-21/?utm=og">
<script type="application/ld+json">
{{"@context":"https://schema.org","@graph":[
 {{"@type":"Organization","name":"World News Today","url":"https://www.worldnews.example"}},
 {{"@type":"NewsArticle","headline":"Drones hit Kazan high-rise, two injured",
   "datePublished":"2024-12-21T01:40:00+03:00","dateModified":"2024-12-21T09:12:00+03:00",
   "mainEntityOfPage":{{"@type":"WebPage","@id":"https://www.worldnews.example/world/europe/drones-hit-kazan-2024-12-21/"}},
   "author":[{{"@type":"Person","name":"A. Reporter"}}]}}]}}
</script></head>
<body><header><nav><a href="/">Home</a><a href="/world">World</a></nav></header>
<main><article><h1>Drones hit Kazan high-rise, two injured</h1>
<div class="byline">By A. Reporter · <time datetime="2024-12-20T22:40:00Z">December 21, 2024</time></div>
{BODY}</article>
<aside class="related"><h3>More news</h3><ul><li><a href="/a">Ten people were killed in Abuja</a></li></ul></aside>
</main><footer>© World News Today</footer></body></html>"""

OPENGRAPH_ONLY = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Kazan - Regional Daily</title>
<meta property="og:title" content="Kazan: drones hit a high-rise">
<meta property="og:url" content="https://regional.example/news/12345">
<meta property="article:published_time" content="2024-12-21T08:05:00+0300">
</head><body><div id="content"><div class="post-body">{BODY}</div></div></body></html>"""

AMP = f"""<!doctype html><html ⚡ lang="en"><head><meta charset="utf-8">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<title>Drones hit Kazan</title>
<link rel="canonical" href="https://www.worldnews.example/kazan-drones">
<meta name="viewport" content="width=device-width">
<script type="application/ld+json">{{"@context":"http://schema.org","@type":"NewsArticle",
"headline":"Drones hit Kazan","datePublished":"2024-12-21T07:30:00Z",
"url":"https://www.worldnews.example/amp/kazan-drones"}}</script>
<style amp-custom>body{{font-family:serif}}</style></head>
<body><amp-img src="a.jpg" width="600" height="400" layout="responsive"></amp-img>
<article>{BODY}</article></body></html>"""

ENTRY_1 = "Ukrainian drones struck a high-rise building in Kazan, injuring two people, the governor said."
ENTRY_2 = "A missile hit an apartment block in Kharkiv, killing three people, the mayor said."
LIVE_BLOG = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Russia-Ukraine war live: latest updates | World News Today</title>
<link rel="canonical" href="https://www.worldnews.example/live/ukraine-war">
<script type="application/ld+json">
{{"@context":"https://schema.org","@type":"LiveBlogPosting",
 "headline":"Russia-Ukraine war live: latest updates",
 "datePublished":"2024-12-19T06:00:00+00:00","coverageStartTime":"2024-12-19T06:00:00+00:00",
 "url":"https://www.worldnews.example/live/ukraine-war",
 "liveBlogUpdate":[
  {{"@type":"BlogPosting","@id":"#post-2","headline":"Missile strike on Kharkiv",
    "datePublished":"2024-12-21T09:15:00+02:00","articleBody":"{ENTRY_2}"}},
  {{"@type":"BlogPosting","@id":"#post-1","headline":"Drone attack on Kazan",
    "datePublished":"2024-12-20T23:50:00+03:00","articleBody":"<p>{ENTRY_1}</p>",
    "url":"https://www.worldnews.example/live/ukraine-war?post=1"}}
 ]}}
</script></head>
<body><main><div class="live-blog">
<article id="post-2"><time datetime="2024-12-21T07:15:00Z">09:15</time><h2>Missile strike on Kharkiv</h2><p>{ENTRY_2}</p></article>
<article id="post-1"><time datetime="2024-12-20T20:50:00Z">23:50</time><h2>Drone attack on Kazan</h2><p>{ENTRY_1}</p></article>
</div></main></body></html>"""

RUSSIAN_TITLE = "Беспилотники атаковали Казань"
RUSSIAN_BODY = ("Беспилотник атаковал жилой дом в Казани, пострадали два человека. "
                "Работа аэропорта Казани была приостановлена. ") * 3


def russian_page(charset: str, meta: str) -> bytes:
    page = (f"<html><head>{meta.format(charset=charset)}<title>{RUSSIAN_TITLE}</title>"
            f'<meta property="article:published_time" content="2024-12-21T10:00:00+03:00"></head>'
            f"<body><article><h1>{RUSSIAN_TITLE}</h1><p>{RUSSIAN_BODY}</p><p>{RUSSIAN_BODY}</p></article></body></html>")
    return page.encode(charset)


def test_json_ld_news_article_gives_headline_canonical_url_and_the_local_publication_day():
    [article] = page_articles(NEWS_ARTICLE)
    assert article.source == {"title": "Drones hit Kazan high-rise, two injured",
                              "url": "https://www.worldnews.example/world/europe/drones-hit-kazan-2024-12-21/",
                              "published": "2024-12-21"}  # 01:40+03:00 is the 21st where it was written
    assert "Abuja" not in article.text and "Home" not in article.text


def test_opengraph_only_page_and_amp_page_keep_their_facts():
    [article] = page_articles(OPENGRAPH_ONLY)
    assert article.source == {"title": "Kazan: drones hit a high-rise", "url": "https://regional.example/news/12345",
                              "published": "2024-12-21"}
    [amp] = page_articles(AMP)
    assert amp.source["url"] == "https://www.worldnews.example/kazan-drones"  # the canonical page, not /amp/
    assert amp.source["published"] == "2024-12-21" and "Kazan" in amp.text


def test_live_blog_entries_reach_the_extractor_each_with_its_own_time(tmp_path):
    facts = page_facts(LIVE_BLOG)
    assert len(facts["entries"]) == 2
    articles = page_articles(LIVE_BLOG)
    assert [a.source["published"] for a in articles] == ["2024-12-21", "2024-12-20"]
    assert [a.posted for a in articles] == ["2024-12-21T09:15+02:00", "2024-12-20T23:50+03:00"]
    assert articles[0].source["url"] == "https://www.worldnews.example/live/ukraine-war#post-2"
    assert articles[1].source["url"] == "https://www.worldnews.example/live/ukraine-war?post=1"
    assert articles[1].text.startswith("Drone attack on Kazan\n\n") and "<p>" not in articles[1].text
    path = tmp_path / "live.html"
    path.write_text(LIVE_BLOG, encoding="utf-8")
    incidents, problems = read_file(path)
    by_place = {i.place: i for i in incidents}
    assert by_place["Kazan"].started_at.startswith("2024-12-20T23:50")  # the entry's day, not the page's (19th)
    assert by_place["Kazan"].injured == 2 and by_place["Kharkiv"].killed == 3
    assert by_place["Kharkiv"].started_at.startswith("2024-12-21") and by_place["Kharkiv"].time_precision == "hour"
    assert by_place["Kharkiv"].sources[0].url.endswith("#post-2")
    assert "Russia-Ukraine war live" in by_place["Kharkiv"].sources[0].title
    assert not problems


def test_cyrillic_pages_are_decoded_by_their_meta_charset(tmp_path):
    for charset, meta in (("windows-1251", '<meta charset="{charset}">'),
                          ("koi8-r", '<meta http-equiv="Content-Type" content="text/html; charset={charset}">')):
        data = russian_page(charset, meta)
        text, _ = decode_page(data)
        assert RUSSIAN_TITLE in text, charset
        path = tmp_path / f"{charset}.html"
        path.write_bytes(data)
        [article] = file_articles(path)
        assert article.source["title"] == RUSSIAN_TITLE and "Казани" in article.text
        incidents, _ = read_file(path)
        assert any(i.place == "Kazan" and i.sources[0].published == "2024-12-21" for i in incidents), charset


def test_reimporting_a_live_blog_does_not_duplicate_and_everything_is_a_draft(tmp_path):
    path = tmp_path / "live.html"
    path.write_text(LIVE_BLOG, encoding="utf-8")
    db = tmp_path / "s.sqlite"
    first = json.loads(run("import", path, db=db).stdout)
    again = json.loads(run("import", path, db=db).stdout)
    assert first["inserted"] >= 2 and again["inserted"] == 0
    assert json.loads(run("export", "--format", "geojson", db=db).stdout)["features"] == []  # drafts, not on the map
    drafts = json.loads(run("export", "--format", "geojson", "--include-drafts", db=db).stdout)["features"]
    assert len(drafts) == first["inserted"] and {f["properties"]["review"] for f in drafts} == {"draft"}


def test_cyrillic_text_without_a_charset_is_told_from_its_letters(tmp_path):
    for charset in ("koi8-r", "cp1251"):
        path = tmp_path / f"{charset}.txt"
        path.write_bytes(f"date 2024-12-21\n{RUSSIAN_TITLE}\n{RUSSIAN_BODY}".encode(charset))
        [article] = file_articles(path)
        assert RUSSIAN_TITLE in article.text, charset
        page = tmp_path / f"{charset}.html"
        page.write_bytes(russian_page(charset, ""))
        assert decode_page(page.read_bytes())[1] == ("cp1251" if charset == "cp1251" else "koi8-r")


def test_a_page_saved_as_one_mhtml_file_keeps_its_address(tmp_path):
    from email.message import EmailMessage

    message = EmailMessage()
    message["Snapshot-Content-Location"] = "https://regional.example/news/12345"
    message["Subject"] = "Kazan: drones hit a high-rise"
    message["MIME-Version"] = "1.0"
    message.set_content(OPENGRAPH_ONLY.replace('<meta property="og:url" content="https://regional.example/news/12345">',
                                               ""), subtype="html", cte="quoted-printable")
    message.make_related()
    message.add_related(b"\x89PNG", maintype="image", subtype="png", cid="<img1>")
    path = tmp_path / "page.mhtml"
    path.write_bytes(bytes(message))
    [article] = file_articles(path)
    assert article.source["url"] == "https://regional.example/news/12345" and "Kazan" in article.text
    saved = tmp_path / "saved.html"
    saved.write_text("<!-- saved from url=(0035)https://regional.example/news/777 -->\n"
                     + OPENGRAPH_ONLY.replace('<meta property="og:url" content="https://regional.example/news/12345">',
                                              ""), encoding="utf-8")
    assert file_articles(saved)[0].source["url"] == "https://regional.example/news/777"


LIVE_HTML = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Війна: хроніка подій онлайн | Example Pravda</title>
<meta property="og:url" content="https://pravda.example/live/war-2024-12-21">
<meta property="article:published_time" content="2024-12-19T06:00:00+02:00"></head>
<body><header><time datetime="2024-12-21T12:00:00+02:00">now</time></header>
<section class="feed">
 <div class="post" id="p-2"><time datetime="2024-12-21T09:15:00+02:00">09:15</time>
  <h3>Kharkiv</h3><p>{ENTRY_2}</p><div class="share">Share</div></div>
 <div class="post" id="p-1"><time datetime="2024-12-20T23:50:00+03:00">23:50</time>
  <h3>Kazan</h3><p>{ENTRY_1}</p></div>
</section>
<aside><ul><li><time datetime="2024-12-18T10:00:00+02:00">10:00</time> Old news</li></ul></aside></body></html>"""


def test_a_live_page_without_json_ld_is_split_at_its_timed_blocks(tmp_path):
    articles = page_articles(LIVE_HTML)
    assert [a.posted for a in articles] == ["2024-12-21T09:15+02:00", "2024-12-20T23:50+03:00"]
    assert articles[0].source["url"] == "https://pravda.example/live/war-2024-12-21#p-2"
    assert articles[1].text.startswith("Kazan\n\n" + ENTRY_1)
    path = tmp_path / "live.html"
    path.write_text(LIVE_HTML, encoding="utf-8")
    incidents, _ = read_file(path)
    assert {i.place: i.started_at[:10] for i in incidents} == {"Kharkiv": "2024-12-21", "Kazan": "2024-12-20"}
    assert len(page_articles(NEWS_ARTICLE)) == 1  # an ordinary article with one <time> stays whole


def test_publication_days_in_the_forms_pages_write_them():
    from incidents.importers.liveblog import day_of

    assert day_of("2024-12-21T01:40:00+03:00") == "2024-12-21"
    assert day_of("Sat, 21 Dec 2024 01:30:00 +0300") == "2024-12-21"
    assert day_of("December 21, 2024") == day_of("21 декабря 2024, 10:15") == "2024-12-21"
    assert day_of("yesterday") == day_of("") == day_of("x" * 500) == ""


def test_the_page_wins_when_its_json_ld_lists_only_the_latest_update():
    latest_only = LIVE_HTML.replace("</head>", """<script type="application/ld+json">{"@type":"LiveBlogPosting",
    "headline":"War live","liveBlogUpdate":[{"@type":"BlogPosting","headline":"Kharkiv",
    "datePublished":"2024-12-21T09:15:00+02:00","articleBody":"A missile hit an apartment block in Kharkiv."}]}
    </script></head>""")
    assert [a.posted for a in page_articles(latest_only)] == ["2024-12-21T09:15+02:00", "2024-12-20T23:50+03:00"]
    assert len(page_articles(LIVE_BLOG)) == 2  # JSON-LD and page agree: the JSON-LD entries stay


def test_a_page_drawn_by_script_is_read_from_its_json_ld_article_body():
    page = ("""<html><head><title>Drones hit Kazan</title><script type="application/ld+json">{"@type":"NewsArticle",
    "headline":"Drones hit Kazan","datePublished":"2024-12-21T10:00:00+03:00","articleBody":"%s"}</script></head>
    <body><div id="root"></div><script>render()</script></body></html>""" % ENTRY_1)
    [article] = page_articles(page)
    assert ENTRY_1 in article.text and article.source["published"] == "2024-12-21"


def test_extract_reads_a_saved_page_with_its_source(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(NEWS_ARTICLE, encoding="utf-8")
    done = run("extract", path, db=tmp_path / "s.sqlite")
    assert done.returncode == 0, done.stderr
    features = json.loads(done.stdout)["features"]
    assert features and all(f["properties"]["sources"][0]["url"].endswith("drones-hit-kazan-2024-12-21/")
                            for f in features)
    assert "<p>" not in done.stdout
