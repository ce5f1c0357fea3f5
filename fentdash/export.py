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
from dataclasses import dataclass
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


# ---------------------------------------------------------------- cited vs official


@dataclass(frozen=True, slots=True)
class Comparison:
    official_value: float | None
    difference_pct: float | None
    verdict: str | None
    # True when only provisional CDC data existed when the article appeared.
    provisional_only: bool | None = None
    # Whether the claim is literally true ("more than 60,000" when 70,601 died), even if off.
    claim_holds: bool | None = None


def compare_figures(statistics: pd.DataFrame, *, compare: Comparer | None = None) -> list[Comparison]:
    """Cited vs official for each statistic row, in order."""
    if statistics.empty:
        return []
    table = (compare or ensure_compared)(statistics)
    if len(table) != len(statistics):
        raise ValueError(f"comparison returned {len(table)} rows for {len(statistics)} statistics")
    out = []
    for _, row in table.iterrows():
        out.append(
            Comparison(
                official_value=_number(row.get("official_value")),
                difference_pct=_number(row.get("difference_pct")),
                verdict=_text(row.get("verdict")),
                provisional_only=_flag(row.get("provisional_only")),
                claim_holds=_flag(row.get("claim_holds")),
            )
        )
    return out


# ---------------------------------------------------------------- CSV


# Time order, and within one article reading order.
_STATEMENT_ORDER = ("date", "date_earliest", "path", "start")
_STATISTIC_ORDER = ("article_date", "path", "start")


