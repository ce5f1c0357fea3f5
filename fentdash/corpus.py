"""Read a corpus: walk folders, decode files, read metadata, mark boilerplate.

``read_corpus(paths)`` returns ``(documents, errors)`` and never raises for a bad file: each
problem becomes a ``ReadError`` with a plain-language reason and the rest still loads. The same
text under several paths becomes one ``Document`` listing every path.

Offsets are into the decoded text (BOM removed, ``\\r\\n`` and ``\\r`` turned into ``\\n``);
front matter and boilerplate stay in the text and are listed in ``Document.skip``.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from . import boilerplate, settings
from .htmlmeta import extract_html, http_url, parse_meta_date
from .models import Document, Evidence, ReadError

MB = 1024 * 1024
HTML_EXTENSIONS: tuple[str, ...] = (".html", ".htm")
MAX_ENV = "FENTDASH_MAX_BYTES"
# Folders deeper than this are not walked (guards against pathological trees).
MAX_WALK_DEPTH = 32

# File signatures of formats people rename to .txt by mistake.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word, Excel or EPUB file)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document (save it as plain text)"),
    (b"\x7fELF", "a program"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"OggS", "an audio file"),
    (b"ID3", "an MP3 audio file"),
)
# Share of control bytes (not tab/newline/carriage return/form feed) above which data is binary.
MAX_CONTROL_RATIO = 0.05
SNIFF_BYTES = 65536
# Control bytes that never appear in text (tab, newlines, form feed and carriage return do).
CONTROL_BYTES = bytes((*range(0, 9), *range(14, 32), 127))
# Text with this share of NULs at odd (even) byte positions is UTF-16 LE (BE) without a BOM.
UTF16_NUL_RATIO = 0.4

BOMS: tuple[tuple[bytes, str, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32 LE"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32 BE"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "UTF-16 LE"),
    (b"\xfe\xff", "utf-16-be", "UTF-16 BE"),
)

# Front matter: a "---" block at the very top with "key: value" lines.
FRONT_MATTER_MAX_CHARS = 8000
FRONT_MATTER_KEYS: dict[str, str] = {
    "title": "title",
    "headline": "title",
    "outlet": "outlet",
    "source": "outlet",
    "publisher": "outlet",
    "site": "outlet",
    "publication": "outlet",
    "url": "url",
    "link": "url",
    "source_url": "url",
    "canonical": "url",
    "published": "published",
    "date": "published",
    "published_at": "published",
    "pubdate": "published",
    "publish_date": "published",
    "date_published": "published",
    "author": "author",
    "byline": "author",
    "by": "author",
    "authors": "author",
}
_FRONT_OPEN = re.compile(r"---[ \t]{0,20}\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]{0,20}$", re.M)
_FRONT_LINE = re.compile(
    r"[A-Za-z][\w-]{0,40}[ \t]{0,20}:(?:[ \t][^\n]{0,2000})?|[ \t]{1,40}\S[^\n]{0,2000}|-[ \t][^\n]{0,2000}|#[^\n]{0,2000}"
)
_FRONT_FIELD = re.compile(
    r"^(?P<key>[A-Za-z][\w-]{0,40}?)[ \t]{0,20}:[ \t]{0,20}(?P<value>[^\n]{0,2000})$", re.M
)
_MD_HEADING = re.compile(r"#{1,2}[ \t]{1,10}(?P<title>[^\n]{1,300}?)[ \t#]{0,20}$")
_HTML_SNIFF = re.compile(r"\s{0,200}(?:<!doctype\s{1,10}html|<html[\s>])", re.I)
_CHARSET = re.compile(rb"<meta[^>]{0,200}charset=[\"']?(?P<charset>[A-Za-z0-9_-]{1,40})", re.I)
_SIZE = re.compile(r"(?P<n>\d{1,15}(?:\.\d{1,6})?)\s{0,3}(?P<unit>[kmg]?)i?b?", re.I)


# --------------------------------------------------------------------------- text basics


def normalise(text: str) -> str:
    """Line endings to ``\\n`` (the only change made to decoded text, so offsets are stable)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def text_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()[:16]


def human_size(n: int) -> str:
    """``52428800`` -> ``"50.0 MB"``; limits read best without a trailing ``.0`` (see ``limit_size``)."""
    if n >= MB:
        return f"{n / MB:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} bytes"


def limit_size(n: int) -> str:
    text = human_size(n)
    return text.replace(".0 ", " ")


def too_large(size: int, max_bytes: int) -> str:
    return (
        f"file is {human_size(size)}, over the {limit_size(max_bytes)} limit; "
        f"raise it with --max-bytes or {MAX_ENV}"
    )


