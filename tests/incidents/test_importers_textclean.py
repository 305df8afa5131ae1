"""Pasted text as browsers copy it is normalised once before extraction: the result equals the clean text's; PDF
statements are read page by page; hostile input to the new parsers is one clear line, never a traceback."""

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from incidents.errors import ExtractionError, ImportFormatError, IncidentsError
from incidents.importers import read_file, read_text
from incidents.importers.articles import file_articles
from incidents.importers.feeds import feed_articles
from incidents.importers.liveblog import page_facts
from incidents.importers.telegram import html_articles, json_articles, web_preview_articles
from incidents.importers.textclean import clean_text, fragment_text
from tests.incidents.test_cli import assert_one_line_error, run

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "incidents" / "samples" / "articles" / "000_kazan_2024-12-21.txt").read_text(encoding="utf-8")
CLEAN = ("date 2024-12-21\nDrones hit Kazan\n"
         "Ukrainian drones struck a high-rise building in Kazan on Saturday, injuring two people, \"the governor\" said. "
         "Flights at Kazan airport were suspended for several hours. ") + "Residents were told to stay inside. " * 80


def messy(text: str) -> str:
    """The clean text as a browser copy gives it: CRLF, non-breaking spaces, soft hyphens, zero-width characters,
    smart quotes, a literal &nbsp; and one very long line."""
    return (text.replace("\n", "\r\n").replace("Kazan on", "Ka\u00adzan\u00a0on").replace("drones ", "drones\u200b ")
            .replace('"the governor"', "\u201cthe governor\u201d").replace("Flights at", "Flights&nbsp;at")
            .replace("high-rise", "high\u2011rise".replace("\u2011", "-")) + "\u200d")


def test_messy_paste_normalises_to_the_clean_text_and_extracts_the_same():
    dirty = messy(CLEAN)
    assert dirty != CLEAN and clean_text(dirty) == clean_text(CLEAN)
    assert max(map(len, clean_text(CLEAN).split("\n"))) <= 2000  # the long paragraph broken at sentence ends
    got, _ = read_text(dirty, "article")
    want, _ = read_text(CLEAN, "article")
    assert [i.to_dict() for i in got] == [i.to_dict() for i in want]
    assert {(i.event_type, i.place, i.injured) for i in got} >= {("drone_strike", "Kazan", 2)}


def test_clean_text_leaves_clean_text_as_it_is_and_keeps_the_seed_extraction(tmp_path):
    assert clean_text("Kyiv – a cruise missile struck «the plant».\n\n- Lviv") == \
        "Kyiv – a cruise missile struck «the plant».\n\n- Lviv"
    a, b = tmp_path / "clean.txt", tmp_path / "dirty.txt"
    a.write_text(SEED, encoding="utf-8")
    b.write_bytes(messy(SEED).encode("utf-8"))
    got, want = read_file(b, "article")[0], read_file(a, "article")[0]
    assert [(i.event_type, i.place, i.started_at, i.killed, i.injured) for i in got] == \
        [(i.event_type, i.place, i.started_at, i.killed, i.injured) for i in want]
    done = run("extract", b, db=tmp_path / "s.sqlite")
    assert done.returncode == 0 and "\u00ad" not in done.stdout and "&nbsp;" not in done.stdout


def test_fragment_text_keeps_blocks_and_line_breaks():
    assert fragment_text("<p>One<br>two</p><ul><li>three</li><li>four</li></ul><script>x()</script>") == \
        "One\ntwo\n\nthree\n\nfour"
    assert fragment_text("no tags & more") == "no tags & more"


def pdf_bytes(pages: list[str], title: str = "Statement of the Ministry") -> bytes:
    """A small valid PDF with one text line per page (Helvetica), built by hand with a correct xref table."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               f"<< /Title ({title}) /CreationDate (D:20241221103000+03'00') >>"]
    kids = []
    for text in pages:
        stream = f"BT /F1 11 Tf 40 760 Td ({text}) Tj ET"
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {len(objects)} 0 R "
                       "/Resources << /Font << /F1 3 0 R >> >> >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_pdf_statement_is_one_article_with_its_pages_title_and_date(tmp_path):
    path = tmp_path / "statement.pdf"
    path.write_bytes(pdf_bytes(["A missile hit an apartment block in Kharkiv, killing three people.",
                                "Two people were injured when a drone hit a house in Belgorod."]))
    [article] = file_articles(path)
    assert article.source == {"title": "Statement of the Ministry", "published": "2024-12-21"}
    assert "Kharkiv" in article.text and "Belgorod" in article.text
    done = run("import", path, db=tmp_path / "s.sqlite")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["inserted"] >= 2
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj <<>> garbage")
    assert_one_line_error(run("import", broken, db=tmp_path / "s.sqlite"))


FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.text(max_size=3000))
def test_clean_text_is_idempotent_on_any_text(text):
    once = clean_text(text)
    assert clean_text(once) == once and "\r" not in once and "\u00ad" not in once


@FAST
@given(st.text(max_size=2000))
def test_page_and_fragment_readers_never_raise(text):
    page_facts(text)
    page_facts(f'<html><head><script type="application/ld+json">{text}</script></head><body>{text}</body></html>')
    fragment_text(f"<p>{text}</p>")
    block = f'<div id="{text[:5]}"><time datetime="2024-12-21T10:00{text[:3]}">x</time><h2>{text}</h2>{text}</div>'
    page_facts(f"<html><head><title>Live {text[:20]}</title></head><body>{block * 3}</body></html>")


JSONISH = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                       lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                   max_size=4), max_leaves=20)
MESSAGE = st.fixed_dictionaries({"id": JSONISH | st.integers(), "type": st.sampled_from(["message", "service"]) | JSONISH,
                                 "date": JSONISH | st.just("2024-12-21T09:15:30"),
                                 "date_unixtime": JSONISH | st.just("1734761730"),
                                 "text": JSONISH | st.lists(st.text(max_size=20) | st.fixed_dictionaries(
                                     {"type": st.text(max_size=5), "text": JSONISH}), max_size=4)})


@FAST
@given(st.lists(MESSAGE, max_size=5), JSONISH)
def test_telegram_readers_never_raise_anything_but_a_clear_error(messages, name):
    try:
        json_articles({"name": name, "type": "public_channel", "id": name, "messages": messages})
    except ImportFormatError:
        pass
    html_articles(f'<div class="message default" id="message1"><div class="body">'
                  f'<div class="date" title="{name}">x</div><div class="text">{messages}</div></div></div>')
    web_preview_articles(f'<div class="tgme_widget_message" data-post="{name}/{messages}"><div class='
                         f'"tgme_widget_message_text">{messages}</div><time datetime="{name}"></time></div>')


@FAST
@given(st.binary(max_size=2000) | st.text(max_size=2000).map(lambda t: f"<rss><channel><item>{t}</item></channel></rss>"
                                                             .encode("utf-8", "replace")))
def test_feed_reader_never_raises_anything_but_a_clear_error(body):
    try:
        feed_articles(body, "https://example.org/feed")
    except (ImportFormatError, ExtractionError):
        pass


@FAST
@given(st.binary(max_size=3000))
def test_any_bytes_as_a_page_or_export_file_is_read_or_refused_in_one_line(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("hostile")
    for name in ("page.html", "result.json", "statement.pdf", "messages.html", "page.mhtml", "post.txt"):
        path = folder / name
        path.write_bytes(data if name != "result.json" else b'{"name":"x","type":"public_channel","messages":' + data)
        try:
            file_articles(path)
        except IncidentsError:
            pass
