"""Figure builders: exact trace names, dates, values, colours and annotations."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from test_filters import make_frames

from fentdash import knowledge
from fentdash.charts import (
    CITED_HOVER_COLUMN,
    KIND_SYMBOLS,
    LANE_COLOURS,
    VERDICT_COLOURS,
    build_main_figure,
    cdc_traces,
    cited_points,
    prepare_frames,
    source_line,
    statement_hovers,
    statement_points,
    statement_table,
    statistics_table,
    with_cited_hovers,
    with_hovers,
)
from fentdash.filters import Filters

T = pd.Timestamp


def _dates(values) -> list[str]:
    return [str(np.datetime64(v, "D")) for v in values]


def _trace(fig: go.Figure, name: str):
    found = [t for t in fig.data if t.name == name]
    assert len(found) == 1, [t.name for t in fig.data]
    return found[0]


@pytest.fixture(scope="module")
def figure() -> go.Figure:
    return build_main_figure(make_frames(), Filters())


def test_trace_names_in_order(figure):
    assert [t.name for t in figure.data] == [
        "Jeff Sessions: date window",
        "Jeff Sessions",
        "Uttam Dhillon",
        "Anne Milgram: date window",
        "Anne Milgram",
        "CDC: all drug overdose deaths",
        "CDC: synthetic opioids (fentanyl)",
        "CDC: heroin",
        "CDC: any opioid",
        "Cited: matches",
        "Cited: understated",
    ]


def test_figure_is_valid_plotly(figure):
    # The builder skips plotly's validation for speed; a validating round trip proves the dicts are right.
    assert go.Figure(figure.to_dict()).to_dict()["data"][0]["name"] == "Jeff Sessions: date window"


def test_statement_markers(figure):
    sessions = _trace(figure, "Jeff Sessions")
    assert _dates(sessions.x) == ["2017-12-14", "2017-12-14"]
    # Two statements on one day are stacked within the lane (lane 0), not drawn on top of each other.
    assert list(sessions.y) == [0.0, 0.22]
    assert list(sessions.marker.symbol) == [KIND_SYMBOLS["reported"], KIND_SYMBOLS["direct"]]
    assert sessions.marker.color == LANE_COLOURS[0]
    assert (sessions.xaxis, sessions.yaxis) == ("x", "y")
    milgram = _trace(figure, "Anne Milgram")
    assert (_dates(milgram.x), list(milgram.y)) == (["2022-05-10", "2022-05-10"], [2.0, 2.22])
    dhillon = _trace(figure, "Uttam Dhillon")
    assert (_dates(dhillon.x), list(dhillon.y), list(dhillon.marker.symbol)) == (
        ["2019-11-04"],
        [1.0],
        ["circle"],
    )


def test_hover_text(figure):
    assert _trace(figure, "Jeff Sessions").hovertext[1] == (
        "<b>Jeff Sessions</b> · Attorney General · direct<br>“We are also seeing precursor chemicals in Mexico,”"
        "<br>Article: Mexican cartels make fentanyl (IBTimes UK)"
        "<br>Date: 2017-12-14 (window 2017-10-26 – 2018-01-31), inferred from the text (evidence on the Articles page)"
    )
    assert (
        _trace(figure, "Anne Milgram")
        .hovertext[0]
        .endswith(
            "<br>Article: untitled article (outlet unknown)<br>Date: 2022-05-10 (window 2022-01-01 – 2022-11-21), "
            "inferred from the text (evidence on the Articles page)"
        )
    )


def test_inferred_window_bars(figure):
    bars = _trace(figure, "Jeff Sessions: date window")
    assert _dates(bars.x) == ["2017-10-26", "2018-01-31", "2018-01-31"] * 2
    assert [None if np.isnan(v) else v for v in bars.y] == [0.0, 0.0, None, 0.22, 0.22, None]
    # Dhillon is dated by a dateline (no window): no bar trace.
    assert "Uttam Dhillon: date window" not in [t.name for t in figure.data]


def test_lane_labels_and_terms(figure):
    assert list(figure.layout.yaxis.ticktext) == [
        "<b>Jeff Sessions</b><br><sup>Attorney General</sup>",
        "<b>Uttam Dhillon</b><br><sup>Acting Administrator</sup>",
        "<b>Anne Milgram</b><br><sup>DEA Administrator</sup>",
    ]
    terms = [
        (s.name, s.x0[:10] if isinstance(s.x0, str) else str(s.x0)[:10], s.y0) for s in figure.layout.shapes
    ]
    assert ("Jeff Sessions: Attorney General", "2017-02-09", -0.48) in terms
    assert ("Uttam Dhillon: Acting Administrator", "2018-07-02", 0.52) in terms
    assert ("Anne Milgram: Administrator", "2021-06-28", 1.52) in terms
    assert len(terms) == len(knowledge.officials_by_name()["Jeff Sessions"].terms) + 1 + len(
        knowledge.officials_by_name()["Anne Milgram"].terms
    )


def test_cdc_lines(figure):
    total = _trace(figure, "CDC: all drug overdose deaths")
    years = dict(zip(_dates(total.x), total.y, strict=True))
    assert (years["2016-07-01"], years["2021-07-01"]) == (63632.0, 106699.0)
    synthetic = _trace(figure, "CDC: synthetic opioids (fentanyl)")
    assert "2020-07-01" not in _dates(synthetic.x)  # unconfirmed cells stay empty
    assert dict(zip(_dates(synthetic.x), synthetic.y, strict=True))["2016-07-01"] == 19413.0
    assert (total.visible, _trace(figure, "CDC: heroin").visible) == (True, "legendonly")
    assert (total.xaxis, total.yaxis) == ("x2", "y2")


def test_cited_markers_by_verdict(figure):
    matches = _trace(figure, "Cited: matches")
    assert (_dates(matches.x), list(matches.y), matches.marker.color) == (
        ["2016-07-01"],
        [20000.0],
        VERDICT_COLOURS["matches"],
    )
    under = _trace(figure, "Cited: understated")
    assert (_dates(under.x), list(under.y), under.marker.color) == (
        ["2021-07-01"],
        [60000.0],
        VERDICT_COLOURS["understated"],
    )
    assert under.hovertext[0] == (
        "“beyond 60.000 overdose deaths”<br>synthetic_opioid_deaths 2021: cited 60,000, official 70,601 (-15.0%)"
        "<br>Verdict: understated<br>When published, only provisional data existed"
        "<br>Said by: not attributed<br>Article: untitled"
    )


def test_cited_hover_gives_the_provisional_figure_of_the_time(figure):
    assert _trace(figure, "Cited: matches").hovertext[0] == (
        "“20,000 deaths”<br>synthetic_opioid_deaths 2016: cited 20,000, official 19,413 (+3.0%)"
        "<br>Verdict: matches<br>When published, only provisional data existed (~20,100)"
        "<br>Said by: not attributed<br>Article: Mexican cartels make fentanyl"
    )


def test_verdict_colours_are_fixed():
    assert dict(VERDICT_COLOURS) == {
        "matches": "#2ca02c",
        "overstated": "#d62728",
        "understated": "#ff7f0e",
        "no official figure": "#7f7f7f",
    }


def test_annotations_title_and_sources(figure):
    assert (
        figure.layout.title.text
        == "What US officials said about fentanyl, next to what the death counts were"
    )
    assert figure.layout.title.subtitle.text.startswith("5 statements by 3 officials in 3 articles · ")
    texts = [a.text for a in figure.layout.annotations]
    assert texts == [
        "No filters: all officials, all years",
        "Source: CDC/NCHS final annual counts (NCHS data briefs, CDC WONDER). "
        "Statements: 3 articles (IBTimes UK, Reuters, 1 with outlet unknown).",
    ]
    assert figure.layout.xaxis2.matches == "x"


def test_filtered_figure():
    fig = build_main_figure(
        make_frames(),
        Filters(officials=("Anne Milgram",), year_from=2021, year_to=2022),
        title="Milgram <2022>",
    )
    assert [t.name for t in fig.data if t.yaxis == "y"] == ["Anne Milgram: date window", "Anne Milgram"]
    assert [t.name for t in fig.data if t.name.startswith("Cited")] == ["Cited: understated"]
    assert fig.layout.title.text == "Milgram &lt;2022&gt;"
    assert fig.layout.annotations[0].text == "Officials: Anne Milgram · Years: 2021–2022"
    assert _dates(fig.layout.xaxis.range) == ["2021-01-01", "2022-12-31"]
    assert list(fig.layout.yaxis.ticktext) == ["<b>Anne Milgram</b><br><sup>DEA Administrator</sup>"]


def test_empty_selection_says_so():
    fig = build_main_figure(make_frames(), Filters(year_from=2005, year_to=2006))
    assert [t.name for t in fig.data] == [
        "CDC: all drug overdose deaths",
        "CDC: synthetic opioids (fentanyl)",
        "CDC: heroin",
        "CDC: any opioid",
    ]
    assert fig.layout.annotations[-1].text == "No statements match these filters"
    assert fig.layout.title.subtitle.text.startswith("0 statements by 0 officials in 0 articles")


def test_empty_corpus_figure():
    empty = {k: v.iloc[:0] for k, v in make_frames().items()}
    fig = build_main_figure(empty, Filters())
    assert [t.name for t in fig.data][:1] == ["CDC: all drug overdose deaths"]
    assert _dates(fig.layout.xaxis.range) == ["1999-01-01", "2023-12-31"]


def test_statement_without_date_uses_window_middle_and_undated_dropped():
    frames = make_frames()
    st = frames["statements"].copy()
    st.loc[0, "date"] = pd.NaT  # window 2017-10-26..2018-01-31 -> middle 2017-12-13 12:00
    st.loc[4, ["date", "date_earliest", "date_latest"]] = pd.NaT
    pts = statement_points(st)
    assert list(pts["speaker"]) == ["Jeff Sessions", "Jeff Sessions", "Anne Milgram", "Anne Milgram"]
    assert _dates(pts["x"])[:2] == ["2017-12-13", "2017-12-14"]
    fig = build_main_figure({**frames, "statements": st}, Filters())
    assert fig.layout.title.subtitle.text.endswith("1 undated statement not shown")


def test_stacking_resets_after_a_gap():
    frames = make_frames()
    st = pd.concat([frames["statements"].iloc[[0]]] * 4, ignore_index=True)
    st["date"] = [T("2018-01-01"), T("2018-01-20"), T("2018-02-10"), T("2019-06-01")]
    assert list(statement_points(st)["y"]) == [0.0, 0.22, -0.22, 0.0]


def test_cited_points_only_annual_counts():
    pts = cited_points(make_frames()["statistics"])
    assert (_dates(pts["x"]), list(pts["value"]), list(pts["verdict"])) == (
        ["2016-07-01", "2021-07-01"],
        [20000.0, 60000.0],
        ["matches", "understated"],
    )


def test_long_lane_names_wrap():
    frames = make_frames()
    frames["statements"].loc[4, ["speaker", "role"]] = ["Drug Enforcement Administration", None]
    fig = build_main_figure(frames, Filters())
    assert fig.layout.yaxis.ticktext[1] == "<b>Drug Enforcement<br>Administration</b>"


def test_source_line_lists_outlets():
    arts = pd.DataFrame({"outlet": ["Reuters", "Reuters", "AP", "CBS", "NPR", "Axios", None]})
    assert source_line(arts) == (
        "Source: CDC/NCHS final annual counts (NCHS data briefs, CDC WONDER). Statements: 7 articles "
        "(Reuters, AP, Axios, CBS, +1 more, 1 with outlet unknown)."
    )


def test_statement_table_search_and_links():
    frames = make_frames()
    table = statement_table(frames["statements"], search="PRECURSOR", params={"official": ["Jeff Sessions"]})
    assert table.to_dict("records") == [
        {
            "date": T("2017-12-14"),
            "speaker": "Jeff Sessions",
            "role": "Attorney General",
            "kind": "direct",
            "text": "We are also seeing precursor chemicals in Mexico,",
            "title": "Mexican cartels make fentanyl",
            "outlet": "IBTimes UK",
            "date_method": "inferred",
            "article": "Articles?official=Jeff+Sessions&article=a-sessions",
        }
    ]
    everything = statement_table(frames["statements"])
    assert list(everything["speaker"]) == [
        "Anne Milgram",
        "Anne Milgram",
        "Uttam Dhillon",
        "Jeff Sessions",
        "Jeff Sessions",
    ]
    assert everything["article"].iloc[0] == "Articles?article=a-milgram"
    assert statement_table(frames["statements"], search="nothing like this").empty


def test_statistics_table():
    table = statistics_table(make_frames()["statistics"])
    assert table[["text", "period", "verdict"]].values.tolist() == [
        ["almost 400% increase", "2014–2016", "overstated"],
        ["beyond 60.000 overdose deaths", "2021", "understated"],
        ["20,000 deaths", "2016", "matches"],
        ["2 milligrams", None, "no official figure"],
    ]
    assert round(table.loc[0, "difference_pct"], 1) == 59.9
    assert table.loc[2, "provisional_only"] is True


def test_precomputed_hovers_give_the_same_figure():
    frames = make_frames()
    prepared = {**frames, "statements": with_hovers(frames["statements"])}
    assert with_hovers(prepared["statements"]) is prepared["statements"]
    plain, fast = build_main_figure(frames, Filters()), build_main_figure(prepared, Filters())
    assert [list(t.hovertext) for t in plain.data if t.hovertext is not None] == [
        list(t.hovertext) for t in fast.data if t.hovertext is not None
    ]


def test_hover_escapes_markup_and_missing_values():
    frames = make_frames()
    st = (
        frames["statements"]
        .iloc[[4]]
        .assign(text="<img src=x onerror=alert(1)> & co", role=pd.NA, title=None)
    )
    assert statement_hovers(st).iloc[0] == (
        "<b>Uttam Dhillon</b> · direct<br>“&lt;img src=x onerror=alert(1)&gt; &amp; co”"
        "<br>Article: untitled article (Reuters)<br>Date: 2019-11-04, from the dateline"
    )


def test_cited_hovers_only_on_plotted_figures():
    stats = with_cited_hovers(make_frames()["statistics"])
    assert with_cited_hovers(stats) is stats
    assert list(stats["text"][stats[CITED_HOVER_COLUMN].notna()]) == [
        "20,000 deaths",
        "beyond 60.000 overdose deaths",
    ]
    assert stats[CITED_HOVER_COLUMN].iloc[0] == (
        "“20,000 deaths”<br>synthetic_opioid_deaths 2016: cited 20,000, official 19,413 (+3.0%)"
        "<br>Verdict: matches<br>When published, only provisional data existed (~20,100)"
        "<br>Said by: not attributed<br>Article: Mexican cartels make fentanyl"
    )


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(officials=("Anne Milgram",)),
        Filters(kinds=("direct",), year_to=2019),
        Filters(year_from=2021),
        Filters(officials=("Nobody",)),
    ],
)
def test_prepared_frames_give_the_same_figure(filters):
    # The once-per-corpus preparation only moves work out of the redraw: same JSON, byte for byte.
    frames = make_frames()
    prepared = prepare_frames(frames)
    assert set(prepared) == set(frames)
    assert build_main_figure(prepared, filters).to_json() == build_main_figure(frames, filters).to_json()


def test_lanes_ordered_by_first_statement_then_name():
    frames = make_frames()
    st = pd.concat([frames["statements"].iloc[[0, 2, 4]]] * 2, ignore_index=True)
    st["speaker"] = [
        "Zed Official",
        "Amy Official",
        "Bo Official",
        "Zed Official",
        "Amy Official",
        "Bo Official",
    ]
    st["date"] = [
        T("2018-03-01"),
        T("2018-03-01"),
        T("2017-01-05"),
        T("2019-01-01"),
        T("2018-02-01"),
        T("2020-01-01"),
    ]
    pts = statement_points(st)
    assert pts[["speaker", "lane", "y"]].values.tolist() == [
        ["Bo Official", 0, 0.0],
        ["Bo Official", 0, 0.0],
        ["Amy Official", 1, 1.0],
        ["Amy Official", 1, 1.22],
        ["Zed Official", 2, 2.0],
        ["Zed Official", 2, 2.0],
    ]
    assert list(pts.index) == [2, 5, 4, 1, 0, 3]
    assert (str(pts["lane"].dtype), str(pts["hover"].dtype)) == ("int8", "object")


def test_cited_points_sit_mid_year():
    pts = cited_points(prepare_frames(make_frames())["statistics"])
    assert [str(v) for v in pts["x"]] == ["2016-07-01 00:00:00", "2021-07-01 00:00:00"]


def test_figure_without_copies_equals_plotly_build():
    # _figure hands the per-point arrays to plotly without its deep copy; the result must be the
    # figure plotly itself builds (if plotly moved its trace store, the hovers would be empty).
    from fentdash.charts import _figure

    data = [
        dict(
            type="scatter",
            mode="markers",
            name="A",
            x=np.array(["2020-01-01", "2021-01-01"], dtype="datetime64[ns]"),
            y=np.array([0.0, 0.22]),
            marker=dict(color="#1f77b4", symbol=np.array(["circle", "diamond"], dtype=object)),
            hovertext=np.array(["<b>one</b>", "two"], dtype=object),
        ),
        dict(type="scatter", mode="lines", name="B", x=[1, 2], y=[3, 4], hoverinfo="skip"),
    ]
    layout = dict(title=dict(text="t"), height=300)
    fig = _figure(data, layout)
    assert fig.to_json() == go.Figure(data=data, layout=layout).to_json()
    assert list(fig.data[0].hovertext) == ["<b>one</b>", "two"]
    assert list(fig.data[0].marker.symbol) == ["circle", "diamond"]
    assert "hovertext" not in fig.to_plotly_json()["data"][1]


def test_cdc_traces_are_built_once_and_never_changed():
    # Cached per CDC table: a figure built from them must not alter them.
    cdc = knowledge.cdc_series()
    first = cdc_traces(cdc)
    build_main_figure(prepare_frames(make_frames()), Filters())
    again = cdc_traces(cdc)
    assert [t["name"] for t in again] == [t["name"] for t in first]
    assert go.Figure(data=again).to_json() == go.Figure(data=cdc_traces(cdc.copy())).to_json()


@pytest.mark.parametrize(
    "filters", [Filters(), Filters(officials=("Anne Milgram",)), Filters(year_from=2030)]
)
def test_prepared_cited_points_equal_computed_ones(filters):
    # The bottom panel's points are computed once at preparation; a filter change selects them.
    prepared = prepare_frames(make_frames())
    plain = {name: frame.copy() for name, frame in prepared.items()}
    got = build_main_figure(prepared, filters).to_dict()["data"]
    want = build_main_figure(plain, filters).to_dict()["data"]
    assert go.Figure(data=got).to_json() == go.Figure(data=want).to_json()