def resolve_max_bytes(max_bytes: int | None = None) -> int:
    """``max_bytes`` if given, else ``FENTDASH_MAX_BYTES`` (``"10MB"``, ``"500k"``, bytes), else the setting."""
    if max_bytes is not None:
        return int(max_bytes)
    match = _SIZE.fullmatch(os.environ.get(MAX_ENV, "").strip())
    if not match:
        return settings.MAX_FILE_BYTES
    factor = {"": 1, "k": 1024, "m": MB, "g": 1024 * MB}[match.group("unit").lower()]
    return int(float(match.group("n")) * factor)


# --------------------------------------------------------------------------- decoding


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def sniff_binary(raw: bytes) -> str | None:
    """Why ``raw`` is not text (``"looks like a PDF, not text"``), or ``None`` when it may be text."""
    for magic, kind in MAGIC:
        if raw.startswith(magic):
            return f"looks like {kind}, not text"
    sample = raw[:SNIFF_BYTES]
    if not sample:
        return None
    # One C pass: the bytes ``translate`` deletes are the control bytes.
    controls = len(sample) - len(sample.translate(None, CONTROL_BYTES))
    if controls / len(sample) > MAX_CONTROL_RATIO or sample.count(0) / len(sample) > 0.01:
        return f"looks like binary data ({100 * controls / len(sample):.0f}% control bytes), not text"
    return None


