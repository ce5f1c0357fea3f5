"""Uploads: safe names, allowed types, size limit, no overwrite, nothing outside the folder."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fentdash.uploads import StoredUpload, UploadRejected, safe_name, store_upload

LIMIT = 1024


@pytest.mark.parametrize(
    "name,expected",
    [
        ("article.txt", "article.txt"),
        ("../../app.py", "app.py"),
        ("../../../etc/passwd.txt", "passwd.txt"),
        ("/etc/cron.d/job.txt", "job.txt"),
        ("C:\\Users\\x\\news.md", "news.md"),
        ("a\x00b.txt", "ab.txt"),
        ("evil\u202etxt.py", "eviltxt.py"),  # right-to-left override hides the real extension
        ("\uff0e\uff0e\uff0fapp.txt", "app.txt"),  # full-width "../"
        ("zero\u200bwidth.txt", "zerowidth.txt"),
        ("Café Über news.md", "Cafe Uber news.md"),
        ("tab\tand\nnewline.txt", "tabandnewline.txt"),
        ("semi;colon$(rm -rf).txt", "semi_colon_rm -rf.txt"),
        (".bashrc.txt", "bashrc.txt"),
        ("...", "upload"),
        ("a..b...txt", "a.b.txt"),
        ("", "upload"),
        ("CON.txt", "_CON.txt"),
        ("x" * 300 + ".txt", "x" * 96 + ".txt"),
    ],
)
def test_safe_name(name, expected):
    assert safe_name(name) == expected


def test_stores_inside_folder(tmp_path):
    result = store_upload("../../app.txt", b"Article text.", folder=tmp_path / "up", max_bytes=LIMIT)
    assert result == StoredUpload(
        tmp_path / "up" / "app.txt",
        "app.txt",
        message="saved as app.txt (the name '../../app.txt' was made safe)",
    )
    assert (tmp_path / "up" / "app.txt").read_bytes() == b"Article text."
    assert not (tmp_path / "app.txt").exists()


def test_plain_name_message(tmp_path):
    result = store_upload("a.txt", b"Text.", folder=tmp_path, max_bytes=LIMIT)
    assert (result.name, result.reused, result.renamed, result.message) == (
        "a.txt",
        False,
        False,
        "saved a.txt",
    )


def test_same_content_is_reused(tmp_path):
    store_upload("a.txt", b"Text.", folder=tmp_path, max_bytes=LIMIT)
    again = store_upload("a.txt", b"Text.", folder=tmp_path, max_bytes=LIMIT)
    assert again == StoredUpload(
        tmp_path / "a.txt",
        "a.txt",
        reused=True,
        message="a.txt was already uploaded with the same content; reused it",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_different_content_gets_a_new_name_and_says_so(tmp_path):
    store_upload("a.txt", b"First.", folder=tmp_path, max_bytes=LIMIT)
    second = store_upload("a.txt", b"Second.", folder=tmp_path, max_bytes=LIMIT)
    third = store_upload("a.txt", b"Third.", folder=tmp_path, max_bytes=LIMIT)
    again = store_upload("a.txt", b"Second.", folder=tmp_path, max_bytes=LIMIT)
    assert (second.name, second.renamed, second.message) == (
        "a-1.txt",
        True,
        "saved as a-1.txt: a different file named a.txt is already there",
    )
    assert third.name == "a-2.txt"
    assert (again.name, again.reused, again.message) == (
        "a-1.txt",
        True,
        "a.txt was already uploaded with the same content (stored as a-1.txt); reused it",
    )
    assert (tmp_path / "a.txt").read_bytes() == b"First."


def test_existing_symlink_is_never_written_through(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"keep me")
    folder = tmp_path / "up"
    folder.mkdir()
    (folder / "a.txt").symlink_to(outside)
    result = store_upload("a.txt", b"New.", folder=folder, max_bytes=LIMIT)
    assert result.name == "a-1.txt"
    assert outside.read_bytes() == b"keep me"


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("app.py", b"print(1)", "only .txt, .md, .html, .htm files can be uploaded (this one is .py)"),
        ("README", b"text", "only .txt, .md, .html, .htm files can be uploaded (this one has no extension)"),
        ("report.txt.exe", b"MZ", "only .txt, .md, .html, .htm files can be uploaded (this one is .exe)"),
        ("big.txt", b"x" * 2000, "file is 2.0 KB, over the 1 KB limit; raise it with FENTDASH_MAX_BYTES"),
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b" \n\t\n", "the file is empty"),
        ("paper.txt", b"%PDF-1.4\n%binary", "looks like a PDF, not text"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "looks like a PNG image, not text"),
        ("a\x00.py", b"x", "only .txt, .md, .html, .htm files can be uploaded (this one is .py)"),
    ],
)
def test_rejections(tmp_path, name, data, reason):
    result = store_upload(name, data, folder=tmp_path, max_bytes=LIMIT)
    assert result == UploadRejected(name.replace("\x00", ""), reason)
    assert list(tmp_path.iterdir()) == []


def test_utf16_upload_is_accepted(tmp_path):
    data = "Text in UTF-16.".encode("utf-16")
    assert store_upload("u.txt", data, folder=tmp_path, max_bytes=LIMIT).name == "u.txt"


def test_custom_allowed_extensions(tmp_path):
    assert store_upload("a.md", b"x", folder=tmp_path, max_bytes=LIMIT, allowed=(".txt",)) == UploadRejected(
        "a.md", "only .txt files can be uploaded (this one is .md)"
    )


@settings(max_examples=500, deadline=2000, database=None)
@given(st.text(max_size=400))
def test_safe_name_properties(name):
    clean = safe_name(name)
    assert 0 < len(clean) <= 100
    assert not set(clean) & set('/\\\x00:*?"<>|')
    assert not clean.startswith((".", " ", "-")) and not clean.endswith((".", " "))
    assert ".." not in clean
    assert clean.isascii() and clean.isprintable()


@settings(
    max_examples=200,
    deadline=2000,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(name=st.text(max_size=60).map(lambda s: s + ".txt"), data=st.binary(min_size=1, max_size=64))
def test_uploads_stay_inside_the_folder(tmp_path, name, data):
    folder = tmp_path / "up"
    result = store_upload(name, data, folder=folder, max_bytes=LIMIT)
    if isinstance(result, StoredUpload):
        assert result.path.parent == folder.resolve()
        assert result.path.read_bytes() == data
    assert {p.parent for p in tmp_path.rglob("*") if p.is_file()} <= {folder.resolve(), folder}
