"""fentdash dashboard: `streamlit run app.py`.

The router: pages are declared once, in sections. The Timeline (main view) lives here; the
other pages are files in pages/. Every page starts with ``ui.page.setup()`` (sidebar, cached
loading, URL-bound filters), so a link such as ``?official=Anne+Milgram&from=2021&to=2022``
reopens the same view on any page.
"""

from pathlib import Path

import streamlit as st

from fentdash.charts import build_main_figure
from ui import page

ROOT = Path(__file__).resolve().parent


def timeline() -> None:
    """Main view: who said what and when, next to the CDC death counts."""
    data = page.setup()
    if data is None:
        return
    if data.shown["statements"].empty:
        st.info("No statements match these filters. Widen the years or clear the officials in the sidebar.")
    st.plotly_chart(build_main_figure(data.frames, data.filters), theme=None, key="main_figure")
    st.caption(
        "Hover a marker for the quote, its speaker, the article and how its date was found. "
        "Cited figures are compared with CDC/NCHS final data on the Statistics page."
    )


def _file_page(path: str, **options) -> st.Page | None:
    # No url_path: the default one ("Statements" from 1_Statements.py) is also what Streamlit's
    # pages/ discovery answers before the first run, so a deep link on a cold server works.
    # The Briefing page is written separately; the router works before it exists.
    return st.Page(path, **options) if (ROOT / path).exists() else None


PAGES = {
    "Dashboard": [
        st.Page(timeline, title="Timeline", icon=":material/timeline:", default=True),
        _file_page("pages/1_Statements.py", title="Statements", icon=":material/format_quote:"),
        _file_page("pages/2_Statistics.py", title="Statistics", icon=":material/query_stats:"),
        _file_page("pages/3_Articles.py", title="Articles", icon=":material/article:"),
    ],
    "Export": [
        _file_page("pages/4_Briefing.py", title="Briefing", icon=":material/slideshow:"),
    ],
}

st.set_page_config(page_title="fentdash", page_icon=":material/timeline:", layout="wide")
_sections = {name: [p for p in pages if p is not None] for name, pages in PAGES.items()}
st.navigation({name: pages for name, pages in _sections.items() if pages}).run()
