"""Ukrainian styles, round fifteen (written as an unseen hand first): a village whose name is also a common word (Балки)
listed with other names or followed by its raion, settlements listed after the districts they lie in and a colon."""

from tests.incidents.extraction import helpers

found = helpers.dated(helpers.found, "2024-07-20")
near = helpers.near


def test_a_village_named_like_a_common_word_is_read_beside_another_name_or_its_raion():
    items = found("Під обстрілом опинилися Степногірськ та Балки.")
    assert any(near(i, 47.39, 34.93, 0.1) for i in items)  # Balky
    items = found("Вранці росіяни атакували дронами Балки Василівського району, поранено жінку.")
    assert [(i.event_type, i.injured) for i in items if near(i, 47.39, 34.93, 0.1)] == [("drone_strike", 1)]


def test_the_common_word_opening_a_sentence_stays_a_common_word():
    items = found("Балки перекриття обвалилися після удару по Запоріжжю.")
    assert not any(near(i, 47.39, 34.93, 0.3) for i in items)


def test_settlements_listed_after_the_districts_they_lie_in_are_sites():
    text = ("За добу під вогнем були населені пункти Пологівського та Василівського районів: Степногірськ, Мала Токмачка, "
            "Балки.")
    items = found(text)
    assert any(near(i, 47.59, 35.36, 0.1) for i in items)  # Stepnohirsk
    assert any(near(i, 47.53, 35.90, 0.1) for i in items)  # Mala Tokmachka
    assert any(near(i, 47.39, 34.93, 0.1) for i in items)  # Balky


def test_a_short_post_opening_with_the_town_then_its_blasts_tells_an_explosion_there():
    items = found("Запоріжжя, знову вибухи! Місто атакують шахеди, будьте в укриттях.")
    assert any(near(i, 47.85, 35.12, 0.1) for i in items)  # Zaporizhzhia
    assert not found("Одеса, пам'ятаймо про вибух у порту торік.")  # the blast not alone after the town: no post of it


def test_communities_under_the_enemys_sights_came_under_fire():
    items = found("Вдень під ворожим прицілом були Білозерка та Станіслав Херсонського району.")
    assert any(near(i, 46.63, 32.44, 0.1) for i in items)  # Bilozerka
    assert any(near(i, 46.57, 32.15, 0.1) for i in items)  # Stanislav
    items = found("Під прицілом перебувала Томаківська громада.")
    assert any(near(i, 47.81, 34.74, 0.1) for i in items)  # Tomakivka
    assert not found("Під прицілом камер опинився Нікополь, де знімали фільм.")  # a figure of speech: no strike
