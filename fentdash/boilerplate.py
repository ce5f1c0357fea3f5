"""Boilerplate spans: lines of an article that are not article text.

``find_boilerplate(text)`` returns the ``(start, end)`` spans of lines that extractors skip:
newsletter and sharing prompts, cookie notices, photo credits, "Related:" blocks, and the
caption and related-headline lines that scrapes leave between paragraphs. ``find_title``
returns the headline line, which is never skipped (press-release titles name people).

A line is judged a caption only when every cue agrees: it sits after the article's first
sentence, it does not end like a sentence (``. ! ? : ;`` or a closing quote), it is short, it is
not a wrapped piece of a longer sentence, and it carries nothing an extractor needs (digits,
weekdays, list markers, academic credentials, an opening quotation mark).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Captions and headlines are short; a line longer than this is prose even without a full stop.
MAX_CAPTION_WORDS = 25
# Prompts ("Sign up ...") are matched only on lines this short, so a sentence that merely
# starts with the same words is never dropped.
MAX_PROMPT_WORDS = 30
MAX_TITLE_WORDS = 45
MAX_TITLE_CHARS = 320
PREFERRED_TITLE_WORDS = 5

_OPEN_LIST = r"(?:[-*\u2022\u25e6\u25aa\u2023>|(\[]\s{0,3})?"
# Whole-line prompts and trailers, matched at the start of the stripped line.
_PROMPT = (
    r"(?:sign\s(?:up|in)\b|subscribe\b|unsubscribe\b|by\s(?:submitting|signing\sup|clicking|continuing|registering)\b"
    r"|(?:click|tap)\shere\b|read\smore\b|read\sthe\sfull\b|continue\sreading\b|keep\sreading\b"
    r"|(?:story|article)\scontinues\b|scroll\s(?:down\s)?to\scontinue\b|related\s{0,3}:|see\salso\s{0,3}:"
    r"|also\sread\s{0,3}:|share\s(?:this|on|via)\b"
    r"|tweet\s(?:this|it)\b|email\sthis\b|print\sthis\b|follow\sus\b|like\sus\son\b"
    r"|download\s(?:our|the)\s(?:free\s)?app\b|get\sthe\sapp\b|enter\syour\semail\b|email\saddress\b"
    r"|thank\syou\sfor\s(?:subscribing|signing\sup|reading|your\sinterest)\b|already\sa\s(?:subscriber|member)\b"
    r"|create\s(?:a\s)?(?:free\s)?account\b|register\s(?:now|for\sfree|here)\b"
    r"|you\shave\sreached\b|to\scontinue\sreading\b|all\srights\sreserved\b|\u00a9|\(c\)\s\d"
    r"|privacy\spolicy\b|terms\sof\s(?:use|service)\b|cookie|we\suse\scookies\b|accept\s(?:all\s)?cookies\b"
    r"|our\sstandards\s{0,3}:|copyright\s{1,3}(?:\u00a9\s{0,3})?(?:19|20)\d\d\b|this\smaterial\smay\snot\sbe\b"
    r"|(?:file\s)?photo\b\s{0,3}(?::|by\b|credit\b|courtesy\b)|photograph\s{0,3}:|images?\s{0,3}:|credit\s{0,3}:"
    r"|caption\s{0,3}:|source\s{0,3}:\s{0,3}(?:getty|ap\b|reuters|afp|shutterstock)"
    r"|watch\s{0,3}:|listen\s{0,3}:|watch\s(?:the\s)?video\b|play\svideo\b|listen\sto\sthis\sarticle\b"
    r"|(?:media|press)\s(?:contact|inquiries)\b|contact\s{0,3}:|phone\s{0,3}:|tel\s{0,3}:|e-?mail\s{0,3}:"
    r"|for\smore\sinformation,?\s(?:visit|contact|go\sto|see)\b|for\simmediate\srelease\b|###|#\s#\s#|-30-|-\s?end\s?-)"
)
_PROMPT_LINE = re.compile(_OPEN_LIST + _PROMPT, re.I)
# The one prompt that may start anywhere in the line's first 80 characters, so it is tried only
# when "contr" is in the lowered line (under re.I only i, k and s match non-ASCII letters).
_CONTRIBUTED_LINE = re.compile(
    _OPEN_LIST + r"[^\n]{0,80}\bcontributed\sto\sthis\s(?:report|story|article)\b", re.I
)
# Words that are prompts only as a whole short line ("Advertisement", "Share", "Log in"),
# not as the start of a sentence ("Sponsored by the DEA, the program ...").
_SHORT_PROMPT = re.compile(
    _OPEN_LIST
    + r"(?:advertisement|sponsored(?:\s(?:content|links?|stories|post))?|share|more|log\s?in|sign\sout"
    r"|join\sour\s[^\n]{1,40}|copyright\b[^\n]{0,80}|follow\s[^\n]{1,40}|print|email|tweet|comments?)\s{0,3}[:.!]?\s*",
    re.I,
)
MAX_SHORT_PROMPT_WORDS = 8
# Wire-service trailers: "(Reporting by Dana Whitfield; Editing by Tom Brown)". A sentence
# such as "Reporting by the Times found ..." ends in a full stop and has no semicolon.
_TRAILER = re.compile(r"\(?\s{0,3}(?:additional\s)?(?:reporting|editing|writing|compiled)\sby\b", re.I)
# A byline: "By Jane Doe", "BY JANE DOE, Associated Press", "By Jane Doe and John Roe | Reuters".
_NAME = r"[A-Z][\w.'\u2019-]{0,30}"
_BYLINE = re.compile(
    r"(?:By|BY)\s{1,3}"
    + _NAME
    + r"(?:\s{1,3}(?:"
    + _NAME
    + r"|and|de|van|von|del|la)){0,6}(?:\s{0,3}[,|\u2013\u2014-]\s{0,3}[^\n]{0,80})?"
)
MAX_BYLINE_WORDS = 14
MAX_BYLINE_LINE = 6  # bylines sit under the headline, not deep in the body
_BYLINE_END = re.compile(r"\s{0,3}[,|\u2013\u2014]\s{0,3}|\s-\s")
# "Newsletter" anywhere in a short line is a sign-up prompt.
_NEWSLETTER = re.compile(r"\bnewsletters?\b", re.I)
MAX_NEWSLETTER_WORDS = 14
# Photo credits anywhere in a caption-sized line.
_CREDIT = re.compile(
    r"\b(?:AP\sPhoto|Getty\sImages|Shutterstock|iStock|Photo\s(?:by|credit|courtesy)|Photograph:|File\sphoto)\b"
    r"|/(?:Getty|Reuters|AFP|AP|EPA|Bloomberg)\b|\((?:AP|Reuters|AFP|Getty|EPA|Photo|Image|Credit|File)\b[^)\n]{0,80}\)\s*$",
)
MAX_CREDIT_WORDS = 60
# Bare links, e-mail addresses and Markdown images are not prose.
_LINK_LINE = re.compile(
    r"(?:!\[[^\]\n]{0,300}\]\([^)\n]{0,500}\)|(?:https?://|www\.)\S{1,2000}|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5})\s*",
    re.I,
)
# "Related stories" and similar labels head a block of headline links.
_LINK_LABEL = re.compile(
    r"(?:related(?:\s(?:stories|articles|content|coverage|links|news|reading))?|read\smore|more\son\sthis(?:\sstory)?"
    r"|recommended(?:\sfor\syou)?|most\s(?:read|popular|viewed)|you\smay\salso\slike|also\sread|see\salso"
    r"|trending(?:\snow)?|top\sstories|latest\snews|what\sto\sread\snext|more\sfrom\s[^:\n]{1,40}|more\sstories)\s{0,3}:?",
    re.I,
)
# A sentence ends with . ! ? : ; or an ellipsis, possibly inside closing quotes or brackets,
# or with a closing quotation mark (a quoted paragraph).
_TERMINAL = re.compile(r"(?:[.!?:;\u2026][\"'\u201d\u2019)\]]{0,3}|[\"\u201d\u2019\u00bb])\s*$")
# Cues that a line carries something an extractor needs.
_DIGIT = re.compile(r"\d")
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
_LIST_ITEM = re.compile(
    r"\s{0,8}(?:[-*\u2022\u25e6\u25aa\u2023\u2013\u2014]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s", re.I
)
_CREDENTIALS = re.compile(
    r"\b(?:M\.D\.|Ph\.D\.|M\.P\.H\.|J\.D\.|R\.N\.|D\.O\.|Pharm\.D\.|Ed\.D\.|Dr\.P\.H\.|M\.B\.A\.|M\.S\.N\.)"
)
# Lower-case reporting verbs: a line reporting speech is text even when its full stop is lost
# (headlines capitalise "Says", captions rarely report speech).
_REPORTING = re.compile(
    r"\b(?:said|says|told|tells|added|adds|warned|warns|stated|states|announced|announces|explained"
    r"|noted|according\sto)\b"
)
# Headline case: most words of four or more letters capitalised.
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
MIN_HEADLINE_WORDS = 6
MIN_HEADLINE_CAPS = 4
HEADLINE_CAPS_SHARE = 0.8
_OPENING_QUOTE = re.compile(r"\s{0,8}[\"\u201c\u2018\u00ab]")
# A line ending in a comma, dash or function word continues on the next line (hard wrap).
_CONTINUES = re.compile(
    r"(?:[,\-\u2013\u2014(/&]|\b(?:a|an|the|of|to|in|on|at|for|from|with|by|and|or|but|that|which|who|as|is|are"
    r"|was|were|has|have|had|said|says|its|their|his|her|than|into|about|over|under))\s*$",
    re.I,
)
_STARTS_LOWER = re.compile(r"\s{0,8}[a-z]")
# A quotation's last line: the line after it may name the speaker ("Jeff Sessions, Attorney General").
_QUOTE_END = re.compile(r"[\"\u201d\u00bb]\s*$")
# Two sentences on one line ("... in 2018. HHS Secretary ...") make it prose, not a headline;
# abbreviations of three lowercase letters ("Capt. Smith") do not end a sentence.
_SENTENCE_BREAK = re.compile(
    r"(?<!\bCapt)(?<!\bDept)(?<!\bCorp)(?<!\bSupt)(?<!\bProf)(?<!\bSept)(?<!\bAssn)(?:[a-z]{3}|\d)[.!?]\s{1,3}[A-Z]"
)


# Lines longer than this are never captions or prompts; their words are not counted.
MAX_COUNTED_CHARS = 1500
LONG_LINE_WORDS = 10_000


@dataclass(slots=True)
class Line:
    """A non-blank line."""

    start: int
    end: int  # excluding the newline
    text: str
    words: int  # LONG_LINE_WORDS for lines too long to be anything but prose
    terminal: bool  # ends like a sentence (see _TERMINAL)
    prompt: bool | None = None  # _is_prompt, worked out once per line


def _blocks(text: str, start: int = 0) -> list[list[Line]]:
    """Runs of consecutive non-blank lines, split on ``\n`` only (``str.splitlines`` also
    splits on form feeds and U+2028)."""
    if start > len(text):
        return []
    blocks: list[list[Line]] = []
    current: list[Line] = []
    pos = start
    for piece in text[start:].split("\n"):
        size = len(piece)
        if size <= MAX_COUNTED_CHARS:
            words = len(piece.split())  # split() and strip() share one definition of white space
            blank = not words
        else:
            words = LONG_LINE_WORDS
            blank = not piece.strip()
        if blank:
            if current:
                blocks.append(current)
                current = []
        else:
            current.append(Line(pos, pos + size, piece, words, _TERMINAL.search(piece[-12:]) is not None))
        pos += size + 1
    if current:
        blocks.append(current)
    return blocks


def _may_credit(text: str) -> bool:
    """Cheap necessary condition for ``_CREDIT`` (case-sensitive), so most lines skip the regex."""
    return (
        "/" in text
        or "(" in text
        or "hoto" in text
        or "Getty" in text
        or "Shutterstock" in text
        or "iStock" in text
    )


def _check_prompt(line: Line) -> bool:
    stripped = line.text.strip()
    words = line.words
    if words <= MAX_PROMPT_WORDS and (
        _PROMPT_LINE.match(stripped) or ("contr" in stripped.lower() and _CONTRIBUTED_LINE.match(stripped))
    ):
        return True
    if words <= MAX_SHORT_PROMPT_WORDS and _SHORT_PROMPT.fullmatch(stripped):
        return True
    if (
        words <= MAX_PROMPT_WORDS
        and _TRAILER.match(stripped)
        and (";" in stripped or stripped.startswith("(") or not line.terminal)
    ):
        return True
    if words <= MAX_BYLINE_WORDS and not line.terminal and _BYLINE.fullmatch(stripped):
        return True
    # Only i, k and s have non-ASCII case-insensitive matches, so "letter" is safe to look for.
    if words <= MAX_NEWSLETTER_WORDS and "letter" in stripped.lower() and _NEWSLETTER.search(stripped):
        return True
    if words <= MAX_CREDIT_WORDS and _may_credit(stripped) and _CREDIT.search(stripped):
        return True
    return bool(_LINK_LINE.fullmatch(stripped))


def _is_prompt(line: Line) -> bool:
    """Sign-up, sharing, cookie, credit and contact lines, links and end markers."""
    if line.prompt is None:
        line.prompt = _check_prompt(line)
    return line.prompt


def _is_label(line: Line) -> bool:
    return line.words <= 8 and bool(_LINK_LABEL.fullmatch(line.text.strip()))


def _headline_case(line: Line) -> bool:
    """Title Case or ALL CAPS over most long words: a headline, not a sentence."""
    long_words = _LONG_WORD.findall(line.text)
    capitalised = sum(1 for word in long_words if word[0].isupper())
    return (
        line.words >= MIN_HEADLINE_WORDS
        and capitalised >= MIN_HEADLINE_CAPS
        and (capitalised >= HEADLINE_CAPS_SHARE * len(long_words))
    )


def _protected(line: Line) -> bool:
    """Lines a caption rule must never drop: they may hold figures, dates, lists, quotes or speech.

    Figures and weekdays do not protect a headline-case line: a related headline
    ("Fentanyl Deaths Top 100,000 For First Time") repeats another story's numbers.
    """
    text = line.text
    if _LIST_ITEM.match(text) or _CREDENTIALS.search(text) or _OPENING_QUOTE.match(text):
        return True
    if _REPORTING.search(text):
        return True
    return bool(_DIGIT.search(text) or _WEEKDAY.search(text)) and not _headline_case(line)


def _is_prose(line: Line) -> bool:
    return line.terminal or line.words > MAX_CAPTION_WORDS


def _headline_shaped(line: Line) -> bool:
    stripped = line.text.strip()
    return not (
        len(stripped) > MAX_TITLE_CHARS
        or line.words > MAX_TITLE_WORDS
        or line.words < 2
        or stripped.endswith((".", ",", ";", ":"))
        or _LIST_ITEM.match(line.text)
        or _SENTENCE_BREAK.search(stripped)
    )


def _title_line(blocks: list[list[Line]]) -> Line | None:
    """The headline line (see ``find_title``)."""
    lines = [line for block in blocks for line in block]
    chosen: int | None = None
    for index, line in enumerate(lines):
        if _is_prompt(line) or _is_label(line):
            continue
        if not _headline_shaped(line):
            break  # the body has begun
        if chosen is None or (lines[chosen].words < PREFERRED_TITLE_WORDS <= line.words):
            chosen = index
        if lines[chosen].words >= PREFERRED_TITLE_WORDS:
            break
    # A headline is followed by body text; a lone line is just text.
    if chosen is None or chosen == len(lines) - 1:
        return None
    return lines[chosen]


def _title(line: Line | None) -> tuple[str, int, int] | None:
    if line is None:
        return None
    stripped = line.text.strip()
    offset = line.start + line.text.index(stripped)
    return stripped, offset, offset + len(stripped)


def find_title(text: str, *, start: int = 0) -> tuple[str, int, int] | None:
    """The headline: a line above the first sentence that reads like one, with body text below.

    Press releases stack agency names and "FOR IMMEDIATE RELEASE" above the headline, so
    the first such line of at least ``PREFERRED_TITLE_WORDS`` words wins, else the first one.
    Returns ``(title, start, end)`` with ``text[start:end] == title`` (stripped), or ``None``.
    """
    return _title(_title_line(_blocks(text, start)))


def _byline(blocks: list[list[Line]]) -> str | None:
    seen = 0
    for block in blocks:
        for line in block:
            stripped = line.text.strip()
            if line.words <= MAX_BYLINE_WORDS and not line.terminal and _BYLINE.fullmatch(stripped):
                name = _BYLINE_END.split(stripped[2:].strip(), maxsplit=1)[0].strip()
                return name or None
            seen += 1
            if seen >= MAX_BYLINE_LINE:
                return None
    return None


def find_byline(text: str, *, start: int = 0) -> str | None:
    """The author named by a "By ..." line among the first lines, e.g. ``"Dana Whitfield"``."""
    return _byline(_blocks(text, start))


def _units(block: list[Line]) -> list[list[Line]]:
    """Lines grouped into sentences: a unit ends at a line that ends like a sentence."""
    if len(block) == 1:
        return [block]
    units: list[list[Line]] = []
    unit: list[Line] = []
    for line in block:
        unit.append(line)
        if line.terminal or line.words > MAX_CAPTION_WORDS:
            units.append(unit)
            unit = []
    if unit:
        units.append(unit)
    return units


def _wrapped(unit: list[Line]) -> bool:
    """A hard-wrapped sentence: a line runs on into the next one."""
    return any(
        _CONTINUES.search(line.text[-40:]) or _STARTS_LOWER.match(following.text)
        for line, following in zip(unit, unit[1:], strict=False)
    )


def _ends_quote(line: Line | None) -> bool:
    return line is not None and bool(_QUOTE_END.search(line.text[-8:]))


def _skip_spans(blocks: list[list[Line]], title: Line | None) -> tuple[tuple[int, int], ...]:
    kept = _title(title)
    title_start = kept[1] if kept else -1
    skip: list[tuple[int, int]] = []
    in_body = False  # captions are judged only after the article's first sentence
    links = False  # inside a block of headline links under a "Related" label
    previous: Line | None = None  # the last line judged; a closing quotation protects the next
    for block in blocks:
        for unit in _units(block):
            last = unit[-1]
            # A speaker list ("Jane Roe, M.D., Director ...") stays whole, however it is wrapped.
            captions = (
                not _is_prose(last)
                and not _wrapped(unit)
                and not any(_CREDENTIALS.search(line.text) for line in unit)
            )
            prompt_runs_on = False  # a wrapped prompt continues to the end of its sentence
            for line in unit:
                if line.start <= title_start < line.end:
                    continue
                if prompt_runs_on or _is_prompt(line):
                    skip.append((line.start, line.end))
                    prompt_runs_on = not line.terminal and bool(_CONTINUES.search(line.text[-40:]))
                elif line.words <= 8 and _is_label(line):
                    skip.append((line.start, line.end))
                    links = True
                elif links and not line.terminal and line.words <= MAX_CAPTION_WORDS:
                    skip.append((line.start, line.end))
                else:
                    links = False
                    if in_body and captions and not _ends_quote(previous) and not _protected(line):
                        skip.append((line.start, line.end))
                previous = line
            in_body = in_body or (_is_prose(last) and not _is_prompt(last))
        # A label alone in its block heads the next block; otherwise its list ends with the block.
        links = links and all(_is_label(line) or _is_prompt(line) for line in block)
    return tuple(skip)


def find_boilerplate(text: str, *, start: int = 0) -> tuple[tuple[int, int], ...]:
    """Spans of lines to skip, in order (one span per line; newlines excluded).

    ``start`` is where the article begins (after front matter). The title line is kept.
    """
    blocks = _blocks(text, start)
    return _skip_spans(blocks, _title_line(blocks))


def read_layout(
    text: str, *, start: int = 0
) -> tuple[tuple[str, int, int] | None, str | None, tuple[tuple[int, int], ...]]:
    """``find_title``, ``find_byline`` and ``find_boilerplate`` in one pass over the lines."""
    blocks = _blocks(text, start)
    title = _title_line(blocks)
    return _title(title), _byline(blocks), _skip_spans(blocks, title)
