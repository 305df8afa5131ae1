"""Telegram Desktop channel exports (result.json and messages.html) as one short article per message, and a watched
folder that receives exports."""

import json
from datetime import datetime, timedelta, timezone

from incidents.importers import read_file
from incidents.importers.articles import file_articles
from incidents.importers.feeds import Fetched, Watcher
from incidents.importers.telegram import html_time, posted_at
from tests.incidents.test_cli import assert_one_line_error, run
from tests.local_http import Clock, Quiet, serving

MSK = timezone(timedelta(hours=3))
KAZAN = "Kazan — drones struck a high-rise building, two people injured."
KHARKIV = ": a missile hit an apartment block, killing three people. "
BELGOROD = "Two people were injured when a drone hit a house in Belgorod."


def stamp(day: int, hour: int, minute: int) -> dict:
    """The two times Telegram Desktop writes: local time of the exporting computer (here +03:00) and Unix time."""
    moment = datetime(2024, 12, day, hour, minute, tzinfo=MSK)
    return {"date": moment.replace(tzinfo=None).isoformat(), "date_unixtime": str(int(moment.timestamp()))}


def export(*messages: dict, name: str = "Example Monitor") -> dict:
    return {"name": name, "type": "public_channel", "id": 1987654321, "messages": list(messages)}


SERVICE = {"id": 1, "type": "service", **stamp(20, 8, 0), "actor": "Example Monitor", "actor_id": "channel1987654321",
           "action": "pin_message", "message_id": 2, "text": "", "text_entities": []}
PLAIN = {"id": 2, "type": "message", **stamp(21, 9, 15), "from": "Example Monitor", "from_id": "channel1987654321",
         "text": KAZAN, "text_entities": [{"type": "plain", "text": KAZAN}]}
ENTITIES = {"id": 3, "type": "message", **stamp(21, 10, 2), "edited": "2024-12-21T10:20:00",
            "edited_unixtime": "1734765600", "from": "Example Monitor", "from_id": "channel1987654321",
            "text": [{"type": "bold", "text": "Kharkiv"}, KHARKIV, {"type": "hashtag", "text": "#Kharkiv"}, " ",
                     {"type": "text_link", "text": "video", "href": "https://example.org/v"}],
            "text_entities": []}
FORWARDED = {"id": 4, "type": "message", **stamp(22, 0, 40), "from": "Example Monitor",
             "from_id": "channel1987654321", "forwarded_from": "Belgorod News", "text": BELGOROD}
PHOTO = {"id": 5, "type": "message", **stamp(22, 1, 0), "photo": "photos/photo_1@22-12-2024_01-00-00.jpg",
         "width": 1280, "height": 720, "text": "", "text_entities": []}

HTML = """<!DOCTYPE html>
<html>
 <head>
  <meta charset="utf-8"/>
<title>Exported Data</title>
  <link href="css/style.css" rel="stylesheet"/>
 </head>
 <body onload="CheckLocation();">
  <div class="page_wrap">
   <div class="page_header">
    <div class="content">
     <div class="text bold">
exmonitor
     </div>
    </div>
   </div>
   <div class="page_body chat_page">
    <div class="history">
     <div class="message service" id="message-1">
      <div class="body details">
21 December 2024
      </div>
     </div>
     <div class="message default clearfix" id="message2">
      <div class="pull_left userpic_wrap">
       <div class="userpic userpic2" style="width: 42px; height: 42px"><div class="initials">E</div></div>
      </div>
      <div class="body">
       <div class="pull_right date details" title="21.12.2024 09:15:30 UTC+03:00">
09:15
       </div>
       <div class="from_name">
exmonitor
       </div>
       <div class="text">
Kazan — drones struck a high-rise building,<br>two people injured.
       </div>
      </div>
     </div>
     <div class="message default clearfix joined" id="message4">
      <div class="body">
       <div class="pull_right date details" title="22.12.2024 00:40:00 UTC+03:00">
00:40
       </div>
       <div class="forwarded body">
        <div class="from_name">
Belgorod News <span class="date details" title="22.12.2024 00:31:00 UTC+03:00"> 22.12.2024 00:31:00</span>
        </div>
        <div class="text">
Two people were injured when a drone hit a house in Belgorod.
        </div>
       </div>
      </div>
     </div>
     <div class="message default clearfix joined" id="message5">
      <div class="body">
       <div class="pull_right date details" title="22.12.2024 01:00:00 UTC+03:00">01:00</div>
       <div class="media_wrap clearfix"><a class="photo_wrap clearfix pull_left" href="photos/photo_1.jpg"></a></div>
      </div>
     </div>
    </div>
   </div>
  </div>
 </body>
</html>
"""


