"""Statistics: each cited figure against the CDC/NCHS official value for the same period."""

import streamlit as st

from fentdash.charts import statistics_table
from fentdash.compare import MATCH_TOLERANCE_PCT, VERDICTS
from fentdash.filters import to_query
from ui import page

st.title("Cited vs official figures")
data = page.setup()
if data is None:
    st.stop()

st.caption(
    f"{data.filters.describe()} · a figure within {MATCH_TOLERANCE_PCT:g}% of the official value "
    "matches; “more than”/“almost” make it a floor or a ceiling (see “claim holds”)."
)
table = statistics_table(data.shown["statistics"], params=to_query(data.filters))
if table.empty:
    st.info("No cited figures match these filters.")
    st.stop()

counts = table["verdict"].value_counts()
for column, verdict in zip(st.columns(len(VERDICTS)), VERDICTS, strict=True):
    column.metric(verdict.capitalize(), int(counts.get(verdict, 0)))
st.dataframe(
    table,
    hide_index=True,
    column_config={
        "text": st.column_config.TextColumn("Cited", width="medium"),
        "speaker": "Said by",
        "metric": "Metric",
        "period": "Period",
        "value": st.column_config.NumberColumn("Cited value", format="localized"),
        "qualifier": "Qualifier",
        "official_value": st.column_config.NumberColumn("Official (CDC final)", format="localized"),
        "difference_pct": st.column_config.NumberColumn("Difference %", format="%+.1f%%"),
        "verdict": "Verdict",
        "claim_holds": st.column_config.CheckboxColumn("Claim holds"),
        "provisional_only": st.column_config.CheckboxColumn("Only provisional data then"),
        "provisional_value": st.column_config.NumberColumn("Provisional figure then", format="localized"),
        "article_date": st.column_config.DateColumn("Article date", format="YYYY-MM-DD"),
        "title": "Article",
        "article": st.column_config.LinkColumn("Open", display_text="Open article"),
    },
)
st.caption(
    "Source: CDC/NCHS final annual counts (fentdash/data/cdc_overdose_deaths_by_year.csv) and the "
    "provisional figures in circulation (provisional_figures.csv). Final data for a year come out "
    "around December of the next year."
)
