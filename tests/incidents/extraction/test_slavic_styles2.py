"""Russian and Ukrainian published styles written by other hands: imperfective interception verbs, settlement nouns and
their abbreviations, "under fire" subjects, count lists after the region, paragraph labels, transliterated posts."""

from incidents.extraction.casualties import find_casualties
from tests.incidents.extraction import helpers

sites = helpers.dated(helpers.sites, "2025-03-14")
places = helpers.dated(helpers.places, "2025-03-14")
kinds = helpers.dated(helpers.kinds, "2025-03-14")


def test_imperfective_interception_verbs_over_region_nicknames():
    uk = "Упродовж ночі ворожі безпілотники збивали над Житомирщиною та Вінниччиною, повідомили у Повітряних силах."
    ru = "Всю ночь беспилотники сбивали над Брянской областью, сообщил губернатор."
    assert {(k[0], k[2]) for k in sites(uk)} == {("interception", "region")}
    assert sorted(k[1] for k in sites(uk)) == ["Vinnytsya", "Zhytomyr"]
    assert [(k[0], k[1], k[2]) for k in sites(ru)] == [("interception", "Bryansk", "region")]


def test_settlement_noun_without_preposition_names_the_site():
    ru = "Днём украинские националисты обстреляли из РСЗО посёлок Климово. Ранены двое мирных жителей."
    uk = "Ворог обстріляв селище Велика Писарівка, поранено жінку."
    assert [(k[1], v.injured) for k, v in sites(ru).items()] == [("Klimovo", 2)]
    assert places(uk) == ["Velyka Pysarivka"]


def test_abbreviated_settlement_noun_after_a_preposition():
    uk = "У м. Балаклія внаслідок обстрілу загинула 64-річна жінка."
    ru = "В г. Шебекино в результате обстрела пострадал мужчина."
    assert [(k[1], v.killed) for k, v in sites(uk).items()] == [("Balakliya", 1)]
    assert [(k[1], v.injured) for k, v in sites(ru).items()] == [("Shebekino", 1)]


def test_place_under_fire_is_the_subject_of_a_strike():
    assert places("Очаків знову під обстрілом: росіяни вдарили по місту з артилерії, поранено трьох людей.") == ["Ochakiv"]
    assert places("Шебекино вновь под массированным обстрелом, повреждены дома.") == ["Shebekino"]


def test_count_after_the_region_nickname_one_per_line():
    text = ("Станом на 09:00 збито/подавлено 81 ворожий БпЛА. Розподіл за регіонами:\n"
            "Харківщина: 14\nСумщина: 11\nПолтавщина: 9")
    found = sites(text)
    assert {(k[0], k[2]) for k in found} == {("interception", "region")}
    assert sorted(k[1] for k in found) == ["Kharkiv", "Poltava", "Sumy"]


def test_ukrainian_collective_number_words_count_people():
    assert find_casualties("загинули двоє людей, ще дев'ятеро поранені")["injured"].value == 9
    assert find_casualties("ще дев’ятеро поранені")["injured"].value == 9


def test_transliterated_posts_are_read_with_their_cue_words():
    ru = "Kursk: noch'yu nad gorodom sbity chetyre BPLA, oblomki upali na chastnyi dom, postradavshikh net."
    uk = "Kharkiv: vybukhy v misti, rosiiany atakuvaly Shahedamy, poraneno dvoie liudei."
    assert kinds(ru) == [("interception", "Kursk")]
    assert [(k[1], v.injured) for k, v in sites(uk).items()] == [("Kharkiv", 2)]


def test_town_named_by_a_plural_common_noun():
    text = "В Лисках от падения обломков беспилотника пострадали двое местных жителей."
    assert [(k[1], v.injured) for k, v in sites(text).items()] == [("Liski", 2)]
    assert places("Ночью над Воронежем и Лисками уничтожены семь беспилотников.") == ["Liski", "Voronezh"]


def test_common_plural_words_stay_common():
    assert places("Силами ПВО уничтожены два беспилотника. Люди не пострадали.") == []


