"""Ukrainian styles, round twelve (written as an unseen hand first): a country's name is never a village or an airport
bearing it as another name; the same day as an earlier date told is that day; an alleged claim refuted; a plant named by
its town's adjective; a regional head's region in focus; a mayor's town before his name; raion and community adjectives;
a raion qualifying the site in it; a place after a short event head and a dash; no victims; a capital under pressure;
quoted airfields with bracketed regions; places after fronted strike words; villages after 'с.'; kin counted; a drone
directed at a town."""

from tests.incidents.extraction import helpers

found = helpers.dated(helpers.found, "2025-03-14")
near = helpers.near


def test_a_country_named_with_a_strike_is_no_village_or_airport_called_so():
    text = "Кіпер: в Одесі дрон влучив у склад, поранено охоронця.\n\nМолдова закрила небо через масовану атаку Росії на Україну."
    items = found(text)
    assert any(near(i, 46.482, 30.723) for i in items)  # Odesa
    assert not any(near(i, 46.333, 30.1) for i in items)  # Krasna Kosa, once Росія
    items = found("Вночі дрони уразили два військові аеродроми Росії, повідомив співрозмовник у розвідці.")
    assert not any(i.country == "RO" for i in items)  # Roşia / Sibiu airport


def test_the_same_day_after_an_earlier_date_is_that_day_not_today():
    text = ("Рік тому, 3 вересня 2024 року, дві балістичні ракети влучили в Інститут зв'язку в Полтаві. "
            "Того ж дня дрони атакували Львів і Вінницю.\n\nСьогодні в Полтаві вшанували пам'ять загиблих.")
    assert not found(text, "2025-09-03")
    text = ("29 декабря 2023 года ракеты поразили роддом в Днепре. В тот же день взрывы прогремели в Одессе и Харькове.")
    assert not found(text, "2024-12-29")


def test_the_same_day_after_todays_strike_is_still_today():
    items = found("Вранці дрон влучив у склад у Полтаві. Того ж дня ракети вдарили по Кременчуку, поранено двох людей.")
    assert any(near(i, 49.066, 33.41) for i in items)  # Kremenchuk


def test_a_claim_the_writer_calls_alleged_and_an_official_refutes_is_no_strike():
    text = ("Російські пропагандисти стверджують, що нібито уразили ракетою склад боєприпасів у Коростені. "
            "Начальник Житомирської ОВА це спростував.")
    assert not any(near(i, 50.954, 28.64) for i in found(text))  # Korosten
    text = "Минобороны России заявило, что якобы поразило аэродром в Миргороде. В Полтавской ОВА это опровергли."
    assert not any(near(i, 49.968, 33.608) for i in found(text))  # Myrhorod


def test_a_claim_refuted_without_the_writer_calling_it_alleged_stays_disputed():
    items = found("Росіяни заявили, що уразили склад у Коростені. Начальник Житомирської ОВА це спростував.")
    assert all(i.verification == "disputed" for i in items if near(i, 50.954, 28.64))


def test_a_plant_named_by_its_towns_adjective_is_the_site_not_the_region_after_it():
    text = ("Уночі росіяни завдали масованого ракетного удару по енергосистемі. Пошкоджено обладнання Зміївської ТЕС на "
            "Харківщині та Добротвірської ТЕС на Львівщині, повідомили в ДТЕК.")
    assert sorted(i.place for i in found(text)) == ["Dobrotvir", "Zmiiv"]  # not the Kharkiv and Lviv regions
    items = found("Вночі під атакою дронів опинилася Новочеркаська ГРЕС у Ростовській області, спалахнула пожежа.")
    assert [i.place for i in items] == ["Novocherkassk"]  # not the Rostov region


def test_a_regional_heads_name_puts_the_region_in_focus_for_a_towns_namesake():
    text = "Олег Синєгубов | Telegram\n\nВільхівка. Близько 14:00 ворог ударив дроном по приватному будинку, поранено чоловіка."
    assert [i.admin1 for i in found(text)] == ["Kharkiv"]  # not Vilkhivka in Transcarpathia
    text = "Березівка — удар КАБом по території підприємства, повідомив Олег Синєгубов. Без постраждалих."
    assert [i.admin1 for i in found(text)] == ["Kharkiv"]  # not Berezivka near Odesa
    text = "Уламки дрона пошкодили ліцей у Васильківці, постраждалих немає, повідомив Сергій Лисак."
    assert [i.admin1 for i in found(text)] == ["Dnipropetrovs'k"]  # not Vasylkiv near Kyiv


def test_a_mayors_town_before_his_name_is_the_city_his_post_tells_of():
    text = ("Вибухи у Рівному, працює ППО.\n\nМер Луцька Ігор Поліщук: уламки дрона впали у місті, пошкоджено два будинки, "
            "поранено жінку.")
    items = found(text)
    assert any(near(i, 50.747, 25.325) and i.injured == 1 for i in items)  # Lutsk
    assert not any(near(i, 50.619, 26.252) and i.injured for i in items)  # Rivne keeps no figure of Lutsk's
    items = found("Міський голова Полтави Вадим Пащенко повідомив, що внаслідок удару по місту загинула одна людина.")
    assert [(i.place, i.killed) for i in items] == [("Poltava", 1)]



