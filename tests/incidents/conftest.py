"""Store fixtures: one throwaway PostGIS cluster per test session (never skipped), a fresh database per test."""

import pytest

from tests.pgcluster import Cluster


@pytest.fixture(scope="session")
def pg_cluster():
    cluster = Cluster()
    yield cluster
    cluster.destroy()


@pytest.fixture
def pg_url(pg_cluster):
    return pg_cluster.new_database()
