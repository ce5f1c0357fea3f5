"""Briefing exports on hand-made frames: exact CSV rows, exact Markdown, valid PNG/SVG bytes."""

from __future__ import annotations

import csv
import io
import os
import struct
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from fentdash import export
from fentdash.filters import Filters
from fentdash.models import DateEstimate, Document, Interval, ParsedArticle, Statement, Statistic
from fentdash.pipeline import ParsedCorpus, to_frames
from fentdash.render_server import RenderServer, chromium_path, figure_key, get_server

GENERATED = date(2024, 5, 1)
CDC = pd.DataFrame({"year": [2015, 2016, 2020, 2021], "all_drug_od_deaths": [52404, 63632, 91799, 106699]})


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _article(doc_id, path, text, *, title, outlet, url, published, statements=(), statistics=()):
    doc = Document(id=doc_id, path=path, text=text, paths=(path,), title=title, outlet=outlet, url=url)
    return ParsedArticle(
        document=doc, published=published, statements=tuple(statements), statistics=tuple(statistics)
    )


MILGRAM_TEXT = (
    'DEA Administrator Anne Milgram said: "Fake pills are killing Americans at record rates." '
    "More than 93,000 people died of overdoses in 2020, she said."
)
SESSIONS_TEXT = (
    "Attorney General Jeff Sessions said the crisis | is the deadliest in American history. "
    "Some 64,000 Americans died of drug overdoses in 2016."
)


def _frames() -> dict[str, pd.DataFrame]:
    m_quote = "Fake pills are killing Americans at record rates."
    m_fig = "More than 93,000 people died of overdoses"
    s_clause = "said the crisis | is the deadliest in American history."
    s_fig = "Some 64,000 Americans died of drug overdoses"
    milgram = _article(
        "aaaa",
        "news/milgram.txt",
        MILGRAM_TEXT,
        title="DEA warns of *fake* pills",
        outlet="Example Times",
        url="https://example.com/dea-pills",
        published=DateEstimate(date(2021, 9, 27), date(2021, 9, 27), date(2021, 9, 27), 0.95, "metadata"),
        statements=[
            Statement(
                "Anne Milgram",
                "person",
                "DEA Administrator",
                "direct",
                m_quote,
                *_span(MILGRAM_TEXT, m_quote),
            )
        ],
        statistics=[
            Statistic(
                m_fig,
                *_span(MILGRAM_TEXT, m_fig),
                value=93000.0,
                unit="deaths",
                metric="overdose_deaths",
                qualifier="more than",
                speaker="Anne Milgram",
                period=Interval(date(2020, 1, 1), date(2020, 12, 31), "year"),
            )
        ],
    )
    sessions = _article(
        "bbbb",
        "press/sessions.txt",
        SESSIONS_TEXT,
        title='=HYPERLINK("x")',
        outlet=None,
        url="javascript:alert(1)",
        published=DateEstimate(date(2017, 10, 1), date(2017, 7, 1), date(2017, 12, 31), 0.5, "inferred"),
        statements=[
            Statement(
                "Jeff Sessions",
                "person",
                "Attorney General",
                "reported",
                s_clause,
                *_span(SESSIONS_TEXT, s_clause),
            )
        ],
        statistics=[
            Statistic(
                s_fig,
                *_span(SESSIONS_TEXT, s_fig),
                value=64000.0,
                unit="deaths",
                metric="overdose_deaths",
                qualifier="some",
                period=Interval(date(2016, 1, 1), date(2016, 12, 31), "year"),
            )
        ],
    )
    return to_frames(ParsedCorpus([milgram, sessions]))


def _stub_compare(stats: pd.DataFrame) -> pd.DataFrame:
    """Cited vs official from the CDC stub, so these tests do not depend on compare's thresholds."""
    official = dict(zip(CDC["year"], CDC["all_drug_od_deaths"], strict=True))
    rows = []
    for _, q in stats.iterrows():
        value = official.get(q["period_start"].year) if not pd.isna(q["period_start"]) else None
        diff = None if value is None else (q["value"] - value) / value * 100
        rows.append(
            {
                "official_value": value,
                "difference_pct": diff,
                "verdict": None if value is None else "matches",
                "claim_holds": None if diff is None else abs(diff) < 1,
                "provisional_only": q["period_start"].year == 2020,
            }
        )
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- names and config


