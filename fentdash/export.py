"""Briefing exports: the main figure at slide size, PNG/SVG, CSV and a Markdown brief.

Pure functions of the (already filtered) frames and the filters; no streamlit. Images are
drawn by the persistent Chromium in ``render_server``; CSV and Markdown need no browser.
"""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Literal

import pandas as pd
import plotly.graph_objects as go

from . import knowledge
from .cache import load_frames
from .charts import build_main_figure
from .compare import ensure_compared
from .filters import Filters, apply_filters, normalise
from .render_server import ChromiumMissingError, RenderError, get_server
from .version import PARSER_VERSION

ExportFormat = Literal["png", "svg", "csv", "md"]
# Cited vs official for a statistics frame: one row per input row, in order, with columns
# official_value, difference_pct, verdict, provisional_only. The default is ``compare.ensure_compared``.
Comparer = Callable[[pd.DataFrame], pd.DataFrame]
EXPORT_FORMATS: tuple[str, ...] = ("png", "svg", "csv", "md")
MIME_TYPES: Mapping[str, str] = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "csv": "text/csv",
    "md": "text/markdown",
}

# A 16:9 slide; PNGs are drawn at twice that so they stay sharp when projected.
SLIDE_WIDTH = 1600
SLIDE_HEIGHT = 900
PNG_SCALE = 2

FILE_STEM = "fentdash-briefing"
MAX_NAMES_IN_STEM = 3
# Room at the bottom of the slide for the vintage line, below whatever the chart put there.
VINTAGE_ANNOTATION = "fentdash-vintage"
VINTAGE_MARGIN_PX = 40
VINTAGE_INSET_PX = 10

# Leading characters that make Excel/LibreOffice evaluate a cell as a formula (CSV injection).
_FORMULA_START = re.compile(r"^[=+\-@\t\r]")
_SLUG_DROP = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")
_SAFE_URL = re.compile(r"^https?://[^\s<>()\[\]]{1,2000}$", re.IGNORECASE)
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")

CSV_COLUMNS: tuple[str, ...] = (
    "record",
    "speaker",
    "role",
    "kind",
    "date",
    "date_earliest",
    "date_latest",
    "date_method",
    "text",
    "value",
    "value_high",
    "unit",
    "metric",
    "qualifier",
    "period_start",
    "period_end",
    "official_value",
    "difference_pct",
    "verdict",
    "claim_holds",
    "provisional_only",
    "title",
    "outlet",
    "url",
    "path",
)
# Free text from articles: the only cells that can carry a formula into a spreadsheet.
_TEXT_COLUMNS = ("speaker", "role", "text", "qualifier", "title", "outlet", "url", "path")
QUOTE_CHARS_MAX = 400
# How the brief writes the contract's units after a number ("" = the bare number).
UNIT_LABELS: Mapping[str, str] = {
    "deaths": "deaths",
    "per_100k": "per 100,000",
    "deaths_per_day": "deaths a day",
    "mg": "mg",
    "kg": "kg",
    "pounds": "pounds",
    "pills": "pills",
    "people": "people",
    "minutes": "minutes",
    "count": "",
}
_MONEY_WORDS: tuple[tuple[float, str], ...] = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


# ---------------------------------------------------------------- filters, names, vintage


def _slug(value: str) -> str:
    # Accents folded (José -> jose) so the file name stays ASCII but readable.
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return _SLUG_DROP.sub("-", ascii_text.lower()).strip("-")


def export_stem(filters: Filters) -> str:
    """A file name (no extension) that says what the export shows: officials, years, kinds."""
    names = [_slug(n) for n in filters.officials if _slug(n)]
    parts = [FILE_STEM]
    if names:
        shown = names[:MAX_NAMES_IN_STEM]
        if len(names) > MAX_NAMES_IN_STEM:
            shown.append(f"and-{len(names) - MAX_NAMES_IN_STEM}-more")
        parts.append("_".join(shown))
    lo, hi = filters.year_from, filters.year_to
    if lo is not None or hi is not None:
        parts.append(f"{lo if lo is not None else 'start'}-{hi if hi is not None else 'end'}")
    kinds = [_slug(k) for k in filters.kinds if _slug(k)]
    if kinds:
        parts.append("-".join(kinds))
    return "_".join(parts)


def export_filename(filters: Filters, fmt: str) -> str:
    return f"{export_stem(filters)}.{fmt}"


