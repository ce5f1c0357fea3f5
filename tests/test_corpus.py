"""Corpus reader: decoding, metadata, duplicates, walking folders, and every error message."""

import os
from datetime import date
from pathlib import Path

import pytest

from fentdash import corpus
from fentdash.corpus import decode_bytes, document_from_text, normalise, read_corpus, text_id
from fentdash.htmlmeta import extract_html
from fentdash.models import Evidence, ReadError


@pytest.fixture(autouse=True)
def _no_env_limit(monkeypatch):
    monkeypatch.delenv("FENTDASH_MAX_BYTES", raising=False)


def write(folder: Path, name: str, data: bytes | str) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def read_one(tmp_path: Path, data: bytes | str, name: str = "a.txt"):
    docs, errors = read_corpus([write(tmp_path, name, data)])
    return (docs[0] if docs else None), errors


# ----------------------------------------------------------------- decoding

TEXT = "Sessions said “fentanyl” is – deadly.\nCafé line two.\n"
CP1252 = b"Sessions said \x93fentanyl\x94 is \x96 deadly.\r\nCaf\xe9 line two.\r\n"

DECODING = [
    ("utf-8", TEXT.encode("utf-8"), TEXT, ()),
    ("utf-8 bom", b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT, ()),
    ("utf-16 le bom", b"\xff\xfe" + TEXT.encode("utf-16-le"), TEXT, ()),
    ("utf-16 be bom", b"\xfe\xff" + TEXT.encode("utf-16-be"), TEXT, ()),
    ("utf-32 le bom", b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le"), TEXT, ()),
    (
        "utf-16 le no bom",
        TEXT.encode("utf-16-le"),
        TEXT,
        ("no byte-order mark; read as UTF-16 LE (guessed from the byte pattern)",),
    ),
    (
        "utf-16 be no bom",
        TEXT.encode("utf-16-be"),
        TEXT,
        ("no byte-order mark; read as UTF-16 BE (guessed from the byte pattern)",),
    ),
    (
        "cp1252 smart quotes",
        CP1252,
        TEXT,
        ("not valid UTF-8 (byte 0x93 at byte 14); read as Windows-1252 (cp1252)",),
    ),
    ("crlf", b"one\r\ntwo\r\n", "one\ntwo\n", ()),
    ("bare cr", b"one\rtwo\r", "one\ntwo\n", ()),
    ("utf-16 crlf", "one\r\ntwo".encode("utf-16"), "one\ntwo", ()),
]


@pytest.mark.parametrize("label,data,text,warnings", DECODING, ids=[d[0] for d in DECODING])
def test_decoding(tmp_path, label, data, text, warnings):
    doc, errors = read_one(tmp_path, data)
    assert errors == []
    assert (doc.text, doc.warnings) == (text, warnings)
    assert doc.id == text_id(text) == corpus.hashlib.sha256(text.encode()).hexdigest()[:16]


def test_invalid_utf8_falls_back_to_cp1252_with_replacement_for_undefined_bytes(tmp_path):
    doc, errors = read_one(tmp_path, b"caf\xe9 \x81 ok")
    assert errors == []
    assert doc.text == "café \ufffd ok"
    assert doc.warnings == ("not valid UTF-8 (byte 0xE9 at byte 3); read as Windows-1252 (cp1252)",)


def test_decode_bytes_reports_binary():
    assert decode_bytes(b"%PDF-1.7\n...") == "looks like a PDF, not text"
    assert decode_bytes(bytes(range(256)) * 4) == "looks like binary data (11% control bytes), not text"


def test_normalise_only_touches_line_endings():
    assert normalise("a\r\nb\rc\n\u2028d\x0ce") == "a\nb\nc\n\u2028d\x0ce"


# ----------------------------------------------------------------- front matter and titles

FRONT = """---
title: "Fentanyl seizures double at the border"
outlet: Example News
url: https://example.com/news/fentanyl
published: 2019-11-04T09:30:00-05:00
author: Jane Doe
tags: [drugs, border]
---
Fentanyl Seizures Double

The DEA said on Monday that seizures doubled.
"""


def test_front_matter_fields_evidence_and_skip():
    doc = document_from_text(FRONT, "f.md")
    assert (doc.title, doc.outlet, doc.url, doc.author, doc.published) == (
        "Fentanyl seizures double at the border",
        "Example News",
        "https://example.com/news/fentanyl",
        "Jane Doe",
        date(2019, 11, 4),
    )
    line = "published: 2019-11-04T09:30:00-05:00"
    start = FRONT.index(line)
    assert doc.published_evidence == Evidence(
        line, start, start + len(line), "front matter gives the publication date"
    )
    end = FRONT.index("---\nFentanyl") + 3
    assert doc.skip == ((0, end),)
    assert doc.text == FRONT  # front matter stays in the text; offsets never shift
    assert doc.warnings == ()


def test_front_matter_bad_values_are_ignored_with_warnings():
    text = "---\nurl: javascript:alert(1)\npublished: soon\ndate: 2020-01-01\n---\nBody text here.\n"
    doc = document_from_text(text)
    assert (doc.url, doc.published, doc.published_evidence) == (None, None, None)
    assert doc.warnings == (
        "front matter url 'javascript:alert(1)' is not an http(s) URL; ignored",
        "front matter date 'soon' is not a date I can read; ignored",
    )


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2017-12-14", date(2017, 12, 14)),
        ("December 14, 2017", date(2017, 12, 14)),
        ("Dec. 14, 2017", date(2017, 12, 14)),
        ("14 December 2017", date(2017, 12, 14)),
        ("2017/12/14", date(2017, 12, 14)),
        ("12/14/2017", date(2017, 12, 14)),
        ("2017-02-30", None),
        ("1850-01-01", None),
    ],
)
def test_front_matter_date_formats(value, expected):
    doc = document_from_text(f"---\npublished: {value}\n---\nBody.\n")
    assert doc.published == expected


