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
    corpus = pipeline.parse_paths(
        args.paths, progress=_progress_printer(sys.stderr), max_bytes=args.max_bytes
    )
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


def cmd_export(args: argparse.Namespace) -> int:
    from .export import run_export

    return run_export(args)


def cmd_bench(args: argparse.Namespace) -> int:
    from .bench import main as run_bench

    return run_bench(args.articles, workers=args.workers, dask_address=args.dask, out_dir=args.out)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m fentdash", description="Parse and chart what officials said about fentanyl."
    )
    parser.add_argument("--version", action="version", version=f"fentdash parser {PARSER_VERSION}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="parse articles and print the contract JSON (or CSV)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (*.txt, *.md, *.html)")
    p.add_argument("--format", choices=["json", "csv"], default="json")
    p.add_argument("--out", metavar="DIR", help="write files into DIR instead of printing")
    p.add_argument(
        "--max-bytes",
        type=int,
        metavar="N",
        help="skip (and report) files larger than N bytes (default 5 MB or FENTDASH_MAX_BYTES)",
    )
    p.set_defaults(func=cmd_parse)
    p = sub.add_parser("export", help="write a briefing (PNG, SVG, CSV or Markdown) for filtered articles")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: the bundled seeds/)")
    p.add_argument("--official", action="append", default=[], metavar="NAME", help="repeat for several")
    p.add_argument("--from", dest="year_from", type=int, metavar="YEAR")
    p.add_argument("--to", dest="year_to", type=int, metavar="YEAR")
    p.add_argument("--kind", action="append", default=[], choices=["direct", "reported"])
    p.add_argument("--format", choices=["png", "svg", "csv", "md"], help="default: from --out's extension")
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("bench", help="benchmark parsing, the cache and redraws on a synthetic corpus")
    p.add_argument(
        "--articles", type=int, default=1000, metavar="N", help="synthetic articles (default 1000)"
    )
    p.add_argument("--workers", type=int, default=2, metavar="K", help="worker processes (default 2)")
    p.add_argument(
        "--dask", metavar="ADDRESS", help="Dask scheduler, e.g. tcp://host:8786 (instead of local workers)"
    )
    p.add_argument("--out", default="benchmarks/results", metavar="DIR", help="where the JSON goes")
    p.set_defaults(func=cmd_bench)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return int(args.func(args) or 0)
