"""The Reader's days: the date each finding happened on, from the dates told around it."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from incidents.extraction import cues, dates, geo, places
from incidents.extraction.findings import Finding
from incidents.extraction.sentences import Sentence

RECAP_OPENING = 24  # a recap word this near the start of a sentence opens a recap ("Нагадаємо,", "Як повідомлялося раніше,")


# "KYIV, April 5 (Reuters) -", "May 29 (AFP) -": a wire dateline gives the day the story was filed, not the day of the event.
_DATELINE = re.compile(r"(?:[A-Z][A-Z .'’-]+,\s*)?[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*\((?:Reuters|AP|AFP|Bloomberg|dpa|UPI)\)\s*[-—–]")


class DayReading:
    """Days for findings (a mixin of Reader)."""

    def date_findings(self, sentence: Sentence, infos: list[places.ClauseInfo], new: list[Finding]) -> None:
        update = cues.has("count_update", sentence.text)  # "the toll rose to 30 on Sunday": the day of the update
        dateline = _DATELINE.match(sentence.text) if self.published is not None else None
        mentions = [m for m in dates.find_dates(sentence.text, self.published)
                    if not self._in_history(infos, sentence.start + m.start) and not (update and m.start >= update.end())
                    and not (dateline and m.start < dateline.end())]  # "May 29 (Reuters) -": the day it was filed
        has_event = any(i.event_cues for i in infos)
        if mentions and (has_event or new) and (self.current_day is None or self.current_day[0] != mentions[0].day):
            first, last = mentions[0], dates.span_end(sentence.text, mentions)
            self.current_day = (first.day, sentence, (sentence.start + first.start, sentence.start + first.end), first.note)
            self.current_end = (last.day, sentence, (sentence.start + last.start, sentence.start + last.end)) if last else None
            if not (new and dates.is_relative_day(sentence.text, first)) and not self._recap_of_earlier_day(sentence, first):
                for finding in self.pending:  # not "Позавчора дрони вже атакували Саки" (its own day), nor a recap's day
                    self._apply_day(finding, self.current_day, "date named later in the article")
                self.pending = []
        for finding in new:
            if self.current_day:
                own = mentions and self.current_day[1] is sentence
                self._apply_day(finding, self.current_day, "date in the same sentence" if own else "date named earlier in the article")
            else:
                self.pending.append(finding)

    def _recap_of_earlier_day(self, sentence: Sentence, first: Any) -> bool:
        """'Нагадаємо, у ніч на 23 квітня дрони атакували Марганець' closing a live blog of 24 April: the recap's day is
        its own event's, not the day of the updates told before it."""
        recap = cues.has("recap", sentence.text[:RECAP_OPENING])
        return recap is not None and self.published is not None and first.day < self.published

    @staticmethod
    def _in_history(infos: list[places.ClauseInfo], at: int) -> bool:
        return any(i.historical_from is not None and i.clause.start <= at < i.clause.end and at >= i.historical_from for i in infos)

    def _apply_day(self, finding: Finding, current: tuple[date, Sentence, tuple[int, int], str], reason: str) -> None:
        finding.day, finding.day_sentence, finding.day_evidence, finding.day_note = current
        finding.day_reason = reason
        if self.current_end is not None and self.current_end[1] is finding.sentence:
            finding.day_end = self.current_end  # only for what the sentence with the span reports

    def _teaser(self, mentions: list[places.Mention]) -> bool:
        """A heading naming a place none of the incidents found so far is at: the headline of another story."""
        known = {geo.key(f.mention_text)[:5] for f in self.focus} | {geo.key(f.place.name)[:5] for f in self.focus}
        return bool(self.focus) and any(m.reason == "in a heading" and geo.key(m.text)[:5] not in known for m in mentions)

    def _default_day(self, finding: Finding) -> None:
        if self.published is None:
            return
        finding.day = self.published
        finding.day_note = "no date in the text: the publication date is used"
        finding.day_reason = "publication date"
