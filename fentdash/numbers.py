"""Numbers as written in news text: digits, number words, scale words, fractions.

``NUMBER`` is a regex fragment (no capture groups) for one number as written, e.g.
"20,000", "60.000", "9.5 million", "$80bn" (without the "$"), "one million", "twenty-five",
"a million". ``parse_number`` turns such a match into a float.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

UNITS_WORDS: Final[dict[str, int]] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS: Final[dict[str, int]] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALE_WORDS: Final[dict[str, float]] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
    "trn": 1e12,
}
# Shares written as words ("three-quarters of ..."), in percent.
FRACTION_WORDS: Final[dict[str, float]] = {
    "half": 50.0,
    "a half": 50.0,
    "one half": 50.0,
    "a third": 100 / 3,
    "one third": 100 / 3,
    "two thirds": 200 / 3,
    "a quarter": 25.0,
    "one quarter": 25.0,
    "three quarters": 75.0,
    "a fourth": 25.0,
    "one fourth": 25.0,
    "three fourths": 75.0,
    "a fifth": 20.0,
    "one fifth": 20.0,
    "two fifths": 40.0,
    "three fifths": 60.0,
    "four fifths": 80.0,
    "a tenth": 10.0,
    "one tenth": 10.0,
}

_UNIT_ALT = "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
_TENS_ALT = "|".join(TENS_WORDS)
# Scale words written out; abbreviations ("bn", "m") only directly after digits.
_SCALE_LONG = r"(?:hundred|thousand|million|billion|trillion)"
_SCALE_SHORT = r"(?:bn|mln|mn|trn|tn|[kmb])(?![\w])"

DIGITS: Final[str] = (
    r"(?:\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,4})?"  # 20,000 / 1,300.5
    r"|\d{1,3}(?:\.\d{3}){1,4}(?![\d,])"  # 60.000 (European grouping, or 3.150 decimal)
    r"|\d{1,9}(?:\.\d{1,6})?)"  # 130 / 32.6
)
WORD_NUMBER: Final[str] = rf"(?:(?:{_TENS_ALT})(?:[- ](?:{_UNIT_ALT})(?![\w]))?|(?:{_UNIT_ALT}))"
SCALE: Final[str] = rf"(?:[ \u00a0]?{_SCALE_LONG}(?:[ \u00a0]{_SCALE_LONG})?|{_SCALE_SHORT})"
# One number as written: digits or words, optionally followed by a scale word.
# Digits may be glued to a unit ("2mg", "10%"); callers check what follows.
NUMBER: Final[str] = (
    rf"(?:{DIGITS}(?:{SCALE})?(?![\d])"
    rf"|(?:{WORD_NUMBER}|an?)(?:[ \u00a0]{_SCALE_LONG}){{1,2}}(?![\w])"
    rf"|{WORD_NUMBER}(?![\w]))"
)

_EUROPEAN = re.compile(r"\d{1,3}(?:\.\d{3})+")
_DIGITS_RE = re.compile(DIGITS)
_WORD_SPLIT = re.compile(r"[\s\u00a0-]+")


@lru_cache(maxsize=4096)  # numbers as written recur ("2021", "100,000"); the value is immutable
def parse_number(text: str, *, count: bool = True) -> float | None:
    """Value of one number as written, or None.

    Args:
        text: a string matched by ``NUMBER`` ("9.5 million", "60.000", "twenty-five").
        count: whether the context is a count; then "60.000" (groups of exactly three digits
            after a dot) is European grouping for 60000, else it is a decimal.
    """
    s = text.strip().lower().replace("\u00a0", " ")
    m = _DIGITS_RE.match(s)
    if m:
        digits = m.group(0)
        if count and _EUROPEAN.fullmatch(digits) and "." in digits:
            base = float(digits.replace(".", ""))
        else:
            base = float(digits.replace(",", ""))
        rest = s[m.end() :].strip()
        return base * _scale(rest) if rest else base
    words = [w for w in _WORD_SPLIT.split(s) if w]
    total, current, seen = 0.0, 0.0, False
    for w in words:
        if w in UNITS_WORDS:
            current += UNITS_WORDS[w]
        elif w in TENS_WORDS:
            current += TENS_WORDS[w]
        elif w in ("a", "an"):
            current += 1
        elif w in SCALE_WORDS:
            factor = SCALE_WORDS[w]
            if factor == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * factor
                current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def _scale(rest: str) -> float:
    factor = 1.0
    for w in _WORD_SPLIT.split(rest):
        if w:
            factor *= SCALE_WORDS.get(w, 1.0)
    return factor


def fraction_percent(text: str) -> float | None:
    """Percent for a fraction word ("three-quarters" -> 75.0), or None."""
    key = " ".join(w for w in _WORD_SPLIT.split(text.strip().lower()) if w)
    if key.endswith("s") and key not in FRACTION_WORDS and key[:-1] in FRACTION_WORDS:
        key = key[:-1]
    return FRACTION_WORDS.get(key)
