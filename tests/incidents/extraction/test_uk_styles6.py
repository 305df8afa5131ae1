"""Ukrainian styles, round six: live-blog entries with a bullet before their time, a place alone with its hour or part
of the day labelling its line, the subject put after its passive strike ('під обстрілом — X', 'під удар потрапила X'),
weapon words in quotes."""

from tests.incidents.extraction import helpers

found = helpers.dated(helpers.found, "2025-03-14")
near = helpers.near


def test_bullet_before_the_time_of_a_live_blog_entry():
    for text, lat, lon in (("🔴 08:20 — Луцьк: ракета влучила у промисловий об'єкт.", 50.758, 25.35),
                           ("▪️ 21:45 Черкаси: дрон пошкодив адмінбудівлю.", 49.445, 32.057)):
        items = found(text)
        assert len(items) == 1 and near(items[0], lat, lon), text


def test_a_place_alone_with_its_hour_or_part_of_the_day_labels_its_line():
    for text, lat, lon in (("Полтава, 05:10. Місто атакували дрони, пошкоджено гуртожиток.", 49.589, 34.554),
                           ("Джанкой, ніч. Мешканці пишуть про вибухи біля залізничного вузла.", 45.713, 34.393),
                           ("💥 23:05 — Херсон. Ворог вдарив по житловому кварталу.", 46.637, 32.615)):
        items = found(text)
        assert len(items) == 1 and near(items[0], lat, lon), text


def test_a_district_alone_labels_its_line():
    items = found("Ізмаїльський район. Дрони атакували портову інфраструктуру, двоє працівників травмовані.")
    assert len(items) == 1 and near(items[0], 45.351, 28.838) and items[0].injured == 2


def test_the_subject_after_its_passive_strike():
    for text, lat, lon in (("Увечері під удар потрапила Шостка, пошкоджено підприємство.", 51.864, 33.473),
                           ("Під обстрілом з РСЗВ опинився Нікополь.", 47.568, 34.391),
                           ("Чугуївський район: м. Балаклія потрапила під ракетний удар.", 49.456, 36.844)):
        items = found(text)
        assert len(items) == 1 and near(items[0], lat, lon), text
        assert items[0].event_type != "interception"


def test_a_community_heading_its_line():
    items = found("⚡️ 10:40 — Білопільська громада: обстріл з артилерії, поранено жінку.")
    assert len(items) == 1 and near(items[0], 51.147, 34.311) and items[0].injured == 1


def test_weapon_words_in_quotes_still_make_an_interception():
    for text in ("Від ранку над Полтавщиною знешкоджено 7 «шахедів».",
                 "Міноборони РФ звітує про 12 «знищених» над Бєлгородською областю безпілотників."):
        items = found(text)
        assert [i.event_type for i in items] == ["interception"], text
        assert items[0].geo_precision == "region"


def test_casualties_stated_in_other_words():
    cases = (("У Сумах дрон влучив у гуртожиток, люди не постраждали.", 0, 0),
             ("Унаслідок удару по Херсону поранень дістали троє військовослужбовців.", None, 3),
             ("Після обстрілу Нікополя медикам не вдалося врятувати 63-річну жінку.", 1, None),
             ("У Краматорську ракета влучила в житловий будинок. Життя чоловіка врятувати не вдалося.", 1, None),
             ("У Полтаві внаслідок атаки дронів шпиталізовані четверо людей.", None, 4),
             ("Дрон атакував Ізмаїл, медики надали допомогу п'ятьом працівникам порту.", None, 5))
    for text, killed, injured in cases:
        items = found(text)
        assert len(items) == 1, text
        if killed is not None:
            assert items[0].killed == killed, text
        if injured is not None:
            assert items[0].injured == injured, text


def test_a_funeral_or_last_weeks_strike_is_no_incident_there():
    for text in ("У Білій Церкві попрощалися з загиблими внаслідок удару по місту.",
                 "Кременчук поховав жертв ракетного удару.",
                 "У Конотопі відновлюють будинки, пошкоджені внаслідок минулотижневої атаки дронів."):
        assert found(text) == [], text


def test_a_front_sector_is_not_a_place():
    for text in ("Старший сержант загинув у бою на Покровському напрямку 12 лютого.",
                 "Воїн загинув під час артобстрілу на Куп'янському напрямку.",
                 "Бригада відбила штурм на Торецькому напрямку, знищено два танки."):
        assert found(text) == [], text


def test_the_danube_is_not_the_town_of_dunay():
    items = found("Вночі ворожі дрони атакували зерновий термінал на Дунаї в Ізмаїлі.")
    assert len(items) == 1 and near(items[0], 45.351, 28.838)
    assert found("Вночі ворожі дрони атакували зерновий термінал на Дунаї.") == []


def test_related_stories_under_ukrainian_headings_are_furniture():
    text = ("date 2025-02-02 УНІАН\n\nУ Полтаві ракета влучила в житловий будинок, загинули дев'ятеро людей.\n\n"
            "Пов'язані матеріали:\n• Одещина: дрони атакували порт, є поранені\n• Удар по Запоріжжю: загинула жінка\n")
    items = found(text, "2025-02-02")
    assert len(items) == 1 and near(items[0], 49.589, 34.554) and items[0].killed == 9


