"""escape.py: HTML, JS string, embedded JSON and URL escaping hold against injection payloads."""

import json

import pytest
from jinja2 import Template

from dashboard.escape import html_text, js_json, js_literal, js_string, safe_url
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