def test_place_alone_labels_the_sentences_of_its_line():
    text = ("Шебекино. Дрон-камикадзе ударил по легковому автомобилю. Мужчина получил осколочные ранения.\n\n"
            "Грайворон. В результате атаки FPV-дрона на грузовик погиб водитель.")
    found = sites(text)
    assert sorted((k[1], v.killed, v.injured) for k, v in found.items()) == [("Grayvoron", 1, None), ("Shebekino", None, 1)]
    uk = "Харків. Близько 02:15 ворог завдав удару КАБами по Салтівському району. Поранені троє людей."
    assert [(k[1], v.injured) for k, v in sites(uk).items()] == [("Kharkiv", 3)]


def test_a_label_reaches_only_its_own_line():
    text = "Шебекино.\nВ Белгороде беспилотник атаковал автомобиль."
    assert places(text) == ["Belgorod"]


def test_regions_sharing_one_plural_noun_after_territories():
    ru = "Уничтожены 19 беспилотников над территориями Брянской, Курской и Орловской областей."
    uk = "Ворожі дрони знищено над територіями Сумської та Полтавської областей."
    assert {(k[0], k[2]) for k in sites(ru)} == {("interception", "region")}
    assert sorted(k[1] for k in sites(ru)) == ["Bryansk", "Kursk", "Orel"]
    assert sorted(k[1] for k in sites(uk)) == ["Poltava", "Sumy"]


def test_noun_before_the_verb_of_suffering_a_strike():
    assert places("Насправді удару зазнало підприємство у Лозовій, постраждалих немає.") == ["Lozova"]
    assert places("Атаки зазнала котельня в Охтирці.") == ["Okhtyrka"]


def test_no_injured_in_other_words():
    assert find_casualties("Травмованих немає.")["injured"].value == 0
    assert find_casualties("Раненых нет, повреждены окна.")["injured"].value == 0


def test_a_report_called_a_fake_gives_its_place_no_incident():
    uk = "Центр протидії дезінформації: повідомлення російських пабліків про «влучання в аеропорт Бориспіль» — фейк."
    ru = "Губернатор назвал фейком сообщения телеграм-каналов о пожаре на нефтебазе в Орле."
    ru2 = "Российские СМИ распространяют фейк о якобы уничтожении завода в Туле."
    assert places(uk) == [] and places(ru) == [] and places(ru2) == []


def test_the_place_the_denial_sets_right_still_counts():
    text = "Російські ЗМІ поширюють фейк про нібито знищення заводу в Харкові. Насправді удару зазнало підприємство у Лозовій."
    assert places(text) == ["Lozova"]


def test_damage_said_not_to_have_happened_leaves_an_interception():
    ru = "Ночью над Орловской областью сбиты два беспилотника, пострадавших и разрушений нет."
    uk = "Над Сумщиною збито три безпілотники, пошкоджень немає."
    assert [(k[0], k[2]) for k in sites(ru)] == [("interception", "region")]
    assert [(k[0], k[2]) for k in sites(uk)] == [("interception", "region")]


def test_an_attempted_attack_is_no_strike_on_the_region():
    ru = ("Этой ночью ВСУ предприняли попытку атаки по объектам на территории Брянской области с помощью БПЛА. "
          "Беспилотник уничтожен над Почепским районом силами ПВО.")
    uk = "Ворог здійснив спробу атакувати Київщину. Над Броварами збито два дрони."
    assert kinds(ru) == [("interception", "Pochep")]
    assert kinds(uk) == [("interception", "Brovary")]


def test_inline_items_place_dash_count_after_a_colon():
    uk = "Протягом доби сили ППО знешкодили 19 ударних дронів: Одещина — 9, Миколаївщина — 6, Херсонщина — 4."
    ru = "За сутки уничтожены 12 беспилотников: Брянская область — 7, Курская область — 5."
    assert {(k[0], k[2]) for k in sites(uk)} == {("interception", "region")}
    assert sorted(k[1] for k in sites(uk)) == ["Kherson", "Mykolayiv", "Odessa"]
    assert sorted(k[1] for k in sites(ru)) == ["Bryansk", "Kursk"]