def toolbar_config(filters: Filters) -> dict[str, Any]:
    """Plotly config: the toolbar camera saves a PNG at slide size, scale 2, named after the filters."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {
            "format": "png",
            "filename": export_stem(filters),
            "width": SLIDE_WIDTH,
            "height": SLIDE_HEIGHT,
            "scale": PNG_SCALE,
        },
    }


def _year_span(values: Iterable[Any]) -> tuple[int, int] | None:
    years = [v.year for v in values if v is not None and not pd.isna(v)]
    return (min(years), max(years)) if years else None


def data_vintage(
    frames: Mapping[str, pd.DataFrame], *, cdc: pd.DataFrame | None = None, generated: date
) -> str:
    """Which data the view rests on: CDC final years, article dates, parser version, export day."""
    cdc = knowledge.cdc_series() if cdc is None else cdc
    parts = []
    if cdc is not None and not cdc.empty and "year" in cdc:
        parts.append(f"CDC/NCHS final data {int(cdc['year'].min())}–{int(cdc['year'].max())}")
    articles = frames.get("articles")
    span = _year_span(articles["date"]) if articles is not None and "date" in articles else None
    n = 0 if articles is None else len(articles)
    if n:
        dated = (
            f", dated {span[0]}–{span[1]}"
            if span and span[0] != span[1]
            else (f", dated {span[0]}" if span else "")
        )
        parts.append(f"{n} article{'s' if n != 1 else ''}{dated}")
    parts.append(f"parser {PARSER_VERSION}")
    parts.append(f"exported {generated.isoformat()}")
    return "Data: " + " · ".join(parts)


# ---------------------------------------------------------------- figure and images


def slide_figure(figure: go.Figure, *, vintage: str | None = None) -> go.Figure:
    """A copy of ``figure`` sized 1600x900, with the data vintage written inside it."""
    fig = go.Figure(figure)
    fig.update_layout(width=SLIDE_WIDTH, height=SLIDE_HEIGHT, autosize=False)
    if vintage:
        kept = [a for a in (fig.layout.annotations or ()) if a.name != VINTAGE_ANNOTATION]
        framed = len(kept) != len(fig.layout.annotations or ())  # already has room for the line
        fig.layout.annotations = kept
        bottom = max(fig.layout.margin.b if fig.layout.margin.b is not None else 80, 0)
        bottom += 0 if framed else VINTAGE_MARGIN_PX
        fig.update_layout(margin={"b": bottom})
        fig.add_annotation(
            name=VINTAGE_ANNOTATION,
            text=vintage,
            showarrow=False,
            xref="paper",
            yref="paper",
            x=1,
            y=0,
            xanchor="right",
            yanchor="bottom",
            # from the plot's bottom edge down to just above the image's bottom edge
            yshift=-(bottom - VINTAGE_INSET_PX),
            align="right",
            font={"size": 11, "color": "#555"},
        )
    return fig


def briefing_figure(
    frames: Mapping[str, pd.DataFrame],
    filters: Filters,
    *,
    generated: date,
    cdc: pd.DataFrame | None = None,
    title: str | None = None,
) -> go.Figure:
    """The dashboard's main figure (``charts``) for the filtered frames, at slide size with its vintage."""
    figure = build_main_figure(frames, filters, cdc=cdc, title=title)
    return slide_figure(figure, vintage=data_vintage(frames, cdc=cdc, generated=generated))


def figure_image(
    figure: go.Figure, *, fmt: Literal["png", "svg"] = "png", scale: float | None = None
) -> bytes:
    """PNG (at ``PNG_SCALE`` by default) or SVG bytes of a slide figure, via the persistent Chromium."""
    width = figure.layout.width or SLIDE_WIDTH
    height = figure.layout.height or SLIDE_HEIGHT
    if scale is None:
        scale = PNG_SCALE if fmt == "png" else 1
    return get_server().render(figure, fmt=fmt, width=width, height=height, scale=scale)


# ---------------------------------------------------------------- one table for CSV and Markdown

# Time order, and within one article reading order.
_STATEMENT_ORDER = ("date", "date_earliest", "path", "start")
_STATISTIC_ORDER = ("article_date", "path", "start")
_SOURCE_COLUMNS = ("title", "outlet", "url", "path")


