"""The synthetic corpus is deterministic, seed-sized, varied, and not made of seed text."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from fentdash import knowledge, synth
from fentdash.corpus import read_corpus

ROOT = Path(__file__).resolve().parents[1]
N = 200
TEXTS = [synth.article_text(i) for i in range(N)]


def test_same_seed_same_corpus_and_prefix_property():
    docs = synth.generate_corpus(30, seed=7)
    assert docs == synth.generate_corpus(30, seed=7)
    assert synth.generate_corpus(10, seed=7) == docs[:10]
    assert [d.path for d in docs[:3]] == ["synthetic/00000.txt", "synthetic/00001.txt", "synthetic/00002.txt"]
    assert [d.text for d in synth.generate_corpus(5, seed=8)] != [d.text for d in docs[:5]]


def test_deterministic_across_processes_and_hash_seeds():
    code = "from fentdash import synth; import hashlib; print(hashlib.sha256(''.join(synth.article_text(i, seed=2) for i in range(20)).encode()).hexdigest())"
    outs = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(ROOT)}
        outs.add(
            subprocess.run(
                [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
            ).stdout
        )
    assert len(outs) == 1


def test_articles_are_seed_sized_and_distinct():
    lengths = [len(t) for t in TEXTS]
    assert min(lengths) >= synth.MIN_CHARS - 100
    assert max(lengths) <= synth.MAX_CHARS
    assert len(set(TEXTS)) == N


def test_templates_vary_officials_quotes_datelines_and_boilerplate():
    joined = "\n".join(TEXTS)
    names = {t.name for o in knowledge.officials() for t in o.terms}
    used = {name for name in names if name in joined}
    assert len(used) >= 15
    assert sum('"' in t for t in TEXTS) > N // 2  # straight quotes
    assert sum("\u201c" in t for t in TEXTS) > N // 2  # curly quotes
    split = re.compile(r"\u201c[^\u201d]{1,200},\u201d [A-Z]\w+ (?:said|added|warned|told reporters), \u201c")
    assert sum(bool(split.search(t)) for t in TEXTS) > N // 10  # split around the attribution
    dateline = re.compile(r"^[A-Z][A-Z .]+(?:, [A-Z][\w.]+)?(?: \((?:AP|Reuters)\))? \u2014 ", re.M)
    with_dateline = sum(bool(dateline.search(t)) for t in TEXTS)
    assert N // 4 < with_dateline < N * 3 // 4
    assert sum(any(b.split(" ")[0] in t for b in synth.BOILERPLATE) for t in TEXTS) > N // 2
    verbs = {v for v in synth.REPORTING_VERBS if re.search(rf"\b{v}\b", joined)}
    assert verbs == set(synth.REPORTING_VERBS)
    assert len(set(re.findall(r"\b20[12]\d\b", joined))) >= 8  # many years


def test_not_copied_from_the_seeds():
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    joined = "\n".join(TEXTS)
    for seed in seeds:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", seed.read_text(encoding="utf-8")) if len(s) > 60]
        assert not [s for s in sentences if s in joined], seed.name


def test_written_files_read_back_as_the_generated_documents(tmp_path):
    paths = synth.write_corpus(5, tmp_path, seed=4)
    assert [p.name for p in paths] == ["00000.txt", "00001.txt", "00002.txt", "00003.txt", "00004.txt"]
    documents, errors = read_corpus([str(tmp_path)])
    assert errors == []
    assert [d.text for d in documents] == [d.text for d in synth.generate_corpus(5, seed=4)]
    assert [d.id for d in documents] == [d.id for d in synth.generate_corpus(5, seed=4)]


def test_some_articles_carry_front_matter_that_the_reader_uses():
    docs = synth.generate_corpus(60)
    fronted = [d for d in docs if d.text.startswith("---\ntitle: ")]
    assert 3 <= len(fronted) <= 20
    assert all(d.published is not None and d.outlet in synth.OUTLETS for d in fronted)


def test_the_official_holds_the_role_on_the_article_date():
    by_name = knowledge.officials_by_name()
    for i in range(40):
        rng = synth.random.Random(f"check:{i}")
        name, role, day = synth._official_and_day(rng)
        assert synth.FIRST_DAY <= day <= synth.LAST_DAY
        assert any(
            t.role == role and t.start <= day and (t.end is None or day <= t.end) for t in by_name[name].terms
        )
