"""The Reader's place resolving: a head's city, the region or capital in focus, a district's owner, an airport by name."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from incidents.extraction import city_references, cues, geo, places, site_rejections
from incidents.extraction.findings import Finding
from incidents.extraction.sentences import Sentence

_RAION_AFTER = re.compile(r"\s+(?:район|р-н)\w*", re.IGNORECASE)  # "Синельниківському районі": a raion, read as its town

HINT_PLACES = 40  # the country in focus is read from the places seen last (a bounded look back keeps reading linear)
BASE_KM = 200.0  # an air base is often named with the regional capital it lies far from
DISTRICT_KM = 80.0  # a district named after a town this close to the city in focus is that town's district


# "Мэр Белгорода", "Глава Новошахтинска", "Губернатор Севастополя", "градоначальник Курска": a town's head.
_HEAD_TITLE = re.compile(r"(?<![\w-])(?:мэр\w*|губернатор\w*|глав[аыеу](?:\s+администрации)?(?:\s+города)?|"
                         r"градоначальник\w*|(?:глав[аыеу]|начальник\w*|руководител\w*)(?:\s+(?:городской|военной|районной))*"
                         r"\s+(?:администрации|ВА|МВА|ГВА)(?:\s+города)?|"
                         # "Мер Харкова", "Міський голова Миколаєва", "Очільник Житомира", "начальник МВА Кривого Рогу"
                         r"мер(?:а|ові|ом|у)?|мері[їяю]|міськ\w+\s+голов\w*|очільник\w*(?:\s+міста)?|"
                         r"(?:голов[аиіу]|начальник\w*|керівник\w*)(?:\s+(?:міської|військової|районної))*"
                         r"\s+(?:адміністрації|ВА|МВА)(?:\s+міста)?)\s+$", re.IGNORECASE)  # "Глава военной администрации Кривого Рога"


# "… Собянін повідомив": one capitalised word (a surname), then none.
_SURNAME_ONLY = re.compile(r"\s+[A-ZА-ЯЁІЇЄҐ][\w'’-]+(?![\w'’-])(?!\s+[A-ZА-ЯЁІЇЄҐ])")


# "the Kirov district of Donetsk", "the Moscow district of the city of Kazan": the city that owns the district.
_DISTRICT_OF = re.compile(r"\s+(?:urban\s+|city\s+)?district\s+of\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?"
                          r"([A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?)")


def officials_regions(body: str) -> list[Any]:
    """The regions of the regional heads an article names ("Олег Синєгубов | Telegram": the Kharkiv region), in order
    of first mention (city_references.official_regions)."""
    found = [geo.place(region, "region") for region in city_references.official_regions(body)]
    return list(dict.fromkeys(p for p in found if p is not None and p.kind == "region"))


@cache
def _city_regions() -> dict[str, str]:
    """lexicons/city_regions.json: a city-region's admin-1 -> the admin-1 of the region around it."""
    table = json.loads((cues.LEXICON_DIR / "city_regions.json").read_text(encoding="utf-8"))
    return {k: v for k, v in table.items() if not k.startswith("_")}


def _town_around_city_region(named: Any, city: Any, written: str) -> bool:
    """'A drone attacked Moscow. Another was downed over the Serpukhov district.': a town of the region around a city
    that is a region of its own names its own district (a quarter is named by an adjective: 'the Darnytskyi district';
    Russian and Ukrainian district adjectives are read by the district-town rules)."""
    return (named.kind == "city" and named.country == city.country and bool(named.admin1)
            and _city_regions().get(city.admin1) == named.admin1 and written.isascii() and not _ADJECTIVE_NAME.search(written))


_ADJECTIVE_NAME = re.compile(r"(?:sky|skiy|skyi|skyy|skii|skoy|skoi|ska|skaya|ske|cki|ckyi|tsky|tskyi)$", re.IGNORECASE)


def _in_region(named: Any, region: Any, city: Any) -> bool:
    """'Rostov Governor X said a substation in the Morozovsk district was damaged': a town of the region in focus names
    its own district (a raion) when the city named before lies in another region (Yeysk, Krasnodar)."""
    return (region is not None and named.kind == "city" and named.country == region.country and bool(named.admin1)
            and named.admin1 == region.admin1 and (city is None or city.admin1 != region.admin1))


_MAYOR_OF = re.compile(r"\bmayor\s+of\s+(?:the\s+(?:city|town)\s+of\s+)?$", re.IGNORECASE)  # "The mayor of Lutsk, X, said"
FAR_DISTRICT_KM = 400.0  # a district named like a town of another country this far from the city in focus is its quarter


def _far_abroad(named: Any, city: Any) -> bool:
    return named.country != city.country and geo.km_between(named, city) > FAR_DISTRICT_KM