def _in_order(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    present = [c for c in columns if c in frame]
    return frame.sort_values(present, na_position="last", kind="stable") if present and len(frame) else frame


def _iso(value: Any) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return pd.Timestamp(value).date().isoformat()


def _number(value: Any) -> float | None:
    if value is None or isinstance(value, str):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _flag(value: Any) -> bool | None:
    if value is None or (not isinstance(value, bool) and pd.isna(value)):
        return None
    return bool(value)


def _plain(value: float | None) -> int | float | None:
    """93000.0 -> 93000 so the CSV reads like the article; 32.6 stays 32.6."""
    return int(value) if value is not None and value.is_integer() else value


def _text(value: Any) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return str(value)


def _defuse(value: Any) -> Any:
    """Quote a cell a spreadsheet would run as a formula (OWASP CSV injection)."""
    if isinstance(value, str) and _FORMULA_START.match(value):
        return "'" + value
    return value


def export_records(frames: Mapping[str, pd.DataFrame], *, compare: Comparer | None = None) -> pd.DataFrame:
    """Statements then statistics as one table of ``CSV_COLUMNS``, each row with its article source."""
    rows: list[dict[str, Any]] = []
    statements = _in_order(frames.get("statements", pd.DataFrame()), _STATEMENT_ORDER)
    for _, s in statements.iterrows():
        rows.append(
            {
                "record": "statement",
                "speaker": _text(s.get("speaker")),
                "role": _text(s.get("role")),
                "kind": _text(s.get("kind")),
                "date": _iso(s.get("date")),
                "date_earliest": _iso(s.get("date_earliest")),
                "date_latest": _iso(s.get("date_latest")),
                "date_method": _text(s.get("date_method")),
                "text": _text(s.get("text")),
                **_source(s),
            }
        )
    statistics = _in_order(frames.get("statistics", pd.DataFrame()), _STATISTIC_ORDER)
    comparisons = compare_figures(statistics, compare=compare)
    for (_, q), c in zip(statistics.iterrows(), comparisons, strict=True):
        rows.append(
            {
                "record": "statistic",
                "speaker": _text(q.get("speaker")),
                "date": _iso(q.get("article_date")),
                "date_method": _text(q.get("date_method")),
                "text": _text(q.get("text")),
                "value": _plain(_number(q.get("value"))),
                "value_high": _plain(_number(q.get("value_high"))),
                "unit": _text(q.get("unit")),
                "metric": _text(q.get("metric")),
                "qualifier": _text(q.get("qualifier")),
                "period_start": _iso(q.get("period_start")),
                "period_end": _iso(q.get("period_end")),
                "official_value": _plain(c.official_value),
                "difference_pct": None if c.difference_pct is None else round(c.difference_pct, 1),
                "verdict": c.verdict,
                "claim_holds": c.claim_holds,
                "provisional_only": c.provisional_only,
                **_source(q),
            }
        )
    # object dtype: keeps 93000 an int next to 32.6, and empty cells empty (not NaN floats)
    table = pd.DataFrame(rows, columns=list(CSV_COLUMNS), dtype=object)
    for column in _TEXT_COLUMNS:
        table[column] = table[column].map(_defuse)
    return table


def _source(row: pd.Series) -> dict[str, str | None]:
    return {k: _text(row.get(k)) for k in ("title", "outlet", "url", "path")}


def to_csv(frames: Mapping[str, pd.DataFrame], *, compare: Comparer | None = None) -> str:
    """The CSV download: filtered statements and statistics with their sources."""
    return export_records(frames, compare=compare).to_csv(index=False, lineterminator="\n")


# ---------------------------------------------------------------- Markdown


def _md(value: Any) -> str:
    """Article text as inert Markdown: one line, markup characters escaped."""
    return _MD_SPECIAL.sub(r"\\\1", _SPACES.sub(" ", str(value)).strip())


def _clip(text: str, limit: int = QUOTE_CHARS_MAX) -> str:
    text = _SPACES.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _when(row: pd.Series, day: str = "date", lo: str = "date_earliest", hi: str = "date_latest") -> str:
    best, first, last = _iso(row.get(day)), _iso(row.get(lo)), _iso(row.get(hi))
    method = _text(row.get("date_method"))
    if best and method == "inferred" and first and last and first != last:
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


def _period(row: pd.Series) -> str:
    lo, hi = _iso(row.get("period_start")), _iso(row.get("period_end"))
    if not lo or not hi:
        return "—"
    if lo.endswith("-01-01") and hi.endswith("-12-31"):  # whole calendar years
        return lo[:4] if lo[:4] == hi[:4] else f"{lo[:4]}–{hi[:4]}"
    return f"{lo} – {hi}"


class _Sources:
    """Articles numbered in the order the brief first cites them."""

    def __init__(self) -> None:
        self.order: dict[str, int] = {}
        self.rows: list[pd.Series] = []

    def ref(self, row: pd.Series) -> int:
        key = _text(row.get("path")) or _text(row.get("url")) or _text(row.get("title")) or "?"
        if key not in self.order:
            self.order[key] = len(self.rows) + 1
            self.rows.append(row)
        return self.order[key]

    def lines(self) -> list[str]:
        out = []
        for n, row in enumerate(self.rows, 1):
            title = _md(_text(row.get("title")) or "Untitled article")
            url = _text(row.get("url"))
            head = f"[{title}]({url})" if url and _SAFE_URL.match(url) else title
            extra = [_md(v) for v in (_text(row.get("outlet")),) if v]
            if url and not _SAFE_URL.match(url):
                extra.append(f"URL not shown (not http/https): {_md(url)}")
            path = _text(row.get("path"))
            if path:
                extra.append("file `" + _SPACES.sub(" ", path).replace("`", "'") + "`")
            out.append(f"{n}. {head}" + (" — " + " — ".join(extra) if extra else ""))
        return out


def _statement_lines(statements: pd.DataFrame, sources: _Sources) -> list[str]:
    """One heading line per speaker, date and article, then each thing they said as a bullet."""
    if statements.empty:
        return []
    ordered = _in_order(statements, _STATEMENT_ORDER)
    lines: list[str] = []
    group = None
    for _, s in ordered.iterrows():
        role = _text(s.get("role"))
        who = f"**{_md(s.get('speaker'))}**" + (f" ({_md(role)})" if role else "")
        head = f"{who} — {_when(s)} [{sources.ref(s)}]"
        if head != group:
            lines += ([""] if lines else []) + [head]
            group = head
        quote = _md(_clip(_text(s.get("text")) or ""))
        lines.append(f"- “{quote}”" if s.get("kind") == "direct" else f"- {quote}")
    return lines


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
    sources = _Sources()
    lines = [
        f"# {title}",
        "",
        f"Filters: {_md(filters.describe())}  ",
        _md(data_vintage(frames, cdc=cdc, generated=generated)),
        "",
    ]

    statements = frames.get("statements", pd.DataFrame())
    lines += ["## Who said what, and when", ""]
    if statements.empty:
        lines.append(
            "No statements match these filters." if filters.active else "No statements in these articles."
        )
    lines += _statement_lines(statements, sources)
    lines.append("")

    statistics = _in_order(frames.get("statistics", pd.DataFrame()), _STATISTIC_ORDER)
    lines += ["## Cited vs official figures", ""]
    if statistics.empty:
        lines.append("No figures match these filters." if filters.active else "No figures in these articles.")
    else:
        lines += [
            "| Article date | Speaker | Figure | Metric | Period | Official (CDC/NCHS final) | Difference | Verdict | Source |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for (_, q), c in zip(
            statistics.iterrows(), compare_figures(statistics, compare=compare), strict=True
        ):
            cited = _format_value(_number(q.get("value")), _text(q.get("unit")))
            qualifier = _text(q.get("qualifier"))
            if qualifier:
                cited = f"{qualifier} {cited}"
            high = _number(q.get("value_high"))
            if high is not None:
                cited += f" to {_format_value(high, _text(q.get('unit')))}"
            diff = "—" if c.difference_pct is None else f"{c.difference_pct:+.1f}%"
            verdict = c.verdict or "—"
            if c.claim_holds and qualifier and c.verdict in ("understated", "overstated"):
                verdict += f", but “{qualifier}” holds"
            if c.provisional_only:
                verdict += " (only provisional data when said)"
            lines.append(
                "| "
                + " | ".join(
                    [
                        _when(q, "article_date", "article_date", "article_date"),
                        _md(_text(q.get("speaker")) or "—"),
                        _md(cited),
                        _md(_text(q.get("metric")) or "—"),
                        _period(q),
                        _format_value(c.official_value, _text(q.get("unit"))),
                        diff,
                        _md(verdict),
                        f"[{sources.ref(q)}]",
                    ]
                )
                + " |"
            )
    lines.append("")

    lines += ["## Sources", ""]
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
