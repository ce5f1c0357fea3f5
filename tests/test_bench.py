"""``python -m fentdash bench`` runs end to end and writes the JSON the README table is made from.

No timing assertions here: only that every measurement is present and consistent.
"""

from __future__ import annotations

import json

import pytest

from fentdash import bench
from fentdash.cli import main

TOP_KEYS = {
    "date",
    "machine",
    "config",
    "corpus",
    "serial",
    "baseline",
    "parallel",
    "cache",
    "extracted",
    "redraw",
    "memory",
    "targets",
}
TARGET_KEYS = {
    "scaled_from_articles",
    "speedup_vs_search_dates",
    "cold_10k_s",
    "warm_10k_s",
    "peak_memory_mb",
    "redraw_ms",
}


@pytest.fixture(scope="module")
def bench_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("results")
    code = main(["bench", "--articles", "20", "--workers", "2", "--out", str(out)])
    files = sorted(out.glob("bench-*-n20.json"))
    return code, files, out


@pytest.mark.slow
def test_bench_writes_json_with_every_measurement(bench_run, capsys):
    code, files, _ = bench_run
    assert code == 0
    assert len(files) == 1
    result = json.loads(files[0].read_text(encoding="utf-8"))
    assert set(result) == TOP_KEYS
    assert set(result["targets"]) == TARGET_KEYS
    assert result["config"] == {"articles": 20, "workers": 2, "dask": None, "seed": 0}
    assert set(result["machine"]) >= {"cpu_count", "platform", "python", "parser_version", "packages"}
    assert result["serial"]["articles"] == 20 and result["serial"]["sampled"] is False
    assert result["baseline"]["articles"] == 20 and result["baseline"]["sampled"] is False
    assert "in turn" in result["baseline"]["method"]
    assert result["parallel"]["articles"] == 20
    assert (result["cache"]["warm_parsed"], result["cache"]["warm_reused"]) == (0, 20)
    assert set(result["cache"]["cold_phases_s"]) == {"read", "lookup", "parse", "store", "frames"}
    assert result["extracted"]["articles"] == 20 and result["extracted"]["errors"] == 0
    assert result["redraw"]["status"] in {"ok", "n/a"}
    assert result["memory"]["method"].startswith("resource.getrusage")
    assert result["targets"]["scaled_from_articles"] == 20
    assert result["targets"]["peak_memory_mb"]["target"] == "<= 1024"


@pytest.mark.slow
def test_bench_prints_the_table(bench_run):
    _, files, _ = bench_run
    result = json.loads(files[0].read_text(encoding="utf-8"))
    text = bench.table(result)
    assert "| warm reload from cache |" in text
    assert "| full parse vs search_dates, same texts |" in text
    assert "cold_10k_s (scaled to 10,000)" in text


def test_bench_refuses_zero_articles(tmp_path, capsys):
    assert main(["bench", "--articles", "0", "--out", str(tmp_path)]) == 2
    assert "at least 1" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def _result(**over) -> dict:
    result = {
        "config": {"articles": 1000},
        "baseline": {"speedup": 12.5},
        "cache": {"cold_s": 2.5, "warm_s": 0.15},
        "memory": {"self_mb": 300.0, "largest_child_mb": 200.0},
        "redraw": {"status": "ok", "max_ms": 120.0},
    }
    result.update(over)
    return result


@pytest.mark.parametrize(
    ("result", "expected"),
    [
        (
            _result(),
            {
                "scaled_from_articles": 1000,
                "speedup_vs_search_dates": {"value": 12.5, "target": ">= 10", "met": True},
                "cold_10k_s": {"value": 25.0, "target": "<= 30", "met": True},
                "warm_10k_s": {"value": 1.5, "target": "<= 2", "met": True},
                "peak_memory_mb": {"value": 300.0, "target": "<= 1024", "met": True},
                "redraw_ms": {"value": 120.0, "target": "<= 300", "met": True},
            },
        ),
        (
            _result(
                config={"articles": 10_000},
                baseline={"speedup": 4.0},
                cache={"cold_s": 31.0, "warm_s": 2.0},
                memory={"self_mb": 900.0, "largest_child_mb": 1100.0},
                redraw={"status": "n/a"},
            ),
            {
                "scaled_from_articles": None,
                "speedup_vs_search_dates": {"value": 4.0, "target": ">= 10", "met": False},
                "cold_10k_s": {"value": 31.0, "target": "<= 30", "met": False},
                "warm_10k_s": {"value": 2.0, "target": "<= 2", "met": True},
                "peak_memory_mb": {"value": 1100.0, "target": "<= 1024", "met": False},
                "redraw_ms": {"value": None, "target": "<= 300", "met": None},
            },
        ),
    ],
)
def test_targets_are_scaled_and_checked(result, expected):
    assert bench.check_targets(result) == expected


def test_stage_timer_times_every_stage_and_restores_the_functions():
    from fentdash import pipeline, synth, timex

    original = timex.find_time_expressions
    totals: dict[str, float] = {}
    with bench.stage_timer(totals):
        assert timex.find_time_expressions is not original
        pipeline.parse_document(synth.generate_corpus(1)[0])
    assert timex.find_time_expressions is original
    assert set(totals) == {f"{module}.{name}" for module, name in bench.STAGES}
    assert all(v >= 0 for v in totals.values())


@pytest.mark.slow
def test_serial_section_lists_stage_times(bench_run):
    _, files, _ = bench_run
    stages = json.loads(files[0].read_text(encoding="utf-8"))["serial"]["stages_cpu_ms_per_article"]
    assert set(stages) == {f"{m}.{n}" for m, n in bench.STAGES} | {"other (pipeline glue)"}


def test_paired_times_each_text_with_both_tools_after_warming_up(monkeypatch):
    from fentdash import pipeline, synth

    calls = []
    real = pipeline.parse_document
    monkeypatch.setattr(pipeline, "parse_document", lambda d: calls.append(("ours", d.id)) or real(d))
    import dateparser.search

    monkeypatch.setattr(
        dateparser.search, "search_dates", lambda text, languages: calls.append(("theirs", text))
    )
    docs, warm = synth.generate_corpus(3, seed=0), synth.generate_corpus(2, seed=1)
    got = bench._paired(docs, warm)
    assert {k: len(v) for k, v in got.items()} == {"ours": 3, "ours_cpu": 3, "theirs": 3, "theirs_cpu": 3}
    # Warm-up first (both tools, text by text), then ours and theirs in turn on each block.
    monkeypatch.setattr(bench, "PAIRED_BLOCK", 2)
    calls.clear()
    bench._paired(docs, warm)
    expected = []
    for d in warm:
        expected += [("ours", d.id), ("theirs", d.text)]
    for block in (docs[:2], docs[2:]):
        expected += [("ours", d.id) for d in block] + [("theirs", d.text) for d in block]
    assert calls == expected
