"""Scores extraction on a labelled corpus: recall, precision, forbidden hits, casualties, per language and style."""

from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from geodata.distances import geodesic_km

MATCH_KM = 30.0
FORBIDDEN_KM = 15.0
MATCH_DAYS = 1
CASUALTY_FIELDS = ("killed", "injured")


@dataclass(frozen=True)
class Labelled:
    """One corpus article: its text and its labels (see tests/incidents/extraction/corpus/README.md)."""

    name: str
    text: str
    labels: Mapping[str, Any]

    @property
    def language(self) -> str:
        return str(self.labels.get("language", "?"))

    @property
    def style(self) -> str:
        return str(self.labels.get("style", "?"))

    @property
    def published(self) -> str | None:
        return self.labels.get("published")


def load_corpus(folder: Path) -> list[Labelled]:
    """Every `NAME.txt` in a folder with its `NAME.json` labels, in name order."""
    articles = []
    for text_path in sorted(Path(folder).glob("*.txt")):
        labels = json.loads(text_path.with_suffix(".json").read_text(encoding="utf-8"))
        articles.append(Labelled(text_path.stem, text_path.read_text(encoding="utf-8"), labels))
    return articles


def _day(value: Any) -> date | None:
    """The day of an ISO date or timestamp; None when there is none (an incident without a readable start)."""
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _kinds(expected: Mapping[str, Any]) -> set[str]:
    kind = expected["event_type"]
    return {kind} if isinstance(kind, str) else set(kind)


def _near(item: Any, lat: float, lon: float, km: float) -> bool:
    return geodesic_km(item.lat, item.lon, lat, lon) <= km


def matches(item: Any, expected: Mapping[str, Any]) -> bool:
    """An extracted incident matches a label: right kind, within 30 km, and within a day of the labelled date."""
    day = _day(item.started_at)
    return (item.event_type in _kinds(expected)
            and _near(item, expected["lat"], expected["lon"], MATCH_KM)
            and day is not None and abs((day - _day(expected["date"])).days) <= MATCH_DAYS)


def pair_up(candidates: Sequence[Sequence[int]]) -> dict[int, int]:
    """A largest one-to-one pairing of labels with extracted incidents ({label: incident}), given for each label the
    incidents that match it: one incident never counts as finding two labels (augmenting paths; corpora are small)."""
    owner: dict[int, int] = {}

    def claim(label: int, seen: set[int]) -> bool:
        for item in candidates[label]:
            if item not in seen:
                seen.add(item)
                if item not in owner or claim(owner[item], seen):
                    owner[item] = label
                    return True
        return False

    for label in range(len(candidates)):
        claim(label, set())
    return {label: item for item, label in owner.items()}


@dataclass
class Tally:
    """Counts behind the figures for one group of articles."""

    articles: int = 0
    expected: int = 0
    found: int = 0
    extracted: int = 0
    correct: int = 0
    forbidden_hits: int = 0
    casualties_stated: int = 0
    casualties_right: int = 0
    errors: int = 0

    def add(self, other: "Tally") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, Any]:
        ratio = lambda a, b: round(a / b, 3) if b else None  # noqa: E731
        return {"articles": self.articles, "expected": self.expected, "extracted": self.extracted,
                "recall": ratio(self.found, self.expected), "precision": ratio(self.correct, self.extracted),
                "forbidden_hits": self.forbidden_hits, "casualty_accuracy": ratio(self.casualties_right,
                                                                                  self.casualties_stated),
                "errors": self.errors}


def score_article(extracted: Sequence[Any], labels: Mapping[str, Any]) -> tuple[Tally, list[str]]:
    """The tally of one article and a line per miss, wrong incident, forbidden hit or wrong casualty figure."""
    expected = list(labels.get("expected", []))
    tally = Tally(articles=1, expected=len(expected), extracted=len(extracted))
    notes: list[str] = []
    candidates = [[n for n, item in enumerate(extracted) if matches(item, label)] for label in expected]
    paired = pair_up(candidates)
    for number, label in enumerate(expected):
        if number not in paired:
            notes.append(f"missed {label['event_type']} at {label.get('place')} on {label['date']}")
            continue
        tally.found += 1
        hits = [extracted[n] for n in candidates[number]]
        for name in CASUALTY_FIELDS:
            if label.get(name) is not None:
                tally.casualties_stated += 1
                if any(getattr(hit, name) == label[name] for hit in hits):
                    tally.casualties_right += 1
                else:
                    notes.append(f"{name} at {label.get('place')}: {[getattr(h, name) for h in hits]} "
                                 f"instead of {label[name]}")
    matched = {n for found in candidates for n in found}
    for number, item in enumerate(extracted):
        if number in matched:
            tally.correct += 1
            continue
        notes.append(f"unexpected {item.event_type} at {item.place} on {str(item.started_at)[:10]}")
        forbidden = labels.get("forbidden", [])
        bad = next((bad for bad in forbidden if _near(item, bad["lat"], bad["lon"], FORBIDDEN_KM)), None)
        if bad is not None:
            tally.forbidden_hits += 1
            notes.append(f"forbidden place {bad.get('place')} got an incident")
    return tally, notes


def evaluate(articles: Iterable[Labelled], extract: Callable[[str, str | None], Sequence[Any]]) -> dict[str, Any]:
    """Figures overall, per language and per style, the articles per second, and the notes of every article."""
    overall, by_language, by_style = Tally(), defaultdict(Tally), defaultdict(Tally)
    notes: dict[str, list[str]] = {}
    seconds = 0.0
    for article in articles:
        start = time.perf_counter()
        try:
            extracted = extract(article.text, article.published)
        except Exception as exc:  # a crash is a finding of the benchmark, counted and named
            extracted, crash = [], f"raised {type(exc).__name__}: {exc}"
        else:
            crash = ""
        seconds += time.perf_counter() - start
        tally, lines = score_article(extracted, article.labels)
        if crash:
            tally.errors += 1
            lines.insert(0, crash)
        for group in (overall, by_language[article.language], by_style[article.style]):
            group.add(tally)
        if lines:
            notes[article.name] = lines
    result = overall.figures()
    result["articles_per_second"] = round(overall.articles / seconds, 1) if seconds else None
    result["by_language"] = {k: v.figures() for k, v in sorted(by_language.items())}
    result["by_style"] = {k: v.figures() for k, v in sorted(by_style.items())}
    result["notes"] = notes
    return result
