"""Known exports published without their header row (some UCDP GED Candidate releases): recognised by the shape of
the first row, and read with the publisher's column names."""

from __future__ import annotations

import re
from typing import Any

GED_COLUMNS = (
    "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,"
    "dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,"
    "number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,"
    "where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,"
    "region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,"
    "high,low,gwnoa,gwnob"
).split(",")
_DEGREES = re.compile(r"^-?\d{1,3}(\.\d+)?$")


def columns_for(first: list[Any]) -> tuple[list[str], str] | None:
    """(column names, what the file was taken for) when a first row is data of a known headerless export."""
    cells = [str(cell or "").strip() for cell in first]
    if len(cells) != len(GED_COLUMNS):
        return None
    at = {name: cells[index] for index, name in enumerate(GED_COLUMNS)}
    if (at["id"].isdigit() and at["where_prec"] in tuple("1234567") and re.match(r"^\d{4}-\d{2}-\d{2}", at["date_start"])
            and _DEGREES.match(at["latitude"]) and _DEGREES.match(at["longitude"])):
        return list(GED_COLUMNS), "UCDP GED without its header row (the GED column order assumed)"
    return None