def test_result_json_gives_one_article_per_text_message_with_its_link_and_time(tmp_path):
    path = tmp_path / "result.json"
    path.write_text(json.dumps(export(SERVICE, PLAIN, ENTITIES, FORWARDED, PHOTO), ensure_ascii=False), encoding="utf-8")
    articles = file_articles(path)
    assert [a.source["url"] for a in articles] == [f"https://t.me/c/1987654321/{n}" for n in (2, 3, 4)]
    assert [a.posted for a in articles] == ["2024-12-21T09:15+03:00", "2024-12-21T10:02+03:00",
                                            "2024-12-22T00:40+03:00"]
    assert articles[1].text.startswith("Kharkiv: a missile hit") and "video" in articles[1].text
    assert "(edited)" in articles[1].source["title"] and "forwarded from Belgorod News" in articles[2].source["title"]
    assert articles[2].source["published"] == "2024-12-22"  # the local day, though it was the 21st in UTC
    incidents, problems = read_file(path)
    by_place = {i.place: i for i in incidents}
    assert set(by_place) >= {"Kazan", "Kharkiv", "Belgorod"} and not problems
    assert by_place["Kazan"].started_at == "2024-12-21T09:15+03:00" and by_place["Kazan"].injured == 2
    assert by_place["Kharkiv"].killed == 3 and by_place["Kharkiv"].sources[0].url == "https://t.me/c/1987654321/3"
    assert by_place["Belgorod"].started_at.startswith("2024-12-22")


def test_a_channel_username_makes_public_links(tmp_path):
    path = tmp_path / "result.json"
    path.write_text(json.dumps(export(PLAIN, name="exmonitor")), encoding="utf-8")
    assert file_articles(path)[0].source["url"] == "https://t.me/exmonitor/2"


def test_html_export_gives_the_same_messages(tmp_path):
    path = tmp_path / "messages.html"
    path.write_text(HTML, encoding="utf-8")
    articles = file_articles(path)
    assert [a.source["url"] for a in articles] == ["https://t.me/exmonitor/2", "https://t.me/exmonitor/4"]
    assert articles[0].text == "Kazan — drones struck a high-rise building,\ntwo people injured."
    assert articles[1].posted == "2024-12-22T00:40+03:00" and "forwarded from Belgorod News" in articles[1].source["title"]
    incidents, _ = read_file(path)
    assert {i.place for i in incidents} >= {"Kazan", "Belgorod"}


def test_import_cli_puts_messages_in_review_and_does_not_duplicate(tmp_path):
    path = tmp_path / "result.json"
    path.write_text(json.dumps(export(SERVICE, PLAIN, ENTITIES, FORWARDED)), encoding="utf-8")
    db = tmp_path / "s.sqlite"
    first = run("import", path, db=db)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["inserted"] >= 3
    assert json.loads(run("import", path, db=db).stdout)["inserted"] == 0
    assert json.loads(run("export", "--format", "geojson", db=db).stdout)["features"] == []
    drafts = json.loads(run("export", "--format", "geojson", "--include-drafts", db=db).stdout)["features"]
    assert {f["properties"]["review"] for f in drafts} == {"draft"}
    assert all(s["url"].startswith("https://t.me/c/1987654321/") for f in drafts for s in f["properties"]["sources"])


def test_broken_exports_are_one_clear_line(tmp_path):
    empty = tmp_path / "result.json"
    empty.write_text(json.dumps(export(SERVICE, PHOTO)), encoding="utf-8")
    assert_one_line_error(run("import", empty, db=tmp_path / "s.sqlite"))
    cut = tmp_path / "cut" / "result.json"
    cut.parent.mkdir()
    cut.write_text(json.dumps(export(PLAIN))[:-30], encoding="utf-8")
    assert_one_line_error(run("import", cut, db=tmp_path / "s.sqlite"))


def test_times_from_both_export_forms():
    assert posted_at("2024-12-21T09:15:30", "1734761730").isoformat() == "2024-12-21T09:15:30+03:00"
    assert posted_at(None, "1734761730").isoformat() == "2024-12-21T06:15:30+00:00"
    assert posted_at("garbage", "not a number") is None
    assert posted_at("2024-12-21T09:15:30", None).isoformat() == "2024-12-21T09:15:30+00:00"  # older exports
    assert html_time("21.12.2024 09:15:30 UTC+03:00").isoformat() == "2024-12-21T09:15:30+03:00"
    assert html_time("21.12.2024 09:15:30").isoformat() == "2024-12-21T09:15:30+00:00"
    assert html_time("31.02.2024 09:15:30") is None


