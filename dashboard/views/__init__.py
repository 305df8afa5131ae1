"""The app's pages (map overview, import, about) and their small pure helpers."""
