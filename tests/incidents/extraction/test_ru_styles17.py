"""Russian news faults of session 14: a settlement named with its region, a photo credit pasted before the story, a
restriction lifted as told by a pronoun ('Позже их отменили'), a first attack in a week told as a comment."""

from tests.incidents.extraction.helpers import found, near

DAY = "2026-12-07"


def test_settlement_named_with_its_region_is_not_the_capital_known_by_that_name():
    text = "Ночью дрон ударил по частному дому в Александровке Донецкой области, пострадала женщина."
    incidents = found(text, DAY)
    assert incidents and all(not near(i, 48.02, 37.80, 0.05) for i in incidents)  # not Donetsk city
    assert all(i.place != "Donetsk" or i.geo_precision == "region" for i in incidents)


def test_settlement_named_with_its_region_is_not_a_namesake_far_away():
    text = "Беспилотник атаковал автомобиль в Ивановке Курской области, ранен водитель."
    incidents = found(text, DAY)
    assert incidents and all(near(i, 51.7, 36.2, 1.5) for i in incidents)  # the Kursk region, not Primorye


def test_a_capital_named_with_its_own_region_stays_the_capital():
    text = "Беспилотник атаковал жилой дом в Харькове Харьковской области, ранены двое."
    incidents = found(text, DAY)
    assert [i.place for i in incidents] == ["Kharkiv"] and incidents[0].geo_precision == "city"


def test_a_town_named_with_its_region_stays_the_town():
    text = "Беспилотник атаковал предприятие в Рыльске Курской области, пострадавших нет."
    incidents = found(text, DAY)
    assert len(incidents) == 1 and near(incidents[0], 51.57, 34.68)


def test_a_photo_credit_pasted_before_the_story_keeps_the_story():
    text = "Фото: пресс-служба администрации. В Новошахтинске обломки беспилотника повредили склад."
    assert [i.place for i in found(text, DAY)] == ["Novoshakhtinsk"]


def test_a_caption_after_its_credit_is_still_no_incident():
    text = "Беспилотник атаковал Белгород, ранены двое.\nФото: Reuters. Разрушенный дом в Харькове после удара в 2023 году"
    assert [i.place for i in found(text, DAY)] == ["Belgorod"]


def test_a_caption_describing_its_picture_after_the_credit_is_no_incident():
    text = "Беспилотник атаковал Белгород, ранены двое.\nФото: AP. Пожарные тушат дом в Харькове после ракетного удара."
    assert [i.place for i in found(text, DAY)] == ["Belgorod"]


def test_restrictions_lifted_told_by_a_pronoun():
    text = "В аэропорту Казани ввели временные ограничения на полёты. Позже их отменили."
    assert [(i.airport_iata, i.status) for i in found(text, DAY)] == [("KZN", "lifted")]


def test_a_pronoun_filmed_is_no_lifting():
    text = "В аэропорту Сочи ввели временные ограничения. Их сняли на видео пассажиры в зале ожидания."
    assert [(i.airport_iata, i.status) for i in found(text, DAY)] == [("AER", "active")]


def test_the_first_attack_in_a_week_is_a_comment_not_another_strike():
    text = "Днём дрон атаковал Шостку, пострадала женщина. Это стала первая атака на Сумы за месяц."
    assert [i.place for i in found(text, DAY)] == ["Shostka"]


def test_a_strike_told_with_its_week_stays():
    text = "За неделю это уже третий удар по Сумам. Сегодня дрон атаковал Сумы, ранены двое."
    assert [i.place for i in found(text, DAY)] == ["Sumy"]