def _utf16_without_bom(raw: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when NULs fall regularly on one side of each byte pair."""
    sample = raw[: SNIFF_BYTES & ~1]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even, odd = sample[0::2].count(0) / pairs, sample[1::2].count(0) / pairs
    if odd >= UTF16_NUL_RATIO and even < 0.05:
        return "utf-16-le"
    if even >= UTF16_NUL_RATIO and odd < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(raw: bytes, *, declared: str | None = None) -> Decoded | str:
    """Decode file bytes; returns the reason as a string when the bytes are not text.

    Order: byte-order marks, UTF-16 without BOM (NUL pattern), binary sniffing, strict
    UTF-8, the charset the HTML declares, then Windows-1252 with a warning.
    """
    for bom, codec, label in BOMS:
        if raw.startswith(bom):
            body = raw[len(bom) :]
            try:
                return Decoded(body.decode(codec), label)
            except UnicodeDecodeError as exc:
                return Decoded(
                    body.decode(codec, errors="replace"),
                    label,
                    (
                        f"invalid {label} at byte {exc.start + len(bom)}; unreadable characters shown as \ufffd",
                    ),
                )
    guessed = _utf16_without_bom(raw)
    if guessed:
        label = "UTF-16 LE" if guessed.endswith("le") else "UTF-16 BE"
        text = raw[: len(raw) & ~1].decode(guessed, errors="replace")
        return Decoded(text, label, (f"no byte-order mark; read as {label} (guessed from the byte pattern)",))
    reason = sniff_binary(raw)
    if reason:
        return reason
    try:
        return Decoded(raw.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError as exc:
        bad = f"0x{raw[exc.start]:02X} at byte {exc.start}"
    if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return Decoded(
                raw.decode(declared),
                declared,
                (f"not valid UTF-8 (byte {bad}); read as {declared}, the charset the page declares",),
            )
        except (LookupError, UnicodeDecodeError):
            pass
    # Windows-1252 leaves five bytes undefined; those become U+FFFD rather than failing the file.
    return Decoded(
        raw.decode("cp1252", errors="replace"),
        "Windows-1252",
        (f"not valid UTF-8 (byte {bad}); read as Windows-1252 (cp1252)",),
    )


# --------------------------------------------------------------------------- metadata in text


@dataclass(frozen=True, slots=True)
class FrontMatter:
    end: int  # offset just past the closing line
    fields: dict[str, tuple[str, int, int]]  # canonical key -> (value, line start, line end)


def parse_front_matter(text: str) -> FrontMatter | None:
    """A ``---`` block at the very top holding ``key: value`` lines (parsed by hand, never executed)."""
    opening = _FRONT_OPEN.match(text)
    if not opening:
        return None
    closing = _FRONT_CLOSE.search(text, opening.end(), FRONT_MATTER_MAX_CHARS)
    if not closing:
        return None
    block = text[opening.end() : closing.start()]
    # Every line must read as YAML (key, indented continuation, list item, comment):
    # a horizontal rule above ordinary text is not front matter.
    if not all(_FRONT_LINE.fullmatch(line) for line in block.split("\n") if line.strip()):
        return None
    fields: dict[str, tuple[str, int, int]] = {}
    for match in _FRONT_FIELD.finditer(text, opening.end(), closing.start()):
        key = FRONT_MATTER_KEYS.get(match.group("key").strip().lower().replace(" ", "_").replace("-", "_"))
        value = match.group("value").strip().strip("\"'").strip()
        if key and value and key not in fields:
            fields[key] = (value, match.start(), match.end())
    return FrontMatter(closing.end(), fields) if fields else None


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What a page declares about itself (HTML ``<meta>``, JSON-LD)."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None


def document_from_text(
    text: str,
    path: str = "<text>",
    *,
    meta: PageMeta | None = None,
    published_from: str | None = None,
    published: date | None = None,
    warnings: Iterable[str] = (),
) -> Document:
    """A ``Document`` for already-decoded text: front matter, title and boilerplate spans.

    ``meta``/``published``/``published_from`` carry what an HTML page declared; front
    matter in the text overrides them.
    """
    text = normalise(text)
    notes = list(warnings)
    meta = meta or PageMeta()
    title, outlet, url, author = meta.title, meta.outlet, meta.url, meta.author
    evidence = (
        Evidence("", 0, 0, f"page metadata: {published_from}") if published and published_from else None
    )
    skip: list[tuple[int, int]] = []
    body_start = 0

    front = parse_front_matter(text)
    if front:
        skip.append((0, front.end))
        body_start = front.end
        f = front.fields
        title = f["title"][0] if "title" in f else title
        outlet = f["outlet"][0] if "outlet" in f else outlet
        author = f["author"][0] if "author" in f else author
        if "url" in f:
            url = http_url(f["url"][0]) or url
            if not http_url(f["url"][0]):
                notes.append(f"front matter url {f['url'][0]!r} is not an http(s) URL; ignored")
        if "published" in f:
            value, start, end = f["published"]
            found = parse_meta_date(value)
            if found:
                published = found
                evidence = Evidence(text[start:end], start, end, "front matter gives the publication date")
            else:
                notes.append(f"front matter date {value!r} is not a date I can read; ignored")

    headline, byline, boiler = boilerplate.read_layout(text, start=body_start)
    if headline and not title:
        heading = _MD_HEADING.fullmatch(headline[0])
        title = heading.group("title").strip() if heading else headline[0]
    author = author or byline
    skip.extend(boiler)
    return Document(
        id=text_id(text),
        path=path,
        text=text,
        paths=(path,),
        title=title,
        outlet=outlet,
        url=url,
        author=author,
        published=published,
        published_evidence=evidence,
        skip=_merge(skip),
        warnings=tuple(notes),
    )


def _merge(spans: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sorted, non-overlapping spans (overlapping or touching spans joined)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


# --------------------------------------------------------------------------- files


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def _read_all(fd: int, limit: int) -> bytes:
    """At most ``limit`` bytes from ``fd`` (a separate function so tests can simulate edits)."""
    chunks, size = [], 0
    while size < limit:
        chunk = os.read(fd, min(1 << 20, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _signature(st: os.stat_result) -> tuple[int, int, int, int]:
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns


def read_bytes(path: str, *, max_bytes: int) -> bytes | ReadError:
    """The file's bytes, or why they could not be read (missing, too large, changed while read ...)."""
    try:
        before = os.stat(path)
    except FileNotFoundError:
        # iter_paths saw the file moments ago.
        return ReadError(path, "the file vanished while the corpus was being read")
    except PermissionError:
        return ReadError(path, "permission denied: the file cannot be read")
    except OSError as exc:
        return ReadError(path, f"could not read the file ({exc.strerror or exc})")
    if not stat.S_ISREG(before.st_mode):
        return ReadError(path, "not a regular file (a device, pipe or socket); refused")
    if before.st_size > max_bytes:
        return ReadError(path, too_large(before.st_size, max_bytes))
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return ReadError(path, "the file vanished while the corpus was being read")
    except PermissionError:
        return ReadError(path, "permission denied: the file cannot be read")
    except OSError as exc:
        return ReadError(path, f"could not read the file ({exc.strerror or exc})")
    try:
        raw = _read_all(fd, max_bytes + 1)
        during = os.fstat(fd)
    except OSError as exc:
        return ReadError(path, f"could not read the file ({exc.strerror or exc})")
    finally:
        os.close(fd)
    try:
        after = os.stat(path)
    except FileNotFoundError:
        return ReadError(path, "the file vanished while it was being read; the rest of the corpus was read")
    except OSError as exc:
        return ReadError(path, f"could not read the file ({exc.strerror or exc})")
    if len(raw) > max_bytes:
        return ReadError(path, too_large(max(len(raw), during.st_size), max_bytes))
    if not (_signature(before) == _signature(during) == _signature(after) and len(raw) == before.st_size):
        return ReadError(path, "the file changed while it was being read; read it again once it is saved")
    return raw


def read_file(path: str, *, max_bytes: int | None = None) -> Document | ReadError:
    """One file as a ``Document`` (HTML by extension or content), or a ``ReadError``."""
    raw = read_bytes(path, max_bytes=resolve_max_bytes(max_bytes))
    if isinstance(raw, ReadError):
        return raw
    if not raw:
        return ReadError(path, "the file is empty")
    is_html = path.lower().endswith(HTML_EXTENSIONS)
    declared = _CHARSET.search(raw[:4096]) if is_html or raw[:1] == b"<" else None
    decoded = decode_bytes(raw, declared=declared.group("charset").decode("ascii") if declared else None)
    if isinstance(decoded, str):
        return ReadError(path, decoded)
    if not decoded.text.strip():
        return ReadError(path, "the file is empty (it holds only blank space)")
    if is_html or _HTML_SNIFF.match(decoded.text):
        page = extract_html(decoded.text)
        if not page.text.strip():
            return ReadError(path, "no article text found in this HTML page")
        return document_from_text(
            page.text,
            path,
            meta=PageMeta(page.title, page.outlet, page.url, page.author),
            published=page.published,
            published_from=page.published_source,
            warnings=decoded.warnings,
        )
    return document_from_text(decoded.text, path, warnings=decoded.warnings)


def _walk(folder: str, root: Path) -> Iterator[str | ReadError]:
    """Article files under ``folder`` in sorted order; links leading outside ``root`` are refused."""
    pending: list[tuple[str, int]] = [(folder, 0)]
    while pending:
        current, depth = pending.pop()
        try:
            with os.scandir(current) as it:
                entries = sorted(it, key=lambda e: e.name)
        except PermissionError:
            yield ReadError(current, "permission denied: the folder cannot be listed")
            continue
        except OSError as exc:
            yield ReadError(current, f"could not list the folder ({exc.strerror or exc})")
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue  # hidden files and folders (.git, .DS_Store) are never articles
            shown = os.path.join(current, entry.name)
            try:
                is_link = entry.is_symlink()
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if is_link:
                target = Path(shown).resolve()
                article = entry.name.lower().endswith(settings.ARTICLE_EXTENSIONS)
                if not target.exists():
                    if article:
                        yield ReadError(shown, "a symbolic link to nothing (broken link); refused")
                elif not _inside(target, root):
                    if article or target.is_dir():
                        yield ReadError(shown, "a symbolic link leading outside the corpus folder; refused")
                elif article and target.is_file():
                    yield shown
                # Links to folders are not followed: they could loop or repeat the corpus.
            elif is_dir:
                if depth < MAX_WALK_DEPTH:
                    subfolders.append((shown, depth + 1))
            elif entry.name.lower().endswith(settings.ARTICLE_EXTENSIONS):
                yield shown
        pending.extend(reversed(subfolders))


def iter_paths(paths: Iterable[str], *, root: str | os.PathLike | None = None) -> Iterator[str | ReadError]:
    """Files to read, in order: given files as they are, folders walked (sorted).

    Yields a ``ReadError`` instead of a path for a missing path, a refused link, a path
    outside ``root`` or a folder without article files.
    """
    base = Path(root).resolve() if root is not None else None
    for given in paths:
        given = os.fspath(given)
        if "\x00" in given:
            yield ReadError(given.replace("\x00", "\\0"), "the path contains a NUL character; refused")
            continue
        try:
            os.lstat(given)
        except FileNotFoundError:
            yield ReadError(given, "no such file or folder")
            continue
        except OSError as exc:
            yield ReadError(given, f"could not open the path ({exc.strerror or exc})")
            continue
        resolved = Path(given).resolve()
        if base is not None and not _inside(resolved, base):
            yield ReadError(given, "the path leads outside the corpus folder; refused")
            continue
        if resolved.is_dir():
            found = False
            for item in _walk(given, base or resolved):
                found = found or isinstance(item, str)
                yield item
            if not found:
                yield ReadError(
                    given,
                    "no article files ({}) in this folder".format(", ".join(settings.ARTICLE_EXTENSIONS)),
                )
        else:
            yield given


def read_corpus(
    paths: Iterable[str],
    *,
    max_bytes: int | None = None,
    root: str | os.PathLike | None = None,
) -> tuple[list[Document], list[ReadError]]:
    """Read files and folders into documents, one per distinct text, plus the errors.

    ``max_bytes`` defaults to ``FENTDASH_MAX_BYTES`` or ``settings.MAX_FILE_BYTES``. With
    ``root``, any path resolving outside it is refused.
    """
    limit = resolve_max_bytes(max_bytes)
    documents: dict[str, Document] = {}
    errors: list[ReadError] = []
    for item in iter_paths(list(paths), root=root):
        result = item if isinstance(item, ReadError) else read_file(item, max_bytes=limit)
        if isinstance(result, ReadError):
            errors.append(result)
        elif result.id in documents:
            first = documents[result.id]
            if result.path not in first.paths:
                documents[result.id] = _with_path(first, result.path)
        else:
            documents[result.id] = result
    return list(documents.values()), errors


def _with_path(document: Document, path: str) -> Document:
    return replace(document, paths=(*document.paths, path))
