"""Error messages as the app says them: a form's field names, never the command line's flags."""

from __future__ import annotations

from dashboard.escape import markdown_text


def error_text(exc: BaseException) -> str:
    """The exception's one-line message for st.error, escaped: an InputError's form wording (the app's field names),
    any other error's own message."""
    return markdown_text(str(getattr(exc, "form", None) or exc))
