"""Every failure named in issue 12, one focused test each: airports, page furniture, Russian and Ukrainian, lists, live
blogs, short posts, corrections, distances, mentions only, air bases."""


import pytest

from incidents.extraction import extract_incidents
from incidents.extraction.language import detect
from tests.incidents.extraction import helpers

found = helpers.dated(helpers.by_event_and_place, "2024-12-21")
kinds_at = helpers.dated(helpers.kinds_at, "2024-12-21")
rejected = helpers.dated(helpers.rejected, "2024-12-21")


# ---------------------------------------------------------------- airports


def test_airport_operations_suspended_are_restrictions_not_strikes():
    text = "Operations at the airports of Kazan and Nizhnekamsk were suspended on Saturday."
    assert kinds_at(text) == [("airspace_restriction", "KZN"), ("airspace_restriction", "NBC")]


def test_airports_as_well_as_list_halted_departures_never_dayton():
    text = ("Airports in Nizhny Novgorod, as well as Kazan, Nizhnekamsk and Naberezhnye Chelny, have halted departures "
            "on Saturday, Rosaviatsia said.")
    items = extract_incidents(text, published="2024-12-21")
    assert {i.airport_iata for i in items} == {"GOJ", "KZN", "NBC"}
    assert all(i.country == "RU" for i in items)


def test_temporary_closures_later_lifted_are_two_lifted_restrictions():
    text = "On Saturday the airports in Izhevsk and Saratov experienced temporary closures, later lifted."
    items = extract_incidents(text, published="2024-12-21")
    assert sorted((i.airport_iata, i.status) for i in items) == [("GSV", "lifted"), ("IJK", "lifted")]


def test_the_airport_of_the_tatar_capital_is_kzn():
    assert kinds_at("Flights at the airport of the Tatar capital, Kazan, were halted on Saturday.") == [
        ("airspace_restriction", "KZN")]


def test_strigino_is_nizhny_novgorods_airport():
    assert kinds_at("Strigino stopped receiving flights on Saturday.") == [("airspace_restriction", "GOJ")]


def test_st_petersburg_never_pulls_in_an_airport_in_florida():
    text = "In St Petersburg, Pulkovo introduced temporary restrictions on Saturday."
    assert kinds_at(text) == [("airspace_restriction", "LED")]


def test_shot_down_over_a_region_is_a_region_level_interception():
    item = found("A drone was shot down over Tatarstan on Saturday, the region's head said.")[("interception", "Tatarstan")]
    assert item.geo_precision == "region"


# ---------------------------------------------------------------- air bases


@pytest.mark.parametrize("name, lat, lon", [
    ("Olenya", 68.15, 33.46), ("Belaya", 52.92, 103.58), ("Engels", 51.47, 46.2), ("Morozovsk", 48.31, 41.79),
    ("Millerovo", 48.95, 40.3), ("Shaykovka", 54.23, 34.37), ("Savasleyka", 55.44, 42.31), ("Soltsy", 58.14, 30.33),
    ("Yeysk", 46.68, 38.21), ("Saky", 45.09, 33.6), ("Belbek", 44.69, 33.57),
])
def test_an_air_base_is_a_site_in_its_own_right(name, lat, lon):
    [item] = extract_incidents(f"Drones struck the {name} air base on Sunday.", published="2025-06-01")
    assert (round(item.lat, 1), round(item.lon, 1)) == (round(lat, 1), round(lon, 1))
    assert item.geo_precision == "exact"


def test_air_bases_named_in_a_plural_list():
    text = "In a separate attack, drones hit the Morozovsk and Millerovo air bases on Sunday."
    assert {i.place for i in extract_incidents(text, published="2025-06-01")} == {"Morozovsk Air Base", "Millerovo Air Base"}


# ---------------------------------------------------------------- page furniture


def test_headlines_after_the_article_are_not_incidents():
    text = ("Drones struck two apartment blocks in Kazan on Saturday morning, local authorities said.\n\n"
            "Related stories\nTen people were killed in Abuja after gunmen attacked a market\n")
    assert kinds_at(text) == [("drone_strike", "Kazan")]


