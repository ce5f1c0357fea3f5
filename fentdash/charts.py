"""Pure figure builders: DataFrames in, ``go.Figure`` out (no streamlit, no I/O).

The main figure has two rows on one time axis: on top one lane per official (a marker per
statement, a bar for an inferred date window, the official's terms shaded); below, the CDC
annual overdose deaths with the figures articles cited, coloured by verdict. Everything is
vectorised and built as plain dicts with one trace per lane, so a redraw on 1,000 articles
stays well under 200 ms.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from urllib.parse import quote, urlencode

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import knowledge
from .compare import NO_FIGURE, SUMMABLE, VERDICTS, ensure_compared, whole_years
from .filters import Filters, FrameMemo, filter_masks, prepare_filtering

VERDICT_COLOURS: Mapping[str, str] = {
    "matches": "#2ca02c",
    "overstated": "#d62728",
    "understated": "#ff7f0e",
    NO_FIGURE: "#7f7f7f",
}
# How the article's date was found, as the hover says it.
DATE_METHOD_LABELS: Mapping[str, str] = {
    "metadata": "from the file's metadata",
    "dateline": "from the dateline",
    "inferred": "inferred from the text (evidence on the Articles page)",
    "none": "date unknown",
}
KIND_SYMBOLS: Mapping[str, str] = {"direct": "circle", "reported": "diamond"}
# (metric, legend name, colour, visible): heroin and any-opioid start hidden (legend toggles them).
CDC_LINES: tuple[tuple[str, str, str, bool], ...] = (
    ("overdose_deaths", "CDC: all drug overdose deaths", "#222222", True),
    ("synthetic_opioid_deaths", "CDC: synthetic opioids (fentanyl)", "#9467bd", True),
    ("heroin_deaths", "CDC: heroin", "#8c564b", False),
    ("opioid_deaths", "CDC: any opioid", "#17becf", False),
)
LANE_COLOURS: tuple[str, ...] = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
)
LANE_HEIGHT = 56  # px per official
LABEL_CHARS = 20  # lane names longer than this wrap onto two lines
MARGIN_LEFT = 190  # px: room for a wrapped lane name
BOTTOM_HEIGHT = 300  # px for the mortality panel
MARGIN_TOP, MARGIN_BOTTOM = 120, 160
LEGEND_OFFSET = 62  # px below the bottom axis (its ticks and title)
SOURCE_OFFSET = 122  # px below the bottom axis
# Statements less than this many days after the previous one in a lane are stacked.
STACK_GAP_DAYS = 60
STACK_OFFSETS: tuple[float, ...] = (0.0, 0.22, -0.22, 0.38, -0.38)
QUOTE_CHARS = 220
WRAP_CHARS = 70
X_PADDING = pd.Timedelta(days=120)
TERM_OPACITY = 0.10
VALIDATE = False  # plotly's per-point validation costs ~200 ms on 5,000 statements
HOVER_COLUMN = "hover"  # optional precomputed column of the statements frame
CITED_HOVER_COLUMN = "cited_hover"  # optional precomputed column of the statistics frame
DEFAULT_TITLE = "What US officials said about fentanyl, next to what the death counts were"
SOURCE_NOTE = "Source: CDC/NCHS final annual counts (NCHS data briefs, CDC WONDER)"

# The dtype the mid-year dates had when parsed from "YYYY-07-01" strings, kept for the figure.
_MID_YEAR_DTYPE = pd.to_datetime(pd.Series(["2000-07-01"])).dtype
_WRAP = re.compile(rf"(.{{1,{WRAP_CHARS}}})(?:\s+|$)")


def _esc(value: object) -> str:
    """html.escape for one cell; missing values (None, NaN, NA) become empty strings."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value))


def _wrap_quote(text: object) -> str:
    """A quote cut to QUOTE_CHARS, escaped, with a line break every WRAP_CHARS or so."""
    raw = text if isinstance(text, str) else ""
    if len(raw) > QUOTE_CHARS:
        raw = raw[: QUOTE_CHARS - 1].rstrip() + "…"
    return _WRAP.sub(r"\1<br>", html.escape(raw)).removesuffix("<br>")


def _cells(values: pd.Series) -> list:
    """Plain Python values: iterating Arrow-backed columns cell by cell is ~10x slower."""
    return values.to_numpy(dtype=object, na_value=None).tolist()


def _days(values: pd.Series) -> pd.Series:
    return values.dt.strftime("%Y-%m-%d").fillna("?")