def _in_order(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    present = [c for c in columns if c in frame]
    return frame.sort_values(present, na_position="last", kind="stable") if present and len(frame) else frame


def _days(frame: pd.DataFrame, column: str) -> pd.Series | None:
    """ISO day strings (NaN where there is no date), or None when the column is absent."""
    if column not in frame:
        return None
    return pd.to_datetime(frame[column], errors="coerce").dt.strftime("%Y-%m-%d")


def _number(value: Any) -> float | None:
    if value is None or isinstance(value, str | bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _plain(value: Any) -> int | float | None:
    """93000.0 -> 93000 so the CSV reads like the article; 32.6 stays 32.6."""
    number = _number(value)
    return int(number) if number is not None and number.is_integer() else number


def _plain_column(column: pd.Series) -> pd.Series:
    # object dtype, or pandas turns the ints back into floats
    return pd.Series([_plain(v) for v in column], index=column.index, dtype=object)


def _flag(value: Any) -> bool | None:
    if value is None or (not isinstance(value, bool) and pd.isna(value)):
        return None
    return bool(value)


def _text(value: Any) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return str(value)


def _defuse(value: Any) -> Any:
    """Quote a cell a spreadsheet would run as a formula (OWASP CSV injection)."""
    if isinstance(value, str) and _FORMULA_START.match(value):
        return "'" + value
    return value


def _statement_part(statements: pd.DataFrame) -> pd.DataFrame:
    s = _in_order(statements, _STATEMENT_ORDER)
    columns: dict[str, Any] = {"record": "statement"}
    columns |= {c: s.get(c) for c in ("speaker", "role", "kind", "date_method", "text", *_SOURCE_COLUMNS)}
    columns |= {c: _days(s, c) for c in ("date", "date_earliest", "date_latest")}
    return pd.DataFrame(columns, index=s.index)


def _statistic_part(statistics: pd.DataFrame, compare: Comparer | None) -> pd.DataFrame:
    q = _in_order(statistics, _STATISTIC_ORDER)
    if q.empty:
        return pd.DataFrame(columns=list(CSV_COLUMNS))
    compared = (compare or ensure_compared)(q)
    if len(compared) != len(q):
        raise ValueError(f"comparison returned {len(compared)} rows for {len(q)} statistics")
    c = compared.reset_index(drop=True).set_axis(q.index)  # row for row, in order
    columns: dict[str, Any] = {"record": "statistic", "date": _days(q, "article_date")}
    columns |= {
        k: q.get(k)
        for k in ("speaker", "date_method", "text", "unit", "metric", "qualifier", *_SOURCE_COLUMNS)
    }
    columns |= {k: _plain_column(q[k]) for k in ("value", "value_high") if k in q}
    columns |= {k: _days(q, k) for k in ("period_start", "period_end")}
    columns["official_value"] = _plain_column(c["official_value"])
    columns["difference_pct"] = pd.to_numeric(c["difference_pct"], errors="coerce").round(1)
    columns["verdict"] = c["verdict"]
    columns |= {k: c[k].map(_flag) for k in ("claim_holds", "provisional_only") if k in c}
    return pd.DataFrame(columns, index=q.index)


def briefing_table(frames: Mapping[str, pd.DataFrame], *, compare: Comparer | None = None) -> pd.DataFrame:
    """Statements, then cited figures with the official ones, each row with its article source.

    ``CSV_COLUMNS`` in that order; empty cells are None. The CSV writes it; the brief reads it.
    """
    parts = [
        _statement_part(frames.get("statements", pd.DataFrame())),
        _statistic_part(frames.get("statistics", pd.DataFrame()), compare),
    ]
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame(columns=list(CSV_COLUMNS), dtype=object)
    # object dtype: keeps 93000 an int next to 32.6, and empty cells empty (not NaN floats)
    table = pd.concat(parts, ignore_index=True).reindex(columns=list(CSV_COLUMNS)).astype(object)
    return table.where(table.notna(), None)


def export_records(frames: Mapping[str, pd.DataFrame], *, compare: Comparer | None = None) -> pd.DataFrame:
    """``briefing_table`` made safe to open in a spreadsheet."""
    table = briefing_table(frames, compare=compare)
    for column in _TEXT_COLUMNS:
        table[column] = table[column].map(_defuse)
    return table


def to_csv(frames: Mapping[str, pd.DataFrame], *, compare: Comparer | None = None) -> str:
    """The CSV download: filtered statements and statistics with their sources."""
    return export_records(frames, compare=compare).to_csv(index=False, lineterminator="\n")


# ---------------------------------------------------------------- Markdown

Row = Mapping[str, Any]


def _md(value: Any) -> str:
    """Article text as inert Markdown: one line, markup characters escaped."""
    return _MD_SPECIAL.sub(r"\\\1", _SPACES.sub(" ", str(value or "")).strip())


def _clip(text: str, limit: int = QUOTE_CHARS_MAX) -> str:
    text = _SPACES.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _when(row: Row) -> str:
    best, first, last = row.get("date"), row.get("date_earliest"), row.get("date_latest")
    if best and row.get("date_method") == "inferred" and first and last and first != last:
        return f"{best} (inferred; between {first} and {last})"
    if best:
        return best
    if first and last:
        return f"between {first} and {last}" if first != last else first
    return "undated"


def _format_value(value: float | None, unit: str | None) -> str:
    """93000 deaths, 27%, 50×, $80 billion, 32.6 per 100,000: as a briefing would write them."""
    if value is None:
        return "—"
    if unit == "usd":
        for size, word in _MONEY_WORDS:
            if abs(value) >= size:
                return f"${_plain_number(value / size)} {word}"
        return f"${_plain_number(value)}"
    shown = _plain_number(value)
    if unit == "percent":
        return f"{shown}%"
    if unit == "fold":
        return f"{shown}×"
    label = UNIT_LABELS.get(unit or "", unit)
    return f"{shown} {label}" if label else shown


def _plain_number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def _period(row: Row) -> str:
    lo, hi = row.get("period_start"), row.get("period_end")
    if not lo or not hi:
        return "—"
    if lo.endswith("-01-01") and hi.endswith("-12-31"):  # whole calendar years
        return lo[:4] if lo[:4] == hi[:4] else f"{lo[:4]}–{hi[:4]}"
    return f"{lo} – {hi}"


class _Sources:
    """Articles numbered in the order the brief first cites them."""

    def __init__(self) -> None:
        self.order: dict[str, int] = {}
        self.rows: list[Row] = []

    def ref(self, row: Row) -> int:
        key = row.get("path") or row.get("url") or row.get("title") or "?"
        if key not in self.order:
            self.order[key] = len(self.rows) + 1
            self.rows.append(row)
        return self.order[key]

    def lines(self) -> list[str]:
        out = []
        for n, row in enumerate(self.rows, 1):
            title = _md(row.get("title") or "Untitled article")
            url = row.get("url")
            safe = bool(url and _SAFE_URL.match(url))
            head = f"[{title}]({url})" if safe else title
            extra = [_md(row["outlet"])] if row.get("outlet") else []
            if url and not safe:
                extra.append(f"URL not shown (not http/https): {_md(url)}")
            if row.get("path"):
                extra.append("file `" + _SPACES.sub(" ", row["path"]).replace("`", "'") + "`")
            out.append(f"{n}. {head}" + (" — " + " — ".join(extra) if extra else ""))
        return out


def _statement_lines(rows: Sequence[Row], sources: _Sources) -> list[str]:
    """One heading line per speaker, date and article, then each thing they said as a bullet."""
    lines: list[str] = []
    group = None
    for s in rows:
        who = f"**{_md(s.get('speaker'))}**" + (f" ({_md(s['role'])})" if s.get("role") else "")
        head = f"{who} — {_when(s)} [{sources.ref(s)}]"
        if head != group:
            lines += ([""] if lines else []) + [head]
            group = head
        quote = _md(_clip(s.get("text") or ""))
        lines.append(f"- “{quote}”" if s.get("kind") == "direct" else f"- {quote}")
    return lines


_FIGURE_HEADER = (
    "| Article date | Speaker | Figure | Metric | Period | Official (CDC/NCHS final) | Difference | Verdict | Source |",
    "|---|---|---|---|---|---|---|---|---|",
)


def _figure_line(q: Row, sources: _Sources) -> str:
    unit, qualifier = q.get("unit"), q.get("qualifier")
    cited = _format_value(q.get("value"), unit)
    if qualifier:
        cited = f"{qualifier} {cited}"
    if q.get("value_high") is not None:
        cited += f" to {_format_value(q['value_high'], unit)}"
    diff = "—" if q.get("difference_pct") is None else f"{q['difference_pct']:+.1f}%"
    verdict = q.get("verdict") or "—"
    if q.get("claim_holds") and qualifier and verdict in ("understated", "overstated"):
        verdict += f", but “{qualifier}” holds"
    if q.get("provisional_only"):
        verdict += " (only provisional data when said)"
    cells = [
        q.get("date") or "undated",
        _md(q.get("speaker") or "—"),
        _md(cited),
        _md(q.get("metric") or "—"),
        _period(q),
        _format_value(q.get("official_value"), unit),
        diff,
        _md(verdict),
        f"[{sources.ref(q)}]",
    ]
    return "| " + " | ".join(cells) + " |"


def markdown_brief(
    frames: Mapping[str, pd.DataFrame],
    filters: Filters,
    *,
    generated: date,
    cdc: pd.DataFrame | None = None,
    compare: Comparer | None = None,
    title: str = "Briefing: what US officials said about the fentanyl crisis",
) -> str:
    """Who said what and when, cited vs official figures, and numbered sources with URLs."""
    rows = briefing_table(frames, compare=compare).to_dict("records")
    said = [r for r in rows if r["record"] == "statement"]
    cited = [r for r in rows if r["record"] == "statistic"]
    none = "match these filters" if filters.active else "in these articles"
    sources = _Sources()
    lines = [
        f"# {title}",
        "",
        f"Filters: {_md(filters.describe())}  ",
        _md(data_vintage(frames, cdc=cdc, generated=generated)),
        "",
        "## Who said what, and when",
        "",
    ]
    lines += _statement_lines(said, sources) if said else [f"No statements {none}."]
    lines += ["", "## Cited vs official figures", ""]
    lines += (
        [*_FIGURE_HEADER, *(_figure_line(q, sources) for q in cited)] if cited else [f"No figures {none}."]
    )
    lines += ["", "## Sources", ""]
    lines += sources.lines() or ["No sources."]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- one call for the CLI


def export_bytes(
    frames: Mapping[str, pd.DataFrame],
    filters: Filters,
    fmt: ExportFormat,
    *,
    generated: date,
    cdc: pd.DataFrame | None = None,
    compare: Comparer | None = None,
) -> bytes:
    """The bytes of one export of already-filtered frames."""
    if fmt == "csv":
        return to_csv(frames, compare=compare).encode("utf-8")
    if fmt == "md":
        return markdown_brief(frames, filters, generated=generated, cdc=cdc, compare=compare).encode("utf-8")
    if fmt in ("png", "svg"):
        figure = briefing_figure(frames, filters, generated=generated, cdc=cdc)
        return figure_image(figure, fmt=fmt)
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")


# The seeds that ship with the project: what ``export`` reads when given no PATH.
DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / "seeds"


def canonical_official(name: str) -> str:
    """'Bill Barr' -> 'William Barr' via the knowledge base's aliases; unknown names unchanged."""
    wanted = _SPACES.sub(" ", name).strip().casefold()
    for official in knowledge.officials():
        if wanted == official.name.casefold() or wanted in (a.casefold() for a in official.aliases):
            return official.name
    return _SPACES.sub(" ", name).strip()


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def run_export(args: Any, *, stderr: Any = None, today: date | None = None) -> int:
    """``python -m fentdash export``: 0 written, 1 written but some file unreadable or no image, 2 usage."""
    err = stderr or sys.stderr
    out = Path(args.out)
    fmt = args.format or out.suffix.lstrip(".").lower()
    if fmt not in EXPORT_FORMATS:
        print(
            f"error: cannot tell the format from {out.name!r}; pass --format {'|'.join(EXPORT_FORMATS)}",
            file=err,
        )
        return 2
    names = tuple(dict.fromkeys(canonical_official(n) for n in args.official if n.strip()))
    filters, notices = normalise(
        Filters(names, args.year_from, args.year_to, tuple(dict.fromkeys(args.kind)))
    )
    # The same disk cache as the dashboard, so a scripted briefing re-parses nothing.
    frames = load_frames([str(p) for p in (args.paths or [DEFAULT_CORPUS])])
    errors = frames["errors"]
    for path, error in zip(errors["path"], errors["error"], strict=True):
        print(f"warning: {path}: {error}", file=err)
    speakers = set(frames["statements"]["speaker"].dropna())
    notices += [f"no statements by {n!r} in these articles" for n in filters.officials if n not in speakers]
    for notice in notices:
        print(f"note: {notice}", file=err)
    frames = apply_filters(frames, filters)
    try:
        data = export_bytes(frames, filters, fmt, generated=today or date.today())  # type: ignore[arg-type]
    except (ChromiumMissingError, RenderError) as exc:
        print(f"error: {exc}", file=err)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    n_statements, n_figures = len(frames["statements"]), len(frames["statistics"])
    print(
        f"wrote {out} ({fmt}: {_count(n_statements, 'statement')}, {_count(n_figures, 'figure')})", file=err
    )
    return 1 if len(errors) else 0
