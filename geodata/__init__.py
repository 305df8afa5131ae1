"""Places and geometry: gazetteer, geocoding, distances, regions and time zones; knows nothing of incidents."""
