"""Briefing: the main figure as a 16:9 slide (1600x900), with PNG, SVG, CSV and Markdown downloads.

Filters come from the shared sidebar (and the URL). With ``?embed=true`` only the slide is
shown, so a screenshot of the page is the slide itself.
"""

from datetime import date

import streamlit as st

from fentdash import export
from fentdash.render_server import chromium_path, get_server, missing_chromium_message
from ui import page

SIDEBAR_ARROW = "stExpandSidebarButton"

# Sidebar collapsed: next to it a 1920-px screen has no room for the 1600-px slide.
st.set_page_config(initial_sidebar_state="collapsed")
data = page.setup()
if data is not None:
    today = date.today()
    shown, filters = data.shown, data.filters
    figure = export.briefing_figure(shown, filters, generated=today)
    embedded = bool(st.context.is_embedded)  # ?embed=true (Streamlit keeps it out of st.query_params)
    if embedded:
        # Streamlit still draws the "expand sidebar" arrow over an embedded page; a slide has none.
        st.html(f"<style>[data-testid='{SIDEBAR_ARROW}']{{display:none}}</style>")
    else:
        st.title("Briefing")
        st.caption(
            "The timeline at slide size (1600×900), with its title, filters, sources and data vintage "
            "inside the image. The chart toolbar's camera saves the same PNG at 2×."
        )
    # theme=None: the figure's own template, so downloads look exactly like the screen.
    st.plotly_chart(
        figure, theme=None, width="content", config=export.toolbar_config(filters), key="briefing_figure"
    )
    if not embedded:
        has_browser = chromium_path() is not None
        if has_browser:
            get_server().warm_up()  # the first PNG then takes ~0.4 s instead of ~4 s
        else:
            st.warning(missing_chromium_message() + " The CSV and Markdown downloads still work.")

        def image(fmt):
            return lambda: export.figure_image(figure, fmt=fmt)

        buttons = (
            ("PNG (3200×1800)", "png", image("png"), not has_browser),
            ("SVG", "svg", image("svg"), not has_browser),
            ("CSV of statements and figures", "csv", lambda: export.to_csv(shown), False),
            ("Markdown brief", "md", lambda: export.markdown_brief(shown, filters, generated=today), False),
        )
        for column, (label, fmt, payload, disabled) in zip(st.columns(len(buttons)), buttons, strict=True):
            column.download_button(
                label,
                data=payload,  # a callable: drawn only when clicked
                file_name=export.export_filename(filters, fmt),
                mime=export.MIME_TYPES[fmt],
                on_click="ignore",
                disabled=disabled,
                icon=":material/download:",
                key=f"download_{fmt}",
            )