def _statement_hover(speaker, role, kind, text, title, outlet, x, lo, hi, inferred, method) -> str:
    window = f" (window {lo} – {hi})" if inferred else ""
    role_part = f" · {_esc(role)}" if _esc(role) else ""
    return (
        f"<b>{_esc(speaker)}</b>{role_part} · {_esc(kind)}<br>“{_wrap_quote(text)}”"
        f"<br>Article: {_esc(title) or 'untitled article'} ({_esc(outlet) or 'outlet unknown'})"
        f"<br>Date: {x}{window}, {DATE_METHOD_LABELS.get(method, _esc(method) or 'date unknown')}"
    )


def statement_hovers(statements: pd.DataFrame) -> pd.Series:
    """Hover text of each statement (quote, speaker, role, article, how the date was found).

    It depends on the statement alone, so the app computes it once per corpus
    (``with_hovers``) and a filter change only selects rows.
    """
    lo, hi = statements["date_earliest"], statements["date_latest"]
    x = statements["date"].fillna(lo + (hi - lo) / 2)
    inferred = lo.notna() & hi.notna() & (lo != hi)
    missing = pd.Series(None, index=statements.index, dtype=object)
    # A plain loop over columns: ~10x faster than chains of pandas string operations here.
    columns = (
        statements["speaker"],
        statements["role"],
        statements["kind"],
        statements["text"],
        statements.get("title", missing),
        statements.get("outlet", missing),
        _days(x),
        _days(lo),
        _days(hi),
        inferred,
        statements.get("date_method", missing),
    )
    hovers = [_statement_hover(*row) for row in zip(*map(_cells, columns), strict=True)]
    return pd.Series(hovers, index=statements.index, dtype=object)


def with_hovers(statements: pd.DataFrame) -> pd.DataFrame:
    """``statements`` plus the precomputed hover column (once, at load time)."""
    if HOVER_COLUMN in statements.columns:
        return statements
    return statements.assign(**{HOVER_COLUMN: statement_hovers(statements)})


def _lane_order(codes: np.ndarray, names: pd.Index, x: np.ndarray) -> np.ndarray:
    """Lane of each point: officials ordered by their first statement, ties by name."""
    first = np.full(len(names), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first, codes, x.view(np.int64))
    by_name = np.argsort(names.to_numpy(dtype=object), kind="stable")
    order = by_name[np.argsort(first[by_name], kind="stable")]
    rank = np.empty(len(names), dtype=np.int64)
    rank[order] = np.arange(len(names))
    # Categorical codes keep the integer width pandas would give the lane column.
    return pd.Categorical.from_codes(rank[codes], categories=names[order]).codes


