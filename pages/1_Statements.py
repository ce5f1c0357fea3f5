"""Statements: a searchable, sortable table; each row links to its article."""

import streamlit as st

from fentdash.charts import statement_table
from fentdash.filters import to_query
from ui import page
from ui import state_keys as keys

st.title("Statements")
data = page.setup()
if data is None:
    st.stop()

st.caption(data.filters.describe())
search = st.text_input(
    "Search quotes, speakers, roles, titles and outlets",
    key=keys.STATEMENT_SEARCH,
    persist_state="session",
    placeholder="e.g. precursor, Milgram, Reuters",
)
table = statement_table(data.shown["statements"], search=search, params=to_query(data.filters))

if data.shown["statements"].empty:
    st.info("No statements match these filters. Widen the years or clear the officials in the sidebar.")
elif table.empty:
    st.info(f"No statement contains “{search}”. Try a shorter word or a speaker's surname.")
else:
    st.caption(f"{len(table)} statement{'s' if len(table) != 1 else ''}; click a column header to sort.")
    st.dataframe(
        table,
        hide_index=True,
        column_config={
            "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
            "speaker": "Speaker",
            "role": "Role",
            "kind": "Kind",
            "text": st.column_config.TextColumn("Statement", width="large"),
            "title": "Article",
            "outlet": "Outlet",
            "date_method": "Date found by",
            "article": st.column_config.LinkColumn("Open", display_text="Open article"),
        },
    )
