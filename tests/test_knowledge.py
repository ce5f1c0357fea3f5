"""The knowledge files as the parser reads them (csv module) and as the dashboard reads them (pandas)."""

from __future__ import annotations

from fentdash import knowledge


def test_official_counts_equal_the_long_cdc_series_row_for_row():
    frame = knowledge.cdc_long()
    from_pandas = tuple(
        (metric, int(year), float(value))
        for year, metric, value in frame[["year", "metric", "value"]].itertuples(index=False)
    )
    assert knowledge.official_counts() == from_pandas


def test_official_counts_skip_empty_cells_and_keep_exact_values():
    counts = {(m, y): v for m, y, v in knowledge.official_counts()}
    assert counts[("overdose_deaths", 2017)] == 70237.0
    assert counts[("synthetic_opioid_deaths", 2016)] == 19413.0
    assert counts[("overdose_death_rate", 1999)] == 6.1
    assert knowledge.official_value("overdose_deaths", 1998) is None


def test_provisional_counts_equal_the_provisional_table():
    table = knowledge.provisional_figures()
    assert knowledge.provisional_counts() == tuple(
        (str(m), int(y), float(v))
        for y, m, v in table[["data_year", "metric", "provisional_value"]].itertuples(index=False)
    )
    assert knowledge.provisional_counts()[0] == ("overdose_deaths", 2016, 64000.0)


def test_parsing_an_article_does_not_import_pandas():
    # `python -m fentdash parse` starts ~0.5 s faster without pandas; a top-level pandas
    # import in any parse module would quietly undo that.
    import subprocess
    import sys

    from tests.support import ROOT

    code = (
        "import sys; from fentdash import corpus, pipeline; "
        "doc = corpus.document_from_text('WASHINGTON (AP) - Attorney General Jeff Sessions said on "
        "May 3, 2018 that 72,000 Americans died of overdoses in 2017.', path='x.txt'); "
        "pipeline.to_contract(pipeline.ParsedCorpus([pipeline.parse_document(doc)], [])); "
        "print('pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