QUARTER_KM = 150.0  # a district named after a town of another region this far from the city in focus is its quarter
QUARTER_CITY_PEOPLE = 150_000  # a city this populous has quarters (a small town's "район" is the rural district around it)


COMMUNITY_KM = 100  # a community listed beside a town lies this near it (Pokrov is 20 km from Nikopol)


def _district_centre_in_region(name: str, region: Any) -> Any:
    """'над Жуковским районом' in a Bryansk story: the region's own town in -ка or -о (Жуковка), when the adjective's
    plain reading (Жуковский) lies in another region."""
    stem = name[:-1] if name[-1:].lower() in ("о", "а", "е") else name  # "Дуброво" read from "Дубровским": Дубровка
    for town in (stem + "ка", stem + "о"):
        found = geo.city_in_region(town, region) if len(name) >= 3 else None
        if found is not None:
            return found
    return None


def _quarter_named_after_a_far_city(named: Any, city: Any, region: Any) -> bool:
    """'Харків … Влучання в Київському районі': a район is named after a town of its own region, so one named after a
    town of another region far from the city in focus (and outside the region in focus) is a quarter of that city."""
    return (city.kind == "city" and (city.population or 0) >= QUARTER_CITY_PEOPLE and named.admin1 != city.admin1
            and geo.km_between(named, city) > QUARTER_KM and (region is None or named.admin1 != region.admin1))


AIRFIELD_KM = 15.0  # an airfield named after a town lies this close to it
QUARTERED_MIN = 20000  # a place smaller than this (a village, an airport's namesake) has no named city districts


def _quarterless(named: Any, city: Any) -> bool:
    """'over the Kirishi district' after a village was named (Pulkovo): a village has no quarters, so a town of the same
    country within an air base's distance names its own district."""
    return (named.kind == "city" and (city.population or 0) < QUARTERED_MIN and named.country == city.country
            and geo.km_between(named, city) <= BASE_KM)


def _district_town_of_region(named: Any, city: Any) -> bool:
    """'over the Trubchevsk district' in a Bryansk story: a smaller town of the same region names its own district
    (a raion), unlike 'the Kyiv district of Kharkiv', a city quarter named after a city elsewhere."""
    return (named.kind == "city" and named.country == city.country and bool(named.admin1) and named.admin1 == city.admin1
            and (named.population or 0) < (city.population or 0))


# Forms of "столиця" only Ukrainian has (Russian: столицы, столице, столицу, столицей).
_UKRAINIAN_CAPITAL = re.compile(r"столиц(?:і|ю|ею)", re.IGNORECASE)


