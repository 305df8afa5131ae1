"""The incident domain: model, filter, selection, storage, importers, exporters and extraction."""
