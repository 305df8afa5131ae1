"""The About page names every way the project can reach the internet and whether it is on."""

from dashboard.views.about import network_table


def test_network_uses_are_off_by_default_and_feeds_are_named():
    table = network_table({"INCIDENT_MAP_TILES": "offline", "INCIDENT_MAP_GEOCODER": "offline"})
    assert dict(zip(table["use"], table["now"])) == {"Online map tiles": "off", "Online geocoder": "off",
                                                     "News feeds": "command line only"}


def test_a_setting_turned_online_shows_as_on():
    table = network_table({"INCIDENT_MAP_TILES": "osm", "INCIDENT_MAP_GEOCODER": "offline"})
    assert dict(zip(table["use"], table["now"]))["Online map tiles"] == "on"
