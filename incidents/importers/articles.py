"""Articles from files: saved web pages (trafilatura: main text, title, date, canonical URL), e-mails and plain
text, one at a time or a folder with a progress bar; folder and feed incidents go to review as drafts."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from incidents.errors import ExtractionError, ImportFormatError
from incidents.importers.limits import check_input_file, load_json
from incidents.importers.liveblog import day_of, decode_page, mhtml_page, moment, page_facts
from incidents.importers.pipeline import Context, ImportOptions, problem
from incidents.importers.textclean import clean_text, fragment_text
from incidents.model import Incident

ARTICLE_FILES = (".txt", ".html", ".htm", ".eml", ".pdf", ".json", ".mht", ".mhtml")
DRAFT_NOTE = "draft: extracted automatically, review before relying on it"


@dataclass(frozen=True)
class Article:
    """The text to extract from and the source every incident found in it cites; `posted` (ISO time with offset) is
    set for short posts and live-blog entries, whose incidents of that day take the post's time."""

    text: str
    source: dict[str, str] = field(default_factory=dict)  # title, url, published
    posted: str = ""

    @property
    def digest(self) -> str:
        """A hash of the normalised text: the same post seen again under another address is not extracted twice."""
        import hashlib

        return "sha1:" + hashlib.sha1(" ".join(clean_text(self.text).split()).encode("utf-8")).hexdigest()


def page_article(html: str, url: str = "") -> Article:
    """A saved web page's main text, title, publication date and canonical URL (the whole page as one article)."""
    facts = page_facts(html)
    return _whole_page(html, url, facts)


def page_articles(html: str, url: str = "") -> list[Article]:
    """The articles of a saved page: one per live-blog entry (JSON-LD liveBlogUpdate, each with its own time and
    text), else the whole page."""
    facts = page_facts(html)
    entries = [e for e in facts.get("entries") or [] if e.text or e.headline]
    if not entries:
        return [_whole_page(html, url, facts)]
    page_url = facts.get("url") or url
    out = []
    for entry in entries:
        text = entry.text if not entry.headline or entry.text.startswith(entry.headline) else \
            f"{entry.headline}\n\n{entry.text}"
        title = " — ".join(filter(None, (facts.get("title", ""), entry.headline)))
        source = {"title": title, "url": entry.url or page_url,
                  "published": day_of(entry.published) or day_of(facts.get("published", ""))}
        posted = moment(entry.published)
        out.append(Article(text, {k: v for k, v in source.items() if v},
                           posted.isoformat(timespec="minutes") if posted else ""))
    return out


def _whole_page(html: str, url: str, facts: dict[str, Any]) -> Article:
    """The main text through trafilatura; title, canonical URL and date from the page's JSON-LD/meta facts first."""
    import trafilatura

    try:
        found = trafilatura.bare_extraction(html, url=url or None, with_metadata=True, include_comments=False)
    except (ValueError, TypeError, AttributeError, RecursionError):
        found = None
    data = found if isinstance(found, dict) else (found.as_dict() if found is not None else {})
    text = (data.get("text") or "").strip()
    body = fragment_text(facts.get("body") or "").strip()
    if len(body) > 1.5 * len(text):
        text = body  # pages drawn by script (or cut to a teaser) still carry the whole text in JSON-LD articleBody
    if not text:
        raise ExtractionError("no article text found in the page; save the article's own page, not an index")
    title = (facts.get("title") or data.get("title") or "").strip()
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    source = {"title": title, "url": facts.get("url") or data.get("url") or url or "",
              "published": day_of(facts.get("published", "")) or (data.get("date") or "")[:10]}
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
    """The article in a file (the first, for a file of several posts)."""
    return file_articles(path)[0]


def file_articles(path: str | Path, channel: str = "") -> list[Article]:
    """The articles in a file: a saved page (one per live-blog entry), a Telegram export (one per message), a .eml
    message, a PDF statement or a text file; ImportFormatError/ExtractionError in one line when it holds none."""
    from incidents.importers import load_text, telegram

    suffix = Path(path).suffix.lower()
    check_input_file(path)
    if suffix == ".eml":
        return [mail_article(Path(path).read_bytes())]
    if suffix == ".pdf":
        from incidents.importers.pdf import pdf_article

        return [pdf_article(path)]
    if suffix == ".json":
        articles = telegram.json_articles(load_json(load_text(path)), channel)
        return _some(articles, path, "text messages")
    if suffix in (".mht", ".mhtml"):
        return page_articles(*mhtml_page(Path(path).read_bytes()))
    text, _ = decode_page(Path(path).read_bytes())
    if suffix in (".html", ".htm") or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        if telegram.is_html_export(text):
            return _some(telegram.html_articles(text, channel), path, "text messages")
        if telegram.is_web_preview(text):
            return _some(telegram.web_preview_articles(text), path, "text posts")
        return page_articles(text)
    return [Article(text)]


