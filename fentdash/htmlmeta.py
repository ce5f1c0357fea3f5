"""HTML pages: visible article text plus the metadata the page declares.

``extract_html(markup)`` returns an ``HtmlPage``: the article text (paragraphs separated by
blank lines; scripts, styles, navigation, headers, footers, forms and asides dropped) and the
title, outlet, canonical URL, author and publication date found in ``<meta>`` tags,
``<time datetime>`` and JSON-LD. Only the standard library's ``html.parser`` is used.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

from .settings import MAX_DATE, MIN_DATE

# Elements whose content is never article text.
DROPPED_TAGS: frozenset[str] = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "footer",
        "aside",
        "form",
        "button",
        "select",
        "textarea",
        "svg",
        "iframe",
        "object",
        "canvas",
        "figure",
        "figcaption",
        "menu",
        "dialog",
        "head",
        "title",
    }
)
# Elements that hold the article itself when a page marks it.
ARTICLE_TAGS: frozenset[str] = frozenset({"article", "main"})
MIN_ARTICLE_CHARS = 200
# A <header> is page chrome outside an <article>, but the article's own heading inside it.
HEADER_TAG = "header"
# Elements that end a paragraph.
BLOCK_TAGS: frozenset[str] = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "hr",
        "address",
        "center",
        "body",
        "html",
    }
)
VOID_TAGS: frozenset[str] = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)

# <meta> keys (property= or name= or itemprop=) by what they tell, most reliable first.
PUBLISHED_KEYS: tuple[str, ...] = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
)
TITLE_KEYS: tuple[str, ...] = ("og:title", "twitter:title", "headline")
OUTLET_KEYS: tuple[str, ...] = ("og:site_name", "application-name", "publisher")
URL_KEYS: tuple[str, ...] = ("og:url",)
AUTHOR_KEYS: tuple[str, ...] = ("author", "article:author", "byl", "sailthru.author")

# JSON-LD blocks are small; refuse to walk pathological ones.
MAX_JSONLD_CHARS = 200_000
MAX_JSONLD_DEPTH = 12

_LT = re.compile("<")
_TAG_START = re.compile(r"[A-Za-z!/?]")
_TRUNCATED_TAG = re.compile(r"<[!/]?[A-Za-z][^<>]{0,500}$")
_BREAK = "\x00"  # stands for <br> until a block is flushed
_SPACE = re.compile(r"[ \t\f\v\r\n\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ISO_DATE = re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?![\d])")
_SLASH_DATE = re.compile(r"(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?![\d])")
_US_DATE = re.compile(r"(?<![\d])(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)\d\d)(?![\d])")
_MONTHS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]{0,6}\.?"
_MDY_DATE = re.compile(
    _MONTH + r"\s{1,3}(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s{1,3}(?P<y>(?:19|20)\d\d)\b", re.I
)
_DMY_DATE = re.compile(
    r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s{1,3}" + _MONTH + r",?\s{1,3}(?P<y>(?:19|20)\d\d)\b", re.I
)
_TITLE_SUFFIX = re.compile(r"\s{1,5}[|\u2013\u2014-]\s{1,5}(?P<site>[^|\u2013\u2014]{1,80})$")


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """Text and metadata of one page. ``published_source`` says where the date came from."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: date | None = None
    published_source: str | None = None


def parse_meta_date(value: str, *, min_date: date = MIN_DATE, max_date: date = MAX_DATE) -> date | None:
    """The calendar date written in a metadata value (ISO, ``2019/11/04``, ``Nov. 4, 2019`` ...).

    The date is taken as written: a timestamp's time zone is not applied. ``None`` when no
    plausible date is found.
    """
    value = value.strip()[:200]
    for pattern in (_ISO_DATE, _SLASH_DATE, _MDY_DATE, _DMY_DATE, _US_DATE):
        match = pattern.search(value)
        if not match:
            continue
        parts = match.groupdict()
        month = _MONTHS[parts["mon"].lower()] if parts.get("mon") else int(parts["m"])
        try:
            found = date(int(parts["y"]), month, int(parts["d"]))
        except ValueError:
            continue
        if min_date <= found <= max_date:
            return found
    return None


