"""Hostile and careless files (issue 18, items 3 and 9): each fault refused in one clear line or as its row's
problem, never a traceback; the good rows are kept."""

import json

import pytest

from incidents.errors import ImportFormatError
from incidents.importers import read_file, read_text
from incidents.importers import limits
from tests.incidents.test_cli import assert_one_line_error, run

HEADER = "event_type,lat,lon,started_at,id,country,origin,distance_claim,killed\n"
GOOD = "strike,55.79,49.12,2024-12-21,good,RU,,,1\n"


def feature(**properties):
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [49.12, 55.79]},
            "properties": {"event_type": "strike", "started_at": "2024-12-21", **properties}}


def test_geojson_nested_100000_levels_deep_is_one_clear_line(tmp_path):
    path = tmp_path / "deep.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [' + "[" * 100_000 + "]" * 100_000 + "]}")
    done = run("import", path, db=tmp_path / "s.sqlite")
    assert_one_line_error(done)
    assert "nested too deeply" in done.stderr


def test_geojson_nested_deeper_than_the_cap_below_the_recursion_limit():
    document = {"type": "FeatureCollection", "features": [feature(origin={"a": json.loads("[" * 200 + "]" * 200)})]}
    with pytest.raises(ImportFormatError, match="nested too deeply"):
        read_text(json.dumps(document))


def test_5000_digit_number_is_one_clear_line(tmp_path):
    path = tmp_path / "long.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature(killed=1)]})
                    .replace('"killed": 1', '"killed": ' + "9" * 5000))
    done = run("import", path, db=tmp_path / "s.sqlite")
    assert_one_line_error(done)
    assert "5,000 digits" in done.stderr


def test_5000_digit_number_in_a_csv_cell_is_its_row_problem():
    incidents, problems = read_text(HEADER + GOOD + "strike,55.79,49.12,2024-12-22,bad,RU,,," + "9" * 5000 + "\n")
    assert [item.id for item in incidents] == ["good"]
    assert (problems[0]["row"], problems[0]["field"]) == (3, "killed") and "5,000 characters" in problems[0]["message"]


def test_import_dev_zero_is_one_clear_line(tmp_path):
    done = run("import", "/dev/zero", db=tmp_path / "s.sqlite")
    assert_one_line_error(done)
    assert "not a regular file" in done.stderr


def test_file_over_the_size_cap_is_one_clear_line(tmp_path, monkeypatch):
    path = tmp_path / "big.csv"
    path.write_text(HEADER + GOOD * 100)
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    with pytest.raises(ImportFormatError, match="over the 0 MB limit; split it"):
        read_file(path)


def test_binary_file_is_one_clear_line(tmp_path):
    path = tmp_path / "zeros.csv"
    path.write_bytes(bytes(100_000))
    done = run("import", path, db=tmp_path / "s.sqlite")
    assert_one_line_error(done)
    assert "binary data" in done.stderr


@pytest.mark.parametrize("column, cell", [("origin", '{""a"": NaN}'), ("distance_claim", '{""claimed_km"": Infinity}'),
                                          ("distance_claim", '{""claimed_km"": 1e999}'),
                                          ("origin", '{""a"": [-Infinity]}')])
def test_nan_or_infinity_inside_origin_or_distance_claim_is_refused(column, cell):
    cells = {"origin": "", "distance_claim": ""}
    cells[column] = f'"{cell}"'
    row = f"strike,55.79,49.12,2024-12-22,bad,RU,{cells['origin']},{cells['distance_claim']},1\n"
    incidents, problems = read_text(HEADER + GOOD + row)
    assert [item.id for item in incidents] == ["good"]
    assert (problems[0]["row"], problems[0]["field"]) == (3, column) and "NaN or Infinity" in problems[0]["message"]


def test_nan_inside_geojson_origin_or_distance_claim_is_refused():
    text = json.dumps({"type": "FeatureCollection", "features": [
        feature(id="ok"), feature(id="a", origin={"x": float("nan")}),
        feature(id="b", distance_claim={"claimed_km": float("inf")}), feature(id="c", colour=float("-inf"))]})
    incidents, problems = read_text(text)
    assert [item.id for item in incidents] == ["ok"]
    assert [(p["row"], p["field"]) for p in problems] == [(2, "origin"), (3, "distance_claim"), (4, "origin")]


