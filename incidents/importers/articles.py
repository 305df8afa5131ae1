"""Articles from files: saved web pages (trafilatura: main text, title, date, canonical URL), e-mails and plain
text, one at a time or a folder with a progress bar; folder and feed incidents go to review as drafts."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from incidents.errors import ExtractionError, ImportFormatError
from incidents.importers.limits import check_input_file
from incidents.importers.pipeline import Context, ImportOptions, problem
from incidents.model import Incident

ARTICLE_FILES = (".txt", ".html", ".htm", ".eml")
DRAFT_NOTE = "draft: extracted automatically, review before relying on it"


@dataclass(frozen=True)
class Article:
    """The text to extract from and the source every incident found in it cites."""

    text: str
    source: dict[str, str] = field(default_factory=dict)  # title, url, published


def page_article(html: str, url: str = "") -> Article:
    """A saved web page's main text, title, publication date and canonical URL (trafilatura)."""
    import trafilatura

    found = trafilatura.bare_extraction(html, url=url or None, with_metadata=True, include_comments=False)
    data = found if isinstance(found, dict) else (found.as_dict() if found is not None else {})
    text = (data.get("text") or "").strip()
    if not text:
        raise ExtractionError("no article text found in the page; save the article's own page, not an index")
    title = (data.get("title") or "").strip()
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    source = {"title": title, "url": data.get("url") or url or "", "published": (data.get("date") or "")[:10]}
    return Article(text, {k: v for k, v in source.items() if v})


def mail_article(data: bytes) -> Article:
    """An e-mail's subject (title), date and body (a HTML body through trafilatura)."""
    import email
    import email.policy
    from email.utils import parsedate_to_datetime

    message = email.message_from_bytes(data, policy=email.policy.default)
    body = message.get_body(preferencelist=("plain", "html"))
    content = body.get_content() if body is not None else ""
    if body is not None and body.get_content_subtype() == "html":
        content = page_article(content).text
    source = {"title": str(message.get("subject", "") or "")}
    try:
        source["published"] = parsedate_to_datetime(str(message["date"])).date().isoformat() if message["date"] else ""
    except (TypeError, ValueError):
        pass
    text = f"{source['title']}\n\n{content}" if source["title"] else content
    return Article(text, {k: v for k, v in source.items() if v})


def file_article(path: str | Path) -> Article:
    """The article in a .html/.htm page, a .eml message or a text file."""
    from incidents.importers import load_text

    suffix = Path(path).suffix.lower()
    if suffix == ".eml":
        check_input_file(path)
        return mail_article(Path(path).read_bytes())
    text = load_text(path)
    if suffix in (".html", ".htm") or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        return page_article(text)
    return Article(text)


def extract_article(article: Article, published: Any = None) -> list[Incident]:
    """The incidents the extractor proposes, each citing the article (its date resolves relative dates)."""
    from incidents.extraction import extract_incidents

    when = published or article.source.get("published") or None
    return extract_incidents(article.text, published=when, source=article.source or None)


def as_drafts(incidents: Iterable[Incident]) -> list[Incident]:
    """Incidents marked for review: verification 'unverified' and a draft note (until review states exist)."""
    out = []
    for item in incidents:
        notes = item.notes if DRAFT_NOTE in item.notes else "; ".join(filter(None, (item.notes, DRAFT_NOTE)))
        out.append(item.with_changes(verification="unverified", notes=notes))
    return out


def article_path_batch(path: str | Path, options: ImportOptions) -> Any:
    """A Batch for one article file, or for a folder of articles (drafts, merged across articles)."""
    from incidents.importers import Batch

    ctx = Context(options, None, "article")
    if Path(path).is_dir():
        found = folder_incidents(path, ctx)
    else:
        found = extract_article(file_article(path), options.published)
        ctx.report.read = len(found)
    return Batch(ctx, list(enumerate(found, start=1)))


def article_files(folder: str | Path) -> list[Path]:
    """The .txt, .html, .htm and .eml files of a folder (not its subfolders), by name."""
    root = Path(folder)
    if not root.is_dir():
        raise ImportFormatError(f"{folder} is not a folder")
    return sorted(p for p in root.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_FILES)


def folder_incidents(folder: str | Path, ctx: Context) -> list[Incident]:
    """Every article of a folder extracted (progress bar on stderr), merged across articles, as drafts; an article
    that cannot be read is a problem naming the file, never the end of the run."""
    from tqdm import tqdm

    from incidents.extraction import merge_incidents

    files = article_files(folder)
    if not files:
        raise ImportFormatError(f"no .txt, .html or .eml files in {folder}")
    found: list[Incident] = []
    for number, path in enumerate(tqdm(files, desc="articles", unit="file", file=sys.stderr), start=1):
        ctx.report.read += 1
        try:
            found += extract_article(file_article(path), ctx.options.published)
        except (ExtractionError, ImportFormatError) as exc:
            ctx.report.reject({**problem(number, "file", path.name, str(exc)), "file": path.name})
    return as_drafts(merge_incidents(found))
