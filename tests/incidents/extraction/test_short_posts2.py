"""Short posts (Telegram style) and places given by distance, in English, Russian and Ukrainian: one test per failure
class fixed for dev articles 920-944, each in wording unlike those articles."""

from incidents.extraction import extract_incidents
from incidents.extraction.claims import bearing_of, find_betweens, find_claims


def by_place(text, published="2025-03-03"):
    return {i.place: i for i in extract_incidents(text, published=published)}


def one(text, published="2025-03-03"):
    found = extract_incidents(text, published=published)
    assert len(found) == 1, [(i.place, i.event_type) for i in found]
    return found[0]


# ---------------------------------------------------------------- Slavic bearings as adjectives and comparatives


def test_slavic_bearings_read_as_adjectives_comparatives_and_without_direction():
    def bearing(text):
        [claim] = find_claims(text)
        return bearing_of(claim.direction) if claim.direction else None

    assert bearing("обстріляли ферму за 12 км на південний захід від Сум") == 225.0
    assert bearing("упала в 40 километрах западнее Воронежа") == 270.0
    assert bearing("в 8 км северо-восточнее Курска") == 45.0
    assert bearing("за 7 кілометрів від Конотопа") is None


# ---------------------------------------------------------------- "a car N km on a bearing from X" (not only "a village")


def test_an_object_struck_at_a_distance_and_bearing_is_an_approximate_point():
    found = one("A Russian drone hit a tractor about 18 km west of Kharkiv on Monday, injuring its driver.")
    assert found.geo_precision == "approximate" and found.place.endswith("west of Kharkiv")
    assert 49.95 < found.lat < 50.02 and 35.95 < found.lon < 36.05
    assert found.injured == 1


def test_russian_object_at_a_comparative_bearing_is_an_approximate_point():
    found = one("Беспилотник атаковал грузовик в 20 километрах севернее Белгорода, водитель ранен.")
    assert found.geo_precision == "approximate" and 50.75 < found.lat < 50.82


def test_ukrainian_southeast_adjective_bearing_is_an_approximate_point():
    found = one("Ворожий дрон уразив мікроавтобус за 10 км на південний схід від Херсона.")
    assert found.lat < 46.6 and found.lon > 32.65


def test_a_named_place_before_its_distance_stays_the_site():
    found = one("Drones attacked the oil depot in Kstovo, 20 km southeast of Nizhny Novgorod, overnight.")
    assert found.place == "Kstovo"


# ---------------------------------------------------------------- "N km from X" with no bearing


def test_a_distance_without_a_bearing_puts_an_approximate_point_at_the_reference():
    found = one("An FPV drone struck a minibus 7 km from Shebekino, the governor said.")
    assert found.geo_precision == "approximate" and "7 km from Shebekino" == found.place
    assert abs(found.lat - 50.41) < 0.05


def test_ukrainian_distance_without_a_bearing():
    found = one("За 4 км від Вовчанська російський дрон скинув вибухівку на автомобіль, загинув водій.")
    assert found.geo_precision == "approximate" and abs(found.lat - 50.29) < 0.1
    assert found.killed == 1


# ---------------------------------------------------------------- "between X and Y"


def test_between_two_towns_is_their_midpoint_in_three_languages():
    texts = ["A drone struck a lorry on the road between Kursk and Lgov, wounding the driver.",
             "Дрон атаковал автомобиль на дороге между Курском и Льговом.",
             "Дрон атакував вантажівку на трасі між Курськом та Льговом."]
    for text in texts:
        found = one(text)
        assert found.geo_precision == "approximate", text
        assert 51.6 < found.lat < 51.8 and 35.5 < found.lon < 36.0, text


def test_between_far_apart_capitals_is_no_point():
    assert by_place("Talks between Moscow and Kyiv on drone strikes stalled again.") == {}
    assert find_betweens("between Tula and Aleksin")[0].between


# ---------------------------------------------------------------- "of the city": the city in focus as the reference