def test_air_bases_listed_in_quotes_each_with_its_region():
    items = found("Дрони уразили літаки на аеродромах «Енгельс» у Саратовській області, «Шайковка» в Калузькій та "
                  "«Саваслейка» в Нижньогородській.")
    assert len(items) == 3 and {i.geo_precision for i in items} == {"exact"}
    assert any(near(i, 54.226, 34.371) for i in items) and any(near(i, 55.44, 42.31) for i in items)


def test_the_capital_is_the_capital_of_the_country_in_focus():
    items = found("08:10 Львів: влучання в об'єкт інфраструктури.\n\n07:05 У столиці внаслідок атаки загинули двоє "
                  "людей, ще п'ятеро поранені.")
    kyiv = [i for i in items if near(i, 50.455, 30.524)]
    assert len(kyiv) == 1 and kyiv[0].killed == 2 and kyiv[0].injured == 5
    assert all(i.killed is None for i in items if near(i, 49.838, 24.023))


def test_a_region_in_focus_after_its_same_named_city():
    items = found("Вранці дрон атакував Херсон.\n\nНа Херсонщині під обстрілом опинилося Дніпряни.\n\n"
                  "На Херсонщині обстріляли Станіслав.")
    assert any(near(i, 46.573, 32.148) for i in items)
    assert not any(near(i, 48.923, 24.712) for i in items)  # not Ivano-Frankivsk, once called Stanislav


def test_an_updated_figure_replaces_the_first_one():
    items = found("У Миколаєві дрон влучив у багатоповерхівку, поранено чотирьох людей. За уточненими даними, "
                  "поранено трьох мешканців.")
    assert len(items) == 1 and items[0].injured == 3


def test_russian_towns_in_ovo_declined_as_adjectives():
    for text in ("Мешканці публікують відео вибухів під Міллеровим, де розташований військовий аеродром.",
                 "Уночі дрони атакували аеродром у Міллеровому."):
        items = found(text)
        assert len(items) == 1 and near(items[0], 48.95, 40.3), text


def test_one_person_told_by_a_participle_or_a_singular_noun():
    items = found("Черкаси атакували дрони: є загиблий та четверо поранених.")
    assert len(items) == 1 and items[0].killed == 1 and items[0].injured == 4
    items = found("Херсон. Ворожий обстріл: загинула людина, ще двоє поранені.")
    assert len(items) == 1 and items[0].killed == 1 and items[0].injured == 2
    assert found("Херсон під обстрілом: є загиблі та поранені.")[0].killed is None


def test_an_adjective_between_the_preposition_and_the_place():
    for text, lat, lon in (("В окупованому Мелітополі пролунали потужні вибухи.", 46.84, 35.37),
                           ("У прифронтовому Куп'янську через удар КАБ загинула жінка.", 49.71, 37.616)):
        items = found(text)
        assert len(items) == 1 and near(items[0], lat, lon, 0.3), text


def test_a_meeting_place_or_air_defence_as_a_topic_is_no_incident():
    for text in ("Президент провів зустріч у Вінниці з главою МЗС Литви щодо ППО.",
                 "Переговори в Ер-Ріяді тривали до ночі, делегації обговорили удари по енергетиці."):
        assert found(text) == [], text
    items = found("Переговори у Стамбулі завершилися без результату, а вночі дрони атакували Одесу.")
    assert len(items) == 1 and near(items[0], 46.486, 30.744)


def test_one_person_named_by_a_singular_noun_of_trade_or_age():
    for text, field in (("На Львівщині дрон влучив у склад, загинув охоронець.", "killed"),
                        ("У Херсоні через скид з дрона поранено 12-річну дівчинку.", "injured"),
                        ("У Сумах під час атаки травмовано пішохода.", "injured")):
        items = found(text)
        assert len(items) == 1 and getattr(items[0], field) == 1, text


def test_the_subject_after_a_dash_that_closes_its_passive_strike():
    items = found("▪️ 11:20 Під обстрілом з РСЗВ — Херсон. Поранено чоловіка.")
    assert len(items) == 1 and near(items[0], 46.637, 32.615)


def test_a_city_quarter_named_like_a_far_town_abroad_is_the_citys():
    items = found("Запоріжжя. Удар по Комунарському району, поранено трьох людей.")
    assert len(items) == 1 and near(items[0], 47.852, 35.117) and items[0].injured == 3


def test_ukrainian_dates_and_day_words():
    for text, day in (("12 березня близько 14:00 росіяни скинули КАБ на Костянтинівку.", "2025-03-12"),
                      ("У ніч на 13 березня ворог атакував Полтаву дронами.", "2025-03-13"),
                      ("Вчора ввечері окупанти вдарили по центру Сум.", "2025-03-13"),
                      ("Позавчора ворог обстріляв Херсон, поранено жінку.", "2025-03-12")):
        items = found(text)
        assert len(items) == 1 and items[0].started_at[:10] == day, text


def test_russian_towns_as_ukrainian_outlets_spell_them():
    for text, lat, lon in (("Уночі морські дрони атакували порт у Новоросійську.", 44.73, 37.76),
                           ("У Сизрані після атаки дронів горить НПЗ.", 53.16, 48.47),
                           ("Місцеві пишуть про вибухи в Клинцях.", 52.76, 32.24)):
        items = found(text)
        assert len(items) == 1 and near(items[0], lat, lon), text


def test_a_town_put_first_before_an_attack_in_the_present():
    items = found("Полтаву атакують ворожі дрони, вибухи в місті.")
    assert len(items) == 1 and near(items[0], 49.589, 34.554) and items[0].event_type == "drone_strike"
