"""Issue 6: hostile input. Every case gives an exact outcome, never an exception."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import ROOT

from fentdash import corpus
from fentdash.corpus import document_from_text, read_corpus
from fentdash.models import ReadError
from fentdash.pipeline import parse_document

MB = 1024 * 1024
# Budgets are CPU seconds of this process (time.process_time): the test machine is shared, and
# wall-clock time measures the neighbours as much as the parser.


@pytest.fixture(autouse=True)
def _no_env_limit(monkeypatch):
    monkeypatch.delenv("FENTDASH_MAX_BYTES", raising=False)


def write(folder: Path, name: str, data: bytes) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return str(path)


def check_spans(parsed) -> None:
    text = parsed.document.text
    for item in (*parsed.statements, *parsed.statistics, *parsed.time_expressions):
        assert text[item.start : item.end] == item.text


def timed_parse(text: str):
    began = time.process_time()
    parsed = parse_document(document_from_text(text))
    return parsed, time.process_time() - began


# (name, bytes, the reader's error or None when the file loads)
BAD_FILES = [
    ("empty.txt", b"", "the file is empty"),
    ("blank.txt", b"  \n\t\r\n  \n", "the file is empty (it holds only blank space)"),
    ("bom-only.txt", b"\xef\xbb\xbf", "the file is empty (it holds only blank space)"),
    ("paper.txt", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\n", "looks like a PDF, not text"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a PNG image, not text"),
    (
        "archive.txt",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
        "looks like a ZIP archive (or a Word, Excel or EPUB file), not text",
    ),
    (
        "word.txt",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00",
        "looks like an old Microsoft Office document, not text",
    ),
    ("noise.txt", bytes(range(32)) * 64, "looks like binary data (84% control bytes), not text"),
]


@pytest.mark.parametrize("name,data,error", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_files_are_reported(tmp_path, name, data, error):
    path = write(tmp_path, name, data)
    assert read_corpus([path]) == ([], [ReadError(path, error)])


# (name, bytes, decoded text, warnings)
ODD_ENCODINGS = [
    (
        "invalid-utf8.txt",
        b"The DEA said \xff\xfe 20,000 died.",
        "The DEA said ÿþ 20,000 died.",
        ("not valid UTF-8 (byte 0xFF at byte 13); read as Windows-1252 (cp1252)",),
    ),
    ("utf16-bom.txt", "He said “no.”\r\n".encode("utf-16"), "He said “no.”\n", ()),
    (
        "utf16-nobom.txt",
        "He said “no.”\r\n".encode("utf-16-le"),
        "He said “no.”\n",
        ("no byte-order mark; read as UTF-16 LE (guessed from the byte pattern)",),
    ),
    (
        "cp1252.txt",
        b"\x93Fentanyl kills,\x94 she said \x96 twice.",
        "“Fentanyl kills,” she said – twice.",
        ("not valid UTF-8 (byte 0x93 at byte 0); read as Windows-1252 (cp1252)",),
    ),
]


@pytest.mark.parametrize("name,data,text,warnings", ODD_ENCODINGS, ids=[o[0] for o in ODD_ENCODINGS])
def test_odd_encodings_load_and_parse(tmp_path, name, data, text, warnings):
    docs, errors = read_corpus([write(tmp_path, name, data)])
    assert errors == []
    assert (docs[0].text, docs[0].warnings) == (text, warnings)
    parsed = parse_document(docs[0])
    assert parsed.warnings == warnings
    check_spans(parsed)


def test_fifty_megabyte_file_gets_a_clear_message(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:  # sparse: no 50 MB written to disk
        handle.truncate(50 * MB)
    assert read_corpus([str(path)]) == (
        [],
        [
            ReadError(
                str(path),
                "file is 50.0 MB, over the 5 MB limit; raise it with --max-bytes or FENTDASH_MAX_BYTES",
            )
        ],
    )


ONE_MB_LINE = ("fentanyl deaths rose officials say border 2019 pills " * 20_000)[:MB]


def test_one_megabyte_line_loads_quickly(tmp_path):
    path = write(tmp_path, "line.txt", ONE_MB_LINE.encode())
    began = time.process_time()
    docs, errors = read_corpus([path])
    assert time.process_time() - began < 0.5
    assert errors == []
    assert (len(docs[0].text), docs[0].skip, docs[0].title) == (MB, (), None)


@pytest.mark.timeout(20)
def test_one_megabyte_line_without_punctuation_parses_quickly():
    parsed, seconds = timed_parse(ONE_MB_LINE)
    assert seconds < 2.0
    check_spans(parsed)


QUOTES = [
    "“He said it was bad, and never closed the quote.\n\nNext paragraph, “again.",
    "She said: \"outer 'inner “deepest” inner' outer\" and left.",
    "Sessions said “one “two “three” two” one” and “ ” “",
    '"""""" \'\'\'\'\' ”””“““ «»«» ‘’‘’',
    "“" * 5000 + "x" + "”" * 5000,
    'DEA chief Anne Milgram said "60,000 deaths in 2021',
]


@pytest.mark.parametrize("text", QUOTES)
def test_unbalanced_and_nested_quotes(text):
    parsed, seconds = timed_parse(text)
    check_spans(parsed)
    assert seconds < 2.0


@pytest.mark.parametrize(
    "text",
    [
        "1 2 3 4 5 6 7 8 9 10",
        "2019 2020 2021\n\n60,000 70.000 1,000,000,000,000,000,000\n\n3.14159 -1 +2 1e10 0x1F 99%",
        " ".join(str(n) for n in range(20_000))[:20_000],
        "12345678901234567890" * 1000,
    ],
)
def test_nothing_but_numbers(text):
    parsed, seconds = timed_parse(text)
    check_spans(parsed)
    assert seconds < 2.0
    assert parsed.statements == ()


def test_html_script_content_never_reaches_the_text(tmp_path):
    markup = (
        b"<html><head><script>var said = 'Attorney General Jeff Sessions said 99,999 died';</script></head>"
        b"<body><p>Real text.</p><script type='text/javascript'>document.write('<p>injected</p>')</script>"
        b"<noscript>Enable JavaScript</noscript><style>.x{content:'styled'}</style></body></html>"
    )
    docs, errors = read_corpus([write(tmp_path, "page.html", markup)])
    assert errors == []
    assert docs[0].text == "Real text."


def test_unclosed_and_broken_html_still_loads(tmp_path):
    markup = b"<html><body><p>First <b>bold <i>text</p><div><p>Second</div><![CDATA[x]]><!-- c --></body"
    docs, errors = read_corpus([write(tmp_path, "broken.html", markup)])
    assert (errors, docs[0].text) == ([], "First bold text\n\nSecond")


def test_symlinks_and_paths_outside_the_corpus(tmp_path):
    secret = write(tmp_path, "private/secret.txt", b"Not for the corpus.")
    folder = tmp_path / "corpus"
    good = write(folder, "good.txt", b"A good article.")
    (folder / "escape.txt").symlink_to(secret)
    (folder / "up.txt").symlink_to(Path("..") / "private" / "secret.txt")
    docs, errors = read_corpus([str(folder), str(folder / ".." / "private" / "secret.txt")], root=folder)
    assert [d.path for d in docs] == [good]
    assert errors == [
        ReadError(str(folder / "escape.txt"), "a symbolic link leading outside the corpus folder; refused"),
        ReadError(str(folder / "up.txt"), "a symbolic link leading outside the corpus folder; refused"),
        ReadError(
            str(folder / ".." / "private" / "secret.txt"), "the path leads outside the corpus folder; refused"
        ),
    ]


def test_same_article_under_two_names(tmp_path):
    first = write(tmp_path, "a.txt", b"Same article.\n")
    second = write(tmp_path, "copy of a.txt", b"Same article.\r\n")
    docs, errors = read_corpus([str(tmp_path)])
    assert errors == []
    assert [(d.path, d.paths) for d in docs] == [(first, (first, second))]


def test_file_changing_while_read_is_reported_and_others_load(tmp_path, monkeypatch):
    changing = write(tmp_path, "a.txt", b"Version one.")
    steady = write(tmp_path, "b.txt", b"Steady text.")
    real = corpus._read_all

    def edit_during_read(fd, limit):
        data = real(fd, limit)
        if os.fstat(fd).st_ino == os.stat(changing).st_ino:
            Path(changing).write_bytes(b"Version two, longer.")
        return data

    monkeypatch.setattr(corpus, "_read_all", edit_during_read)
    docs, errors = read_corpus([str(tmp_path)])
    assert [d.path for d in docs] == [steady]
    assert errors == [
        ReadError(changing, "the file changed while it was being read; read it again once it is saved")
    ]


def test_file_vanishing_while_read(tmp_path, monkeypatch):
    path = write(tmp_path, "a.txt", b"Short lived.")
    real = corpus._read_all

    def delete_during_read(fd, limit):
        data = real(fd, limit)
        os.unlink(path)
        return data

    monkeypatch.setattr(corpus, "_read_all", delete_during_read)
    assert read_corpus([path]) == (
        [],
        [ReadError(path, "the file vanished while it was being read; the rest of the corpus was read")],
    )


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "text",
    [
        ("fentanyl deaths rose officials say border 2019 pills " * 400)[:20_000],
        ("Sessions said 20,000 people died last year, up 400% on two years previously. " * 300)[:20_000],
        ('“Milgram said,” he said. "' * 1000)[:20_000],
        ("May 2019 June 2, 2020 last year in 2014 Monday " * 500)[:20_000],
        ("Attorney General Jeff Sessions DEA Administrator Anne Milgram " * 400)[:20_000],
        ("1,000 2.5% $80bn 3 times " * 1000)[:20_000],
    ],
    ids=["figures", "sentences", "quotes", "dates", "names", "numbers"],
)
def test_dense_20000_characters_parse_in_under_2_seconds(text):
    parsed, seconds = timed_parse(text)
    check_spans(parsed)
    assert seconds < 2.0


@pytest.mark.parametrize(
    "text",
    [
        "\x00\x01\x02 control \x7f chars \u2028 line \u2029 sep \x0c feed",
        "\ud800 lone surrogate? no: " + "\U0001f600" * 100,
        "A" * 20_000,
        ("Sessions said " * 1500)[:20_000],
        "“" + "said, " * 3000,
        "\n" * 20_000,
        "   \t  " * 3000,
    ],
)
def test_odd_text_through_the_pipeline(text):
    parsed, seconds = timed_parse(text)
    check_spans(parsed)
    assert seconds < 2.0


def test_cli_mixed_folder_exits_1_lists_errors_prints_good(tmp_path):
    folder = tmp_path / "mix"
    write(folder, "01_good.txt", b"The DEA said on Monday that fake pills are everywhere.\n")
    write(folder, "02_empty.txt", b"")
    write(folder, "03_pdf.txt", b"%PDF-1.4 binary")
    write(folder, "04_cp1252.txt", b"\x93Deadly,\x94 Milgram said.")
    write(folder, "05_page.html", b"<html><body><p>Page text here.</p><script>x()</script></body></html>")
    done = subprocess.run(
        [sys.executable, "-m", "fentdash", "parse", str(folder), "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    data = json.loads(done.stdout)
    assert [Path(a["path"]).name for a in data["articles"]] == [
        "01_good.txt",
        "04_cp1252.txt",
        "05_page.html",
    ]
    assert data["articles"][1]["warnings"] == [
        "not valid UTF-8 (byte 0x93 at byte 0); read as Windows-1252 (cp1252)"
    ]
    assert [(Path(e["path"]).name, e["error"]) for e in data["errors"]] == [
        ("02_empty.txt", "the file is empty"),
        ("03_pdf.txt", "looks like a PDF, not text"),
    ]
    assert f"warning: {folder / '02_empty.txt'}: the file is empty" in done.stderr


@pytest.mark.parametrize(
    "markup",
    [
        "<" * 20_000,
        "<!--" * 5_000,
        "<![CDATA[" * 2_000,
        "<?" * 10_000,
        "</" * 10_000,
        "<a" * 10_000,
        "<!" * 10_000,
        '<p a="' * 3_000,
        "<div>" * 4_000,
    ],
)
def test_pathological_html_is_linear(tmp_path, markup):
    # html.parser rescans from every construct that never closes; the reader defuses them first.
    path = write(tmp_path, "page.html", (markup * 50).encode())  # ~1 MB
    began = time.process_time()
    read_corpus([path])
    assert time.process_time() - began < 3.0


def test_unterminated_comment_hides_the_rest():
    from fentdash.htmlmeta import extract_html

    assert extract_html("<p>Seen.</p><!-- <p>hidden</p>").text == "Seen."
    assert extract_html("<p>a < b and 1<2 <</p>").text == "a < b and 1<2 <"
