"""Official statements saved as PDF read as one article (pypdf): the text page by page, the title and date it states."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from incidents.errors import ImportFormatError

MAX_PAGES = 500


def pdf_article(path: str | Path) -> Any:
    """The Article of a PDF: its pages' text (a blank line between pages), /Title and /CreationDate as the source."""
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    from incidents.importers.articles import Article

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # warnings about sloppy files go to our one-line report
    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ImportFormatError(f"{Path(path).name} is a password-protected PDF; save an unprotected copy")
        pages = [page.extract_text() or "" for page in reader.pages[:MAX_PAGES]]
        info = reader.metadata or {}
        title = str(info.get("/Title") or "").strip()
        published = _pdf_date(str(info.get("/CreationDate") or ""))
    except ImportFormatError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError,
            AssertionError, ZeroDivisionError) as exc:
        raise ImportFormatError(f"{Path(path).name} is not a readable PDF ({type(exc).__name__}); "
                                "save the statement as text or HTML") from None
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise ImportFormatError(f"{Path(path).name} has no text layer (a scanned PDF?); paste its text instead")
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Article(text, {k: v for k, v in {"title": title, "published": published}.items() if v})


def _pdf_date(value: str) -> str:
    """YYYY-MM-DD from a PDF date (D:20241221103000+03'00'), else ''."""
    digits = value.removeprefix("D:")[:8]
    if len(digits) == 8 and digits.isdigit():
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    return ""