# ---------------------------------------------------------------- Russian and Ukrainian


def test_russian_strike_with_inflected_city_and_zero_casualties():
    item = found("В субботу утром беспилотники атаковали жилые дома в Казани. Пострадавших нет.")[("drone_strike", "Kazan")]
    assert (item.killed, item.injured) == (0, 0)
    assert item.origin["extraction"]["language"] == "ru"


def test_russian_interception_over_an_oblast_in_the_instrumental():
    item = found("Над Брянской областью ночью сбиты 12 беспилотников.", "2025-03-02")[("interception", "Bryansk")]
    assert (item.geo_precision, item.drones_downed) == ("region", 12)


def test_ukrainian_locative_and_genitive_resolve_to_kharkiv():
    text = "У суботу російські війська завдали удару по гіпермаркету у Харкові, загинули 12 людей, ще 43 поранені."
    item = found(text, "2024-05-25")[("strike", "Kharkiv")]
    assert (item.killed, item.injured, item.origin["extraction"]["language"]) == (12, 43, "uk")


@pytest.mark.parametrize("text, killed, injured", [
    ("В понедельник ВСУ обстреляли Белгород, ранены двое мирных жителей.", None, 2),
    ("Одеса — ракетний удар по порту. Загинули двоє, поранено дюжину людей.", 2, 12),
    ("Poltava: a dozen people were injured when a drone hit a house on Saturday.", None, 12),
])
def test_number_words_in_three_languages(text, killed, injured):
    [item] = extract_incidents(text, published="2025-02-01")
    assert (item.killed, item.injured) == (killed, injured)


@pytest.mark.parametrize("word", ["Силами", "Ранен", "Про"])
def test_ordinary_capitalised_russian_words_are_never_places(word):
    text = f"{word} ПВО сбиты беспилотники над Курском." if word == "Силами" else f"{word} один человек, сообщили в Курске."
    assert word not in {i.origin["mention"] for i in extract_incidents(text, published="2025-02-01")}
    assert word not in {r["text"] for r in rejected(text, "2025-02-01").values() if "gazetteer" in r["reason"]}


def test_language_is_detected_per_article_and_sentence():
    assert (detect("Drones struck Kazan."), detect("Над Москвой сбиты три беспилотника"),
            detect("Київ – крилата ракета влучила в офісну будівлю")) == ("en", "ru", "uk")
    rows = rejected("Переговоры пройдут в Стамбуле. Talks are due in Istanbul.", "2025-05-16")
    assert {r["language"] for r in rows.values()} == {"ru", "en"}


# ---------------------------------------------------------------- official summaries, lists, live blogs, short posts


def test_dash_separated_lines_are_sites_with_their_own_casualties():
    text = ("Air defence units shot down most of the drones over the Kyiv, Kharkiv and Lviv regions overnight.\n"
            "Kyiv – a cruise missile struck an office building; two people were killed.\n"
            "Lutsk – a drone hit an apartment block, injuring three people.\n")
    items = found(text, "2024-08-26")
    assert (items[("missile_strike", "Kyiv")].killed, items[("drone_strike", "Lutsk")].injured) == (2, 3)
    regions = [i for i in items.values() if i.event_type == "interception"]
    assert len(regions) == 3 and all(i.geo_precision == "region" and i.killed is None for i in regions)


def test_ministry_counts_by_region_are_region_level_interceptions():
    text = ("The Defence Ministry said on Sunday that air defences destroyed 16 drones: 10 over the Kursk region and "
            "6 over the Bryansk region. Separately, a drone hit a car in Shebekino, injuring two people.")
    items = found(text, "2025-02-16")
    assert (items[("interception", "Kursk")].drones_downed, items[("interception", "Bryansk")].drones_downed) == (10, 6)
    assert items[("interception", "Kursk")].injured is None and items[("drone_strike", "Shebekino")].injured == 2