def test_a_time_after_the_dash_is_no_count():
    assert places("Київ — 14:20, повітряна тривога.") == []


def test_ukrainian_masculine_past_strike_verbs_and_crash_verbs():
    assert kinds("Ворог вдарив по Сумах балістикою. Загинули троє людей.") == [("missile_strike", "Sumy")]
    assert places("Дрон врезался в многоэтажку в Раменском, пострадавших нет.") == ["Ramenskoye"]
    assert places("Безпілотник врізався в будинок у Броварах.") == ["Brovary"]


def test_light_verb_before_the_injury_noun():
    assert find_casualties("ще дев'ятеро дістали поранення")["injured"].value == 9
    assert find_casualties("двоє людей дістали поранень")["injured"].value == 2


def test_partitive_list_items_after_a_national_total():
    ru = "За ночь над регионами России сбиты 41 беспилотник, из них 20 — над Курской областью и 11 — над Брянской."
    uk = "Загалом збито 30 дронів, з них 12 — над Сумщиною."
    assert sorted((k[0], k[1], k[2]) for k in sites(ru)) == [("interception", "Bryansk", "region"),
                                                             ("interception", "Kursk", "region")]
    assert [(k[0], k[1], k[2]) for k in sites(uk)] == [("interception", "Sumy", "region")]


def test_subject_that_suffered_an_attack_is_the_site():
    ru = "Сегодня утром Белгород вновь подвергся ракетному обстрелу, пострадали шесть человек."
    uk = "Одеса зазнала масованої атаки дронів, поранено двох людей."
    assert [(k[0], k[1], v.injured) for k, v in sites(ru).items()] == [("missile_strike", "Belgorod", 6)]
    assert [(k[1], v.injured) for k, v in sites(uk).items()] == [("Odesa", 2)]


def test_one_victim_named_by_occupation():
    assert find_casualties("беспилотник атаковал карету скорой помощи, погиб фельдшер")["killed"].value == 1
    assert find_casualties("поранено працівника підприємства")["injured"].value == 1


def test_each_place_phrase_after_a_comma_keeps_its_own_casualties():
    ru = "Вечером враг атаковал Сумщину: в Сумах погибли двое, в Ромнах ранен мужчина."
    uk = "Ворог атакував область: у Харкові загинула жінка, у Чугуєві поранено трьох людей."
    assert sorted((k[1], v.killed, v.injured) for k, v in sites(ru).items()) == [("Romny", None, 1), ("Sumy", 2, None)]
    assert sorted((k[1], v.killed, v.injured) for k, v in sites(uk).items()) == [("Chuhuyiv", None, 3), ("Kharkiv", 1, None)]


def test_every_name_of_a_list_of_subjects_under_attack():
    ru = "Гладков: Шебекино, Грайворон и Валуйки подверглись обстрелам."
    uk = "Нікополь і Марганець знову під обстрілом."
    assert places(ru) == ["Grayvoron", "Shebekino", "Valuyki"]
    assert places(uk) == ["Marhanets", "Nikopol"]


def test_object_put_before_the_verb_and_its_attacker():
    ru = "Ночью Липецк атаковали беспилотники. Обломками травмирован мужчина."
    uk = "Уночі Харків атакували шахеди, пошкоджено склад."
    assert [(k[0], k[1], v.injured) for k, v in sites(ru).items()] == [("drone_strike", "Lipetsk", 1)]
    assert kinds(uk) == [("drone_strike", "Kharkiv")]


def test_a_time_word_opening_the_sentence_is_no_part_of_the_name():
    assert places("Уночі Харків атакували шахеди.") == ["Kharkiv"]
    assert places("Вечером Курск атаковали беспилотники.") == ["Kursk"]


def test_the_attacker_put_first_is_no_fronted_object():
    assert places("Росіяни атакували Запоріжжя ударними дронами.") == ["Zaporizhzhya"]
