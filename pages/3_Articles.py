"""Articles: each article's dating with its evidence, and its text with everything found highlighted."""

from pathlib import Path

import streamlit as st

from ui import articles, page, render

st.title("Articles")
data = page.setup()
if data is None:
    st.stop()

article = articles.pick_article(data.shown["articles"], data.frames["articles"])
if article is None:
    st.info("No articles match these filters. Widen the years or clear the officials in the sidebar.")
else:
    st.subheader(
        article["title"]
        if isinstance(article["title"], str) and article["title"]
        else Path(str(article["path"])).name
    )
    outlet = article["outlet"] if isinstance(article["outlet"], str) else "Outlet unknown"
    st.caption(f"{outlet} · {article['path']}")
    render.link(article["url"], "Original article")
    articles.dating_summary(article)

    statements = data.frames["statements"]
    statements = statements[statements["article_id"] == article["id"]]
    statistics = data.frames["statistics"]
    statistics = statistics[statistics["article_id"] == article["id"]]
    if statements.empty:
        st.info("No statements by a named official were found in this article.")
    else:
        st.caption(
            f"{len(statements)} statement{'s' if len(statements) != 1 else ''}, "
            f"{len(statistics)} cited figure{'s' if len(statistics) != 1 else ''}."
        )
    render.legend()
    render.article_text(article["text"], statements, statistics, article["evidence"])

errors = data.frames["errors"]
if not errors.empty:
    with st.expander(f"Files that could not be read ({len(errors)})"):
        st.dataframe(errors, hide_index=True)
