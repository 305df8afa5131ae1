"""A town's former name that another town carries today does not pull an incident to the renamed town."""

from tests.incidents.extraction.helpers import by_place, near

DAY = "2025-05-01"


def test_pokrovsk_shelled_is_not_engels_beside_a_saratov_story():
    text = ("Drones struck an oil depot near Saratov overnight, the regional governor said. "
            "In Donbas, Russian artillery shelled Pokrovsk in the afternoon, killing three residents.")
    found = by_place(text, DAY)
    assert "Engels" not in found
    assert near(found["Pokrovsk"], 48.28, 37.18) and found["Pokrovsk"].killed == 3


def test_stavropol_named_beside_samara_is_the_krai_capital():
    text = ("A drone hit an industrial site in Samara region overnight. Hours later another drone "
            "was shot down over Stavropol, the city's mayor said.")
    found = by_place(text, DAY)
    assert "Tolyatti" not in found
