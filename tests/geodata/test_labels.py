"""Place-name labels: the largest places that fit without overlapping, in the chosen script, bounded per view."""

import numpy as np
import pytest

from geodata.labels import (
    MAX_LABELS, LabelTable, label_box, label_zooms, local_cyrillic, pixels, place_labels, rank_of,
)


def table(rows):
    rows = sorted(rows, key=lambda r: -r[2])
    return LabelTable(lat=np.array([r[0] for r in rows], float), lon=np.array([r[1] for r in rows], float),
                      population=np.array([r[2] for r in rows], np.int64), latin=[r[3] for r in rows],
                      cyrillic=[r[4] for r in rows])


SMALL = table([
    (55.796, 49.106, 1_243_500, "Kazan", "Казань"),
    (55.800, 49.120, 20_000, "Near Kazan", ""),  # a few hundred metres away: overlaps Kazan's label at any city zoom
    (55.850, 48.520, 99_600, "Zelenodolsk", "Зеленодольск"),
    (55.700, 49.900, 3_000, "Village", "Деревня"),
    (40.0, 10.0, 5_000_000, "Elsewhere", ""),
])


def boxes_overlap(labels, zoom):
    xs, ys = pixels(np.array([l.lat for l in labels]), np.array([l.lon for l in labels]), zoom)
    boxes = [label_box(x, y, l.name, l.rank, l.position) for x, y, l in zip(xs, ys, labels)]
    return any(a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
               for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_largest_first_and_no_overlap():
    labels = place_labels((55.0, 48.0, 56.5, 50.5), 10, table=SMALL)
    assert [l.name for l in labels] == ["Kazan", "Zelenodolsk", "Village"]  # Near Kazan would overlap Kazan
    assert [l.rank for l in labels] == ["city", "town", "village"]
    assert not boxes_overlap(labels, 10)


def test_zoomed_in_far_enough_the_neighbour_fits():
    assert "Near Kazan" in [l.name for l in place_labels((55.0, 48.0, 56.5, 50.5), 16, table=SMALL)]


def test_zoomed_out_only_the_city_fits():
    assert [l.name for l in place_labels((50.0, 40.0, 60.0, 60.0), 5, table=SMALL)] == ["Kazan"]


def test_script_choice_and_latin_fallback():
    labels = place_labels((55.0, 48.0, 56.5, 50.5), 10, script="cyrillic", table=SMALL)
    assert [l.name for l in labels] == ["Казань", "Зеленодольск", "Деревня"]
    with pytest.raises(ValueError, match="script must be one of"):
        place_labels((55.0, 48.0, 56.5, 50.5), 10, script="greek", table=SMALL)


def test_view_box_and_antimeridian():
    assert place_labels((0.0, 0.0, 1.0, 1.0), 10, table=SMALL) == []
    far_east = table([(65.0, 179.5, 1000, "East", ""), (65.0, -179.5, 1000, "West", ""), (65.0, 0.0, 9000, "Zero", "")])
    assert sorted(l.name for l in place_labels((64.0, 179.0, 66.0, 181.0), 8, table=far_east)) == ["East", "West"]


def test_rank_thresholds():
    assert (rank_of(100_000), rank_of(99_999), rank_of(10_000), rank_of(9_999)) == ("city", "town", "town", "village")


def test_local_cyrillic_picks_the_countrys_spelling():
    assert local_cyrillic("Kazan", "RU", ["Казан", "Казань", "Қазан"]) == "Казань"
    assert local_cyrillic("Zelenodolsk", "RU", ["Зеленодольськ", "Зеленодольск", "Зеленадольск"]) == "Зеленодольск"
    assert local_cyrillic("Kharkiv", "UA", ["Харков", "Харків", "Харьков"]) == "Харків"
    assert local_cyrillic("Kazan", "TR", ["Казан"]) == ""  # not written in Cyrillic there
    assert local_cyrillic("Lyon", "RU", ["Париж"]) == ""  # no alternate matches the name


def test_real_gazetteer_kazan_at_city_zoom():
    labels = place_labels((55.55, 48.4, 56.05, 49.6), 10)
    names = [l.name for l in labels]
    assert names[0] == "Kazan" and len(names) >= 5 and "Zelenodolsk" in names
    assert not boxes_overlap(labels, 10)
    assert place_labels((55.55, 48.4, 56.05, 49.6), 10, script="cyrillic")[0].name == "Казань"


def test_a_continent_view_is_bounded():
    labels = place_labels((35.0, 20.0, 70.0, 80.0), 9)
    assert len(labels) == MAX_LABELS and not boxes_overlap(labels, 9)


def test_label_zooms_position_per_zoom():
    rows = label_zooms((55.0, 48.0, 56.5, 50.5), range(5, 17), table=SMALL)
    codes = {row[2]: row[4] for row in rows}
    assert codes["Kazan"] == "0" * 12 and codes["Near Kazan"].startswith("-" * 6) and len(rows) == 4
    assert codes["Near Kazan"][-1] in "01234567"
    assert rows[0] == [55.796, 49.106, "Kazan", 0, "0" * 12]


def test_a_label_blocked_on_the_right_goes_left_above_or_below():
    crowd = table([(55.796, 49.106, 1_243_500, "Kazan", ""), (55.796, 49.051, 50_000, "Westside", "")])  # 40 px west
    labels = place_labels((55.0, 48.0, 56.5, 50.5), 10, table=crowd)
    assert [(l.name, l.position) for l in labels] == [("Kazan", 0), ("Westside", 1)]
    assert not boxes_overlap(labels, 10)