def test_unclosed_front_matter_is_plain_text():
    doc = document_from_text("---\ntitle: x\nBody without a closing line.\n")
    assert (doc.title, doc.skip) == (None, ())


def test_markdown_heading_is_the_title():
    doc = document_from_text("# Fentanyl Deaths Fall in Ohio\n\nThe state said deaths fell.\n", "a.md")
    assert doc.title == "Fentanyl Deaths Fall in Ohio"
    assert doc.skip == ()


def test_plain_headline_is_the_title_and_not_skipped():
    text = "DEA Warns of Fake Pills\n\nThe DEA said fake pills are everywhere.\n\nA caption line\n"
    doc = document_from_text(text)
    assert doc.title == "DEA Warns of Fake Pills"
    assert [text[s:e] for s, e in doc.skip] == ["A caption line"]


# ----------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html><html><head>
<title>Fentanyl pills flood the market | Daily Ledger</title>
<meta property="og:site_name" content="Daily Ledger">
<meta property="og:title" content="Fentanyl pills flood the market">
{meta}
<link rel="canonical" href="{url}">
<script>var tracking = "Attorney General said 99 percent";</script>
<style>p {{ color: red }}</style>
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<header><div>Site banner</div></header>
<article>
<h1>Fentanyl pills flood the market</h1>
{time}
<p>The DEA said on Monday that fake pills<br>are everywhere.</p>
<p>“They are deadly,” the administrator said.</p>
<figure><img src="x.jpg"><figcaption>Pills on a table</figcaption></figure>
<aside>Related: other story</aside>
<form>Sign up</form>
</article>
<footer>© 2019 Daily Ledger</footer>
</body></html>"""

BODY = (
    "Fentanyl pills flood the market\n\nThe DEA said on Monday that fake pills\nare everywhere.\n\n"
    "“They are deadly,” the administrator said."
)


def page(meta: str = "", time: str = "", url: str = "https://ledger.example/pills") -> str:
    return PAGE.format(meta=meta, time=time, url=url)


HTML_DATES = [
    (
        "article:published_time",
        page(meta='<meta property="article:published_time" content="2019-11-04T08:00:00Z">'),
        date(2019, 11, 4),
        'page metadata: <meta article:published_time="2019-11-04T08:00:00Z">',
    ),
    (
        "json-ld",
        page(
            meta='<script type="application/ld+json">{"@context":"https://schema.org","@graph":'
            '[{"@type":"NewsArticle","datePublished":"2019-11-05T10:00:00-05:00"}]}</script>'
        ),
        date(2019, 11, 5),
        'page metadata: JSON-LD datePublished "2019-11-05T10:00:00-05:00"',
    ),
    (
        "time",
        page(time='<time datetime="2019-11-06">Nov. 6</time>'),
        date(2019, 11, 6),
        'page metadata: <time datetime="2019-11-06">',
    ),
]


@pytest.mark.parametrize("label,markup,published,reason", HTML_DATES, ids=[h[0] for h in HTML_DATES])
def test_html_metadata_sources(tmp_path, label, markup, published, reason):
    doc, errors = read_one(tmp_path, markup, "page.html")
    assert errors == []
    assert doc.published == published
    assert doc.published_evidence == Evidence("", 0, 0, reason)
    assert (doc.title, doc.outlet, doc.url) == (
        "Fentanyl pills flood the market",
        "Daily Ledger",
        "https://ledger.example/pills",
    )
    expected = BODY.replace("\n\nThe DEA", "\n\nNov. 6\n\nThe DEA") if label == "time" else BODY
    assert doc.text == expected
    assert "tracking" not in doc.text and "Home" not in doc.text and "Pills on a table" not in doc.text


def test_html_meta_wins_over_json_ld_and_time():
    markup = page(
        meta='<meta property="article:published_time" content="2019-11-04">'
        '<script type="application/ld+json">{"datePublished": "2018-01-01"}</script>',
        time='<time datetime="2017-01-01">x</time>',
    )
    assert extract_html(markup).published == date(2019, 11, 4)


def test_html_javascript_url_and_title_fallback(tmp_path):
    markup = (
        "<html><head><title>Deaths Fall | Ledger</title><meta property='og:site_name' content='Ledger'>"
        "<meta property='og:url' content='javascript:alert(1)'></head><body><p>Body text here.</p></body></html>"
    )
    doc, _ = read_one(tmp_path, markup, "p.htm")
    assert (doc.title, doc.outlet, doc.url, doc.text) == ("Deaths Fall", "Ledger", None, "Body text here.")


def test_html_sniffed_by_content_in_a_txt_file(tmp_path):
    doc, _ = read_one(
        tmp_path, "<!doctype html><html><body><p>Only this.</p><script>no()</script></body></html>"
    )
    assert doc.text == "Only this."


def test_html_without_text_is_an_error(tmp_path):
    doc, errors = read_one(tmp_path, "<html><body><script>x()</script></body></html>", "e.html")
    assert (doc, errors) == (
        None,
        [ReadError(str(tmp_path / "e.html"), "no article text found in this HTML page")],
    )


def test_html_declared_charset_is_used_for_non_utf8(tmp_path):
    markup = b'<html><head><meta charset="iso-8859-1"></head><body><p>Caf\xe9 \xa3 1</p></body></html>'
    doc, _ = read_one(tmp_path, markup, "c.html")
    assert doc.text == "Café £ 1"
    assert doc.warnings == (
        "not valid UTF-8 (byte 0xE9 at byte 58); read as iso-8859-1, the charset the page declares",
    )


# ----------------------------------------------------------------- folders, duplicates, order


def test_folder_walk_is_sorted_and_ignores_other_files(tmp_path):
    write(tmp_path, "b.txt", "Bravo text.")
    write(tmp_path, "a.txt", "Alpha text.")
    write(tmp_path, "sub/c.md", "Charlie text.")
    write(tmp_path, "sub/d.HTML", "<p>Delta text.</p>")
    write(tmp_path, "notes.csv", "x,y")
    write(tmp_path, ".hidden.txt", "Hidden text.")
    docs, errors = read_corpus([str(tmp_path)])
    assert errors == []
    assert [Path(d.path).relative_to(tmp_path).as_posix() for d in docs] == [
        "a.txt",
        "b.txt",
        "sub/c.md",
        "sub/d.HTML",
    ]
    assert [d.text for d in docs] == ["Alpha text.", "Bravo text.", "Charlie text.", "Delta text."]


def test_paths_are_shown_as_given(tmp_path, monkeypatch):
    write(tmp_path, "corpus/a.txt", "Alpha text.")
    monkeypatch.chdir(tmp_path)
    docs, _ = read_corpus(["corpus/"])
    assert docs[0].path == "corpus/a.txt"


def test_same_text_under_two_names_is_one_document(tmp_path):
    first = write(tmp_path, "one.txt", "Same article.\r\n")
    second = write(tmp_path, "two.txt", b"\xef\xbb\xbfSame article.\n")  # same text once decoded
    docs, errors = read_corpus([str(tmp_path)])
    assert errors == []
    assert [(d.path, d.paths, d.text) for d in docs] == [(first, (first, second), "Same article.\n")]


def test_same_path_twice_is_listed_once(tmp_path):
    path = write(tmp_path, "one.txt", "Same article.")
    docs, _ = read_corpus([path, path, str(tmp_path)])
    assert [d.paths for d in docs] == [(path,)]


def test_folder_without_articles_is_an_error(tmp_path):
    write(tmp_path, "empty/readme.pdf", b"%PDF")
    (tmp_path / "none").mkdir()
    docs, errors = read_corpus([str(tmp_path / "empty"), str(tmp_path / "none")])
    assert docs == []
    assert errors == [
        ReadError(str(tmp_path / "empty"), "no article files (.txt, .md, .html, .htm) in this folder"),
        ReadError(str(tmp_path / "none"), "no article files (.txt, .md, .html, .htm) in this folder"),
    ]


def test_missing_path(tmp_path):
    good = write(tmp_path, "a.txt", "Text.")
    docs, errors = read_corpus([str(tmp_path / "nope.txt"), good])
    assert [d.path for d in docs] == [good]
    assert errors == [ReadError(str(tmp_path / "nope.txt"), "no such file or folder")]


def test_permission_denied(tmp_path, monkeypatch):
    path = write(tmp_path, "locked.txt", "Text.")
    real_open = os.open

    def fake_open(p, flags, *args):
        if str(p) == path:
            raise PermissionError(13, "Permission denied")
        return real_open(p, flags, *args)

    monkeypatch.setattr(corpus.os, "open", fake_open)
    assert read_corpus([path]) == ([], [ReadError(path, "permission denied: the file cannot be read")])


# ----------------------------------------------------------------- size limit


def test_size_limit_message(tmp_path):
    path = write(tmp_path, "big.txt", b"x" * 3000)
    assert read_corpus([path], max_bytes=1024) == (
        [],
        [
            ReadError(
                path, "file is 2.9 KB, over the 1 KB limit; raise it with --max-bytes or FENTDASH_MAX_BYTES"
            )
        ],
    )


@pytest.mark.parametrize(
    "env,limit", [("2048", 2048), ("2k", 2048), ("1.5MB", 1572864), ("junk", 5 * 1024 * 1024)]
)
def test_size_limit_from_environment(monkeypatch, env, limit):
    monkeypatch.setenv("FENTDASH_MAX_BYTES", env)
    assert corpus.resolve_max_bytes() == limit
    assert corpus.resolve_max_bytes(10) == 10


def test_environment_limit_applies_to_read_corpus(tmp_path, monkeypatch):
    path = write(tmp_path, "a.txt", b"y" * 100)
    monkeypatch.setenv("FENTDASH_MAX_BYTES", "50")
    assert read_corpus([path])[1] == [
        ReadError(
            path,
            "file is 100 bytes, over the 50 bytes limit; raise it with --max-bytes or FENTDASH_MAX_BYTES",
        )
    ]


# ----------------------------------------------------------------- links and roots


def test_symlink_outside_walked_folder_is_refused(tmp_path):
    outside = write(tmp_path, "secret/passwords.txt", "not an article")
    folder = tmp_path / "corpus"
    write(folder, "a.txt", "Alpha text.")
    (folder / "link.txt").symlink_to(outside)
    (folder / "dirlink").symlink_to(tmp_path / "secret", target_is_directory=True)
    docs, errors = read_corpus([str(folder)])
    assert [d.text for d in docs] == ["Alpha text."]
    assert errors == [
        ReadError(str(folder / "dirlink"), "a symbolic link leading outside the corpus folder; refused"),
        ReadError(str(folder / "link.txt"), "a symbolic link leading outside the corpus folder; refused"),
    ]


def test_symlink_inside_folder_is_read_and_merged(tmp_path):
    target = write(tmp_path, "a.txt", "Alpha text.")
    (tmp_path / "b.txt").symlink_to(target)
    (tmp_path / "c.txt").symlink_to(tmp_path / "missing.txt")
    docs, errors = read_corpus([str(tmp_path)])
    assert [d.paths for d in docs] == [(target, str(tmp_path / "b.txt"))]
    assert errors == [ReadError(str(tmp_path / "c.txt"), "a symbolic link to nothing (broken link); refused")]


def test_root_refuses_paths_outside(tmp_path):
    inside = write(tmp_path, "root/a.txt", "Alpha text.")
    outside = write(tmp_path, "other/b.txt", "Bravo text.")
    escape = str(tmp_path / "root" / ".." / "other" / "b.txt")
    docs, errors = read_corpus([inside, outside, escape], root=tmp_path / "root")
    assert [d.path for d in docs] == [inside]
    assert errors == [
        ReadError(outside, "the path leads outside the corpus folder; refused"),
        ReadError(escape, "the path leads outside the corpus folder; refused"),
    ]


# ----------------------------------------------------------------- files changing under the reader


def test_file_changed_while_read(tmp_path, monkeypatch):
    path = write(tmp_path, "a.txt", "Original text.")
    real = corpus._read_all

    def read_then_append(fd, limit):
        data = real(fd, limit)
        with open(path, "ab") as handle:
            handle.write(b" More text.")
        return data

    monkeypatch.setattr(corpus, "_read_all", read_then_append)
    assert read_corpus([path]) == (
        [],
        [ReadError(path, "the file changed while it was being read; read it again once it is saved")],
    )


def test_file_vanished_while_read(tmp_path, monkeypatch):
    path = write(tmp_path, "a.txt", "Original text.")
    other = write(tmp_path, "b.txt", "Other text.")
    real = corpus._read_all

    def read_then_delete(fd, limit):
        data = real(fd, limit)
        if os.path.exists(path):
            os.unlink(path)
        return data

    monkeypatch.setattr(corpus, "_read_all", read_then_delete)
    docs, errors = read_corpus([path, other])
    assert errors == [
        ReadError(path, "the file vanished while it was being read; the rest of the corpus was read")
    ]
    assert [d.text for d in docs] == ["Other text."]


def test_file_vanished_between_listing_and_reading(tmp_path, monkeypatch):
    path = write(tmp_path, "a.txt", "Original text.")
    real_stat = os.stat

    deleted = []

    def stat_then_delete(p, *args, **kwargs):
        result = real_stat(p, *args, **kwargs)
        if str(p) == path and not deleted:
            deleted.append(path)
            os.unlink(path)
        return result

    monkeypatch.setattr(corpus.os, "stat", stat_then_delete)
    assert read_corpus([path])[1] == [ReadError(path, "the file vanished while the corpus was being read")]


def test_not_a_regular_file(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert read_corpus([str(fifo)]) == (
        [],
        [ReadError(str(fifo), "not a regular file (a device, pipe or socket); refused")],
    )


# ----------------------------------------------------------------- the mixed fixture folder

MIXED = Path(__file__).parent / "fixtures" / "corpus" / "mixed"


def test_mixed_fixture_folder():
    docs, errors = read_corpus([str(MIXED)])
    assert errors == []
    rows = [
        (
            Path(d.path).name,
            tuple(Path(p).name for p in d.paths),
            d.title,
            d.outlet,
            d.url,
            d.author,
            d.published,
        )
        for d in docs
    ]
    assert rows == [
        (
            "01_scraped_news.txt",
            ("01_scraped_news.txt",),
            "Officials Warn Fake Pills Laced With Fentanyl Are Spreading",
            None,
            None,
            "Dana Whitfield",
            None,
        ),
        (
            "02_front_matter.md",
            ("02_front_matter.md",),
            "Border seizures of fentanyl double",
            "Example Ledger",
            "https://ledger.example/2019/11/04/seizures",
            "Sam Ortiz",
            date(2019, 11, 4),
        ),
        (
            "03_press_release.html",
            ("03_press_release.html",),
            "DEA Warns of Counterfeit Pills",
            "Example Agency",
            "https://agency.example/press/2021/09/27/alert",
            "Press Office",
            date(2021, 9, 27),
        ),
        (
            "04_windows_copy.txt",
            ("04_windows_copy.txt", "05_short_copy.txt"),
            "Officials Warn Fake Pills Laced With Fentanyl Are Spreading",
            None,
            None,
            "Dana Whitfield",
            None,
        ),
    ]
    scraped, front, page, _ = docs
    assert [scraped.text[s:e] for s, e in scraped.skip] == [
        "By Dana Whitfield",
        "Advertisement",
        "Maria Lopez at a press briefing in Chicago",
        "Getty Images",
        "Related:",
        "Five Things To Know About Fentanyl Test Strips",
        "Why Counterfeit Pills Are So Hard To Spot",
        "Share this article",
        "Subscribe to our newsletter",
        "We use cookies to improve your experience. By continuing you accept our privacy policy.",
        "(Reporting by Dana Whitfield; Editing by Tom Brown)",
    ]
    assert [front.text[s:e] for s, e in front.skip][1:] == [
        "![Seized packages on a table](https://ledger.example/img/pkg.jpg)"
    ]
    assert page.text == (
        "DEA Warns of Counterfeit Pills\n\n"
        "WASHINGTON – The agency issued a public safety alert on Monday about fake prescription pills "
        "containing fentanyl.\n\n"
        "“The United States is facing an unprecedented crisis,” said the Administrator.\n"
        "Officials said more than 9.5 million pills were seized this year."
    )
    assert page.skip == ()


@pytest.mark.parametrize(
    "text,author",
    [
        ("Title Of Story\n\nBy Dana Whitfield\n\nBody.", "Dana Whitfield"),
        ("Title Of Story\nBY JANE DOE, Associated Press\nBody.", "JANE DOE"),
        ("Title Of Story\nBy Jane Doe and John Roe | Reuters\nBody.", "Jane Doe and John Roe"),
        ("By Monday, officials said the pills were gone.\nMore.", None),
        ("By submitting this form you agree.\nMore.", None),
        ("One.\nTwo.\nThree.\nFour.\nFive.\nSix.\nBy Late Byline\n", None),
    ],
)
def test_byline_author(text, author):
    assert document_from_text(text).author == author


def test_unlistable_subfolder_is_reported_and_the_rest_loads(tmp_path, monkeypatch):
    good = write(tmp_path, "a.txt", "Alpha text.")
    write(tmp_path, "locked/b.txt", "Bravo text.")
    real_scandir = os.scandir

    def fake_scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(corpus.os, "scandir", fake_scandir)
    docs, errors = read_corpus([str(tmp_path)])
    assert [d.path for d in docs] == [good]
    assert errors == [ReadError(str(tmp_path / "locked"), "permission denied: the folder cannot be listed")]


@pytest.mark.parametrize(
    "text",
    [
        "---\nNote: the DEA said 5 people died, officials say.\nMore text here without a key\n---\nBody.\n",
        "---\ncolour: blue\n---\nBody with no known key above.\n",
        "---\n\n---\nEmpty block.\n",
    ],
)
def test_rules_above_text_are_not_front_matter(text):
    doc = document_from_text(text)
    assert (doc.skip, doc.published, doc.title) == ((), None, None)


def test_front_matter_with_lists_and_comments():
    text = "---\n# comment\ntitle: T\ntags:\n  - a\n- b\n---\nBody.\n"
    doc = document_from_text(text)
    assert (doc.title, doc.skip) == ("T", ((0, text.index("\nBody")),))


@pytest.mark.parametrize(
    "markup,published",
    [
        # a related story's date in an aside is ignored; the article's own <time> is used
        (
            "<body><aside><time datetime='2015-01-01'>x</time></aside><article><p>Text.</p>"
            "<time datetime='2019-11-04'>Nov 4</time></article></body>",
            date(2019, 11, 4),
        ),
        # a <time> marked as the publication time wins over earlier ones
        (
            "<body><time datetime='2020-02-02'>x</time><p>Text.</p><time class='publish-date' datetime='2019-11-04'>y</time>"
            "</body>",
            date(2019, 11, 4),
        ),
        ("<body><nav><time datetime='2015-01-01'>x</time></nav><p>Text.</p></body>", None),
    ],
)
def test_html_time_element_choice(markup, published):
    assert extract_html(markup).published == published