def _stack_levels(lane: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Stacking level of each point (sorted by lane, then date): it counts up within a run of
    statements less than STACK_GAP_DAYS apart in one lane, cycling through STACK_OFFSETS."""
    n = len(lane)
    starts = np.ones(n, dtype=bool)
    if n > 1:
        gap_days = (x[1:] - x[:-1]) // np.timedelta64(1, "D")
        starts[1:] = (lane[1:] != lane[:-1]) | (gap_days > STACK_GAP_DAYS)
    positions = np.arange(n)
    run_start = np.maximum.accumulate(np.where(starts, positions, 0))
    return (positions - run_start) % len(STACK_OFFSETS)


def statement_points(statements: pd.DataFrame) -> pd.DataFrame:
    """One row per plottable statement: x (date), lane, y (lane + stacking offset), hover text.

    A statement without a date but with a window is placed at the window's middle; one with
    neither is dropped. Lanes are ordered by each official's first statement. Vectorised over
    integer codes (factorize, lexsort): per-cell work on Arrow strings dominated a redraw.
    """
    cols = ["speaker", "kind", "x", "lo", "hi", "lane", "y", "hover", "inferred", "symbol"]
    if statements.empty:
        return pd.DataFrame(columns=cols)
    s = statements
    lo, hi = s["date_earliest"], s["date_latest"]
    x = s["date"].fillna(lo + (hi - lo) / 2)
    keep = np.flatnonzero((x.notna() & s["speaker"].notna()).to_numpy(dtype=bool))
    if not len(keep):
        return pd.DataFrame(columns=cols)
    xs = x.to_numpy()[keep]
    codes, names = pd.factorize(s["speaker"].iloc[keep])
    lane = _lane_order(codes, names, xs)
    order = np.lexsort((xs.view(np.int64), lane))  # stable: by lane, then date, then input order
    rows = keep[order]
    lane, xs = lane[order], xs[order]
    # The frame is built once from taken arrays: selecting rows of a frame and then setting
    # five columns on it cost ~15 ms on 70,000 statements.
    lo_rows, hi_rows = lo.array.take(rows), hi.array.take(rows)
    kind = s["kind"].array.take(rows)
    kind_codes, kinds = pd.factorize(kind)
    # Code -1 (no kind) takes the last entry.
    symbols = [KIND_SYMBOLS.get(k, "circle") for k in kinds] + ["circle"]
    if HOVER_COLUMN in statements.columns:
        hover = statements[HOVER_COLUMN].to_numpy(dtype=object)[rows]
    else:
        hover = statement_hovers(statements.iloc[rows]).to_numpy(dtype=object)
    index = s.index[rows]  # the Series below have this very index: no realignment
    columns = {
        "speaker": s["speaker"].array.take(rows),
        "kind": kind,
        "x": x.array.take(rows),
        "lo": lo_rows,
        "hi": hi_rows,
        "lane": lane,
        "y": lane + np.asarray(STACK_OFFSETS)[_stack_levels(lane, xs)],
        "hover": pd.Series(hover, index=index, dtype=object),  # not inferred as a string column
        "inferred": ~lo_rows.isna() & ~hi_rows.isna() & np.asarray(lo_rows != hi_rows),
        "symbol": np.asarray(symbols, dtype=object)[kind_codes],
    }
    return pd.DataFrame(columns, index=index)[cols]


def _segments(lo: np.ndarray, hi: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """x/y arrays drawing one horizontal segment per row; a NaN y after each breaks the line."""
    n = len(lo)
    xs = np.empty(3 * n, dtype="datetime64[ns]")
    ys = np.full(3 * n, np.nan)
    xs[0::3] = lo
    xs[1::3] = xs[2::3] = hi
    ys[0::3] = ys[1::3] = y
    return xs, ys


def lane_traces(points: pd.DataFrame) -> list[dict]:
    """Per official: a window trace (bars where the date is inferred) then a marker trace.

    ``points`` is sorted by lane (``statement_points``): columns become numpy arrays once and
    each lane is a slice of them.
    """
    if points.empty:
        return []
    lane = points["lane"].to_numpy()
    x, lo, hi = (points[c].to_numpy(dtype="datetime64[ns]") for c in ("x", "lo", "hi"))
    y = points["y"].to_numpy(dtype=float)
    inferred = points["inferred"].to_numpy(dtype=bool)
    # Both hold the str statement_points made (no missing values to replace): a na_value
    # here scanned 70,000 strings for missing ones, ~15 ms.
    symbols, hovers = (points[c].to_numpy(dtype=object) for c in ("symbol", "hover"))
    bounds = [0, *(np.flatnonzero(np.diff(lane)) + 1).tolist(), len(lane)]
    # Only each lane's first speaker is read: converting the whole column cost ~10 ms.
    speakers = _cells(points["speaker"].iloc[bounds[:-1]])
    traces: list[dict] = []
    for i, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False)):
        speaker, colour = speakers[i], LANE_COLOURS[int(lane[a]) % len(LANE_COLOURS)]
        win = inferred[a:b]
        if win.any():
            xs, ys = _segments(lo[a:b][win], hi[a:b][win], y[a:b][win])
            traces.append(
                dict(
                    type="scatter",
                    mode="lines",
                    name=f"{speaker}: date window",
                    x=xs,
                    y=ys,
                    line=dict(color=colour, width=7),
                    opacity=0.3,
                    hoverinfo="skip",
                    showlegend=False,
                    xaxis="x",
                    yaxis="y",
                )
            )
        traces.append(
            dict(
                type="scatter",
                mode="markers",
                name=speaker,
                x=x[a:b],
                y=y[a:b],
                marker=dict(color=colour, size=11, symbol=symbols[a:b], line=dict(color="white", width=1)),
                hovertext=hovers[a:b],
                hovertemplate="%{hovertext}<extra></extra>",
                showlegend=False,
                xaxis="x",
                yaxis="y",
            )
        )
    return traces


def term_shapes(speakers: list[str], x_end: pd.Timestamp) -> list[dict]:
    """Shaded rectangles for each lane's terms in office (knowledge base), open terms to ``x_end``."""
    shapes = []
    people = knowledge.officials_by_name()
    for lane, speaker in enumerate(speakers):
        official = people.get(speaker)
        if official is None:
            continue
        colour = LANE_COLOURS[lane % len(LANE_COLOURS)]
        for term in official.terms:
            end = pd.Timestamp(term.end) if term.end else x_end
            shapes.append(
                dict(
                    type="rect",
                    xref="x",
                    yref="y",
                    x0=pd.Timestamp(term.start),
                    x1=end,
                    y0=lane - 0.48,
                    y1=lane + 0.48,
                    fillcolor=colour,
                    opacity=TERM_OPACITY,
                    line=dict(width=0),
                    layer="below",
                    name=f"{speaker}: {term.role}",
                )
            )
    return shapes


def _lane_labels(points: pd.DataFrame, statements: pd.DataFrame) -> tuple[list[int], list[str], list[str]]:
    """Tick positions and labels (name, and the role the statements give most often)."""
    first = points.drop_duplicates("lane").sort_values("lane")
    roles = statements.dropna(subset=["role"]).groupby(["speaker", "role"]).size()
    top_role = roles.sort_values(ascending=False, kind="stable").reset_index().drop_duplicates("speaker")
    role_of = dict(zip(top_role["speaker"], top_role["role"], strict=True))
    labels = []
    for speaker in first["speaker"]:
        role = role_of.get(speaker)
        name = "<br>".join(_esc(line) for line in _label_lines(speaker))
        labels.append(f"<b>{name}</b>" + (f"<br><sup>{_esc(role)}</sup>" if role else ""))
    return [int(v) for v in first["lane"]], labels, list(first["speaker"])


def _label_lines(name: str) -> list[str]:
    """A long lane name ("Drug Enforcement Administration") split in two at the middle space."""
    if len(name) <= LABEL_CHARS or " " not in name:
        return [name]
    middle = len(name) // 2
    cut = min((i for i, ch in enumerate(name) if ch == " "), key=lambda i: abs(i - middle))
    return [name[:cut], name[cut + 1 :]]


_CDC_TRACES = FrameMemo()  # cdc table -> its traces (the same on every redraw)


def cdc_traces(cdc: pd.DataFrame) -> list[dict]:
    """The CDC annual series as lines, one point per year at mid-year, in the bottom row.

    Built once per table: the figure copies what it is given, so the dicts are never changed.
    """
    traces = _CDC_TRACES.get(cdc)
    if traces is None:
        traces = _cdc_traces(cdc)
        _CDC_TRACES.put(cdc, traces)
    return list(traces)


def _cdc_traces(cdc: pd.DataFrame) -> list[dict]:
    traces = []
    for metric, name, colour, visible in CDC_LINES:
        column = knowledge.CDC_METRICS[metric]
        rows = cdc[["year", column]].dropna()
        traces.append(
            dict(
                type="scatter",
                mode="lines+markers",
                name=name,
                x=np.array([f"{int(y)}-07-01" for y in rows["year"]], dtype="datetime64[ns]"),
                y=rows[column].to_numpy(dtype=float),
                line=dict(color=colour, width=2),
                marker=dict(size=4),
                visible=True if visible else "legendonly",
                xaxis="x2",
                yaxis="y2",
                hovertemplate=f"{name}<br>%{{x|%Y}}: %{{y:,.0f}}<extra></extra>",
            )
        )
    return traces


def _cited_rows(statistics: pd.DataFrame) -> pd.Series:
    """Rows the bottom panel plots: a summable death count for one calendar year, with a value."""
    start, end = statistics["period_start"], statistics["period_end"]
    one_year = (
        (
            start.dt.month.eq(1)
            & start.dt.day.eq(1)
            & end.dt.month.eq(12)
            & end.dt.day.eq(31)
            & start.dt.year.eq(end.dt.year)
        )
        .fillna(False)
        .astype(bool)
    )
    value = pd.to_numeric(statistics["value"], errors="coerce")
    return statistics["metric"].isin(SUMMABLE) & one_year & value.notna()


def _cited_hovers(stats: pd.DataFrame) -> list[str]:
    """Hover text of each plotted (compared, one-year) cited figure."""
    value = pd.to_numeric(stats["value"], errors="coerce").astype(float)
    missing = pd.Series(None, index=stats.index, dtype=object)
    columns = (
        stats["text"],
        stats["metric"],
        stats["period_start"].dt.year,
        value,
        stats["official_value"],
        stats["difference_pct"],
        stats["verdict"],
        stats["provisional_only"],
        stats["provisional_value"],
        stats["speaker"],
        stats.get("title", missing),
    )
    return [_cited_hover(*row) for row in zip(*map(_cells, columns), strict=True)]


def with_cited_hovers(statistics: pd.DataFrame) -> pd.DataFrame:
    """Compared ``statistics`` plus the hover of each plotted figure (once, at load time).

    Like ``with_hovers``: the hover depends on the row alone, so a filter change only selects.
    Rows the figure does not plot get None.
    """
    stats = ensure_compared(statistics)
    if CITED_HOVER_COLUMN in stats.columns:
        return stats
    hover = pd.Series(None, index=stats.index, dtype=object)
    plotted = _cited_rows(stats).to_numpy(dtype=bool) if not stats.empty else np.zeros(0, dtype=bool)
    if plotted.any():
        hover[plotted] = _cited_hovers(stats[plotted])
    return stats.assign(**{CITED_HOVER_COLUMN: hover})


def prepare_frames(frames: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The once-per-corpus preparation (the app's loader and the benchmark): compare, hovers.

    Filter changes then only select rows (``build_main_figure`` gives the same figure with or
    without it, just slower without).
    """
    out = dict(frames)
    out["statistics"] = with_cited_hovers(frames["statistics"])
    out["statements"] = with_hovers(frames["statements"])
    prepare_filtering(out)
    _remember_cited_points(out["statistics"])
    return out


# statistics frame -> (positions of the plotted rows, their cited_points), from prepare_frames
_CITED_POINTS = FrameMemo()
CITED_COLUMNS: tuple[str, ...] = ("x", "value", "verdict", "hover")


def _remember_cited_points(statistics: pd.DataFrame) -> None:
    """The bottom panel's points for every plottable row, so a filter change only selects."""
    if statistics.empty:
        return
    rows = np.flatnonzero(_cited_rows(statistics).to_numpy(dtype=bool))
    _CITED_POINTS.put(statistics, (rows, cited_points(statistics.iloc[rows])))


def _shown_cited_points(statistics: pd.DataFrame, keep: np.ndarray | None) -> pd.DataFrame:
    """``cited_points`` of the kept rows; from the prepared points when there are some."""
    remembered = _CITED_POINTS.get(statistics)
    if remembered is None:
        return cited_points(_plotted_rows(statistics, keep))
    rows, points = remembered
    shown = points if keep is None else points[keep[rows]]
    return shown if not shown.empty else pd.DataFrame(columns=list(CITED_COLUMNS))


def cited_points(statistics: pd.DataFrame) -> pd.DataFrame:
    """Cited death counts for one calendar year, placed mid-period, with verdict and hover."""
    cols = list(CITED_COLUMNS)
    if statistics.empty:
        return pd.DataFrame(columns=cols)
    # Select first, compare after: only these rows need an official value here.
    stats = ensure_compared(statistics[_cited_rows(statistics)])
    if stats.empty:
        return pd.DataFrame(columns=cols)
    # Mid-year, like the CDC points, so a cited figure sits right above or below its official one.
    # Month arithmetic, not string parsing (16 ms on 12,000 figures): July of the figure's year.
    years = stats["period_start"].dt.year.to_numpy(dtype=np.int64)
    months = ((years - 1970) * 12 + 6).astype("datetime64[M]")
    x = pd.Series(months.astype(_MID_YEAR_DTYPE), index=stats.index)
    value = pd.to_numeric(stats["value"], errors="coerce").astype(float)
    if CITED_HOVER_COLUMN in stats.columns:
        hover = _cells(stats[CITED_HOVER_COLUMN])
    else:
        hover = _cited_hovers(stats)
    return pd.DataFrame({"x": x, "value": value, "verdict": stats["verdict"], "hover": hover})[cols]


def _cited_hover(
    text, metric, year, value, official, diff, verdict, provisional, provisional_value, speaker, title
) -> str:
    official_part = "none" if official is None or pd.isna(official) else f"{official:,.0f}"
    diff_part = "" if diff is None or pd.isna(diff) else f" ({diff:+.1f}%)"
    then = ""
    if provisional is True:
        known = (
            "" if provisional_value is None or pd.isna(provisional_value) else f" (~{provisional_value:,.0f})"
        )
        then = f"<br>When published, only provisional data existed{known}"
    return (
        f"“{_esc(text)}”<br>{_esc(metric)} {year}: cited {value:,.0f}, official {official_part}{diff_part}"
        f"<br>Verdict: {_esc(verdict)}{then}<br>Said by: {_esc(speaker) or 'not attributed'}"
        f"<br>Article: {_esc(title) or 'untitled'}"
    )


def verdict_traces(points: pd.DataFrame) -> list[dict]:
    """One marker trace per verdict present, in VERDICTS order, with the fixed colours."""
    traces = []
    # Plain arrays once: a boolean selection of the frame per verdict cost ~6 ms a redraw.
    verdicts = points["verdict"].to_numpy(dtype=object)
    columns = {c: points[c].to_numpy() for c in ("x", "value", "hover")}
    for verdict in VERDICTS:
        rows = np.flatnonzero(verdicts == verdict)
        if not len(rows):
            continue
        grp = {c: values[rows] for c, values in columns.items()}
        traces.append(
            dict(
                type="scatter",
                mode="markers",
                name=f"Cited: {verdict}",
                x=grp["x"],
                y=grp["value"].astype(float),
                marker=dict(
                    color=VERDICT_COLOURS[verdict],
                    size=12,
                    symbol="x-thin-open" if verdict == NO_FIGURE else "circle",
                    line=dict(color=VERDICT_COLOURS[verdict], width=2),
                ),
                hovertext=grp["hover"].astype(object),
                hovertemplate="%{hovertext}<extra></extra>",
                xaxis="x2",
                yaxis="y2",
            )
        )
    return traces


def _x_range(
    points: pd.DataFrame, cited: pd.DataFrame, filters: Filters, cdc: pd.DataFrame
) -> list[pd.Timestamp]:
    if filters.year_from is not None or filters.year_to is not None:
        lo_year = filters.year_from if filters.year_from is not None else int(cdc["year"].min())
        hi_year = filters.year_to if filters.year_to is not None else int(cdc["year"].max())
        return [pd.Timestamp(lo_year, 1, 1), pd.Timestamp(hi_year, 12, 31)]
    dates = pd.concat([points["x"], points["lo"], points["hi"], cited["x"]]).dropna()
    if dates.empty:
        return [pd.Timestamp(int(cdc["year"].min()), 1, 1), pd.Timestamp(int(cdc["year"].max()), 12, 31)]
    return [dates.min() - X_PADDING, dates.max() + X_PADDING]


def source_line(articles: pd.DataFrame, *, shown_outlets: int = 4) -> str:
    """CDC source plus the outlets of the articles shown."""
    outlets = pd.Series(dtype="int64")
    if not articles.empty:
        counts = articles["outlet"].dropna().astype(str).value_counts()
        # Most frequent first, ties by name, so the line is stable.
        outlets = counts.iloc[sorted(range(len(counts)), key=lambda i: (-counts.iloc[i], counts.index[i]))]
    unknown = int(articles["outlet"].isna().sum()) if not articles.empty else 0
    names = [html.escape(o) for o in outlets.index[:shown_outlets]]
    if len(outlets) > shown_outlets:
        names.append(f"+{len(outlets) - shown_outlets} more")
    if unknown:
        names.append(f"{unknown} with outlet unknown")
    listed = ", ".join(names) if names else "none"
    return (
        f"{SOURCE_NOTE}. Statements: {len(articles)} article{'s' if len(articles) != 1 else ''} ({listed})."
    )


_PLACEHOLDER = np.empty(0, dtype=object)  # stands in for a per-point array while plotly copies

# What the figure reads of each frame when the hovers are precomputed (``prepare_frames``):
# a filter change then copies these cells only, not the texts and evidence of every row.
FIGURE_STATEMENT_COLUMNS: tuple[str, ...] = (
    "article_id",
    "speaker",
    "role",
    "kind",
    "date",
    "date_earliest",
    "date_latest",
    HOVER_COLUMN,
)


def _rows(frame: pd.DataFrame, keep: np.ndarray | None, columns: list[str] | None) -> pd.DataFrame:
    """``frame[keep]`` restricted to ``columns`` (all when None), in one selection; the frame
    itself when every row is kept (the figure only reads columns, so no copy is needed)."""
    if keep is None:
        return frame
    return frame.loc[keep, columns if columns is not None else slice(None)]


def _plotted_rows(statistics: pd.DataFrame, keep: np.ndarray | None) -> pd.DataFrame:
    """The kept rows the bottom panel can plot."""
    if not statistics.empty:
        # The precomputed hover marks the plotted rows; without it, find them.
        hover = statistics.get(CITED_HOVER_COLUMN)
        plotted = (_cited_rows(statistics) if hover is None else hover.notna()).to_numpy(dtype=bool)
        keep = plotted if keep is None else keep & plotted
    return _rows(statistics, keep, None)


def _figure_rows(frames: Mapping[str, pd.DataFrame], filters: Filters) -> dict[str, pd.DataFrame]:
    """The rows ``apply_filters`` keeps, narrowed to what the figure needs.

    Statements: the figure's columns when the hovers are precomputed; cited: the points of
    the bottom panel; articles: the outlet alone.
    """
    masks = filter_masks(frames, filters)
    statements = frames["statements"]
    columns = list(FIGURE_STATEMENT_COLUMNS) if HOVER_COLUMN in statements.columns else None
    return {
        "statements": _rows(statements, masks["statements"], columns),
        "cited": _shown_cited_points(frames["statistics"], masks["statistics"]),
        "articles": _rows(frames["articles"], masks["articles"], ["outlet"]),
    }


def build_main_figure(
    frames: Mapping[str, pd.DataFrame],
    filters: Filters,
    *,
    cdc: pd.DataFrame | None = None,
    title: str | None = None,
) -> go.Figure:
    """The dashboard's figure for ``frames`` (unfiltered or filtered) under ``filters``.

    ``cdc`` is the wide CDC table (``knowledge.cdc_series()`` by default).
    """
    cdc = knowledge.cdc_series() if cdc is None else cdc
    shown = _figure_rows(frames, filters)
    statements = shown["statements"]
    points = statement_points(statements)
    cited = shown["cited"]
    x_range = _x_range(points, cited, filters, cdc)
    tickvals, ticktext, speakers = _lane_labels(points, statements) if not points.empty else ([], [], [])

    n_lanes = max(len(speakers), 1)
    top_px = n_lanes * LANE_HEIGHT + 40
    height = top_px + BOTTOM_HEIGHT + MARGIN_TOP + MARGIN_BOTTOM
    plot_px = top_px + BOTTOM_HEIGHT
    split = BOTTOM_HEIGHT / plot_px  # bottom row's share of the plotting area

    data = lane_traces(points) + cdc_traces(cdc) + verdict_traces(cited)
    undated = len(statements) - len(points)
    n_articles = statements["article_id"].nunique() if not statements.empty else 0
    subtitle = (
        f"{len(points)} statement{'s' if len(points) != 1 else ''} by {len(speakers)} official"
        f"{'s' if len(speakers) != 1 else ''} in {n_articles} article{'s' if n_articles != 1 else ''}"
        " · ● direct quote, ◆ reported speech, bar = inferred date window, shading = term in office"
        + (f" · {undated} undated statement{'s' if undated != 1 else ''} not shown" if undated else "")
    )
    annotations = [
        dict(
            text=html.escape(filters.describe()),
            xref="paper",
            yref="paper",
            x=0,
            y=1.0,
            yshift=8,
            xanchor="left",
            yanchor="bottom",
            showarrow=False,
            font=dict(size=12, color="#444"),
        ),
        dict(
            text=source_line(shown["articles"]),
            xref="paper",
            yref="paper",
            x=0,
            y=0,
            yshift=-SOURCE_OFFSET,
            xanchor="left",
            yanchor="top",
            showarrow=False,
            font=dict(size=11, color="#666"),
        ),
    ]
    if points.empty:
        annotations.append(
            dict(
                text="No statements match these filters",
                xref="paper",
                yref="paper",
                x=0.5,
                y=(1 + split) / 2,
                showarrow=False,
                font=dict(size=14, color="#888"),
            )
        )
    layout = dict(
        title=dict(
            text=html.escape(title or DEFAULT_TITLE), subtitle=dict(text=subtitle), x=0.01, xanchor="left"
        ),
        height=height,
        margin=dict(t=MARGIN_TOP, b=MARGIN_BOTTOM, l=MARGIN_LEFT, r=30),
        template="plotly_white",
        hovermode="closest",
        legend=dict(orientation="h", x=0, y=-LEGEND_OFFSET / plot_px, yanchor="top", xanchor="left"),
        xaxis=dict(type="date", range=x_range, anchor="y", showticklabels=True, domain=[0, 1]),
        yaxis=dict(
            domain=[split + 0.06, 1.0],
            tickvals=tickvals,
            ticktext=ticktext,
            range=[n_lanes - 0.5, -0.5],
            zeroline=False,
            showgrid=False,
            fixedrange=True,
        ),
        xaxis2=dict(
            type="date", matches="x", anchor="y2", domain=[0, 1], title=dict(text="Year the figure describes")
        ),
        yaxis2=dict(
            domain=[0.0, split - 0.02],
            title=dict(text="Deaths per year"),
            rangemode="tozero",
            tickformat=",d",
        ),
        shapes=term_shapes(speakers, x_range[1]),
        annotations=annotations,
    )
    # The dicts above are checked by the tests (through a validating go.Figure); skipping
    # plotly's per-element validation here is what keeps a redraw under 200 ms.
    return _figure(data, layout)


def _figure(data: list[dict], layout: dict) -> go.Figure:
    """``go.Figure(data=data, layout=layout)`` without deep-copying the per-point strings.

    plotly's constructor deep-copies every trace, and a numpy array of strings is copied one
    element at a time (~40 ms for 70,000 statements, a quarter of a redraw). The hover and
    symbol arrays were built for this figure alone, so they are left out of the copy and put
    into the figure's trace store afterwards (plotly keeps each trace's properties in
    ``Figure._data``; ``tests/test_charts.py`` checks the result equals the plain build).
    """
    light, held = [], []
    for trace in data:
        hover, marker = trace.get("hovertext"), trace.get("marker", {})
        symbol = marker.get("symbol")
        bulky = (isinstance(hover, np.ndarray), isinstance(symbol, np.ndarray))
        held.append((hover if bulky[0] else None, symbol if bulky[1] else None))
        if bulky[0]:
            trace = {**trace, "hovertext": _PLACEHOLDER}
        if bulky[1]:
            trace = {**trace, "marker": {**marker, "symbol": _PLACEHOLDER}}
        light.append(trace)
    fig = go.Figure(data=light, layout=layout, _validate=VALIDATE)
    for props, (hover, symbol) in zip(fig._data, held, strict=True):
        if hover is not None:
            props["hovertext"] = hover
        if symbol is not None:
            props["marker"]["symbol"] = symbol
    return fig


# ---------------------------------------------------------------- tables for the pages

STATEMENT_TABLE_COLUMNS: tuple[str, ...] = (
    "date",
    "speaker",
    "role",
    "kind",
    "text",
    "article",
    "title",
    "outlet",
    "date_method",
)
STATISTIC_TABLE_COLUMNS: tuple[str, ...] = (
    "text",
    "speaker",
    "metric",
    "period",
    "value",
    "qualifier",
    "official_value",
    "difference_pct",
    "verdict",
    "claim_holds",
    "provisional_only",
    "provisional_value",
    "article_date",
    "title",
    "article",
)


def article_link(
    article_ids: pd.Series, *, page: str = "Articles", params: Mapping[str, str | list[str]] | None = None
) -> pd.Series:
    """Relative links to the Articles page for each id, carrying the current filters."""
    base = urlencode(params or {}, doseq=True)
    prefix = f"{page}?" + (base + "&" if base else "") + "article="
    return prefix + article_ids.astype(str).map(lambda v: quote(v, safe=""))


def statement_table(
    statements: pd.DataFrame, *, search: str = "", params: Mapping[str, str | list[str]] | None = None
) -> pd.DataFrame:
    """Statements newest first, optionally narrowed to rows containing ``search`` (any case)."""
    rows = statements
    needle = search.strip()
    if needle and not rows.empty:
        hay = pd.Series(False, index=rows.index)
        for col in ("text", "speaker", "title", "outlet", "role"):
            hay |= (
                rows[col]
                .astype("string")
                .str.contains(needle, case=False, regex=False)
                .fillna(False)
                .astype(bool)
            )
        rows = rows[hay]
    table = rows.assign(article=article_link(rows["article_id"], params=params) if not rows.empty else [])
    table = table.sort_values(["date", "speaker"], ascending=[False, True], na_position="last", kind="stable")
    return table.loc[:, list(STATEMENT_TABLE_COLUMNS)].reset_index(drop=True)


def _period_label(start, end) -> str | None:
    if pd.isna(start) or pd.isna(end):
        return None
    years = whole_years(start, end)
    if years:
        return str(years[0]) if years[0] == years[1] else f"{years[0]}–{years[1]}"
    return f"{start:%Y-%m-%d} – {end:%Y-%m-%d}"


def statistics_table(
    statistics: pd.DataFrame, *, params: Mapping[str, str | list[str]] | None = None
) -> pd.DataFrame:
    """Cited vs official, one row per figure: CDC-comparable ones first, largest gaps first."""
    stats = ensure_compared(statistics)
    period = [_period_label(a, b) for a, b in zip(stats["period_start"], stats["period_end"], strict=True)]
    table = stats.assign(
        period=pd.Series(period, index=stats.index, dtype=object),
        value=pd.to_numeric(stats["value"], errors="coerce"),
        official_value=stats["official_value"].round(1),  # a computed change (250.162...) reads as 250.2
        article=article_link(stats["article_id"], params=params) if not stats.empty else [],
        _order=stats["verdict"].eq(NO_FIGURE),
        _gap=stats["difference_pct"].abs(),
    )
    table = table.sort_values(["_order", "_gap"], ascending=[True, False], na_position="last", kind="stable")
    return table.loc[:, list(STATISTIC_TABLE_COLUMNS)].reset_index(drop=True)
