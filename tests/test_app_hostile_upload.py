"""Issue 6: a hostile upload is stored safely and its text is shown as text, never as markup."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest
from support import ROOT

from ui import state_keys as keys

HOSTILE = (
    "Officials warned about fentanyl.\n\n"
    "<img src=x onerror=alert(1)> and <script>alert('x')</script>\n\n"
    "[click me](javascript:alert(1)) and <b>bold</b>\n\n"
    "“Fentanyl is killing our neighbours,” said Sheriff Dana Cole.\n"
)


@pytest.fixture()
def upload_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("FENTDASH_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "uploads"
    monkeypatch.setenv("FENTDASH_UPLOAD_DIR", str(folder))
    return folder


def test_hostile_upload_is_rendered_as_text(upload_dir):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.session_state[keys.CORPUS_FOLDER] = ""  # uploads only
    at.run()
    at.file_uploader[0].upload("../../app.py<script>.txt", HOSTILE.encode(), "text/plain").run()
    assert not at.exception, [e.message for e in at.exception]
    # The name lost its path and markup; the file lives only inside the upload folder.
    stored = [p for p in upload_dir.rglob("*") if p.is_file()]
    assert len(stored) == 1 and stored[0].parent == upload_dir
    assert "/" not in stored[0].name and "<" not in stored[0].name

    at.switch_page("pages/3_Articles.py").run()
    assert not at.exception, [e.message for e in at.exception]
    rendered = " ".join(el.proto.body for el in at.get("html"))
    assert "&lt;img src=x onerror=alert(1)&gt;" in rendered
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in rendered
    assert "<img" not in rendered and "<script" not in rendered and "<b>" not in rendered
    # Markdown link syntax stays literal text: no anchor is made from a javascript: URL.
    assert "[click me](javascript:alert(1))" in rendered
    assert 'href="javascript' not in rendered
    markdown = " ".join(m.value for m in at.markdown)
    assert "javascript:" not in markdown
