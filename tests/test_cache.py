"""The parse cache gives exactly ``pipeline.to_frames``' tables and parses only what it lacks."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from fentdash import cache, corpus, pipeline, version
from fentdash.models import (
    DateEstimate,
    Document,
    Evidence,
    Interval,
    ParsedArticle,
    Statement,
    Statistic,
    TimeExpression,
)

TEXTS = {
    "a.txt": "WASHINGTON, May 3, 2018 \u2014 \u201cWe are losing a generation,\u201d Attorney General "
    "Jeff Sessions said. More than 28,000 Americans died from synthetic opioids in 2017.\n",
    "b.txt": "Health Secretary Alex Azar said the department would expand treatment. "
    "Fentanyl is 50 times more potent than heroin, he added.\n",
    "c.md": "# Overdoses fall\n\nProvisional data show deaths fell 5% in 2023, CDC director Mandy Cohen said.\n",
}


def write(folder: Path, texts: dict[str, str]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder / name) for name in texts]


def assert_frames_equal(got: dict[str, pd.DataFrame], want: dict[str, pd.DataFrame]) -> None:
    assert list(got) == list(want)
    for name in want:
        pd.testing.assert_frame_equal(got[name], want[name], obj=name)


def fake_parse(document: Document) -> ParsedArticle:
    """A stand-in parser with every kind of field filled, independent of the extractors."""
    text = document.text
    start = text.index("said")
    period = Interval(date(2017, 1, 1), date(2017, 12, 31), "year")
    source = TimeExpression("2017", 0, 4, "absolute", "year", period)
    statement = Statement(
        speaker="Jane Roe",
        speaker_type="person",
        role="Director",
        kind="reported",
        text=text[start:],
        start=start,
        end=len(text),
        evidence=(Evidence(text[:4], 0, 4, "named here"),),
        when=period if "2018" in text else None,
    )
    figures = tuple(
        Statistic(
            text=text[i : i + 2],
            start=i,
            end=i + 2,
            value=float(len(text) % 97) + k * 0.5,
            unit="deaths",
            metric="overdose_deaths",
            qualifier="more than" if k else None,
            period=period if k else None,
            period_source=source if k else None,
        )
        for k, i in enumerate((1, 3))
    )
    published = DateEstimate(
        date(2018, 5, 3),
        date(2018, 5, 3),
        date(2018, 5, 3),
        0.9,
        "dateline",
        (Evidence(text[:10], 0, 10, "dateline"),),
    )
    return ParsedArticle(document, published, (statement,), figures, (source,), ("a warning",))


@pytest.fixture()
def counted(monkeypatch):
    """Replace the parser with ``fake_parse`` and count the documents it is called on."""
    calls: list[str] = []

    def parse(document: Document) -> ParsedArticle:
        calls.append(document.path)
        return fake_parse(document)

    monkeypatch.setattr(pipeline, "parse_document", parse)
    return calls


def reference(paths: list[str]) -> dict[str, pd.DataFrame]:
    return pipeline.to_frames(pipeline.parse_paths(paths))


def test_cold_and_warm_equal_to_frames_with_real_parser(tmp_path):
    paths = write(tmp_path / "in", TEXTS)
    want = reference(paths)
    cold_stats, warm_stats = cache.CacheStats(), cache.CacheStats()
    cold = cache.load_frames(paths, cache_dir=tmp_path / "c", stats=cold_stats)
    warm = cache.load_frames(paths, cache_dir=tmp_path / "c", stats=warm_stats)
    assert_frames_equal(cold, want)
    assert_frames_equal(warm, want)
    assert (cold_stats.parsed, cold_stats.reused, warm_stats.parsed, warm_stats.reused) == (3, 0, 0, 3)


def test_every_field_round_trips(tmp_path, counted):
    paths = write(tmp_path / "in", TEXTS)
    want = reference(paths)
    counted.clear()
    cold = cache.load_frames(paths, cache_dir=tmp_path / "c")
    warm = cache.load_frames(paths, cache_dir=tmp_path / "c")
    assert_frames_equal(cold, want)
    assert_frames_equal(warm, want)
    assert sorted(Path(p).name for p in counted) == ["a.txt", "b.txt", "c.md"]  # parsed once
    assert warm["articles"]["evidence"].tolist()[0] == [
        {"text": "WASHINGTON", "start": 0, "end": 10, "reason": "dateline"}
    ]
    assert warm["statements"]["evidence"].tolist()[0] == [
        {"text": "WASH", "start": 0, "end": 4, "reason": "named here"}
    ]
    assert warm["statistics"]["value"].tolist()[:2] == [
        float(len(TEXTS["a.txt"]) % 97),
        len(TEXTS["a.txt"]) % 97 + 0.5,
    ]


def test_adding_files_parses_only_new_ones(tmp_path, counted):
    folder = tmp_path / "in"
    first = write(folder, {k: TEXTS[k] for k in ("a.txt", "b.txt")})
    cache.load_frames([str(folder)], cache_dir=tmp_path / "c")
    assert sorted(Path(p).name for p in counted) == ["a.txt", "b.txt"]
    counted.clear()
    write(folder, {"c.md": TEXTS["c.md"]})
    stats = cache.CacheStats()
    got = cache.load_frames([str(folder)], cache_dir=tmp_path / "c", stats=stats)
    assert [Path(p).name for p in counted] == ["c.md"]
    assert (stats.parsed, stats.reused) == (1, 2)
    assert sorted(Path(p).name for p in got["articles"]["path"]) == ["a.txt", "b.txt", "c.md"]
    assert first  # the first two files are still there and still listed


def test_new_parser_version_invalidates(tmp_path, counted, monkeypatch):
    paths = write(tmp_path / "in", TEXTS)
    cache.load_frames(paths, cache_dir=tmp_path / "c")
    assert len(counted) == 3
    monkeypatch.setattr(version, "PARSER_VERSION", "999.0.0")
    stats = cache.CacheStats()
    cache.load_frames(paths, cache_dir=tmp_path / "c", stats=stats)
    assert (len(counted), stats.parsed, stats.reused) == (6, 3, 0)
    assert len(list((tmp_path / "c").glob("v*"))) == 2  # the old version is left alone
    assert len(list(cache.version_dir(tmp_path / "c").glob("part-*"))) == 1
    assert cache.version_dir(tmp_path / "c").name.startswith("v999.0.0-")


def test_paths_come_from_this_call_not_the_cache(tmp_path, counted):
    old = write(tmp_path / "old", {"a.txt": TEXTS["a.txt"]})
    new = write(tmp_path / "new", {"renamed.txt": TEXTS["a.txt"]})
    cache.load_frames(old, cache_dir=tmp_path / "c")
    got = cache.load_frames(new, cache_dir=tmp_path / "c")
    assert len(counted) == 1
    assert got["articles"]["path"].tolist() == new
    assert got["articles"]["paths"].tolist() == [new]
    assert got["statements"]["path"].tolist() == new
    assert set(got["statistics"]["path"]) == set(new)


def test_duplicate_content_is_parsed_once_and_listed_like_to_frames(tmp_path, counted):
    paths = write(tmp_path / "in", {"one.txt": TEXTS["b.txt"], "two.txt": TEXTS["b.txt"]})
    want = reference(paths)
    counted.clear()
    got = cache.load_frames(paths, cache_dir=tmp_path / "c")
    assert len(counted) == 1
    assert_frames_equal(got, want)


def test_cache_dir_from_environment(tmp_path, counted, monkeypatch):
    paths = write(tmp_path / "in", {"a.txt": TEXTS["a.txt"]})
    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(tmp_path / "env-cache"))
    stats = cache.CacheStats()
    cache.load_frames(paths, stats=stats)
    folder = tmp_path / "env-cache" / f"v{version.PARSER_VERSION}-{cache.code_fingerprint()}"
    assert stats.folder == str(folder)
    assert len(list(folder.glob("part-*"))) == 1


def test_parser_failure_is_an_error_row_and_not_cached(tmp_path, monkeypatch):
    paths = write(tmp_path / "in", {"a.txt": TEXTS["a.txt"], "b.txt": TEXTS["b.txt"]})

    def broken(document: Document) -> ParsedArticle:
        if document.path.endswith("b.txt"):
            raise ValueError("boom")
        return fake_parse(document)

    monkeypatch.setattr(pipeline, "parse_document", broken)
    stats = cache.CacheStats()
    got = cache.load_frames(paths, cache_dir=tmp_path / "c", stats=stats)
    assert got["articles"]["path"].tolist() == [paths[0]]
    assert got["errors"].to_dict("records") == [
        {"path": paths[1], "error": "the parser failed on this article (ValueError: boom)"}
    ]
    assert (stats.parsed, stats.failed) == (1, 1)
    monkeypatch.setattr(pipeline, "parse_document", fake_parse)
    stats = cache.CacheStats()
    again = cache.load_frames(paths, cache_dir=tmp_path / "c", stats=stats)
    assert (stats.parsed, stats.reused, stats.failed) == (1, 1, 0)  # the failure was retried
    assert again["articles"]["path"].tolist() == paths


def test_read_errors_are_reported_like_parse_paths(tmp_path, counted):
    paths = write(tmp_path / "in", {"a.txt": TEXTS["a.txt"]}) + [str(tmp_path / "missing.txt")]
    want = reference(paths)
    got = cache.load_frames(paths, cache_dir=tmp_path / "c")
    assert_frames_equal(got, want)
    assert got["errors"]["path"].tolist() == [paths[1]]


def test_many_parts_are_compacted(tmp_path, counted, monkeypatch):
    monkeypatch.setattr(cache, "MAX_PARTS", 2)
    folder = tmp_path / "in"
    for name, text in TEXTS.items():  # one new file per load: one part file each
        write(folder, {name: text})
        cache.load_frames([str(folder)], cache_dir=tmp_path / "c")
    vdir = cache.version_dir(tmp_path / "c")
    assert len(list(vdir.glob("part-*"))) == 3
    want = reference([str(folder)])
    got = cache.load_frames([str(folder)], cache_dir=tmp_path / "c")  # reads 3 > 2 parts: compacts
    assert len(list(vdir.glob("part-*"))) == 1
    assert_frames_equal(got, want)
    assert_frames_equal(cache.load_frames([str(folder)], cache_dir=tmp_path / "c"), want)
    assert len(counted) == 3 + 3  # three by reference(), three by the cache, none after


def test_compaction_removes_abandoned_temporary_parts(tmp_path, counted, monkeypatch):
    monkeypatch.setattr(cache, "MAX_PARTS", 1)
    vdir = cache.version_dir(tmp_path / "c")
    (vdir / ".part-old.tmp").mkdir(parents=True)
    os.utime(vdir / ".part-old.tmp", (0, 0))
    (vdir / ".part-new.tmp").mkdir()
    folder = tmp_path / "in"
    for name in ("a.txt", "b.txt"):
        write(folder, {name: TEXTS[name]})
        cache.load_frames([str(folder)], cache_dir=tmp_path / "c")
    cache.load_frames([str(folder)], cache_dir=tmp_path / "c")
    assert sorted(p.name for p in vdir.glob(".part-*")) == [".part-new.tmp"]


def test_unreadable_part_is_ignored_and_reparsed(tmp_path, counted):
    paths = write(tmp_path / "in", {"a.txt": TEXTS["a.txt"]})
    cache.load_frames(paths, cache_dir=tmp_path / "c")
    part = next(cache.version_dir(tmp_path / "c").glob("part-*"))
    (part / "statements.parquet").write_bytes(b"not parquet")
    stats = cache.CacheStats()
    with pytest.warns(UserWarning, match="unreadable cache part"):
        got = cache.load_frames(paths, cache_dir=tmp_path / "c", stats=stats)
    assert (stats.parsed, stats.reused) == (1, 0)
    assert got["articles"]["path"].tolist() == paths


def test_key_changes_with_reader_metadata_not_with_path():
    doc = Document(id="abc", path="x.txt", text="t", paths=("x.txt",))
    moved = dataclasses.replace(doc, path="y.txt", paths=("y.txt",))
    titled = dataclasses.replace(doc, title="A title")
    assert cache.cache_key(doc) == cache.cache_key(moved)
    assert cache.cache_key(doc) != cache.cache_key(titled)


def test_clear_removes_a_version(tmp_path, counted):
    paths = write(tmp_path / "in", {"a.txt": TEXTS["a.txt"]})
    cache.load_frames(paths, cache_dir=tmp_path / "c")
    cache.clear(tmp_path / "c")
    assert list((tmp_path / "c").iterdir()) == []


@pytest.fixture()
def reads(monkeypatch):
    """Count the files the corpus reader decodes."""
    seen: list[str] = []
    real = corpus.read_file

    def read_file(path, **kwargs):
        seen.append(Path(path).name)
        return real(path, **kwargs)

    monkeypatch.setattr(corpus, "read_file", read_file)
    return seen


def test_warm_load_does_not_reread_unchanged_files(tmp_path, counted, reads):
    paths = write(tmp_path / "in", TEXTS)
    cache.load_frames(paths, cache_dir=tmp_path / "c")
    assert sorted(reads) == ["a.txt", "b.txt", "c.md"]
    reads.clear()
    stats = cache.CacheStats()
    got = cache.load_frames(paths, cache_dir=tmp_path / "c", stats=stats)
    assert (reads, stats.unread, stats.reused, stats.parsed) == ([], 3, 3, 0)
    assert_frames_equal(got, reference(paths))


def test_changed_file_is_read_and_parsed_again(tmp_path, counted, reads):
    paths = write(tmp_path / "in", TEXTS)
    cache.load_frames(paths, cache_dir=tmp_path / "c")
    reads.clear()
    counted.clear()
    Path(paths[1]).write_text(TEXTS["b.txt"] + "She said the numbers were still rising.\n", encoding="utf-8")
    got = cache.load_frames(paths, cache_dir=tmp_path / "c")
    assert reads == ["b.txt"]
    assert [Path(p).name for p in counted] == ["b.txt"]
    counted.clear()
    assert_frames_equal(got, reference(paths))


def test_verify_reads_every_file(tmp_path, counted, reads):
    paths = write(tmp_path / "in", TEXTS)
    cache.load_frames(paths, cache_dir=tmp_path / "c")
    reads.clear()
    cache.load_frames(paths, cache_dir=tmp_path / "c", verify=True)
    assert sorted(reads) == ["a.txt", "b.txt", "c.md"]


def test_known_file_whose_parse_is_gone_is_read_again(tmp_path, counted, reads):
    paths = write(tmp_path / "in", TEXTS)
    cache.load_frames(paths, cache_dir=tmp_path / "c")
    for part in cache.version_dir(tmp_path / "c").glob("part-*"):
        shutil.rmtree(part)  # the manifest survives, the parses do not
    reads.clear()
    stats = cache.CacheStats()
    got = cache.load_frames(paths, cache_dir=tmp_path / "c", stats=stats)
    assert sorted(reads) == ["a.txt", "b.txt", "c.md"]
    assert stats.parsed == 3
    assert_frames_equal(got, reference(paths))


def test_size_limit_still_applies_to_known_files(tmp_path, counted):
    paths = write(tmp_path / "in", TEXTS)
    cache.load_frames(paths, cache_dir=tmp_path / "c")
    got = cache.load_frames(paths, cache_dir=tmp_path / "c", max_bytes=150)
    documents, errors = corpus.read_corpus(paths, max_bytes=150)
    want = pipeline.to_frames(pipeline.ParsedCorpus([fake_parse(d) for d in documents], errors))
    assert_frames_equal(got, want)
    assert got["errors"]["path"].tolist() == [paths[0]]  # a.txt is the only file over 150 bytes


def test_duplicates_across_loads_keep_read_corpus_order(tmp_path, counted, reads):
    folder = tmp_path / "in"
    paths = write(folder, {"x1.txt": TEXTS["a.txt"], "x2.txt": TEXTS["b.txt"], "x3.txt": TEXTS["a.txt"]})
    cache.load_frames([str(folder)], cache_dir=tmp_path / "c")
    got = cache.load_frames([str(folder)], cache_dir=tmp_path / "c")
    want = reference([str(folder)])
    assert_frames_equal(got, want)
    assert got["articles"]["paths"].tolist()[0] == [paths[0], paths[2]]


def test_batches_report_progress_for_the_whole_load(tmp_path, counted, monkeypatch):
    monkeypatch.setattr(cache, "PARSE_BATCH", 2)
    paths = write(tmp_path / "in", TEXTS)
    seen = []
    got = cache.load_frames(
        paths, cache_dir=tmp_path / "c", progress=lambda i, n, p: seen.append((i, n, Path(p).name))
    )
    assert seen == [(1, 3, "a.txt"), (2, 3, "b.txt"), (3, 3, "c.md")]
    assert len(list(cache.version_dir(tmp_path / "c").glob("part-*"))) == 2
    counted.clear()
    assert_frames_equal(got, reference(paths))


def test_an_interrupted_load_keeps_the_batches_already_parsed(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "PARSE_BATCH", 2)
    paths = write(tmp_path / "in", TEXTS)
    calls: list[str] = []

    def interrupted(document: Document) -> ParsedArticle:
        calls.append(Path(document.path).name)
        if document.path.endswith("c.md"):
            raise KeyboardInterrupt
        return fake_parse(document)

    monkeypatch.setattr(pipeline, "parse_document", interrupted)
    with pytest.raises(KeyboardInterrupt):
        cache.load_frames(paths, cache_dir=tmp_path / "c")
    monkeypatch.setattr(pipeline, "parse_document", fake_parse)
    stats = cache.CacheStats()
    cache.load_frames(paths, cache_dir=tmp_path / "c", stats=stats)
    assert calls == ["a.txt", "b.txt", "c.md"]
    assert (stats.parsed, stats.reused) == (1, 2)


def test_a_code_change_invalidates_like_a_version_bump(tmp_path, counted, monkeypatch):
    paths = write(tmp_path / "in", {"a.txt": TEXTS["a.txt"]})
    cache.load_frames(paths, cache_dir=tmp_path / "c")
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "edited")
    stats = cache.CacheStats()
    cache.load_frames(paths, cache_dir=tmp_path / "c", stats=stats)
    assert (stats.parsed, stats.reused) == (1, 0)
    assert stats.folder.endswith(f"v{version.PARSER_VERSION}-edited")


def test_code_fingerprint_is_stable_and_short():
    assert cache.code_fingerprint() == cache.code_fingerprint()
    assert re.fullmatch(r"[0-9a-f]{10}", cache.code_fingerprint())