@pytest.mark.parametrize("column, value", [("killed", "5_5"), ("lat", "5_5.1"), ("lon", "0x31"), ("killed", "1 000")])
def test_5_5_is_not_read_as_55(column, value):
    row = {"killed": "1", "lat": "55.79", "lon": "49.12"}
    row[column] = value
    text = HEADER + f"strike,{row['lat']},{row['lon']},2024-12-22,bad,RU,,,{row['killed']}\n"
    incidents, problems = read_text(text)
    assert incidents == [] and problems[0]["field"] == column and "not a plain number" in problems[0]["message"]


def test_unterminated_quote_names_where_it_opened_and_what_it_swallowed():
    text = (HEADER + GOOD + 'strike,55.79,49.12,2024-12-22,open,RU,,,1,"broken\n'
            + "".join(f"strike,55.79,49.12,2024-12-2{i},r{i},RU,,,1\n" for i in range(3, 6)))
    incidents, problems = read_text(text)
    assert [item.id for item in incidents] == ["good"]
    assert (problems[0]["row"], problems[0]["field"]) == (3, "10")
    message = problems[0]["message"]
    assert "line 3" in message and "line 6" in message and "3 line(s) that look like rows" in message


def test_20mb_field_refuses_its_row_not_the_file(tmp_path):
    path = tmp_path / "huge.csv"
    with open(path, "w", encoding="utf-8") as stream:
        stream.write("event_type,lat,lon,started_at,id,notes\n")
        stream.write("strike,55.79,49.12,2024-12-21,a,fine\n")
        stream.write('strike,55.79,49.12,2024-12-22,b,"' + "x" * (20 * 2**20) + '"\n')
        stream.write("strike,55.79,49.12,2024-12-23,c,fine\n")
    incidents, problems = read_file(path)
    assert [item.id for item in incidents] == ["a", "c"]
    assert (problems[0]["row"], problems[0]["field"]) == (3, "notes") and "20.0 MB" in problems[0]["message"]


def test_swapped_latitude_and_longitude_are_refused_naming_the_row():
    text = HEADER + GOOD + "strike,49.12,55.79,2024-12-22,swapped,RU,,,1\n"
    incidents, problems = read_text(text)
    assert [item.id for item in incidents] == ["good"]
    assert (problems[0]["row"], problems[0]["field"]) == (3, "lat") and "look swapped" in problems[0]["message"]


def test_swapped_coordinates_in_acled_name_the_source_column():
    text = ("event_id_cnty,event_date,sub_event_type,latitude,longitude,country\n"
            "X1,2024-12-21,Air/drone strike,49.12,55.79,Russia\n")
    _, problems = read_text(text)
    assert problems[0]["field"] == "latitude"


def test_point_outside_the_named_country_is_kept_with_a_warning(tmp_path):
    path = tmp_path / "far.csv"
    path.write_text(HEADER + GOOD + "strike,50.45,30.52,2024-12-22,kyiv,RU,,,1\n")
    done = run("import", path, db=tmp_path / "s.sqlite")
    summary = json.loads(done.stdout)
    assert summary["inserted"] == 2 and summary["warnings"][0]["row"] == 3
    assert "lies in UA, not in RU" in summary["warnings"][0]["message"]


def test_streamed_geojson_nested_deeper_than_the_cap_is_refused(tmp_path, monkeypatch):
    import incidents.importers as importers
    from incidents.importers import read_file

    monkeypatch.setattr(importers, "STREAM_BYTES", 0)  # read feature by feature, as a large file is
    path = tmp_path / "deep.geojson"
    shallow = feature(origin={"a": json.loads("[" * 60 + "]" * 60)})
    deep = feature(origin={"a": json.loads("[" * 70 + "]" * 70)})
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [shallow]}), encoding="utf-8")
    assert len(read_file(path)[0]) == 1
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [shallow, deep]}), encoding="utf-8")
    with pytest.raises(ImportFormatError, match="nested too deeply"):
        read_file(path)
