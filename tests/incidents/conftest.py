"""Store fixtures: one throwaway PostGIS cluster per test session (never skipped), a fresh database per test, and
`store`: the same test over every store kind."""

import pytest

from incidents.storage import MemoryStore, SQLiteStore, open_store
from tests.pgcluster import Cluster

STORE_KINDS = ["memory", "sqlite", pytest.param("postgis", marks=pytest.mark.postgis)]


@pytest.fixture(scope="session")
def pg_cluster():
    cluster = Cluster()
    yield cluster
    cluster.destroy()


@pytest.fixture
def pg_url(pg_cluster):
    return pg_cluster.new_database()


@pytest.fixture(params=STORE_KINDS)
def store(request, tmp_path):
    """An empty store of each kind: in memory, a SQLite file, a PostGIS database."""
    if request.param == "postgis":
        made = open_store(request.getfixturevalue("pg_url"))
    else:
        made = MemoryStore() if request.param == "memory" else SQLiteStore(tmp_path / "s.sqlite")
    yield made
    made.close()
