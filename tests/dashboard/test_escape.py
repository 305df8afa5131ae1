"""escape.py: HTML, JS string, embedded JSON and URL escaping hold against injection payloads."""

import json
import re

import pytest
from jinja2 import Template

from dashboard.escape import WORD_JOINER, html_text, js_json, js_literal, js_string, markdown_text, safe_url
from tests.dashboard.maps_cases import HOSTILE, HOSTILE_URLS

DANGEROUS_IN_SCRIPT = ("</script", "<!--", "`", "${", "\u2028", "\u2029", "{{", "}}", "{%")


@pytest.mark.parametrize("text", HOSTILE)
def test_html_text_leaves_no_markup_or_template_syntax(text):
    out = html_text(text)
    for bad in ("<", ">", '"', "'", "`", "$", "\\", "{", "}"):
        assert bad not in out
    assert html_text(None) == ""


def test_html_text_decodes_back_to_the_original():
    import html

    for text in HOSTILE:
        assert html.unescape(html_text(text)) == text


@pytest.mark.parametrize("text", HOSTILE + ("tab\there", "nul\x00", "line\nbreak"))
def test_js_string_round_trips_and_is_inert(text):
    body = js_string(text)
    assert json.loads(f'"{body}"') == text  # every escape used is also valid JSON
    assert json.loads(js_literal(text)) == text
    for bad in DANGEROUS_IN_SCRIPT + ('"', "'", "<", "\n"):
        assert bad not in body


def test_js_json_round_trips_nested_data_and_is_inert():
    data = {"a": list(HOSTILE), "b": {"c": {"d": HOSTILE[0]}}, "n": [1, 2.5, None, True], "{{k}}": "x"}
    out = js_json(data)
    assert json.loads(out) == data
    for bad in DANGEROUS_IN_SCRIPT:
        assert bad not in out


def test_js_json_is_a_fixed_point_of_jinja():
    out = js_json({"x": "{{ 7*7 }} {% if 1 %}y{% endif %} {# c #}", "deep": {"deeper": {"z": 1}}})
    assert Template(out).render() == out


def test_js_json_keeps_literal_backslash_u_sequences():
    text = "\\u0001 and \x01"
    assert json.loads(js_json(text)) == "\\u0001 and \ufffd"


@pytest.mark.parametrize("url", ["https://example.org/a?b=1&c=2", "http://x.example", "HTTPS://EXAMPLE.ORG/"])
def test_safe_url_keeps_http_links(url):
    assert safe_url(url) == url


@pytest.mark.parametrize("url", list(HOSTILE_URLS[:3]) + ["", None, "/relative", "ftp://x.example", "https://", "http:// x",
                                                          "vbscript:msgbox", " javascript:alert(1)"])
def test_safe_url_refuses_everything_else(url):
    assert safe_url(url) is None


MARKDOWN_PAYLOADS = (
    "`code` ![i](https://evil.example/i.png)",
    "[l](https://evil.example/) <https://evil.example/a> https://evil.example/b www.evil.example x@evil.example",
    "![d](data:image/png;base64,AAAA)",
    "$x^2$ $$\\href{https://evil.example}{y}$$",
    ":red[red] :material/warning: :streamlit: :smile:",
    "<img src=https://evil.example/h.png> &lt;b&gt;",
    "# heading\n- list\n> quote\n\n[r]: https://evil.example/r.png",
)


@pytest.mark.parametrize("text", MARKDOWN_PAYLOADS + HOSTILE)
def test_markdown_text_escapes_every_punctuation_mark(text):
    out = markdown_text(text)
    unescaped = re.sub(r"\\[!-/:-@\[-`{-~]", "", out)
    assert not re.search(r"[!-/:-@\[-`{-~]", unescaped), "every punctuation mark is preceded by a backslash"
    assert "\n" not in out


@pytest.mark.parametrize("text", MARKDOWN_PAYLOADS)
def test_markdown_text_breaks_the_text_patterns_of_links_icons_and_emoji(text):
    shown = re.sub(r"\\(.)", r"\1", markdown_text(text))  # what the Markdown parser leaves as text
    assert not re.search(r"https?://|www\.|@\w|:[\w/+-]+:|:\w+\[", shown)
    assert shown.replace(WORD_JOINER, "") == re.sub(r"\n+", " ", text)


def test_markdown_text_shows_the_same_characters():
    text = "Kazan: 5 drones (`x`) at 07:40, see www.example.org"
    shown = re.sub(r"\\(.)", r"\1", markdown_text(text)).replace(WORD_JOINER, "")
    assert shown == text
    assert markdown_text(None) == ""
    assert markdown_text("line\r\nbreak\u2028here") == "line break here"