def extract_input(path: str) -> tuple[str, dict[str, str]]:
    """`extract`'s input as normalised text and the source it states: stdin ('-'), a text file, or the first article
    of a saved page, .mhtml, mail or PDF."""
    from incidents.importers import load_text

    if path == "-":
        return clean_text(sys.stdin.read()), {}
    if Path(path).suffix.lower() in (".html", ".htm", ".mht", ".mhtml", ".eml", ".pdf"):
        article = file_article(path)
        return clean_text(article.text), dict(article.source)
    return clean_text(load_text(path)), {}


def _some(articles: list[Article], path: str | Path, what: str) -> list[Article]:
    if not articles:
        raise ImportFormatError(f"no {what} in {Path(path).name}")
    return articles


def extract_article(article: Article, published: Any = None) -> list[Incident]:
    """The incidents the extractor proposes for the article's normalised text (textclean), each citing the article
    (its date resolves relative dates); a post's incidents of its own day take the post's time."""
    from incidents.extraction import extract_incidents

    own = article.source.get("published") or None
    when = (own if article.posted else None) or published or own  # a post's own time wins over --published
    found = extract_incidents(clean_text(article.text), published=when, source=article.source or None)
    return [at_post_time(item, article.posted) for item in found] if article.posted else found


def at_post_time(item: Incident, posted: str) -> Incident:
    """An incident dated only by day, on the day of a post, timed at the post (to the hour: it happened by then)."""
    if item.time_precision != "day" or item.ended_at or item.started_at[:10] != posted[:10]:
        return item
    note = f"time: when the post was published ({posted[11:16]} UTC{posted[16:] or ''}); the event was at or before it"
    try:
        return item.with_changes(started_at=posted, time_precision="hour",
                                 notes="; ".join(filter(None, (item.notes, note))))
    except ValueError:
        return item


def as_drafts(incidents: Iterable[Incident]) -> list[Incident]:
    """Incidents marked for review: verification 'unverified' and a draft note (until review states exist)."""
    out = []
    for item in incidents:
        notes = item.notes if DRAFT_NOTE in item.notes else "; ".join(filter(None, (item.notes, DRAFT_NOTE)))
        out.append(item.with_changes(verification="unverified", notes=notes))
    return out


def article_path_batch(path: str | Path, options: ImportOptions) -> Any:
    """A Batch for one article file (several posts merged), or for a folder of articles (drafts, merged)."""
    from incidents.importers import Batch

    ctx = Context(options, None, "article")
    if Path(path).is_dir():
        found = folder_incidents(path, ctx)
    else:
        articles = file_articles(path, options.channel)
        if len(articles) == 1:
            found = extract_article(articles[0], options.published)
        else:
            found = articles_incidents(articles, ctx, Path(path).name)
        ctx.report.read = len(found)
        ctx.report.info["articles"] = len(articles)
    return Batch(ctx, list(enumerate(found, start=1)))


def articles_incidents(articles: list[Article], ctx: Context, name: str) -> list[Incident]:
    """The incidents of several posts of one file, merged; a post that cannot be read is a problem, not the end."""
    from incidents.extraction import merge_incidents

    found: list[Incident] = []
    for number, article in enumerate(articles, start=1):
        try:
            found += extract_article(article, ctx.options.published)
        except (ExtractionError, ImportFormatError) as exc:
            where = article.source.get("url") or f"{name} #{number}"
            ctx.report.reject({**problem(number, "article", where, str(exc)), "file": name})
    return merge_incidents(found)


def article_files(folder: str | Path) -> list[Path]:
    """The article files of a folder by name (.txt, .html, .htm, .eml, .pdf, Telegram result.json), and the
    Telegram exports in its direct subfolders (result.json, messages*.html)."""
    from incidents.importers.telegram import iter_export_files

    root = Path(folder)
    if not root.is_dir():
        raise ImportFormatError(f"{folder} is not a folder")
    own = sorted(p for p in root.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_FILES
                 and (p.suffix.lower() != ".json" or _telegram_json(p)))
    return own + list(iter_export_files(root))


def _telegram_json(path: Path) -> bool:
    from incidents.importers.telegram import is_json_export

    try:
        with open(path, "rb") as stream:
            return is_json_export(stream.read(4096).decode("utf-8", errors="replace").lstrip("\ufeff"))
    except OSError:
        return False


def folder_incidents(folder: str | Path, ctx: Context) -> list[Incident]:
    """Every article of a folder extracted (progress bar on stderr), merged across articles, as drafts; an article
    that cannot be read is a problem naming the file, never the end of the run."""
    from tqdm import tqdm

    from incidents.extraction import merge_incidents

    files = article_files(folder)
    if not files:
        raise ImportFormatError(f"no .txt, .html, .eml, .pdf files or Telegram exports in {folder}")
    found: list[Incident] = []
    for number, path in enumerate(tqdm(files, desc="articles", unit="file", file=sys.stderr), start=1):
        ctx.report.read += 1
        try:
            articles = file_articles(path, ctx.options.channel)
            found += extract_article(articles[0], ctx.options.published) if len(articles) == 1 else \
                articles_incidents(articles, ctx, path.name)
        except (ExtractionError, ImportFormatError) as exc:
            ctx.report.reject({**problem(number, "file", path.name, str(exc)), "file": path.name})
    return as_drafts(merge_incidents(found))
