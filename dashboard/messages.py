"""Error messages as the app says them: a form's field names, never the command line's flags."""

from __future__ import annotations

import re

from dashboard.escape import markdown_text

COLUMN_MAP = "the column map"
DATE_CHOICE = '"Dates like 03/04/2024"'
REMEDIES = (  # the importers' command-line remedies (incidents.importers) and the Import page's control for each
    (r"(?:choose with|say which with|use) --date-order dmy(?:\|mdy| or --date-order mdy)",
     f"choose under {DATE_CHOICE}"),
    (r"map it with --value event_type:(.+?)=strike", r'map the label under "Labels to map" (event_type:\1=strike)'),
    (r"map its columns, e.g\. .*? \(or --format [\w|]+\)", f"map its columns in {COLUMN_MAP} (or choose another Format)"),
    (r"add --map lat=Column --map lon=Column, or --map place=Column",
     f"pick the lat and lon columns, or the place column, in {COLUMN_MAP}"),
    (r"add --map started_at=Column \(or date=Column\)", f"pick the started_at column in {COLUMN_MAP}"),
    (r"import with --map (\w+)=(\S+)", rf"pick \2 for \1 in {COLUMN_MAP}"),
    (r"(?:with |add )?--map (\w+)=NAME", rf"pick the property holding \1 in {COLUMN_MAP}"),
    (r"(?:add )?--map (\w+)=Column", rf"pick the \1 column in {COLUMN_MAP}"),
    (r"--published YYYY-MM-DD", 'the "Publication date" field'),
    (r"choose another --format", "choose another Format"),
    (r"--format ([\w|]+)", r"the Format choice (\1)"),
)


def app_wording(text: str) -> str:
    """A message from the incidents package with the command line's remedies said as the Import page's controls."""
    for pattern, said in REMEDIES:
        text = re.sub(pattern, said, text)
    return text


def problem_rows(problems: list[dict]) -> list[dict]:
    """Rejected rows' problems (incidents.importers.pipeline.problem) with their messages in the app's wording."""
    return [{**item, "message": app_wording(str(item.get("message", "")))} for item in problems]


def error_text(exc: BaseException) -> str:
    """The exception's one-line message for st.error, escaped: an InputError's form wording (the app's field names),
    any other error's message with the importers' flags said as the Import page's controls."""
    form = getattr(exc, "form", None)
    return markdown_text(str(form) if form else app_wording(str(exc)))