def test_a_distance_from_the_city_measures_from_the_city_named_before():
    found = by_place("Shelling hit the centre of Kherson overnight. A shell also struck a greenhouse about 10 km east of "
                     "the city, killing a worker.")
    far = [i for i in found.values() if i.place.startswith("10 km east")]
    assert far and far[0].lon > 32.7 and far[0].killed == 1


# ---------------------------------------------------------------- a post's update marks before its line's place


def test_an_update_mark_and_time_before_a_line_place_keep_it_the_line_head():
    text = "date 2025-03-03 Monitor\n\nSirens in the region.\nUPD 23:10: Lgov — two blasts near the railway station."
    assert [i.event_type for i in extract_incidents(text)] == ["explosion"]
    text = "date 2025-03-03 Монитор\n\nОбновлено 05:12 — Суджа: прилёт по окраине, пострадавших нет."
    assert list(by_place(text)) == ["Sudzha"]


# ---------------------------------------------------------------- an emoji ends the place heading a line


def test_an_emoji_after_a_line_place_separates_it_from_its_report():
    text = "date 2025-03-03 Channel\n\nNikopol 💥 artillery shelling of the waterfront, two wounded."
    found = by_place(text)
    assert list(found) == ["Nikopol"] and found["Nikopol"].injured == 2
    text = "date 2025-03-03 Канал\n\nСуми ‼️ удар дрона по підприємству, без постраждалих."
    assert list(by_place(text)) == ["Sumy"]


# ---------------------------------------------------------------- several places heading one line


def test_several_places_heading_a_line_are_each_sites():
    text = "date 2025-03-03 Monitor\n\nKURSK / KURCHATOV — loud bangs, air defence active."
    assert set(by_place(text)) == {"Kursk", "Kurchatov"}
    text = "date 2025-03-03 Монитор\n\nЛипецк, Елец — взрывы, работает ПВО."
    assert set(by_place(text)) == {"Lipetsk", "Yelets"}


def test_a_place_with_its_region_heading_a_line_is_one_site():
    text = "date 2025-03-03 Monitor\n\nMorozovsk, Rostov oblast — explosions near the airfield, fire visible."
    assert len(by_place(text)) == 1


# ---------------------------------------------------------------- a shouted place alone labels the next sentence


def test_a_shouted_place_alone_labels_the_report_after_it():
    text = "date 2025-03-03 Канал\n\nНІКОПОЛЬ!!! АРТОБСТРІЛ ПРОМЗОНИ. ПОРАНЕНО ЖІНКУ."
    found = by_place(text)
    assert list(found) == ["Nikopol"] and found["Nikopol"].injured == 1
    text = "date 2025-03-03 Канал\n\nШЕБЕКИНО! Артобстрел частного сектора, без пострадавших."
    assert list(by_place(text)) == ["Shebekino"]


# ---------------------------------------------------------------- slang and Latin-script cues


def test_slang_for_shaheds_and_for_downing_them():
    text = "date 2025-03-03 Канал\n\nКременчук — мінус три мопеди, уламки впали на дах гаража."
    assert by_place(text)["Kremenchuk"].event_type == "interception"
    text = "date 2025-03-03 Канал\n\nВоронеж: минус 4 шахеда над Левобережным районом."
    assert by_place(text)["Voronezh"].event_type == "interception"


def test_bavovna_is_an_explosion():
    text = "date 2025-03-03 Канал\n\nБавовна у Феодосії, місцеві чують серію гучних звуків."
    assert by_place(text)["Feodosiya"].event_type == "explosion"


def test_latin_script_ukrainian_strike_and_one_person_injured():
    text = "date 2025-03-03 Mykolaiv\n\nMykolaiv: vluchannia v pidpryiemstvo, poraneno odnoho cholovika."
    found = by_place(text)["Mykolayiv"]
    assert found.event_type in ("strike", "drone_strike", "missile_strike") and found.injured == 1


# ---------------------------------------------------------------- "сбиты ещё два": a count downed, the weapon told before