@pytest.mark.parametrize(
    ("filters", "stem"),
    [
        (dict(), "fentdash-briefing"),
        (
            dict(officials=("Anne Milgram",), year_from=2021, year_to=2022),
            "fentdash-briefing_anne-milgram_2021-2022",
        ),
        (
            dict(officials=("D. Christopher Evans", "Jeff Sessions"), year_from=2019),
            "fentdash-briefing_d-christopher-evans_jeff-sessions_2019-end",
        ),
        (dict(year_to=2018, kinds=("direct",)), "fentdash-briefing_start-2018_direct"),
        (
            dict(officials=("A B", "C D", "E F", "G H", "I J"), year_from=2020, year_to=2020),
            "fentdash-briefing_a-b_c-d_e-f_and-2-more_2020-2020",
        ),
        (dict(officials=("José Ñúñez/../..",)), "fentdash-briefing_jose-nunez"),
    ],
)
def test_export_stem(filters, stem):
    assert export.export_stem(Filters(**filters)) == stem
    assert export.export_filename(Filters(**filters), "png") == stem + ".png"


def test_toolbar_config_is_png_at_scale_2_named_after_filters():
    config = export.toolbar_config(Filters(officials=("Anne Milgram",), year_from=2021, year_to=2022))
    assert config["toImageButtonOptions"] == {
        "format": "png",
        "filename": "fentdash-briefing_anne-milgram_2021-2022",
        "width": 1600,
        "height": 900,
        "scale": 2,
    }


def test_data_vintage():
    assert export.data_vintage(_frames(), cdc=CDC, generated=GENERATED) == (
        "Data: CDC/NCHS final data 2015–2021 · 2 articles, dated 2017–2021 · parser "
        f"{export.PARSER_VERSION} · exported 2024-05-01"
    )


def test_slide_figure_size_and_single_vintage_annotation():
    base = go.Figure(go.Scatter(x=[1, 2], y=[3, 4]), layout={"title": {"text": "T"}, "margin": {"b": 60}})
    once = export.slide_figure(base, vintage="Data: v1")
    twice = export.slide_figure(once, vintage="Data: v2")
    assert (twice.layout.width, twice.layout.height) == (1600, 900)
    assert [a.text for a in twice.layout.annotations] == ["Data: v2"]
    assert (once.layout.margin.b, twice.layout.margin.b) == (100, 100)
    assert base.layout.width is None  # the input is not changed


# ---------------------------------------------------------------- CSV


def test_csv_rows_exact():
    text = export.to_csv(_frames(), compare=_stub_compare)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == list(export.CSV_COLUMNS)
    milgram_source = [
        "DEA warns of *fake* pills",
        "Example Times",
        "https://example.com/dea-pills",
        "news/milgram.txt",
    ]
    sessions_source = ['\'=HYPERLINK("x")', "", "javascript:alert(1)", "press/sessions.txt"]
    no_figure = [""] * 12
    # statements first, then figures; each in time order
    assert rows[1:] == [
        [
            "statement",
            "Jeff Sessions",
            "Attorney General",
            "reported",
            "2017-10-01",
            "2017-07-01",
            "2017-12-31",
            "inferred",
            "said the crisis | is the deadliest in American history.",
            *no_figure,
            *sessions_source,
        ],
        [
            "statement",
            "Anne Milgram",
            "DEA Administrator",
            "direct",
            "2021-09-27",
            "2021-09-27",
            "2021-09-27",
            "metadata",
            "Fake pills are killing Americans at record rates.",
            *no_figure,
            *milgram_source,
        ],
        [
            "statistic",
            "",
            "",
            "",
            "2017-10-01",
            "",
            "",
            "inferred",
            "Some 64,000 Americans died of drug overdoses",
            "64000",
            "",
            "deaths",
            "overdose_deaths",
            "some",
            "2016-01-01",
            "2016-12-31",
            "63632",
            "0.6",
            "matches",
            "True",
            "False",
            *sessions_source,
        ],
        [
            "statistic",
            "Anne Milgram",
            "",
            "",
            "2021-09-27",
            "",
            "",
            "metadata",
            "More than 93,000 people died of overdoses",
            "93000",
            "",
            "deaths",
            "overdose_deaths",
            "more than",
            "2020-01-01",
            "2020-12-31",
            "91799",
            "1.3",
            "matches",
            "False",
            "True",
            *milgram_source,
        ],
    ]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+33 1 23", "'+33 1 23"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=x", "'\t=x"),
        ("fine = ok", "fine = ok"),
        ("", ""),
        (None, None),
        (3.0, 3.0),
    ],
)
def test_formula_cells_are_defused(cell, expected):
    assert export._defuse(cell) == expected


def test_csv_of_empty_frames_has_header_only():
    frames = {k: v.iloc[0:0] for k, v in _frames().items()}
    assert export.to_csv(frames, compare=_stub_compare) == ",".join(export.CSV_COLUMNS) + "\n"


