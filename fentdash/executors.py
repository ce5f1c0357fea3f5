"""Run one function over many documents: in this process, a local process pool, or Dask.

Every executor has the same interface, ``map_documents(fn, items, *, progress=None)``,
and returns results in input order, so parallel output equals serial output exactly.
``fn`` must be a module-level (picklable) function of one item.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

Progress = Callable[[int, int, str], None]

# Items per task: large enough that pickling and scheduling overhead is small next to
# parsing (~1-10 ms an article), small enough to keep both cores busy to the end.
DEFAULT_CHUNK_SIZE = 32


class Executor(Protocol):
    workers: int
    local: bool  # runs on this machine (so workers can read local files)

    def map_documents(
        self,
        fn: Callable[[T], R],
        items: Sequence[T],
        *,
        progress: Progress | None = None,
        chunk_size: int | None = None,
    ) -> list[R]:
        """``fn`` over ``items`` in order; ``chunk_size`` items per task (default: the executor's)."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Executor: ...

    def __exit__(self, *exc: object) -> None: ...


def _label(item: Any) -> str:
    """What progress reports for an item: a document's path, else nothing."""
    return str(getattr(item, "path", ""))


def _chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _apply_chunk(fn: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    return [fn(item) for item in chunk]


class SerialExecutor:
    """Everything in this process; the reference the others must match."""

    workers = 1
    local = True

    def map_documents(self, fn, items, *, progress=None, chunk_size=None):
        out = []
        for i, item in enumerate(items, 1):
            out.append(fn(item))
            if progress:
                progress(i, len(items), _label(item))
        return out

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class LocalProcessExecutor:
    """A ``ProcessPoolExecutor`` fed with chunks of items; the pool is started lazily and reused."""

    local = True

    def __init__(self, workers: int | None = None, *, chunk_size: int = DEFAULT_CHUNK_SIZE) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.chunk_size = max(1, chunk_size)
        self._pool: ProcessPoolExecutor | None = None

    def _get_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # Not "fork": the parent may hold threads (Arrow's pool, Streamlit's server) and
            # forking a threaded process can deadlock. forkserver starts clean and cheaply.
            context = multiprocessing.get_context(
                "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
            )
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)
        return self._pool

    def map_documents(self, fn, items, *, progress=None, chunk_size=None):
        if not items:
            return []
        size = max(1, chunk_size or self.chunk_size)
        # Small batches do not repay starting processes.
        if len(items) <= size:
            return SerialExecutor().map_documents(fn, items, progress=progress)
        chunks = _chunks(items, size)
        pool = self._get_pool()
        futures = [pool.submit(_apply_chunk, fn, chunk) for chunk in chunks]
        out: list = []
        for chunk, future in zip(chunks, futures, strict=True):
            out.extend(future.result())
            if progress:
                progress(len(out), len(items), _label(chunk[-1]))
        return out

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class DaskExecutor:
    """Chunks submitted to a ``dask.distributed`` scheduler (e.g. ``tcp://host:8786``).

    Pass ``address`` for a running cluster, or ``client`` for an existing ``Client``
    (tests use a ``LocalCluster``). Workers must be able to import ``fentdash``.
    """

    local = False  # workers may be other machines: files are read by the client

    def __init__(
        self,
        address: str | None = None,
        *,
        client: Any = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
    ) -> None:
        from distributed import Client  # optional at import time: only Dask users pay for it

        if client is None and address is None:
            raise ValueError("DaskExecutor needs a scheduler address or a Client")
        self._owns_client = client is None
        self.client = client if client is not None else Client(address)
        self.chunk_size = max(1, chunk_size)
        info = self.client.scheduler_info()
        self.workers = max(1, sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()))

    def map_documents(self, fn, items, *, progress=None, chunk_size=None):
        from distributed import as_completed

        if not items:
            return []
        chunks = _chunks(items, max(1, chunk_size or self.chunk_size))
        # pure=False: equal chunks in different calls must still run (and be re-read).
        futures = [self.client.submit(_apply_chunk, fn, chunk, pure=False) for chunk in chunks]
        index = {f.key: i for i, f in enumerate(futures)}
        results: list[list | None] = [None] * len(chunks)
        done = 0
        for future in as_completed(futures):
            i = index[future.key]
            results[i] = future.result()
            done += len(chunks[i])
            if progress:
                progress(done, len(items), _label(chunks[i][-1]))
        return [r for chunk in results for r in chunk]  # type: ignore[union-attr]

    def close(self) -> None:
        if self._owns_client:
            self.client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def make_executor(workers: int = 1, dask_address: str | None = None) -> Executor:
    """Dask when a scheduler address is given, a process pool for ``workers > 1``, else serial."""
    if dask_address:
        return DaskExecutor(dask_address)
    if workers > 1:
        return LocalProcessExecutor(workers)
    return SerialExecutor()
