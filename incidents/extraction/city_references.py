"""References to a city or region by a common noun ('in the capital', 'над областью') or by the name of its head."""

from __future__ import annotations

import json
import re
from functools import cache

from incidents.extraction import cues


def city_references(clause_text: str) -> list[re.Match[str]]:
    """'in the capital', 'struck the city': references to a city by a common noun, in a site position."""
    return list(_city_reference_pattern().finditer(clause_text))


@cache
def _city_reference_pattern() -> re.Pattern[str]:
    """The pattern of city_references, built from the lexicons once (not for every clause)."""
    nouns = "|".join(re.escape(w.removeprefix("the ")) for w in cues.lexicon()["city_references"])
    lead = cues.grouped(["in", "over", "on", "near", "at", "across", "around", "outside", "against", "heading (?:for|to|towards?)",
                         "flying (?:to|towards?)", "approaching", "en route to", *cues.lexicon()["object_verbs"],
                         "у", "в", "во", "по", "над", "на"])
    named = "|".join(k for k in cues.lexicon()["capitals"] if not k.startswith("_"))
    # "У столиці загинула одна людина", "по столиці": the capital of the country in focus ("у столиці Татарстану" names its own)
    pattern = (rf"\b(?:{lead})\s+"
               rf"(?P<ref>the\s+(?:{_SIDE_OF_TOWN})?(?:{nouns})|(?:his|her)\s+region|(?:the\s+)?(?P<adj>{named})\s+capital|{_SLAVIC_CAPITAL}|{SLAVIC_REGION_REF}|{SLAVIC_REGION_REF_UK}|{_SLAVIC_CITY}|{SLAVIC_REGION})\b"
               rf"(?!['’]s|\s+of\b|\s+(?:region|district)\b|\s+(?-i:[А-ЯЁІЇЄҐ][а-яёіїєґ'’-])|{_NAME_APPOSED})")  # a name, not "ПВО"
    return cues.led(re.compile(pattern, re.IGNORECASE))


# "in the north-western city", "over the southern port city": a side (and 'port') before the common noun.
_SIDE_OF_TOWN = r"(?:(?:(?:north|south)-?(?:east|west)ern|northern|southern|eastern|western|central)\s+(?:port\s+)?)"
# "in the regional capital Dnipro": the name after the noun is the town meant (not a weekday or month: "the city Monday").
_NAME_APPOSED = (r"\s+(?-i:[A-Z])(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                 r"(?-i:[a-z])")
_SLAVIC_CAPITAL = r"столиц(?:і|ю|ею|я|е|у|ей)"
# "в городе", "над городом", "на территории города", "по городу": the town named before ("Глава Новошахтинска сообщил, что
# на территории города ПВО уничтожила два дрона"), as "the city" is in English.
# "на Северной стороне", "над южной частью": a side or part of the town named before (Sevastopol's Северная сторона).
_SLAVIC_CITY = (r"(?<=в\s)городе|(?<=во\s)городе|(?<=над\s)городом|(?<=на\s)территории\s+города|(?<=по\s)городу"
                r"|(?<=[ву]\s)місті|(?<=над\s)містом|(?<=на\s)території\s+міста|(?<=по\s)місту"  # Ukrainian: "по місту"
                r"|(?<=на\s)(?:северн|южн|западн|восточн)ой\s+стороне|(?<=над\s)(?:северн|южн|западн|восточн|центральн)ой\s+частью"
                # "в Никитовском районе города", "у Київському районі міста": a quarter of the town named before
                r"|(?-i:[А-ЯЁІЇЄҐ])[\w'’-]+(?:ском|цком|зком|ськом|ському|цькому|зькому)\s+(?:районе|районі|округе|окрузі)\s+(?:города|міста)")
# "над территорией области", "над регионом", "на территории края" (after над/на only): the region named before, in the
# air ("за ночь над территорией области уничтожены семь БПЛА"); "в области" is left alone (any news of the region).
SLAVIC_REGION_REF = (r"(?<=над\s)(?:област(?:ью|ями)|регион(?:ом|ами)|кра(?:ем)|республик(?:ой))"
                     r"|(?<=над\s)территори(?:ей|ею|ями)\s+(?:област(?:и|ей)|регион(?:а|ов)|кра(?:я)|республик(?:и))"
                     r"|(?<=на\s)территори(?:и|ях)\s+(?:област(?:и|ей)|регион(?:а|ов)|кра(?:я)|республик(?:и))")
SLAVIC_REGION = r"(?<=над\s)областю"  # "ППО збили 7 дронів над областю": the region in focus (Russian: SLAVIC_REGION_REF)
# "над регіоном знищили 14 безпілотників", "на території області збито": the Ukrainian forms of SLAVIC_REGION_REF.
SLAVIC_REGION_REF_UK = (r"(?<=над\s)регіоном|(?<=над\s)територією\s+(?:області|регіону)"
                        r"|(?<=на\s)території\s+(?:області|регіону)")


def capital_named(adjective: str) -> str | None:
    """The capital 'the Ukrainian capital' or 'Russia's capital' names (from the capitals lexicon), or None."""
    for key, city in cues.lexicon()["capitals"].items():
        if not key.startswith("_") and re.fullmatch(key, adjective, re.IGNORECASE):
            return city
    return None


def official_regions(text: str) -> list[str]:
    """The regions whose heads `text` names ('сообщил Вячеслав Гладков': the Belgorod region; 'Олег Синєгубов |
    Telegram': the Kharkiv region), in order of first mention, from lexicons/officials.json."""
    found = [(m.start(), region) for region, pattern in _officials().items() for m in pattern.finditer(text)]
    return list(dict.fromkeys(region for _, region in sorted(found)))


@cache
def _officials() -> dict[str, re.Pattern[str]]:
    table = json.loads((cues.LEXICON_DIR / "officials.json").read_text(encoding="utf-8"))
    return {region: re.compile(rf"(?<![\w'’-])(?:{'|'.join(names)})(?![\w'’-])", re.IGNORECASE)
            for region, names in table.items() if not region.startswith("_")}
