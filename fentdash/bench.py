"""``python -m fentdash bench``: parse speed, cache, memory and redraw time on a synthetic corpus.

One run measures, on ``synth`` articles written to a temporary folder:
  - parse throughput with one process (on a sample when the corpus is large) and with K workers
  - ``dateparser.search_dates(text, languages=['en'])`` alone on the same texts (a sample)
  - a cold parse (empty disk cache) vs a warm reload from the cache
  - the time to filter the tables and rebuild the main figure after a filter change
  - peak memory: ``resource.getrusage`` max RSS of this process and of its largest child
It prints a table and writes JSON with machine details under ``benchmarks/results/``.
"""

from __future__ import annotations

import importlib
import json
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any, TextIO

from . import cache, pipeline, synth
from .executors import make_executor
from .version import PARSER_VERSION

DEFAULT_OUT = Path("benchmarks") / "results"
# Above these sizes the serial parse and the dateparser baseline run on a prefix sample
# (extrapolated, and labelled so): search_dates takes ~0.1 s an article.
SERIAL_SAMPLE = 2000
BASELINE_SAMPLE = 200
# Articles (of another seed) both tools parse before the timed comparison.
WARMUP_ARTICLES = 20
# Texts timed with one tool before the other takes the same texts (see _paired).
PAIRED_BLOCK = 20
REDRAW_REPEATS = 3

