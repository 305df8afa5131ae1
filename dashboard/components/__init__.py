"""Custom Streamlit components of the app (components v2): the incident map."""
