"""The app names its own controls, never the command line's flags: curation input errors say the form's field, the
importers' remedies (date order, column map, labels, format) are said as the Import page's controls."""

from __future__ import annotations

import pytest

from dashboard.messages import app_wording, error_text, problem_rows
from incidents import curation
from incidents.errors import IncidentsError
from incidents.importers import ImportOptions, open_text
from incidents.importers.mapping import ColumnMap, check_map
from tests.dashboard.test_app import shown_text


def raised(work) -> IncidentsError:
    with pytest.raises(IncidentsError) as caught:
        work()
    return caught.value


def read_problems(text: str, options: ImportOptions) -> list[dict]:
    batch = open_text(text, options)
    list(batch.incidents())
    return batch.report.problems


def test_curation_errors_name_the_form_field_in_the_app_and_the_flag_on_the_command_line():
    missing = raised(lambda: curation.parse_assignments([]))
    assert "--set" in str(missing) and "--" not in error_text(missing)
    number = raised(lambda: curation.parse_assignments(["killed=two"]))
    assert "--set killed='two'" in str(number) and shown_text(error_text(number)).startswith("killed: 'two' is not")


def test_importer_remedies_are_said_as_the_import_page_controls():
    messages = [
        str(raised(lambda: read_problems("Date,Town\n03/04/2024,Kazan\n04/05/2024,Izhevsk\n",
                                         ImportOptions(fmt="mapped", mapping=ColumnMap({"started_at": "Date",
                                                                                        "place": "Town"}))))),
        str(raised(lambda: check_map(ColumnMap({"place": "Town"}), ["Town"]))),
        str(raised(lambda: check_map(ColumnMap({"started_at": "Date"}), ["Date"]))),
        str(raised(lambda: read_problems("Datum;Ort\n2024-12-21;Kazan\n", ImportOptions()))),
    ]
    problems = read_problems("Date,Town,Kind\n2024-12-21,Kazan,Air raid\n",
                             ImportOptions(fmt="mapped", mapping=ColumnMap({"started_at": "Date", "place": "Town",
                                                                            "event_type": "Kind"})))
    messages += [item["message"] for item in problems]
    assert all("--" in text for text in messages), messages  # the command line's own wording is unchanged
    said = [app_wording(text) for text in messages]
    assert not [text for text in said if "--" in text], said
    assert "Dates like 03/04/2024" in said[0] and "column map" in said[1] and "column map" in said[2]
    assert 'under "Labels to map" (event_type:Air raid=strike)' in problem_rows(problems)[0]["message"]


def test_an_article_without_a_date_asks_for_the_publication_date_field():
    from incidents.extraction import extract_incidents

    message = str(raised(lambda: extract_incidents("Drones struck Kazan overnight, two people were killed.")))
    assert "--published" in message and "--" not in app_wording(message)
    assert 'the "Publication date" field' in app_wording(message)