# ---------------------------------------------------------------- Markdown


def test_markdown_brief_exact():
    brief = export.markdown_brief(
        _frames(), Filters(year_from=2016, year_to=2022), generated=GENERATED, cdc=CDC, compare=_stub_compare
    )
    assert brief == (
        "# Briefing: what US officials said about the fentanyl crisis\n"
        "\n"
        "Filters: Years: 2016–2022  \n"
        f"Data: CDC/NCHS final data 2015–2021 · 2 articles, dated 2017–2021 · parser {export.PARSER_VERSION} · exported 2024-05-01\n"
        "\n"
        "## Who said what, and when\n"
        "\n"
        "**Jeff Sessions** (Attorney General) — 2017-10-01 (inferred; between 2017-07-01 and 2017-12-31) [1]\n"
        "- said the crisis \\| is the deadliest in American history.\n"
        "\n"
        "**Anne Milgram** (DEA Administrator) — 2021-09-27 [2]\n"
        "- “Fake pills are killing Americans at record rates.”\n"
        "\n"
        "## Cited vs official figures\n"
        "\n"
        "| Article date | Speaker | Figure | Metric | Period | Official (CDC/NCHS final) | Difference | Verdict | Source |\n"
        "|---|---|---|---|---|---|---|---|---|\n"
        "| 2017-10-01 | — | some 64,000 deaths | overdose\\_deaths | 2016 | 63,632 deaths | +0.6% | matches | [1] |\n"
        "| 2021-09-27 | Anne Milgram | more than 93,000 deaths | overdose\\_deaths | 2020 | 91,799 deaths | +1.3% "
        "| matches (only provisional data when said) | [2] |\n"
        "\n"
        "## Sources\n"
        "\n"
        '1. =HYPERLINK("x") — URL not shown (not http/https): javascript:alert(1) — file `press/sessions.txt`\n'
        "2. [DEA warns of \\*fake\\* pills](https://example.com/dea-pills) — Example Times — file `news/milgram.txt`\n"
    )


def test_markdown_brief_empty_says_so():
    frames = {k: v.iloc[0:0] for k, v in _frames().items()}
    brief = export.markdown_brief(
        frames, Filters(officials=("Anne Milgram",)), generated=GENERATED, cdc=CDC, compare=_stub_compare
    )
    assert brief.split("\n")[5:] == [
        "## Who said what, and when",
        "",
        "No statements match these filters.",
        "",
        "## Cited vs official figures",
        "",
        "No figures match these filters.",
        "",
        "## Sources",
        "",
        "No sources.",
        "",
    ]


def test_real_comparison_of_cited_figures():
    """The default comparer is the project's compare module on the bundled CDC series."""
    rows = export.export_records(_frames())
    stats = rows[rows["record"] == "statistic"]
    assert stats[
        ["official_value", "difference_pct", "verdict", "claim_holds", "provisional_only"]
    ].values.tolist() == [
        [63632, 0.6, "matches", True, True],
        [91799, 1.3, "matches", True, True],
    ]


def test_statements_grouped_by_speaker_date_and_article_in_reading_order():
    frames = _frames()
    st = frames["statements"]
    later = st[st["speaker"] == "Anne Milgram"].assign(
        text="Second point, later in the text.", kind="reported", start=500, end=532
    )
    earlier = st[st["speaker"] == "Anne Milgram"].assign(
        text="A first point.", kind="reported", start=0, end=14
    )
    frames["statements"] = pd.concat([st, later, earlier], ignore_index=True)
    table = export.briefing_table(frames, compare=_stub_compare)
    said = [r for r in table.to_dict("records") if r["record"] == "statement"]
    lines = export._statement_lines(said, export._Sources())
    assert lines == [
        "**Jeff Sessions** (Attorney General) — 2017-10-01 (inferred; between 2017-07-01 and 2017-12-31) [1]",
        "- said the crisis \\| is the deadliest in American history.",
        "",
        "**Anne Milgram** (DEA Administrator) — 2021-09-27 [2]",
        "- A first point.",
        "- “Fake pills are killing Americans at record rates.”",
        "- Second point, later in the text.",
    ]


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (80e9, "usd", "$80 billion"),
        (2.5e6, "usd", "$2.5 million"),
        (950.0, "usd", "$950"),
        (32.6, "per_100k", "32.6 per 100,000"),
        (130.0, "deaths_per_day", "130 deaths a day"),
        (27.0, "percent", "27%"),
        (-5.0, "percent", "-5%"),
        (50.0, "fold", "50×"),
        (1000000.0, "deaths", "1,000,000 deaths"),
        (12.0, "count", "12"),
        (3.0, "furlongs", "3 furlongs"),
        (None, "deaths", "—"),
    ],
)
def test_values_written_as_a_briefing_would(value, unit, shown):
    assert export._format_value(value, unit) == shown


