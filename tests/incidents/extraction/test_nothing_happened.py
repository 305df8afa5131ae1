"""An event word denied on the spot ('взрывов в Туле не было', 'ніяких ударів не було') and a place named only to say
nothing happened there ('в Курске обошлось без последствий') give no incident; the events told beside them stay."""

import pytest

from tests.incidents.extraction import helpers

places = helpers.dated(lambda text, published: {i.place for i in helpers.found(text, published)}, "2025-06-10")


@pytest.mark.parametrize("text, wanted", [
    ("Взрывов в Орле не было, сообщил губернатор. Беспилотник атаковал Мценск.", {"Mtsensk"}),
    ("Вибухів у Полтаві не було, повідомив голова ОВА. Дрон атакував Кременчук.", {"Kremenchuk"}),
    ("Дрон атакував Кременчук. У Полтаві сьогодні жодних ударів не було.", {"Kremenchuk"}),
    ("Удары по Ельцу не зафиксированы. Беспилотник атаковал Липецк.", {"Lipetsk"}),
])
def test_an_event_word_denied_on_the_spot_is_no_event(text, wanted):
    assert places(text) == wanted


@pytest.mark.parametrize("text, wanted", [
    ("В Рыльске в результате атаки БПЛА повреждены три дома, в Курчатове ночью обошлось без последствий.", {"Ryl’sk"}),
    ("У Ромнах внаслідок атаки дрона пошкоджено склад, у Конотопі обійшлося без наслідків.", {"Romny"}),
    ("Drones damaged two houses in Ryazan; in Kasimov the night passed without incident.", {"Ryazan’"}),
])
def test_a_place_where_nothing_happened_is_no_site(text, wanted):
    assert places(text) == wanted