# Issue 7 targets on the 2-core machine.
TARGETS: dict[str, float] = {
    "speedup_vs_search_dates_min": 10.0,
    "cold_10k_2_workers_max_s": 30.0,
    "warm_10k_max_s": 2.0,
    "peak_memory_max_mb": 1024.0,
    "redraw_max_ms": 300.0,
}
PACKAGES: tuple[str, ...] = ("pandas", "pyarrow", "dateparser", "plotly", "streamlit", "dask", "distributed")


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def machine() -> dict[str, Any]:
    return {
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor() or None,
        "python": platform.python_version(),
        "parser_version": PARSER_VERSION,
        "packages": {name: _version(name) for name in PACKAGES},
        # Other work on the machine skews wall-clock times; the load average says how much.
        "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
    }


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _per_item_seconds(fn: Callable[[Any], Any], items: list) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds per item (CPU time is less skewed by other load on the machine)."""
    wall, cpu = [], []
    for item in items:
        start, start_cpu = time.perf_counter(), time.process_time()
        fn(item)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


# The stage functions pipeline.parse_document calls (docs/architecture.md), by module.
STAGES: tuple[tuple[str, str], ...] = (
    ("timex", "find_time_expressions"),
    ("statements", "find_mentions"),
    ("statistics", "find_statistics"),
    ("periods", "attach_periods"),
    ("dating", "date_document"),
    ("timex", "resolve"),
    ("periods", "resolve_periods"),
    ("statements", "find_statements"),
)


@contextmanager
def stage_timer(totals: dict[str, float]):
    """CPU time of each stage function, exclusive (a nested stage's time counts for it only).

    Wraps the module attributes the pipeline calls through, and restores them on exit. CPU
    time, because other load on a shared machine inflates wall time unevenly.
    """
    stack: list[float] = []  # time spent in nested stages, per active call
    saved = []

    def wrap(label: str, fn: Callable) -> Callable:
        def timed(*args, **kwargs):
            stack.append(0.0)
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                elapsed = time.process_time() - start
                nested = stack.pop()
                totals[label] = totals.get(label, 0.0) + elapsed - nested
                if stack:
                    stack[-1] += elapsed

        return timed

    try:
        for module_name, name in STAGES:
            module = importlib.import_module(f"fentdash.{module_name}")
            fn = getattr(module, name, None)
            if fn is None:
                continue
            saved.append((module, name, fn))
            setattr(module, name, wrap(f"{module_name}.{name}", fn))
        yield totals
    finally:
        for module, name, fn in reversed(saved):
            setattr(module, name, fn)


def _rate(count: int, seconds: float) -> float | None:
    return round(count / seconds, 2) if seconds > 0 else None


def _peak_memory_mb() -> dict[str, Any]:
    # Linux reports ru_maxrss in KiB; RUSAGE_CHILDREN is the largest terminated child, not a sum.
    unit = 1 if sys.platform == "darwin" else 1024  # bytes per ru_maxrss unit
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit / 2**20
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * unit / 2**20
    return {
        "method": "resource.getrusage ru_maxrss (peak resident set size)",
        "self_mb": round(own, 1),
        "largest_child_mb": round(children, 1),
        "note": "children are worker processes; Dask workers on other hosts are not counted",
    }


def _paired(documents: list, warmup: list) -> dict[str, list[float]]:
    """Our full parse and ``dateparser.search_dates`` alone, timed in turn on the same texts.

    Both first run on ``warmup`` (other articles: language data, lazy tables, small caches).
    Then blocks of ``PAIRED_BLOCK`` texts are parsed by one and searched by the other, block
    by block: a noisy moment on the shared machine slows both rather than one phase of the
    comparison, and a block is long enough that neither tool is timed right after the other
    has flushed the CPU caches (alternating per text slowed our parse by ~15%).
    """
    from dateparser.search import search_dates

    def theirs(document):
        return search_dates(document.text, languages=["en"])

    for document in warmup:
        pipeline.parse_document(document)
        theirs(document)
    out: dict[str, list[float]] = {"ours": [], "ours_cpu": [], "theirs": [], "theirs_cpu": []}
    for start in range(0, len(documents), PAIRED_BLOCK):
        block = documents[start : start + PAIRED_BLOCK]
        for name, fn in (("ours", pipeline.parse_document), ("theirs", theirs)):
            wall, cpu = _per_item_seconds(fn, block)
            out[name] += wall
            out[f"{name}_cpu"] += cpu
    return out


def _prepare(frames: dict) -> tuple[dict, float | None]:
    """What the dashboard computes once per corpus, before any filter change (ui/loading.py
    calls the same ``charts.prepare_frames``): comparisons and hover text."""
    from .charts import prepare_frames

    start = time.perf_counter()
    prepared = prepare_frames(frames)
    return prepared, (time.perf_counter() - start) * 1000


def _redraw(frames: dict) -> dict[str, Any]:
    """Milliseconds to filter the tables and rebuild the main figure, for several filter changes."""
    try:
        from .charts import build_main_figure
        from .filters import Filters, apply_filters
    except ImportError as exc:
        return {"status": "n/a", "reason": f"charts/filters not importable: {exc}"}
    frames, prepare_ms = _prepare(frames)
    speakers = frames["statements"]["speaker"].value_counts().index.tolist()
    changes = [
        Filters(),
        Filters(officials=tuple(speakers[:1])),
        Filters(officials=tuple(speakers[:3]), year_from=2017, year_to=2021),
        Filters(kinds=("direct",)),
        Filters(year_from=2019),
    ]
    build_main_figure(frames, Filters())  # first call imports plotly templates; not a redraw
    times = []
    for filters in changes * REDRAW_REPEATS:
        start = time.perf_counter()
        apply_filters(frames, filters)
        build_main_figure(frames, filters)
        times.append((time.perf_counter() - start) * 1000)
    return {
        "status": "ok",
        "what": f"filters.apply_filters + charts.build_main_figure, 5 filter changes x {REDRAW_REPEATS}, "
        "after the once-per-corpus preparation the dashboard does (comparisons, hover text)",
        "prepare_once_ms": round(prepare_ms, 1) if prepare_ms is not None else None,
        "median_ms": round(statistics.median(times), 1),
        "max_ms": round(max(times), 1),
    }


def run(
    n: int,
    *,
    workers: int = 2,
    dask_address: str | None = None,
    seed: int = 0,
    serial_sample: int = SERIAL_SAMPLE,
    baseline_sample: int = BASELINE_SAMPLE,
    log: TextIO | None = None,
) -> dict[str, Any]:
    """Run every measurement on ``n`` synthetic articles and return the results as a dict."""

    peaks: dict[
        str, float
    ] = {}  # ru_maxrss is monotonic: read after each phase, it shows where the peak came

    def say(message: str) -> None:
        peaks[f"before {message}"] = _peak_memory_mb()["self_mb"]
        if log:
            print(message, file=log, flush=True)

    result: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "config": {"articles": n, "workers": workers, "dask": dask_address, "seed": seed},
    }
    with tempfile.TemporaryDirectory(prefix="fentdash-bench-") as tmp:
        folder, cache_dir = Path(tmp) / "corpus", Path(tmp) / "cache"
        say(f"writing {n} synthetic articles")
        gen_s, paths = _timed(lambda: synth.write_corpus(n, folder, seed=seed))
        # Only the sample is held in memory (a prefix: article i does not depend on n).
        sample = synth.generate_corpus(min(n, serial_sample), seed=seed)
        result["corpus"] = {
            "articles": n,
            "mean_bytes": round(sum(p.stat().st_size for p in paths) / n, 1),  # UTF-8, nearly all ASCII
            "generate_s": round(gen_s, 3),
        }
        del paths

        # Full parse vs search_dates on the same texts, measured first: both tools see these
        # texts for the first time, after warming up on articles of another seed.
        base_n = min(n, baseline_sample, len(sample))
        say(f"full parse and dateparser.search_dates, in turn, on {base_n} articles")
        paired = _paired(sample[:base_n], synth.generate_corpus(WARMUP_ARTICLES, seed=seed + 1))
        ours, theirs = sum(paired["ours"]), sum(paired["theirs"])
        ours_cpu, theirs_cpu = sum(paired["ours_cpu"]), sum(paired["theirs_cpu"])
        result["baseline"] = {
            "what": "dateparser.search_dates(text, languages=['en']) alone, one process",
            "method": f"both warmed up on {WARMUP_ARTICLES} articles of another seed, then timed "
            "article by article in turn (ours, theirs) on the same texts",
            "articles": base_n,
            "sampled": base_n < n,
            "seconds": round(theirs, 3),
            "articles_per_s": _rate(base_n, theirs),
            "extrapolated_s_for_corpus": round(theirs * n / base_n, 1) if base_n else None,
            "full_parse_s_same_texts": round(ours, 3),
            "speedup": round(theirs / ours, 1) if ours else None,
            "cpu_seconds": round(theirs_cpu, 3),
            "cpu_speedup": round(theirs_cpu / ours_cpu, 1) if ours_cpu else None,
        }

        # Serial throughput: per-article times and CPU time per stage.
        say(f"serial parse of {len(sample)} articles")
        stages: dict[str, float] = {}
        with stage_timer(stages):
            serial, serial_cpu = _per_item_seconds(pipeline.parse_document, sample)
        stages["other (pipeline glue)"] = max(0.0, sum(serial_cpu) - sum(stages.values()))
        result["serial"] = {
            "articles": len(sample),
            "sampled": len(sample) < n,
            "seconds": round(sum(serial), 3),
            "articles_per_s": _rate(len(sample), sum(serial)),
            "ms_per_article_median": round(statistics.median(serial) * 1000, 2),
            "ms_per_article_max": round(max(serial) * 1000, 2),
            "cpu_seconds": round(sum(serial_cpu), 3),
            "cpu_articles_per_s": _rate(len(sample), sum(serial_cpu)),
            "stages_cpu_ms_per_article": {
                k: round(v * 1000 / len(sample), 2) for k, v in sorted(stages.items(), key=lambda kv: -kv[1])
            },
        }

        say(
            f"cold parse of {n} articles with {workers} worker(s)"
            + (f" on Dask {dask_address}" if dask_address else "")
        )
        cold_stats = cache.CacheStats()
        with make_executor(workers=workers, dask_address=dask_address) as executor:
            # The frames are dropped at once: the warm reload should not share memory with them.
            cold_s, _ = _timed(
                lambda: cache.load_frames(
                    [str(folder)], cache_dir=cache_dir, executor=executor, stats=cold_stats
                ).clear()
            )
        result["parallel"] = {
            "workers": executor.workers,
            "executor": type(executor).__name__,
            "articles": cold_stats.parsed,
            "parse_s": round(cold_stats.seconds.get("parse", 0.0), 3),
            "articles_per_s": _rate(cold_stats.parsed, cold_stats.seconds.get("parse", 0.0)),
        }

        say("warm reload from the disk cache")
        warm_stats = cache.CacheStats()
        cpu = time.process_time()
        warm_s, frames = _timed(
            lambda: cache.load_frames([str(folder)], cache_dir=cache_dir, stats=warm_stats)
        )
        warm_cpu = time.process_time() - cpu
        result["cache"] = {
            "cold_s": round(cold_s, 3),
            "cold_phases_s": {k: round(v, 3) for k, v in cold_stats.seconds.items()},
            "cold_articles_per_s": _rate(n, cold_s),
            "warm_s": round(warm_s, 3),
            "warm_cpu_s": round(warm_cpu, 3),  # this process, all threads (Arrow reads in threads)
            "warm_phases_s": {k: round(v, 3) for k, v in warm_stats.seconds.items()},
            "warm_parsed": warm_stats.parsed,
            "warm_reused": warm_stats.reused,
            "cache_mb": round(sum(f.stat().st_size for f in cache_dir.rglob("*") if f.is_file()) / 2**20, 2),
        }
        result["extracted"] = {
            "articles": len(frames["articles"]),
            "dated_articles": int(frames["articles"]["date"].notna().sum()),
            "statements": len(frames["statements"]),
            "statistics": len(frames["statistics"]),
            "errors": len(frames["errors"]),
        }
        say("redraw after filter changes")
        result["redraw"] = _redraw(frames)
    result["memory"] = _peak_memory_mb()
    result["memory"]["self_mb_before_each_phase"] = peaks
    result["targets"] = check_targets(result)
    return result


def check_targets(result: dict[str, Any]) -> dict[str, Any]:
    """Each issue-7 target with the measured value; 10k-article targets are scaled when n != 10,000."""
    n = result["config"]["articles"]
    scale = 10_000 / n if n else 0.0
    redraw = result["redraw"].get("max_ms")
    peak = max(result["memory"]["self_mb"], result["memory"]["largest_child_mb"])
    rows = {
        "speedup_vs_search_dates": (
            result["baseline"]["speedup"],
            TARGETS["speedup_vs_search_dates_min"],
            ">=",
        ),
        "cold_10k_s": (
            round(result["cache"]["cold_s"] * scale, 1),
            TARGETS["cold_10k_2_workers_max_s"],
            "<=",
        ),
        "warm_10k_s": (round(result["cache"]["warm_s"] * scale, 2), TARGETS["warm_10k_max_s"], "<="),
        "peak_memory_mb": (peak, TARGETS["peak_memory_max_mb"], "<="),
        "redraw_ms": (redraw, TARGETS["redraw_max_ms"], "<="),
    }
    out: dict[str, Any] = {"scaled_from_articles": n if n != 10_000 else None}
    for name, (value, target, op) in rows.items():
        met = None if value is None else (value >= target if op == ">=" else value <= target)
        out[name] = {"value": value, "target": f"{op} {target:g}", "met": met}
    return out


def table(result: dict[str, Any]) -> str:
    """A Markdown table of the headline numbers."""
    b, c, p, s = result["baseline"], result["cache"], result["parallel"], result["serial"]
    r, m = result["redraw"], result["memory"]
    n = result["config"]["articles"]
    sampled = lambda d: f" (sample of {d['articles']})" if d.get("sampled") else ""  # noqa: E731
    lines = [
        f"Benchmark {result['date']} · {n} synthetic articles · parser {result['machine']['parser_version']} · "
        f"{result['machine']['cpu_count']} CPUs · Python {result['machine']['python']} · "
        f"load average at start {result['machine'].get('load_average_1_5_15')}",
        "",
        "| measure | value |",
        "|---|---|",
        f"| parse, 1 process{sampled(s)} | {s['articles_per_s']} articles/s "
        f"(CPU time: {s.get('cpu_articles_per_s')}/s) |",
        f"| parse, {p['workers']} workers ({p['executor']}) | {p['articles_per_s']} articles/s |",
        f"| dateparser.search_dates alone{sampled(b)} | {b['articles_per_s']} articles/s |",
        f"| full parse vs search_dates, same texts | {b['speedup']}x faster "
        f"(CPU time: {b.get('cpu_speedup')}x) |",
        f"| cold parse + cache write, {p['workers']} workers | {c['cold_s']} s |",
        f"| warm reload from cache | {c['warm_s']} s (CPU {c.get('warm_cpu_s')} s) |",
        "| redraw after a filter change (max / median) | "
        + (f"{r['max_ms']} / {r['median_ms']} ms |" if r.get("status") == "ok" else "n/a |"),
        f"| peak memory (max RSS: self / largest child) | {m['self_mb']} / {m['largest_child_mb']} MB |",
    ]
    t = result["targets"]
    marks = {True: "met", False: "MISSED", None: "n/a"}
    scaled = " (scaled to 10,000)" if t["scaled_from_articles"] else ""
    lines += ["", "| target | measured | goal | |", "|---|---|---|---|"]
    for name in ("speedup_vs_search_dates", "cold_10k_s", "warm_10k_s", "peak_memory_mb", "redraw_ms"):
        row = t[name]
        label = name + (scaled if name in ("cold_10k_s", "warm_10k_s") else "")
        lines.append(f"| {label} | {row['value']} | {row['target']} | {marks[row['met']]} |")
    return "\n".join(lines)


def write_result(result: dict[str, Any], out_dir: str | os.PathLike = DEFAULT_OUT) -> Path:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stamp = result["date"].replace(":", "").replace("-", "").replace("+0000", "Z")
    path = out / f"bench-{stamp}-n{result['config']['articles']}.json"
    path.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return path


def main(
    n: int,
    *,
    workers: int = 2,
    dask_address: str | None = None,
    out_dir: str | os.PathLike = DEFAULT_OUT,
    seed: int = 0,
    serial_sample: int = SERIAL_SAMPLE,
    baseline_sample: int = BASELINE_SAMPLE,
) -> int:
    """Run, print the table on stdout, write the JSON; progress goes to stderr."""
    if n < 1:
        print("error: --articles must be at least 1", file=sys.stderr)
        return 2
    result = run(
        n,
        workers=workers,
        dask_address=dask_address,
        seed=seed,
        serial_sample=serial_sample,
        baseline_sample=baseline_sample,
        log=sys.stderr,
    )
    print(table(result))
    path = write_result(result, out_dir)
    print(f"wrote {path}", file=sys.stderr)
    return 0