def http_url(value: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL without spaces, else ``None``."""
    if not value:
        return None
    value = value.strip()
    if re.match(r"https?://[^\s/]+", value, re.I) and not re.search(r"\s", value) and len(value) <= 2000:
        return value
    return None


def _time_rank(attributes: dict[str, str], *, in_article: bool) -> int:
    """0: marked as the publication time; 1: inside the article; 2: elsewhere on the page."""
    marks = " ".join(
        (attributes.get("itemprop", ""), attributes.get("class", ""), attributes.get("id", ""))
    ).lower()
    if "pubdate" in attributes or "datepublished" in marks or "publish" in marks:
        return 0
    return 1 if in_article else 2


class _ArticleParser(HTMLParser):
    """Collects visible text blocks and metadata in one pass."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, bool]] = []  # (text, inside <article> or <main>)
        self.current: list[str] = []
        self.drop_stack: list[str] = []  # open elements whose text is not article text
        self.article_depth = 0
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        # (rank, order, value): lower rank is more trustworthy (see _time_rank).
        self.time_datetimes: list[tuple[int, int, str]] = []
        self.title_parts: list[str] = []
        self.in_title = False
        self.jsonld: list[str] = []
        self.in_jsonld = False
        self.script_parts: list[str] = []

    # -- structure
    def _flush(self) -> None:
        lines = (_SPACE.sub(" ", part).strip() for part in "".join(self.current).split(_BREAK))
        block = "\n".join(line for line in lines if line)
        if block:
            self.blocks.append((block, self.article_depth > 0))
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta(attributes)
        elif tag == "link" and "canonical" in attributes.get("rel", "").lower().split():
            self.canonical = self.canonical or attributes.get("href")
        elif tag == "time" and attributes.get("datetime") and not self.drop_stack:
            rank = _time_rank(attributes, in_article=self.article_depth > 0)
            self.time_datetimes.append((rank, len(self.time_datetimes), attributes["datetime"]))
        elif tag == "title":
            self.in_title = True
        elif tag == "script" and "ld+json" in attributes.get("type", "").lower():
            self.in_jsonld = True
            self.script_parts = []
        if tag in ARTICLE_TAGS:
            self.article_depth += 1
        if tag in VOID_TAGS:
            if tag == "br":
                self.current.append(_BREAK)
            elif tag == "hr":
                self._flush()
            return
        if tag in DROPPED_TAGS or (tag == HEADER_TAG and not self.article_depth):
            self._flush()
            self.drop_stack.append(tag)
        elif tag in BLOCK_TAGS:
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/>, <meta/>: never opens an element.
        if tag in VOID_TAGS or tag in DROPPED_TAGS or tag in BLOCK_TAGS or tag == HEADER_TAG:
            attributes = {k.lower(): (v or "") for k, v in attrs}
            if tag == "meta":
                self._meta(attributes)
            elif tag == "link" and "canonical" in attributes.get("rel", "").lower().split():
                self.canonical = self.canonical or attributes.get("href")
            elif tag == "br":
                self.current.append(_BREAK)
            elif tag in BLOCK_TAGS:
                self._flush()
        else:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag == "script" and self.in_jsonld:
            self.in_jsonld = False
            self.jsonld.append("".join(self.script_parts))
        if tag in self.drop_stack:
            # Close up to the matching element, tolerating unclosed children.
            while self.drop_stack and self.drop_stack.pop() != tag:
                pass
        elif tag in BLOCK_TAGS and not self.drop_stack:
            self._flush()
        if tag in ARTICLE_TAGS and self.article_depth:
            self.article_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        if self.in_jsonld:
            if sum(map(len, self.script_parts)) < MAX_JSONLD_CHARS:
                self.script_parts.append(data)
            return
        if not self.drop_stack:
            self.current.append(data.replace(_BREAK, ""))

    def _meta(self, attributes: dict[str, str]) -> None:
        key = (
            attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or ""
        ).lower()
        content = attributes.get("content")
        if key and content and key not in self.meta:
            self.meta[key] = content.strip()

    def close(self) -> None:
        super().close()
        self._flush()


def _jsonld_values(blob: str) -> dict[str, str]:
    """datePublished, headline, url, author and publisher names from one JSON-LD block."""
    try:
        data = json.loads(blob)
    except (ValueError, RecursionError):
        return {}
    found: dict[str, str] = {}
    stack: list[tuple[object, int]] = [(data, 0)]
    visited = 0
    while stack and visited < 5000:
        node, depth = stack.pop()
        visited += 1
        if depth > MAX_JSONLD_DEPTH:
            continue
        if isinstance(node, list):
            stack.extend((item, depth + 1) for item in reversed(node))
            continue
        if not isinstance(node, dict):
            continue
        for key in ("datePublished", "dateCreated", "headline", "url"):
            value = node.get(key)
            if isinstance(value, str) and key not in found:
                found[key] = value
        for key in ("author", "publisher"):
            value = node.get(key)
            name = (
                value.get("name")
                if isinstance(value, dict)
                else value[0].get("name")
                if (isinstance(value, list) and value and isinstance(value[0], dict))
                else value
            )
            if isinstance(name, str) and key not in found:
                found[key] = name
        stack.extend((value, depth + 1) for value in node.values() if isinstance(value, (dict, list)))
    return found


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((meta[k] for k in keys if meta.get(k)), None)


def _clean_title(title: str | None, outlet: str | None) -> str | None:
    if not title:
        return None
    title = _SPACE.sub(" ", title).strip()
    match = _TITLE_SUFFIX.search(title)
    # "Headline | Outlet": drop the site name the page repeats after its headline.
    if match and outlet and match.group("site").strip().lower() == outlet.strip().lower():
        title = title[: match.start()].strip()
    return title or None


def _defuse(markup: str) -> str:
    """Markup ``html.parser`` handles in linear time.

    The parser rescans to the end of the page from every construct that never closes
    (``<!--``, ``<![CDATA[``, ``<?``, ``</`` or ``<p`` without ``>``), which is quadratic.
    Comments are removed (an unterminated one hides the rest of the page, as in a browser)
    and every ``<`` that cannot start a complete tag is escaped as text.
    """
    parts: list[str] = []
    pos = 0
    while True:
        opening = markup.find("<!--", pos)
        if opening < 0:
            parts.append(markup[pos:])
            break
        parts.append(markup[pos:opening])
        closing = markup.find("-->", opening + 4)
        if closing < 0:
            break
        pos = closing + 3
    # A page cut off inside its last tag ("...</bo") should not end with that tag as text.
    markup = _TRUNCATED_TAG.sub("", "".join(parts))

    out: list[str] = []
    pos = 0
    size = len(markup)
    next_gt = -1  # next ">" at or after the current "<" (size when there is none)
    next_cdata_end = -1
    for match in _LT.finditer(markup):
        i = match.start()
        if markup.startswith("<![CDATA[", i):
            if next_cdata_end < i:
                found = markup.find("]]>", i)
                next_cdata_end = found if found >= 0 else size
            complete = next_cdata_end < size
        else:
            if next_gt < i:
                found = markup.find(">", i)
                next_gt = found if found >= 0 else size
            complete = next_gt < size and _TAG_START.match(markup, i + 1) is not None
        if not complete:
            out.append(markup[pos:i])
            out.append("&lt;")
            pos = i + 1
    out.append(markup[pos:])
    return "".join(out)


def extract_html(markup: str) -> HtmlPage:
    """Visible article text and metadata of an HTML page (never raises on bad markup)."""
    parser = _ArticleParser()
    try:
        parser.feed(_defuse(markup))
        parser.close()
    except (AssertionError, ValueError):  # html.parser gives up on some broken declarations
        parser._flush()
    inside = [b for b, in_article in parser.blocks if in_article]
    # Prefer the <article>/<main> content when the page marks it: sidebars often sit in plain divs.
    chosen = inside if sum(map(len, inside)) >= MIN_ARTICLE_CHARS else [b for b, _ in parser.blocks]
    text = "\n\n".join(chosen)
    meta = parser.meta
    ld: dict[str, str] = {}
    for blob in parser.jsonld:
        for key, value in _jsonld_values(blob).items():
            ld.setdefault(key, value)

    published, source = None, None
    # Cascade, most reliable first: explicit meta tags, JSON-LD, then the first <time datetime>.
    for key in PUBLISHED_KEYS:
        if meta.get(key) and (published := parse_meta_date(meta[key])):
            source = f'<meta {key}="{meta[key]}">'
            break
    if published is None and ld.get("datePublished"):
        if published := parse_meta_date(ld["datePublished"]):
            source = f'JSON-LD datePublished "{ld["datePublished"]}"'
    if published is None:
        # <time> in navigation, asides or footers dates other stories: never used (see parser).
        for _, _, value in sorted(parser.time_datetimes):
            if published := parse_meta_date(value):
                source = f'<time datetime="{value}">'
                break

    outlet = _first(meta, OUTLET_KEYS) or ld.get("publisher")
    title = _first(meta, TITLE_KEYS) or ld.get("headline") or "".join(parser.title_parts)
    url = http_url(parser.canonical) or http_url(_first(meta, URL_KEYS)) or http_url(ld.get("url"))
    author = _first(meta, AUTHOR_KEYS) or ld.get("author")
    return HtmlPage(
        text=text,
        title=_clean_title(title, outlet),
        outlet=(_SPACE.sub(" ", outlet).strip() or None) if outlet else None,
        url=url,
        # Some pages put a profile URL where the name belongs.
        author=None if not author or http_url(author) else (_SPACE.sub(" ", author).strip() or None),
        published=published,
        published_source=source,
    )
