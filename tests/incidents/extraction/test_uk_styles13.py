"""Ukrainian styles, round thirteen (written as an unseen hand first): the weapons the enemy used tell the attack, so the
damage told next is its consequence."""

from tests.incidents.extraction import helpers

found = helpers.dated(helpers.found, "2024-04-11")
near = helpers.near


def test_weapons_the_enemy_used_carry_the_attack_to_the_damage_told_next():
    text = ("Уночі окупанти застосували крилаті ракети та шахеди проти енергетики.\n\n"
            "Пошкоджено обладнання Зміївської ТЕС на Харківщині. Пожежу загасили.")
    assert any(near(i, 49.697, 36.362) for i in found(text))  # Zmiiv
    assert not found("Росія може застосувати ракети проти енергетики.\n\nПошкоджено підстанцію у Коростені.")


def test_an_air_base_written_the_ukrainian_way_is_the_base_not_a_village_of_that_name():
    text = "Уночі безпілотники СБУ атакували військовий аеродром «Маринівка» на Волгоградщині, там лунали вибухи."
    items = found(text)
    assert any(near(i, 48.637, 43.789, 0.05) for i in items)  # Marinovka air base
    assert not any(i.country == "UA" for i in items)  # no Ukrainian village Marynivka


def test_an_attack_whose_drones_were_all_downed_in_the_next_sentence_is_an_interception():
    text = ("Уночі окупанти атакували Сумщину ударними безпілотниками. Усі вісім дронів збиті силами ППО, влучань немає.")
    assert [i.event_type for i in found(text)] == ["interception"]
    text = "Уночі окупанти атакували Сумщину ударними безпілотниками. Усі дрони збиті, але уламки пошкодили будинок."
    assert "interception" not in [i.event_type for i in found(text)]


def test_staff_unhurt_is_no_one_hurt():
    text = ("Уночі ворог атакував Кременчук ракетами. Пошкоджено обладнання підприємства, виникла пожежа. "
            "Працівники, які були в укритті, не постраждали.")
    items = [i for i in found(text) if near(i, 49.066, 33.41)]  # Kremenchuk
    assert items and items[0].injured == 0


def test_a_live_blog_summary_label_is_no_village():
    text = "Головне: вночі ворог атакував Миколаївщину дронами. У Миколаєві пошкоджено склад, постраждалих немає."
    items = found(text)
    assert any(near(i, 46.975, 31.995) for i in items)  # Mykolaiv
    assert not any(near(i, 51.337, 24.079) for i in items)  # Holovne, a village in Volyn
