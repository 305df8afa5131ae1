"""Incident stores: the Storage protocol, SQLite (default), in-memory, and the store chosen by INCIDENTS_DB."""