def test_long_quotes_are_clipped_on_one_line():
    assert export._clip("a  b\nc " + "x" * 500, limit=12) == "a b c xxxxx…"


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown export format 'pdf'"):
        export.export_bytes(_frames(), Filters(), "pdf", generated=GENERATED)


# ---------------------------------------------------------------- images (need Chromium; CI installs it)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def server():
    """The process-wide server the exports use (one Chromium for all these tests)."""
    if chromium_path() is None:
        pytest.fail("Chromium is required for image export tests: apt-get install -y chromium")
    return get_server()


def _slide():
    fig = go.Figure(
        go.Scatter(x=[2016, 2020], y=[63632, 91799], name="CDC"), layout={"title": {"text": "Deaths"}}
    )
    return export.slide_figure(fig, vintage="Data: test")


def test_png_is_slide_size_at_scale_2_and_cached(server):
    fig = _slide()
    png = server.render(fig.to_plotly_json(), fmt="png", width=1600, height=900, scale=2)
    assert png_size(png) == (3200, 1800)
    drawn = server.renders
    started = time.perf_counter()
    assert server.render(fig, fmt="png", width=1600, height=900, scale=2) == png
    assert server.renders == drawn  # served from the cache, not drawn again
    assert time.perf_counter() - started < 0.5


def test_cache_key_sees_the_whole_figure():
    """Long arrays differ only in the middle: a repr-based key would truncate them with '...'."""
    ys = list(range(5000))
    changed = ys[:2500] + [-1] + ys[2501:]
    opts = {"format": "png", "scale": 2}
    a = figure_key(go.Figure(go.Scatter(y=ys)), opts)
    assert a == figure_key(go.Figure(go.Scatter(y=list(ys))), opts)
    assert a != figure_key(go.Figure(go.Scatter(y=changed)), opts)
    assert a != figure_key(go.Figure(go.Scatter(y=ys)), {**opts, "scale": 1})


def test_svg_root_element(server):
    svg = server.render(_slide(), fmt="svg", width=1600, height=900).decode("utf-8")
    assert svg.startswith("<svg ")
    assert 'width="1600"' in svg.split(">", 1)[0] and 'height="900"' in svg.split(">", 1)[0]
    assert svg.rstrip().endswith("</svg>")
    assert "Data: test" in svg


def test_figure_image_uses_the_shared_server(server):
    server.clear_cache()
    drawn = server.renders
    png = export.figure_image(_slide(), fmt="png")
    assert png_size(png) == (3200, 1800)
    assert server.renders == drawn + 1  # drawn by the shared server
    svg = export.figure_image(_slide(), fmt="svg")
    assert svg.startswith(b"<svg ")


def test_missing_chromium_is_reported_with_install_hint(monkeypatch, tmp_path):
    from fentdash.render_server import ChromiumMissingError

    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-browser"))
    with pytest.raises(ChromiumMissingError, match="apt-get install -y chromium"):
        RenderServer().render(_slide(), fmt="png")


# ---------------------------------------------------------------- CLI

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Bill Barr", "William Barr"),
        ("  anne   milgram ", "Anne Milgram"),
        ("Jefferson B. Sessions", "Jeff Sessions"),
        ("Someone Unknown", "Someone Unknown"),
    ],
)
def test_canonical_official(name, canonical):
    assert export.canonical_official(name) == canonical


def _run(monkeypatch, argv, frames=None):
    """The CLI in-process on hand-made frames; returns (exit code, stderr text)."""
    from fentdash.cli import build_parser

    if frames is not None:
        monkeypatch.setattr(export, "load_frames", lambda paths: frames)
    args = build_parser().parse_args(argv)
    err = io.StringIO()
    code = export.run_export(args, stderr=err, today=GENERATED)
    return code, err.getvalue()


def test_cli_csv_filters_by_official_and_years(monkeypatch, tmp_path):
    out = tmp_path / "brief.csv"
    code, err = _run(
        monkeypatch,
        ["export", "--official", "Anne Milgram", "--from", "2020", "--to", "2022", "--out", str(out)],
        frames=_frames(),
    )
    assert (code, err) == (0, f"wrote {out} (csv: 1 statement, 1 figure)\n")
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["record"], r["speaker"], r["date"]) for r in rows] == [
        ("statement", "Anne Milgram", "2021-09-27"),
        ("statistic", "Anne Milgram", "2021-09-27"),
    ]


