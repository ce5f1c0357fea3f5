"""Defaults and plausibility bounds, in one place; every function takes them as keyword options."""

from datetime import date

# Articles about the fentanyl crisis in this tool's scope; dates outside are implausible.
MIN_DATE = date(1990, 1, 1)
MAX_DATE = date(2030, 12, 31)

# Files larger than this are reported, not read (override with FENTDASH_MAX_BYTES or max_bytes=).
MAX_FILE_BYTES = 5 * 1024 * 1024

# Extensions the corpus reader and the uploader accept.
ARTICLE_EXTENSIONS = (".txt", ".md", ".html", ".htm")

# Extraction reads at most this many characters of an article (real articles are far
# shorter); the rest is kept in the text but not analysed, and the article says so.
MAX_ANALYSED_CHARS = 100_000
