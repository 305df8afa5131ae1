"""Russian styles, round fifteen: a season named as the last one ('прошлым летом', 'минувшей осенью') dates a recap."""

from tests.incidents.extraction import helpers

found_in = helpers.dated(helpers.found, "2025-03-04")
places = helpers.place_names


def test_strikes_last_autumn_are_background():
    found = found_in("Ночью дроны атаковали Курск, повреждена котельная. "
                     "Минувшей осенью беспилотники уже били по Железногорску и Льгову.")
    assert places(found) == ["Kursk"]
