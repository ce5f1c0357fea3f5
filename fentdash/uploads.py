"""Store uploaded article files safely in one folder.

``store_upload(name, data, folder=...)`` returns a ``StoredUpload`` or an ``UploadRejected``
with a plain-language reason. Names are reduced to a safe basename; files land only inside
``folder``; an existing file is never overwritten (same bytes: reused; different bytes: a new
numbered name, said in the message). Filesystem only, no UI code.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from . import settings
from .corpus import decode_bytes, too_large

MAX_NAME_CHARS = 100
FALLBACK_STEM = "upload"
# Numbered alternatives tried before giving up (name-1.txt ... name-999.txt).
MAX_SUFFIX = 999
# Windows device names that cannot be file names anywhere the folder may be synced to.
RESERVED_STEMS: frozenset[str] = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
)
# Zero-width and bidirectional controls used to disguise names ("evil\u202etxt.py").
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")
_UNSAFE = re.compile(r"[^\w.\- ]", re.ASCII)
_RUNS = re.compile(r"[ _]{2,}")
_DOTS = re.compile(r"\.{2,}")


@dataclass(frozen=True, slots=True)
class StoredUpload:
    """Where the upload is now. ``reused``: identical bytes were already there; ``renamed``: the name was taken."""

    path: Path
    name: str
    reused: bool = False
    renamed: bool = False
    message: str = ""


@dataclass(frozen=True, slots=True)
class UploadRejected:
    name: str
    reason: str


def safe_name(name: str) -> str:
    """A plain basename: no folders, no control or invisible characters, ASCII, at most 100 chars.

    ``"../../app.py"`` -> ``"app.py"``; ``"C:\\\\x\\\\a.txt"`` -> ``"a.txt"``; ``""`` -> ``"upload"``.
    """
    # NFKC first: full-width solidus and one-dot leader become "/" and "." and are handled below.
    name = unicodedata.normalize("NFKC", name.replace("\x00", ""))
    name = _INVISIBLE.sub("", name)
    name = re.split(r"[/\\]", name)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    # Accented letters keep their base letter; anything else unsafe becomes "_".
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    name = _DOTS.sub(".", _RUNS.sub("_", _UNSAFE.sub("_", name))).strip(" ._-")
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    stem = stem.strip(" ._-") or FALLBACK_STEM
    if stem.lower().split(".")[0] in RESERVED_STEMS:
        stem = f"_{stem}"
    ext = ext[:10]
    stem = stem[: MAX_NAME_CHARS - len(ext) - 1].rstrip(" ._-") or FALLBACK_STEM
    return f"{stem}.{ext}" if ext else stem


def _candidates(name: str) -> list[str]:
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    tail = f".{ext}" if ext else ""
    return [name, *(f"{stem}-{i}{tail}" for i in range(1, MAX_SUFFIX + 1))]


def _same_content(path: Path, digest: str, size: int) -> bool:
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size != size:
            return False
        return hashlib.sha256(path.read_bytes()).hexdigest() == digest
    except OSError:
        return False


def store_upload(
    name: str,
    data: bytes,
    *,
    folder: Path,
    max_bytes: int,
    allowed: tuple[str, ...] = settings.ARTICLE_EXTENSIONS,
) -> StoredUpload | UploadRejected:
    """Check an upload and write it into ``folder`` without overwriting anything."""
    clean = safe_name(name)
    shown = name.replace("\x00", "")[:200]
    extension = os.path.splitext(clean)[1].lower()
    if extension not in allowed:
        return UploadRejected(
            shown,
            "only {} files can be uploaded{}".format(
                ", ".join(allowed),
                f" (this one is {extension})" if extension else " (this one has no extension)",
            ),
        )
    if len(data) > max_bytes:
        return UploadRejected(shown, too_large(len(data), max_bytes).replace("--max-bytes or ", ""))
    if not data.strip():
        return UploadRejected(shown, "the file is empty")
    decoded = decode_bytes(data)
    if isinstance(decoded, str):  # a PDF or image renamed .txt: say what it looks like
        return UploadRejected(shown, decoded)

    try:
        folder.mkdir(parents=True, exist_ok=True)
        base = folder.resolve(strict=True)
    except OSError as exc:
        return UploadRejected(shown, f"the upload folder cannot be used ({exc.strerror or exc})")
    digest = hashlib.sha256(data).hexdigest()
    for candidate in _candidates(clean):
        target = base / candidate
        # The name is a plain basename, but check anyway: nothing may land outside the folder.
        if target.parent != base:
            return UploadRejected(shown, "the name leads outside the upload folder; refused")
        # An existing link is never written through, whatever it points to.
        if target.is_symlink() or target.exists():
            if _same_content(target, digest, len(data)):
                note = "" if candidate == clean else f" (stored as {candidate})"
                return StoredUpload(
                    target,
                    candidate,
                    reused=True,
                    renamed=candidate != clean,
                    message=f"{clean} was already uploaded with the same content{note}; reused it",
                )
            continue
        try:
            # O_EXCL: fails if a file appeared since the check, so nothing is ever overwritten.
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        except FileExistsError:
            continue
        except OSError as exc:
            return UploadRejected(shown, f"could not save the file ({exc.strerror or exc})")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if candidate != clean:
            message = f"saved as {candidate}: a different file named {clean} is already there"
        elif clean != name:
            message = f"saved as {candidate} (the name {shown!r} was made safe)"
        else:
            message = f"saved {candidate}"
        return StoredUpload(target, candidate, renamed=candidate != clean, message=message)
    return UploadRejected(shown, f"too many different files named {clean}; rename it before uploading")