def test_live_blog_entries_keep_their_own_times_and_places():
    text = ("08:40 Kyiv: a missile struck a house, the city administration said.\n"
            "06:30 Dnipro: two people were injured when a missile hit an industrial enterprise.\n")
    items = found(text, "2025-04-24")
    assert items[("missile_strike", "Kyiv")].started_at.startswith("2025-04-24T08:40")
    assert items[("missile_strike", "Dnipro")].started_at.startswith("2025-04-24T06:30")


def test_short_post_without_preposition_and_slang():
    text = "Klintsy — locals report explosions after a drone attack this morning. PVO worked over Briansk, 4 drones sbity."
    items = found(text, "2025-03-02")
    assert {p for _, p in items} == {"Klintsy", "Bryansk"}
    assert items[("interception", "Bryansk")].drones_downed == 4


# ---------------------------------------------------------------- corrections, distances, mentions only


def test_a_retracted_strike_gets_no_incident_and_the_real_place_does():
    text = "Earlier reports of a strike on Tula were wrong; the drone was downed near Aleksin on Tuesday."
    assert kinds_at(text, "2025-03-11") == [("interception", "Aleksin")]


def test_retracted_casualty_figures_are_dropped():
    text = ("Drones hit Kursk on Monday. Earlier reports that five people were killed in Kursk were wrong, "
            "the governor said.")
    assert found(text, "2025-03-10")[("drone_strike", "Kursk")].killed is None


def test_channels_claimed_is_unverified_and_an_official_denial_disputed():
    text = "Telegram channels claimed on Wednesday that an oil depot in Engels had been hit by drones."
    assert found(text, "2025-01-08")[("drone_strike", "Engels")].verification == "unverified"
    denied = text + " Officials denied that the depot was hit."
    assert found(denied, "2025-01-08")[("drone_strike", "Engels")].verification == "disputed"


def test_every_incident_has_a_confidence_with_reasons():
    for item in extract_incidents("Drones struck Kazan on Saturday. Channels claimed Izhevsk was hit too.",
                                  published="2024-12-21"):
        extraction = item.origin["extraction"]
        assert 0.0 <= extraction["confidence"] <= 1.0 and extraction["reasons"] and extraction["language"] == "en"


@pytest.mark.parametrize("text", [
    "Delegations were due to meet in Istanbul on Friday for talks.",
    "Firms in Kyiv, Kharkiv and Lviv build drones for the army.",
    "Officials in Moscow promised to expand air defences.",
    "Переговоры делегаций пройдут в Стамбуле в пятницу.",
    "Виробники дронів у Львові збільшують виробництво.",
])
def test_places_only_mentioned_get_no_incident(text):
    assert extract_incidents(text, published="2025-05-16") == []


def test_a_city_named_as_a_district_and_a_town_with_its_district():
    assert kinds_at("A drone hit a house in the Kyiv district of Kharkiv on Friday.", "2025-05-16") == [
        ("drone_strike", "Kharkiv")]
    assert kinds_at("A drone hit a house near Kubinka, Odintsovo urban district, on Friday.", "2025-05-16") == [
        ("drone_strike", "Kubinka")]


def test_a_dateline_city_is_never_a_site():
    text = "MOSCOW, Dec 21 (Wire) - Drones struck a residential complex in Kazan on Saturday."
    assert kinds_at(text) == [("drone_strike", "Kazan")]


@pytest.mark.parametrize("text, west_of_kursk", [
    ("Беспилотник атаковал жилой дом в селе примерно в 50 км к западу от Курска во вторник.", True),
    ("Дрон влучив у будинок у селі за 20 км на південь від Харкова у вівторок.", False),
])
def test_an_unnamed_village_by_distance_in_russian_and_ukrainian(text, west_of_kursk):
    [item] = extract_incidents(text, published="2025-05-06")
    assert item.geo_precision == "approximate"
    if west_of_kursk:
        assert item.lon < 36.0 and abs(item.lat - 51.73) < 0.1
    else:
        assert item.lat < 49.9 and abs(item.lon - 36.25) < 0.1
