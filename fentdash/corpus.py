"""Read a corpus: walk paths, decode files, normalise line endings. (minimal; to be extended)"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from .models import Document, ReadError
from .settings import ARTICLE_EXTENSIONS


def normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def text_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def document_from_text(text: str, path: str = "<text>") -> Document:
    text = normalise(text)
    return Document(id=text_id(text), path=path, paths=(path,), text=text)


def iter_paths(paths: Iterable[str]) -> Iterable[str]:
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in ARTICLE_EXTENSIONS:
                    yield str(child)
        else:
            yield given


def read_file(path: str) -> Document | ReadError:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        return ReadError(path, f"could not read the file ({exc.strerror or exc})")
    return document_from_text(raw.decode("utf-8-sig", errors="replace"), path)


def read_corpus(paths: Iterable[str]) -> tuple[list[Document], list[ReadError]]:
    documents: list[Document] = []
    errors: list[ReadError] = []
    for path in iter_paths(paths):
        result = read_file(path)
        (errors if isinstance(result, ReadError) else documents).append(result)  # type: ignore[arg-type]
    return documents, errors