def test_cli_markdown_with_alias_and_notice(monkeypatch, tmp_path):
    out = tmp_path / "sub" / "brief.txt"
    code, err = _run(
        monkeypatch,
        [
            "export",
            "--official",
            "Bill Barr",
            "--from",
            "2022",
            "--to",
            "2016",
            "--format",
            "md",
            "--out",
            str(out),
        ],
        frames=_frames(),
    )
    assert code == 0
    assert err.splitlines() == [
        "note: Swapped the years: 2022 is after 2016.",
        "note: no statements by 'William Barr' in these articles",
        f"wrote {out} (md: 0 statements, 0 figures)",
    ]
    assert (
        out.read_text(encoding="utf-8").splitlines()[2]
        == "Filters: Officials: William Barr · Years: 2016–2022  "
    )


def test_cli_usage_error_for_unknown_extension(monkeypatch, tmp_path):
    code, err = _run(monkeypatch, ["export", "--out", str(tmp_path / "brief.pdf")], frames=_frames())
    assert (code, err) == (
        2,
        "error: cannot tell the format from 'brief.pdf'; pass --format png|svg|csv|md\n",
    )
    assert not (tmp_path / "brief.pdf").exists()


def test_cli_reports_missing_chromium_and_writes_nothing(monkeypatch, tmp_path):
    import fentdash.render_server as rs

    monkeypatch.setattr(rs, "_SERVER", rs.RenderServer(browser_path=None))
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "none"))
    code, err = _run(
        monkeypatch, ["export", "--format", "png", "--out", str(tmp_path / "x.png")], frames=_frames()
    )
    assert code == 1
    assert "apt-get install -y chromium" in err
    assert not (tmp_path / "x.png").exists()


def test_cli_png_end_to_end_on_seeds(tmp_path):
    """The real command on the bundled seeds, in a fresh process: a 3200x1800 PNG."""
    out = tmp_path / "milgram.png"
    env = {**os.environ, "FENTDASH_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "fentdash",
            "export",
            "--official",
            "Anne Milgram",
            "--from",
            "2021",
            "--to",
            "2022",
            "--format",
            "png",
            "--out",
            str(out),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert png_size(out.read_bytes()) == (3200, 1800)


def test_warm_up_starts_chromium_in_the_background():
    srv = RenderServer()
    try:
        started = time.perf_counter()
        srv.warm_up()
        assert time.perf_counter() - started < 0.5  # returns at once
        deadline = time.monotonic() + 60
        while not srv.running and time.monotonic() < deadline:
            time.sleep(0.1)
        assert srv.running
    finally:
        srv.close()
    assert not srv.running


def test_render_retries_once_with_a_fresh_browser(server, monkeypatch):
    """A browser that died since the last render is replaced, and the image still comes back."""
    server.start()
    broken = server._kaleido

    async def dead(*args, **kwargs):
        raise ConnectionError("browser closed")

    monkeypatch.setattr(broken, "calc_fig", dead)
    server.clear_cache()
    png = server.render(_slide(), fmt="png", width=800, height=450, scale=1)
    assert png_size(png) == (800, 450)
    assert server._kaleido is not broken


def test_concurrent_renders_each_get_their_own_image(server):
    """Streamlit sessions render from several threads; each must get its own figure back."""
    from concurrent.futures import ThreadPoolExecutor

    server.clear_cache()
    widths = [640, 720, 800, 880]
    with ThreadPoolExecutor(max_workers=4) as pool:
        images = list(pool.map(lambda w: server.render(_slide(), fmt="png", width=w, height=360), widths))
    assert [png_size(i) for i in images] == [(w, 360) for w in widths]


def test_cli_unreadable_file_is_reported_and_the_rest_exported(monkeypatch, tmp_path):
    monkeypatch.setenv("FENTDASH_CACHE_DIR", str(tmp_path / "cache"))
    good = tmp_path / "good.txt"
    good.write_text("Nothing said here about anything.\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    out = tmp_path / "brief.csv"
    code, err = _run(monkeypatch, ["export", str(good), str(missing), "--out", str(out)])
    assert code == 1
    assert err.splitlines()[0].startswith(f"warning: {missing}: ")
    assert err.splitlines()[-1] == f"wrote {out} (csv: 0 statements, 0 figures)"
    assert out.read_text(encoding="utf-8") == ",".join(export.CSV_COLUMNS) + "\n"
