"""The Streamlit app, folium map builders and briefing export; the only package that imports streamlit or folium."""
