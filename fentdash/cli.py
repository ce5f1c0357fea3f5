"""Command line: ``python -m fentdash parse|export|bench``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import pipeline
from .version import PARSER_VERSION


def _progress_printer(stream):
    """Progress on stderr, only for corpora where waiting is noticeable."""

    def report(done: int, total: int, path: str) -> None:
        if total >= 20 and (done == total or done % max(1, total // 20) == 0):
            print(f"parsed {done}/{total} articles", file=stream, flush=True)

    return report


def cmd_parse(args: argparse.Namespace) -> int:
    corpus = pipeline.parse_paths(args.paths, progress=_progress_printer(sys.stderr))
    for error in corpus.errors:
        print(f"warning: {error.path}: {error.error}", file=sys.stderr)
    if args.format == "json":
        payload = json.dumps(pipeline.to_contract(corpus), ensure_ascii=False, indent=1)
        if args.out:
            out = Path(args.out)
            out.mkdir(parents=True, exist_ok=True)
            (out / "parse.json").write_text(payload + "\n", encoding="utf-8")
            print(f"wrote {out / 'parse.json'}", file=sys.stderr)
        else:
            sys.stdout.write(payload + "\n")
    else:
        frames = pipeline.to_frames(corpus)
        if args.out:
            out = Path(args.out)
            out.mkdir(parents=True, exist_ok=True)
            for name, frame in frames.items():
                frame.drop(columns=["text"], errors="ignore").to_csv(out / f"{name}.csv", index=False)
            print(f"wrote articles.csv, statements.csv, statistics.csv, errors.csv to {out}", file=sys.stderr)
        else:
            # One stream, several tables: print each under a header line.
            for name, frame in frames.items():
                sys.stdout.write(f"# {name}\n")
                frame.drop(columns=["text"], errors="ignore").to_csv(sys.stdout, index=False)
    return 1 if corpus.errors else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m fentdash", description="Parse and chart what officials said about fentanyl.")
    parser.add_argument("--version", action="version", version=f"fentdash parser {PARSER_VERSION}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="parse articles and print the contract JSON (or CSV)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (*.txt, *.md, *.html)")
    p.add_argument("--format", choices=["json", "csv"], default="json")
    p.add_argument("--out", metavar="DIR", help="write files into DIR instead of printing")
    p.set_defaults(func=cmd_parse)
    # Other commands register themselves here (export, bench).
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return int(args.func(args) or 0)