class PlaceResolving:
    """Names resolved against what the article told so far (a mixin of Reader)."""

    def _head_city(self, sentence: Sentence, mentions: Sequence[places.Mention]) -> Any:
        """The city a sentence names as its head's ("Kharkiv Mayor Ihor Terekhov", "Sumy's mayor", "the mayor of Lutsk",
        "Мэр Белгорода", "Глава Новошахтинска"), or None."""
        for mention in mentions:
            if self._headed(sentence, mention):
                found = geo.place(mention.text, None, self.geo_context())
                if found is not None and found.kind == "city":
                    return found
        return None

    def _headed(self, sentence: Sentence, mention: places.Mention) -> bool:
        """True for a name after a head's title ('Мэр Белгорода', the text before the sentence read too) or with a
        mayor's title in English ('Kharkiv Mayor', 'mayor of Lutsk')."""
        official = site_rejections.official_after(sentence.text[mention.end - sentence.start:])
        at = mention.start - sentence.start
        written = sentence.text[at:mention.end - sentence.start]
        if (mention.reason.startswith(("part of a longer name", "two names")) and geo.key(written) == geo.key(mention.text)
                and _SURNAME_ONLY.match(sentence.text, mention.end - sentence.start)):
            return False  # "Мер Сергій Собянін": a first name after the title, not a town's genitive ("Мер Харкова Ігор …")
        return ((official is not None and official.lower() == "mayor") or _MAYOR_OF.search(sentence.text[max(0, at - 40):at]) is not None
                or _HEAD_TITLE.search(self.body, max(0, mention.start - 45), mention.start) is not None)

    def _learn_officials(self, sentence: Sentence) -> None:
        """'… в Октябрьском повреждена крыша, сообщил Гладков': the region whose head the sentence names is in focus
        (a namesake there beats a bigger one elsewhere), unless the sentence names a region itself."""
        if self.last_region_at == sentence.index:
            return
        for name in city_references.official_regions(sentence.text):
            found = geo.place(name, "region")
            if found is not None and found.kind == "region":
                self.last_region, self.last_region_at = found, sentence.index
                if found not in self.in_context:
                    self._remember(found)

    def _region_in_focus(self) -> Any:
        """The region named last ('Rostov Governor X said 44 drones were shot down over the region'), or None; the region
        of the city struck since, when the text has told a strike on a city after naming a region ('Drones struck Odesa
        ..., the regional governor said. Air defences shot down 11 drones over the region')."""
        since = [f.place for f in self.last_sites if f.place.kind == "city" and f.sentence.index > self.last_region_at]
        return (geo.region_of(since[-1]) or self.last_region) if since else self.last_region

    def _national_capital(self, ref: str, in_focus: Any) -> Any:
        """'the capital' while a town of Russia is in focus (Domodedovo): Moscow; 'the city' stays the town in focus; the
        Ukrainian 'у столиці', 'по столицю' with nothing in focus: Kyiv."""
        capitals = cues.lexicon()["national_capitals"]
        country = getattr(in_focus, "country", None) or ("UA" if _UKRAINIAN_CAPITAL.fullmatch(ref) else None)
        name = capitals.get(country) if re.fullmatch(r"the\s+capital|столиц\w*", ref, re.IGNORECASE) else None
        if name is None or (in_focus is not None and in_focus.name == name):
            return in_focus
        return geo.place(name, None, self.geo_context()) or in_focus

    def _capital(self, adjective: str) -> Any:
        """The city 'the Ukrainian capital' names; it becomes the city named last (for a later 'the city')."""
        name = city_references.capital_named(adjective)
        found = geo.place(name, None, self.geo_context()) if name else None
        if found is not None:
            self.last_city = found
        return found

    def _district(self, mention: places.Mention, earlier: Sequence[Finding] = ()) -> Any:
        """'the X district': the town X when it lies near the city in focus (one named earlier in the same sentence
        first), else that city (a district of it)."""
        # A town read from a district before it in the sentence is that district's, not a city this one could be a
        # quarter of: "над Лискинским, Острогожским и Россошанским районами" names three raions.
        here = [f.place for f in earlier if f.place.kind == "city" and f.start not in self.district_towns]
        focus = self._focus_city()
        city = here[-1] if here else focus.place if focus else self.last_city
        hearsay = not here and focus is None and self.last_city_hearsay  # the city was named only in hearsay
        owner = self._district_owner(mention)
        if owner is not None:  # "the Sovetsky district of Bryansk": a quarter of the city named after it
            mention.reason += f"; a district of {owner.name}"
            return owner
        owned = re.search(r"\b(?:city|town|capital)['’]s\s+$", self.body[max(0, mention.start - 20):mention.start], re.IGNORECASE)
        named = None if owned else geo.place(mention.text, None, self.geo_context())
        own = mention.district_town and not here  # "над Ефремовским районом" with no city named beside it
        if own and named is not None and city is not None and _far_abroad(named, city):
            local = geo.city_in_region(mention.text, self.last_region) if self.last_region is not None else None
            if local is not None:  # "Губернатор Калузької області … на Кіровський район": Kirov of the Kaluga region
                named = local
            else:
                own, named = False, None  # "Запоріжжя. Удар по Комунарському району": a quarter, not Kommunar near St Petersburg
        if city is None and named is not None and self._other_region(named) and not own:
            named = None  # "the Kamensky district" in a Rostov story: not the Kamenskiy of another region
        if own and named is not None and self._other_region(named):  # "В Ленинградской области … над Кировским районом"
            named = geo.city_in_region(mention.text, self.last_region)  # not Kirov 900 km away
            named = named or _district_centre_in_region(mention.text, self.last_region)
            if named is None:
                mention.reason += f"; its town lies outside the {self.last_region.name} region in focus"
                return None
        site_city = here[-1] if here else focus.place if focus else None  # a city told as a site, not only named
        if own and named is not None and site_city is not None and _quarter_named_after_a_far_city(named, site_city, self.last_region):
            own, named = False, None  # "Харків. Влучання в Київському районі": a quarter of Kharkiv, not Kyiv
        if here and named is not None and _quarter_named_after_a_far_city(named, here[-1], None):
            named = None  # "в Киеве ранены четверо, в Днепровском районе горит авто": Kyiv's quarter, whatever region was named
        if named is not None and (city is None or own or geo.km_between(named, city) <= DISTRICT_KM
                                  or _district_town_of_region(named, city) or _in_region(named, self.last_region, city)
                                  or _town_around_city_region(named, city, mention.text)
                                  or _quarterless(named, city)):
            if mention.district_town:
                self.district_towns.add(mention.start)
            return named
        if hearsay:  # a district near a city named only in hearsay is not that city ("channels claimed ..., denied")
            mention.reason += f"; a district near {city.name}, a city named only in hearsay"
            return None
        mention.reason += f"; a district of {city.name}" if city else "; a district of no city in focus"
        return city

    def _beside_the_towns_before(self, mention: places.Mention, found: Any, earlier: Sequence[Finding]) -> Any:
        """'по Нікополю, Марганецькій … та Покровській громадах': the community's town in the region of the town listed
        before it in the sentence and nearest to it (Pokrov beside Nikopol, Pokrovske in the Synelnykove raion), not a
        bigger namesake of another region (Pokrovsk)."""
        before = [f.place for f in earlier if f.place.kind == "city" and f.start not in self.district_towns]  # not a raion's
        if not before or any((p.country, p.admin1) == (found.country, found.admin1) for p in before):
            return found
        region = geo.region_of(before[-1])
        bare = re.sub(r"(?:ськ|цьк|зьк|ск)$", "", mention.text, flags=re.IGNORECASE)
        readings = (mention.text + "е", bare) if bare != mention.text else ()  # Покровськ: Покровське, Покров
        local = [p for p in (geo.city_in_region(r, region) for r in readings if region is not None) if p is not None]
        near = [p for p in local if geo.km_between(p, before[-1]) <= COMMUNITY_KM]
        return min(near, key=lambda p: geo.km_between(p, before[-1])) if near else found

    def _outside_the_raion_before(self, named: Any, earlier: Sequence[Finding]) -> bool:
        """True when a Ukrainian raion read as its town was named before in the sentence and the town a community's
        adjective names lies in another region (a namesake far away, not a community of that raion)."""
        raion = next((f for f in reversed(earlier) if f.start in self.district_towns and _RAION_AFTER.match(self.body, f.end)), None)
        return (raion is not None and raion.place.kind == "city" and raion.place.country == "UA"
                and (named.country != raion.place.country or named.admin1 != raion.place.admin1))

    def _other_region(self, named: Any) -> bool:
        """True when a town a district is named after lies outside the region in focus (the Kamensky district of a Rostov
        story is not Kamenskiy in the Saratov region; the Kirovsky district of a Kaluga story is no district of Donetsk)."""
        region = self.last_region
        return region is not None and (named.country != region.country or named.admin1 != region.admin1)

    def _district_owner(self, mention: places.Mention) -> Any:
        """The city a district is said to be of ('the Moscow district of Kazan'), or None."""
        match = _DISTRICT_OF.match(self.body, mention.end)
        if match is None:
            return None
        owner = geo.place(match.group(1), None, self.geo_context())
        return owner if owner is not None and owner.kind == "city" else None

    def _airport_for(self, name: str, named: bool = False) -> Any:
        """The airport a name means, in the country in focus; a known city never pulls in a same-named airport abroad
        ("St Petersburg" is LED, never SPG in Florida) unless the text calls the name itself an airport or air base."""
        if geo.is_country(name):
            return None  # "аеродроми Росії": the country's airfields, never an airport called so (Roşia, Romania)
        country = self._country_hint()
        found = geo.airport(name, country) if country else None
        if found is None and named:
            found = geo.airport(name)
        if found is not None and named:
            found = self._airfield_of_town(name, found)
        if found is not None:
            return found
        city = geo.place(name, None, self.geo_context())
        if city is not None and city.kind in ("city", "region"):
            found = geo.airport(city.name, city.country) if city.kind == "city" else None
            return found or (self._airport_of_reading(name) if city.kind == "city" else None)
        return geo.airport(name) or self._airport_of_reading(name)

    def _airfield_of_town(self, name: str, found: Any) -> Any:
        """'the Machulishchy airfield': the airfield bearing the town's name next to it, not the bigger airport the
        gazetteer ranks first for that town (Minsk International, 30 km away)."""
        wanted = geo.key(name)
        if not wanted or wanted in geo.key(found.name):
            return found
        town = geo.place(name, None, self.geo_context())
        if town is None or town.kind != "city":
            return found
        near = [a for a in geo.airports_near(town, AIRFIELD_KM) if wanted in geo.key(a.name)]
        return near[0] if near else found

    def _airport_of_reading(self, name: str) -> Any:
        """'аеропорту Самари': the airport of the city another reading of an inflected name means (not a village)."""
        for reading in geo.other_readings(name):
            city = geo.place(reading, None, self.geo_context())
            found = geo.airport(city.name, city.country) if city is not None and city.kind == "city" else None
            if found is not None:
                return found
        return None

    def _country_hint(self) -> str | None:
        countries = [p.country for p in self.context[-HINT_PLACES:]] + [f.place.country for f in self.findings[-HINT_PLACES:]]
        return max(set(countries), key=countries.count) if countries else None