def test_a_raion_or_community_adjective_reads_back_to_its_town():
    text = "Вночі над Рівненщиною працювала ППО. Уламки збитої ракети впали в лісі в Сарненському районі, руйнувань немає."
    assert any(i.place == "Sarny" for i in found(text))  # -ен- added by the adjective (Сарни: Сарненський)
    assert [i.place for i in found("Уламки дрона пошкодили будинок у Шепетівському районі, без постраждалих.")] == ["Shepetivka"]
    items = found("Упродовж доби під обстрілами були Шосткинська та Глухівська громади, пошкоджено лінію електропередачі.")
    assert sorted(i.place for i in items) == ["Hlukhiv", "Shostka"]  # Шостка: Шосткинська


def test_a_city_quarter_in_ivka_is_no_raion_town():
    items = found("Харків. Удар по Салтівському району, поранено двох людей, повідомив Терехов.")
    assert all(near(i, 49.99, 36.23, 0.15) for i in items)  # Kharkiv's quarter, no town elsewhere


def test_a_place_after_a_dash_and_a_short_event_head_is_the_site():
    text = "Вночі росіяни атакували Одещину дронами. Влучання — у Березівському районі, поблизу траси, пошкоджено склад."
    assert [i.place for i in found(text)] == ["Berezivka"]
    assert [i.place for i in found("Падіння уламків — у Бучанському районі, на полі поблизу траси.")] == ["Bucha"]


def test_a_raion_named_before_the_site_in_it_is_a_qualifier():
    items = found("У Конотопському районі ворожий дрон атакував Бурин: пошкоджено ангар агропідприємства.")
    assert [i.place for i in items] == ["Buryn"]  # not Konotop too


def test_no_victims_is_no_one_killed():
    items = found("Уламки ракети впали на поле поблизу Бердичева. Жертв та руйнувань немає.")
    assert [i.killed for i in items] == [0]
    items = found("Удар дрона по складу в Ніжині: жертв, на щастя, немає.")
    assert [i.killed for i in items] == [0]


def test_a_capital_under_pressure_or_sanctions_stands_for_its_government():
    items = found("Ракета влучила в житловий будинок у Дніпрі. Удар засудили союзники, які вимагають посилити тиск на Москву.")
    assert [i.place for i in items] == ["Dnipro"]
    items = found("After the strike on Kyiv, European leaders urged more pressure on Moscow.")
    assert not any(near(i, 55.75, 37.62) for i in items)


def test_quoted_airfields_each_with_a_bracketed_region_or_name_are_all_sites():
    text = ("Генштаб: уражено аеродроми «Єйськ» (Краснодарський край), «Міллерово» (Ростовська область) та «Борисоглєбськ» "
            "(Воронезька область).")
    assert [i.place for i in found(text)] == ["Yeysk Airport", "Millerovo Air Base", "Borisoglebsk Air Base"]
    text = "Уночі дрони атакували аеродроми «Ліпецьк» (Ліпецьк-2), «Курськ» (Халіно) та «Шайківка»."
    assert len(found(text)) == 3


def test_places_after_fronted_strike_words_are_the_sites():
    items = found("Протягом дня обстрілів зазнали Краснопільська та Білопільська громади, пошкоджено лінію електропередачі.")
    assert len(items) == 2 and any(near(i, 50.777, 35.27) for i in items) and any(near(i, 51.15, 34.313) for i in items)
    items = found("Губернатор повідомив про обстріли Валуйок і Шебекіного, пошкоджено кілька будинків.")
    assert len(items) == 2


def test_a_village_after_the_abbreviation_s_is_read():
    items = found("Протягом доби внаслідок ворожих обстрілів постраждали дві людини.\n\n"
                  "▪️ с. Борова Ізюмського району — поранено 70-річного чоловіка.")
    assert any(near(i, 49.38, 37.62) for i in items)  # Borova ("борова" is a common word too)
    items = found("Ворог скинув авіабомби по с. Велика Писарівка, пошкоджено склад.")
    assert any(near(i, 50.43, 35.47) for i in items)


def test_the_rivne_raion_is_rivnes():
    items = found("Рівненська ОВА: у Рівненському районі уламки дрона пошкодили енергооб'єкт, постраждалих немає.")
    assert [i.place for i in items] == ["Rivne"]


def test_a_person_and_their_kin_are_two():
    assert [i.killed for i in found("У Фастові внаслідок ракетного удару загинули жінка та її семирічна донька.")] == [2]
    assert [i.killed for i in found("В Шебекино при обстреле погибли мужчина и его сын.")] == [2]


def test_a_drone_directed_at_a_town_is_a_strike_there():
    items = found("Ввечері окупанти спрямували на Павлоград ударний безпілотник. Загорівся склад.")
    assert [i.place for i in items] == ["Pavlohrad"]
    assert not found("Громада скерувала на Павлоград гуманітарну допомогу для переселенців.")


def test_an_oblast_administration_puts_its_region_in_focus_for_over_the_region():
    items = found("Хмельницька ОВА повідомила, що вночі сили ППО збили над областю три крилаті ракети.")
    assert [(i.admin1, i.event_type) for i in items] == [("Khmel'nyts'kyy", "interception")]  # the adjective read as the city


def test_a_community_in_apposition_after_its_raion_is_the_site():
    items = found("Вдень ворог атакував дронами Конотопський район — Буринську громаду. Пошкоджено ангар.")
    assert [i.place for i in items] == ["Buryn"]


def test_a_plant_opening_a_recap_sentence_is_no_site():
    text = ("За рік дрони атакували понад двадцять НПЗ. Саратовський завод кілька разів зупинявся після нальотів, "
            "а Рязанський простояв три тижні.")
    assert not any(near(i, 51.53, 46.03) for i in found(text))  # Saratov