def test_a_count_downed_with_the_weapon_in_the_line_before():
    text = "date 2025-03-03 Канал\n\nОрёл: сбит беспилотник.\nМценск: сбиты ещё три, пострадавших нет."
    assert {p: i.event_type for p, i in by_place(text).items()} == {"Orël": "interception", "Mtsensk": "interception"}
    text = "date 2025-03-03 Канал\n\nЧернігів: збито дрон.\nНіжин: збито ще два, без постраждалих."
    assert by_place(text)["Nizhyn"].event_type == "interception"


# ---------------------------------------------------------------- KIA / WIA


def test_kia_and_wia_are_killed_and_wounded():
    found = one("date 2025-03-03 Front\n\nVovchansk — FPV drone hit a car, 2 KIA, 1 WIA.")
    assert (found.killed, found.injured) == (2, 1)


# ---------------------------------------------------------------- a preposition opening a post is no name's first word


def test_a_capitalised_preposition_opening_a_sentence_is_not_part_of_a_name():
    assert list(by_place("Біля Сум збито ракету.")) == ["Sumy"]
    assert list(by_place("Near Kursk, two drones were shot down overnight.")) == ["Kursk"]
    assert list(by_place("Возле Белгорода сбит беспилотник.")) == ["Belgorod"]


# ---------------------------------------------------------------- a town and an unnamed village in one clause


def test_an_unnamed_village_at_a_distance_beside_a_named_town_in_one_clause():
    found = by_place("Shelling hit the outskirts of Lozova and a village some 12 km east of the town, killing one man.")
    assert set(found) == {"Lozova", "12 km east of Lozova"}
    assert found["12 km east of Lozova"].lon > found["Lozova"].lon + 0.1


# ---------------------------------------------------------------- a two-word name opened by a common adjective


def test_a_line_headed_by_a_two_word_name_opened_by_a_common_word():
    found = by_place("date 2025-03-03 Канал\n\nКривой Рог: ракетный удар по городу, погибли 2 человека.")
    assert list(found) == ["Kryvyy Rih"] and found["Kryvyy Rih"].killed == 2
    assert list(by_place("Над Москвой сбит беспилотник.")) == ["Moscow"]  # a common word alone still opens no name


# ---------------------------------------------------------------- a time between the line's place and its dash


def test_a_time_between_a_line_place_and_its_dash():
    assert list(by_place("date 2025-03-03 Канал\n\nСуми 03:40 — вибух у центрі.")) == ["Sumy"]
    assert list(by_place("date 2025-03-03 Channel\n\nKherson 21:05: shelling of the port, one wounded.")) == ["Kherson"]


# ---------------------------------------------------------------- a district's adjective never names a town abroad


def test_a_district_adjective_names_a_town_at_home_or_none():
    assert list(by_place("Сбиты 2 БПЛА над Клинцовским районом.")) == ["Klintsy"]
    found = by_place("Сбиты 2 БПЛА над Брасовским районом.")
    assert all(i.country in ("RU", "UA") for i in found.values())


# ---------------------------------------------------------------- Latin-script Russian and Ukrainian, inflected names


def test_inflected_names_in_latin_script_russian_and_ukrainian():
    found = by_place("date 2025-03-03 Channel\n\nNad Kurskom sbity tri BPLA, postradavshikh net.")
    assert list(found) == ["Kursk"] and found["Kursk"].event_type == "interception"
    assert list(by_place("date 2025-03-03 Channel\n\nVzryvy v Bryanske, rabotaet PVO.")) == ["Bryansk"]
    assert list(by_place("date 2025-03-03 Channel\n\nU Poltavi vybukhy, ataka shakhediv.")) == ["Poltava"]


# ---------------------------------------------------------------- a key written twice in a lexicon drops the first


def test_no_lexicon_file_repeats_a_key():
    import json
    from collections import Counter

    from incidents.extraction.cues import LEXICON_DIR

    for path in LEXICON_DIR.glob("*.json"):
        pairs = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=lambda items: items)
        repeated = [k for k, n in Counter(k for k, _ in pairs).items() if n > 1]
        assert not repeated, (path.name, repeated)
