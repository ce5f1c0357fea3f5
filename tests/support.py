"""Paths shared by the tests (a plain module: two conftest.py files would shadow each other)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
