"""Data files inside a .zip, as UCDP, ACLED and HDX downloads come: the one table, JSON or KML in the archive is
extracted (size capped, no paths from the archive) to a temporary folder and read like the file itself."""

from __future__ import annotations

import shutil
import tempfile
import weakref
import zipfile
import zlib
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Iterable, Iterator

from incidents.errors import ImportFormatError
from incidents.importers.limits import MAX_FILE_BYTES, MB, check_input_file

DATA_SUFFIXES = (".csv", ".tsv", ".json", ".geojson", ".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".kml", ".kmz",
                 ".txt")
NOT_DATA_WORDS = ("readme", "licen", "codebook", "terms", "citation")
MAX_MEMBERS = 10_000
COPY_CHUNK = MB


def data_members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The archive's data files: no folders, macOS resource forks, hidden files, read-me or codebook texts."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ImportFormatError(f"the archive holds {len(infos):,} entries; extract the data file and import it")
    found = []
    for info in infos:
        name = PurePosixPath(info.filename.replace("\\", "/"))
        if info.is_dir() or "__MACOSX" in name.parts or name.name.startswith((".", "~$")):
            continue
        if name.suffix.lower() in DATA_SUFFIXES:
            found.append(info)
    if len(found) > 1:
        found = [info for info in found if PurePosixPath(info.filename).suffix.lower() != ".txt"
                 and not any(word in info.filename.casefold() for word in NOT_DATA_WORDS)] or found
    return found


def extract_member(path: str | Path, folder: Path) -> tuple[Path, str]:
    """(the extracted file, its name in the archive) for the archive's one data file; ImportFormatError otherwise."""
    check_input_file(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = data_members(archive)
            if not members:
                names = ", ".join(info.filename for info in archive.infolist()[:8]) or "nothing"
                if any(info.filename.lower().endswith(".shp") for info in archive.infolist()):
                    raise ImportFormatError(f"the archive holds a shapefile ({names}); save it as GeoJSON in EPSG:4326 "
                                            "(QGIS: Export > Save Features As; or ogr2ogr -f GeoJSON) and import that")
                raise ImportFormatError(f"the archive holds no CSV, spreadsheet, JSON or KML file (it holds {names})")
            if len(members) > 1:
                names = ", ".join(info.filename for info in members[:8])
                raise ImportFormatError(f"the archive holds {len(members)} data files ({names}); extract the one "
                                        "to import and give it instead")
            member = members[0]
            if member.file_size > MAX_FILE_BYTES:
                raise ImportFormatError(f"{member.filename} is {member.file_size / MB:,.0f} MB unpacked, over the "
                                        f"{MAX_FILE_BYTES / MB:,.0f} MB limit; split it into smaller files")
            target = folder / ("data" + PurePosixPath(member.filename).suffix.lower())
            _copy(archive, member, target)
            return target, member.filename
    except ImportFormatError:
        raise
    except zipfile.BadZipFile as exc:
        raise ImportFormatError(f"not a readable zip archive ({exc}); download it again or extract it first") \
            from None
    except (RuntimeError, NotImplementedError) as exc:  # encrypted, or a compression zipfile lacks
        raise ImportFormatError(f"cannot unpack the archive ({exc}); extract it with an archive tool first") \
            from None
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        raise ImportFormatError(f"the archive is damaged ({exc}); download it again") from None


def _copy(archive: zipfile.ZipFile, member: zipfile.ZipInfo, target: Path) -> None:
    """Copy one member in chunks, stopping at the size cap whatever its header claims."""
    written = 0
    with archive.open(member) as source, open(target, "wb") as out:
        while chunk := source.read(COPY_CHUNK):
            written += len(chunk)
            if written > MAX_FILE_BYTES:
                raise ImportFormatError(f"{member.filename} unpacks to over {MAX_FILE_BYTES / MB:,.0f} MB; split it")
            out.write(chunk)


def holding(items: Iterable[Any], keep: Any) -> Iterator[Any]:
    """`items`, keeping `keep` (the batch, whose finalizer removes the extracted file) alive while they are read."""
    yield from items  # `keep`, an argument, stays referenced by this frame until the items are read


def open_zip(path: str | Path, options: Any, open_path: Callable[[Path, Any], Any]) -> Any:
    """A Batch over the archive's data file (open_path is the importer's own, passed in to avoid a cycle)."""
    folder = tempfile.mkdtemp(prefix="incidents-zip-")
    try:
        target, name = extract_member(path, Path(folder))
        batch = open_path(target, options)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    batch.context.report.info["archive_member"] = name
    batch.numbered = holding(batch.numbered, batch)  # rows re-read (dates, --rejects) while the batch is in use
    weakref.finalize(batch, shutil.rmtree, folder, True)  # removed once the batch is gone, or at exit
    return batch