def test_watched_folder_receiving_exports_extracts_only_new_messages(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    saved, clock = [], Clock()
    watcher = Watcher([str(inbox)], saved.extend, clock=clock, get=lambda *a: Fetched(500))
    first = inbox / "ChatExport_2024-12-21"
    first.mkdir()
    (first / "result.json").write_text(json.dumps(export(SERVICE, PLAIN)), encoding="utf-8")
    line = watcher.poll()[0]
    assert line["new_items"] == 1 and {i.place for i in saved} == {"Kazan"}
    second = inbox / "ChatExport_2024-12-22"
    second.mkdir()
    (second / "result.json").write_text(json.dumps(export(SERVICE, PLAIN, ENTITIES)), encoding="utf-8")
    clock.now += 60
    line = watcher.poll()[0]
    assert line["new_items"] == 1 and {i.place for i in saved} == {"Kazan", "Kharkiv"}  # message 2 not again
    assert all(i.review == "draft" or "draft" in i.notes for i in saved)


def test_the_channel_comes_from_its_signature_or_the_channel_option(tmp_path):
    signed = [dict(m, text=m["text"] if isinstance(m["text"], list) else m["text"] + "\n\n@ExMonitor")
              for m in (PLAIN, FORWARDED)]
    signed[1]["text"] = [BELGOROD + "\n\n", {"type": "text_link", "text": "Subscribe", "href": "https://t.me/ExMonitor"}]
    path = tmp_path / "result.json"
    path.write_text(json.dumps(export(SERVICE, *signed)), encoding="utf-8")
    assert [a.source["url"] for a in file_articles(path)] == ["https://t.me/exmonitor/2", "https://t.me/exmonitor/4"]
    path.write_text(json.dumps(export(PLAIN, ENTITIES)), encoding="utf-8")
    db = tmp_path / "s.sqlite"
    done = run("import", path, "--channel", "@monitor_ua", db=db)
    assert done.returncode == 0, done.stderr
    drafts = json.loads(run("export", "--format", "geojson", "--include-drafts", db=db).stdout)["features"]
    urls = {s["url"] for f in drafts for s in f["properties"]["sources"]}
    assert urls == {"https://t.me/monitor_ua/2", "https://t.me/monitor_ua/3"}


PREVIEW = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Example Monitor – Telegram</title></head>
<body class="widget_frame_base tgme_widget body_widget_post emoji_image nodark">
<header class="tgme_header"><div class="tgme_channel_info_header_title"><span dir="auto">Example Monitor</span></div></header>
<section class="tgme_channel_history js-message_history">
<div class="tgme_widget_message_wrap js-widget_message_wrap">
 <div class="tgme_widget_message text_not_supported_wrap js-widget_message" data-post="exmonitor/3" data-view="x">
  <div class="tgme_widget_message_bubble">
   <div class="tgme_widget_message_author accent_color"><a class="tgme_widget_message_owner_name" href="https://t.me/exmonitor"><span dir="auto">Example Monitor</span></a></div>
   <a class="tgme_widget_message_reply" href="https://t.me/exmonitor/2"><div class="tgme_widget_message_text js-message_reply_text" dir="auto">Earlier: sirens in Kharkiv</div></a>
   <div class="tgme_widget_message_text js-message_text" dir="auto"><b>Kharkiv</b>: a missile hit an apartment block, killing three people.<br/><br/>Subscribe</div>
   <div class="tgme_widget_message_footer compact js-message_footer"><div class="tgme_widget_message_info short js-message_info">
    <span class="tgme_widget_message_views">12.3K</span><span class="tgme_widget_message_meta"><a class="tgme_widget_message_date" href="https://t.me/exmonitor/3"><time datetime="2024-12-21T07:02:11+00:00" class="time">07:02</time></a></span>
   </div></div>
  </div>
 </div>
</div>
<div class="tgme_widget_message_wrap js-widget_message_wrap">
 <div class="tgme_widget_message js-widget_message service_message" data-post="exmonitor/4">
  <div class="tgme_widget_message_bubble"><div class="message_media_not_supported">Channel photo updated</div>
  <span class="tgme_widget_message_meta"><time datetime="2024-12-21T07:30:00+00:00">07:30</time></span></div>
 </div>
</div>
</section></body></html>"""


def test_a_channel_web_preview_page_gives_its_posts(tmp_path):
    path = tmp_path / "exmonitor.html"
    path.write_text(PREVIEW, encoding="utf-8")
    [article] = file_articles(path)
    assert article.source["url"] == "https://t.me/exmonitor/3" and article.posted == "2024-12-21T07:02+00:00"
    assert article.text.startswith("Kharkiv: a missile hit") and "sirens" not in article.text
    assert article.source["title"].startswith("Example Monitor: Kharkiv")
    incidents, _ = read_file(path)
    assert [(i.place, i.killed) for i in incidents] == [("Kharkiv", 3)]


def test_watching_a_channel_web_preview_url(tmp_path):
    class Preview(Quiet):
        def do_GET(self):  # noqa: N802 - the http.server API
            self.send_body(PREVIEW.encode(), "text/html; charset=utf-8")

    with serving(Preview) as base:
        saved, clock = [], Clock()
        watcher = Watcher([f"{base}/s/exmonitor"], saved.extend, clock=clock)
        assert watcher.poll()[0]["new_items"] == 1 and [i.place for i in saved] == ["Kharkiv"]
        clock.now += 60
        assert watcher.poll()[0]["new_items"] == 0


def test_published_option_does_not_override_each_posts_own_day(tmp_path):
    path = tmp_path / "result.json"
    path.write_text(json.dumps(export(PLAIN, FORWARDED)), encoding="utf-8")
    incidents, _ = read_file(path, published="2025-01-05")
    assert {i.place: i.started_at[:10] for i in incidents} == {"Kazan": "2024-12-21", "Belgorod": "2024-12-22"}
