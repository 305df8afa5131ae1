"""A ministry's region list under a lead-in that tells the interception: each bulleted or comma-separated item with its
weapons' noun between the count and the place ("- 14 UAVs over the territory of Oryol region") is that region's
interception, its count kept as drones_downed."""

import pytest

from tests.incidents.extraction import helpers

counts = helpers.dated(lambda text, published: {(i.event_type, i.place, i.geo_precision, i.drones_downed)
                                                for i in helpers.found(text, published)}, "2025-06-10")


@pytest.mark.parametrize("text", [
    "Overnight, air defences on duty intercepted and destroyed 23 drones:\n\n"
    "- 14 UAVs over the territory of Oryol region,\n- 9 UAVs over the territory of Tula region.",
    "Overnight, air defences intercepted and destroyed 23 drones: 14 UAVs over the territory of Oryol region, "
    "9 UAVs over the territory of Tula region.",
    "Этой ночью дежурными средствами ПВО перехвачены и уничтожены 23 беспилотника:\n"
    "• 14 БПЛА над территорией Орловской области,\n• 9 БПЛА над территорией Тульской области.",
])
def test_each_item_of_a_region_list_with_its_weapon_noun_is_a_counted_interception(text):
    assert counts(text) == {("interception", "Orel", "region", 14), ("interception", "Tula", "region", 9)}


def test_a_bare_count_list_keeps_its_counts():
    text = "Overnight, air defences intercepted and destroyed 23 drones:\n\n- 14 over Oryol region,\n- 9 over Tula region."
    assert counts(text) == {("interception", "Orel", "region", 14), ("interception", "Tula", "region", 9)}
