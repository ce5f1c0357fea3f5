"""Every executor returns what the serial one returns, in the same order."""

from __future__ import annotations

import pandas as pd
import pytest

from fentdash import cache, cache_rows, pipeline, synth
from fentdash.executors import DaskExecutor, LocalProcessExecutor, SerialExecutor, make_executor

DOCS = synth.generate_corpus(12, seed=3)


def square(x: int) -> int:
    return x * x


def test_serial_maps_in_order_and_reports_progress():
    seen = []
    out = SerialExecutor().map_documents(square, [3, 1, 2], progress=lambda i, n, label: seen.append((i, n)))
    assert out == [9, 1, 4]
    assert seen == [(1, 3), (2, 3), (3, 3)]


@pytest.mark.parametrize("items", [[], [5], list(range(50))])
def test_process_pool_equals_serial_on_numbers(items):
    seen = []
    with LocalProcessExecutor(2, chunk_size=4) as ex:
        out = ex.map_documents(square, items, progress=lambda i, n, label: seen.append(i))
    assert out == [x * x for x in items]
    assert (seen[-1] if seen else 0) == len(items)
    assert seen == sorted(seen)


def test_process_pool_parses_documents_exactly_like_serial():
    serial = SerialExecutor().map_documents(cache_rows.parse_row, DOCS)
    with LocalProcessExecutor(2, chunk_size=3) as ex:
        parallel = ex.map_documents(cache_rows.parse_row, DOCS)
    assert parallel == serial
    assert [row.rows["articles"][0]["id"] for row in parallel] == [d.id for d in DOCS]


def test_cached_frames_with_process_pool_equal_serial(tmp_path):
    serial = cache.frames_for_documents(DOCS, cache_dir=tmp_path / "s")
    with LocalProcessExecutor(2, chunk_size=2) as ex:
        parallel = cache.frames_for_documents(DOCS, cache_dir=tmp_path / "p", executor=ex)
    for name in serial:
        pd.testing.assert_frame_equal(parallel[name], serial[name], obj=name)


def test_pool_progress_counts_articles_not_groups(tmp_path):
    # Workers parse groups of articles (chunk_size 5: groups of 5, 5 and 2); progress still
    # counts articles of the whole load and names the last article of each group.
    seen = []
    with LocalProcessExecutor(2, chunk_size=5) as ex:
        cache.frames_for_documents(
            DOCS,
            cache_dir=tmp_path / "c",
            executor=ex,
            progress=lambda i, n, label: seen.append((i, n, label)),
        )
    assert seen == [(5, 12, DOCS[4].path), (10, 12, DOCS[9].path), (12, 12, DOCS[11].path)]


def test_parse_batch_reports_failures_by_key_and_keeps_the_rest(monkeypatch):
    real = pipeline.parse_document

    def broken_on_second(document):
        if document is DOCS[1]:
            raise ValueError("boom")
        return real(document)

    monkeypatch.setattr(pipeline, "parse_document", broken_on_second)
    batch = cache_rows.parse_batch(DOCS[:3])
    assert batch.failures == {
        cache_rows.cache_key(DOCS[1]): "the parser failed on this article (ValueError: boom)"
    }
    assert batch.tables["articles"].column("id").to_pylist() == [DOCS[0].id, DOCS[2].id]


def test_make_executor_picks_by_options():
    assert isinstance(make_executor(), SerialExecutor)
    assert isinstance(make_executor(workers=1), SerialExecutor)
    pool = make_executor(workers=2)
    assert isinstance(pool, LocalProcessExecutor) and pool.workers == 2
    pool.close()


def test_dask_needs_an_address_or_client():
    with pytest.raises(ValueError, match="scheduler address or a Client"):
        DaskExecutor()


@pytest.fixture(scope="module")
def dask_cluster():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    yield cluster
    cluster.close()


@pytest.mark.slow
def test_dask_local_cluster_equals_serial(dask_cluster):
    serial = SerialExecutor().map_documents(cache_rows.parse_row, DOCS)
    seen = []
    with make_executor(dask_address=dask_cluster.scheduler_address) as ex:
        assert isinstance(ex, DaskExecutor) and ex.workers == 2
        ex.chunk_size = 5
        parallel = ex.map_documents(cache_rows.parse_row, DOCS, progress=lambda i, n, label: seen.append(i))
        assert ex.map_documents(square, []) == []
    assert parallel == serial
    assert sorted(seen)[-1] == len(DOCS)


@pytest.mark.slow
def test_dask_cached_frames_equal_serial(dask_cluster, tmp_path):
    serial = cache.frames_for_documents(DOCS, cache_dir=tmp_path / "s")
    with DaskExecutor(dask_cluster.scheduler_address, chunk_size=4) as ex:
        parallel = cache.frames_for_documents(DOCS, cache_dir=tmp_path / "d", executor=ex)
    for name in serial:
        pd.testing.assert_frame_equal(parallel[name], serial[name], obj=name)


@pytest.mark.slow
def test_load_frames_reads_and_parses_in_the_pool_like_parse_paths(tmp_path):
    synth.write_corpus(12, tmp_path / "in", seed=5)
    (tmp_path / "in" / "copy.txt").write_text(synth.article_text(3, seed=5), encoding="utf-8")  # a duplicate
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")  # a read error
    want = pipeline.to_frames(pipeline.parse_paths([str(tmp_path / "in")]))
    with LocalProcessExecutor(2, chunk_size=4) as ex:
        got = cache.load_frames([str(tmp_path / "in")], cache_dir=tmp_path / "c", executor=ex)
    for name in want:
        pd.testing.assert_frame_equal(got[name], want[name], obj=name)
    assert got["errors"]["path"].tolist() == [str(tmp_path / "in" / "empty.txt")]
    assert [len(p) for p in got["articles"]["paths"]].count(2) == 1


def test_only_local_executors_read_files():
    assert SerialExecutor.local and LocalProcessExecutor.local
    assert not DaskExecutor.local
