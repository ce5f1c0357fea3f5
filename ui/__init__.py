"""Streamlit helpers shared by the dashboard pages: state keys, sidebar, cached loading, rendering."""
