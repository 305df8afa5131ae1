"""The briefing as one 16:9 slide (python-pptx): map image, key figures, the table's first rows, sources in the notes."""

from __future__ import annotations

import io
from typing import Any

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt

from dashboard.briefing_markdown import blocks, plain

SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)
SLIDE_ROWS = 6  # table rows on the slide
SUMMARY_CHARS = 600  # the slide shows the summary's start; the notes carry it whole
BANNER_RED = RGBColor(0x7A, 0x00, 0x19)


def slide_bytes(built: Any, map_png: bytes) -> bytes:
    """One 16:9 slide of a built briefing (dashboard.briefing_html.Briefing) with `map_png` as its map."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_W, SLIDE_H
    slide = deck.slides.add_slide(deck.slide_layouts[6])  # blank
    banner = _banner_text(built)
    top = Inches(0.15)
    if banner:
        _text(slide, banner, Inches(0.4), top, Inches(12.53), Inches(0.3), 10, bold=True, color=BANNER_RED, center=True)
        top += Inches(0.3)
    _text(slide, built.title, Inches(0.4), top, Inches(12.53), Inches(0.75), 22 if len(built.title) <= 70 else 16,
          bold=True)
    body_top = top + Inches(0.8)
    picture_w = Inches(7.0)
    picture = slide.shapes.add_picture(io.BytesIO(map_png), Inches(0.4), body_top, width=picture_w)
    if picture.height > SLIDE_H - body_top - Inches(0.55):
        scale = (SLIDE_H - body_top - Inches(0.55)) / picture.height
        picture.height, picture.width = int(picture.height * scale), int(picture.width * scale)
    left = Inches(7.6)
    width = SLIDE_W - left - Inches(0.4)
    figures = [built.headline] + ([f"Reliability: {built.reliability}"] if built.reliability else [])
    box = _text(slide, "\n".join(figures), left, body_top, width, Inches(1.1), 12, bold=True)
    summary = _summary_text(built)
    y = body_top + Inches(1.15)
    if summary:
        _text(slide, summary, left, y, width, Inches(2.1), 11)
        y += Inches(2.2)
    _table(slide, built.rows[:SLIDE_ROWS], left, y, width)
    footer = "Numbers on the map are the table's #. Sources and the full summary are in the notes."
    if len(built.rows) > SLIDE_ROWS:
        footer = f"First {SLIDE_ROWS} of {len(built.rows):,} listed incidents. " + footer
    _text(slide, footer, Inches(0.4), SLIDE_H - Inches(0.5 if not banner else 0.75), Inches(12.53), Inches(0.3), 9)
    if banner:
        _text(slide, banner, Inches(0.4), SLIDE_H - Inches(0.4), Inches(12.53), Inches(0.3), 10, bold=True,
              color=BANNER_RED, center=True)
    if built.synthetic:
        mark = _text(slide, "SYNTHETIC DATA", Inches(2.0), Inches(3.0), Inches(9.3), Inches(1.4), 72, bold=True,
                     color=RGBColor(0xE0, 0xA0, 0xA0), center=True)
        mark.rotation = -28
    slide.notes_slide.notes_text_frame.text = notes_text(built)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def _banner_text(built: Any) -> str:
    return getattr(built, "banner", "") or ""


def _summary_text(built: Any) -> str:
    source = _summary_source(built)
    if not source:
        return ""
    text = "\n".join(plain(kind, lines) for kind, lines in blocks(source))
    return text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS - 1].rstrip() + "… (continued in the notes)"


def _summary_source(built: Any) -> str:
    return getattr(built, "summary_source", "") or ""


def notes_text(built: Any) -> str:
    """The speaker notes: the whole summary, then every source with its URL."""
    lines = []
    source = _summary_source(built)
    if source:
        lines += ["Summary:", "\n".join(plain(kind, rows) for kind, rows in blocks(source)), ""]
    lines.append("Sources:")
    for number, item in enumerate(built.sources, 1):
        when = str(item.get("published") or "")[:10]
        lines.append(f"[{number}] {item.get('title') or 'untitled source'}" + (f" ({when})" if when else ""))
        lines.append(f"    {item.get('url') or 'no URL given'}")
    if not built.sources:
        lines.append("No sources cited.")
    return "\n".join(lines)


def _text(slide: Any, text: str, left: Emu, top: Emu, width: Emu, height: Emu, size: int, *, bold: bool = False,
          color: RGBColor | None = None, center: bool = False) -> Any:
    shape = slide.shapes.add_textbox(left, top, width, height)
    frame = shape.text_frame
    frame.word_wrap = True
    for index, line in enumerate(text.split("\n")):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.alignment = PP_ALIGN.CENTER if center else PP_ALIGN.LEFT
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = bold
        if color is not None:
            run.font.color.rgb = color
    return shape


def _table(slide: Any, rows: list[Any], left: Emu, top: Emu, width: Emu) -> None:
    if not rows:
        _text(slide, "No incidents in this window.", left, top, width, Inches(0.4), 12, bold=True)
        return
    header = ("#", "Local time", "Place", "Type", "Verification")
    shape = slide.shapes.add_table(len(rows) + 1, len(header), left, top, width, Inches(0.28) * (len(rows) + 1))
    table = shape.table
    for column, share in enumerate((0.05, 0.34, 0.26, 0.2, 0.15)):
        table.columns[column].width = int(width * share)
    for column, name in enumerate(header):
        _cell(table.cell(0, column), name, bold=True)
    for index, row in enumerate(rows, 1):
        values = (str(row.number), row.when, row.full_place, row.kind, row.verification)
        for column, value in enumerate(values):
            _cell(table.cell(index, column), str(value.unescape()) if hasattr(value, "unescape") else str(value))


def _cell(cell: Any, text: str, bold: bool = False) -> None:
    cell.text = text
    for paragraph in cell.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(7)
            run.font.bold = bold
