"""Stage 1: raw bytes to text, or a rejection that says what to do instead."""
import codecs
import re
from dataclasses import dataclass, field

from trials.importer.errors import ImportRejected

MAX_BYTES = 2 * 1024 * 1024

BINARY_SIGNATURES = {
    b"%PDF": "a PDF",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a zip archive (perhaps a Word or Excel file)",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"{\\rtf": "an RTF document",
}
HTML_START = re.compile(r"^\s*(?:<!doctype html|<html\b|<head\b|<body\b|<\?xml)", re.IGNORECASE)
HTML_TAG = re.compile(r"</?(?:html|head|body|div|span|script|style|table|p|a|meta|link)\b[^>]*>", re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


@dataclass
class DecodedText:
    text: str
    encoding: str
    warnings: list = field(default_factory=list)


def decode(raw: bytes) -> str:
    """The page's text; see read_text for the details and the warnings."""
    return read_text(raw).text


def read_text(raw: bytes) -> DecodedText:
    reject_unusable_bytes(raw)
    decoded = decode_bytes(raw)
    if CONTROL.search(decoded.text[:4000]) and len(CONTROL.findall(decoded.text)) > len(decoded.text) / 100:
        raise ImportRejected("This file holds binary data, not text. Save the trial page as plain text (.txt) and import that.")
    decoded.text = tidy(decoded.text)
    if not decoded.text.strip():
        raise ImportRejected("This file holds only blank space. Copy the trial page's text into it and try again.")
    reject_html(decoded.text)
    return decoded


def reject_unusable_bytes(raw):
    if not raw or not raw.strip():
        raise ImportRejected("This file is empty. Copy the trial page's text into it and try again.")
    if len(raw) > MAX_BYTES:
        raise ImportRejected(
            f"This file is {len(raw) / 1024 / 1024:.1f} MB, over the {MAX_BYTES // 1024 // 1024} MB limit for one "
            "trial page. Check it is a single trial page saved as text, not a whole site or a data export."
        )
    for signature, kind in BINARY_SIGNATURES.items():
        if raw.startswith(signature):
            raise ImportRejected(
                f"This file is {kind}, not text. Open the trial page in a browser, copy its text and save it as a .txt file."
            )


def decode_bytes(raw):
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return DecodedText(raw.decode(encoding, errors="replace"), encoding)
    utf16 = guess_utf16_without_bom(raw)
    if utf16:
        return DecodedText(raw.decode(utf16, errors="replace"), utf16,
                           [f"The file has no byte-order mark; it was read as {utf16.upper()}."])
    if b"\x00" in raw:
        raise ImportRejected("This file holds binary data, not text. Save the trial page as plain text (.txt) and import that.")
    try:
        return DecodedText(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text, encoding = raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = raw.decode("latin-1"), "latin-1"
    return DecodedText(text, encoding, [
        f"The file is not UTF-8; it was read as {encoding} (Windows/Latin-1). Check accented letters and symbols such as ≥."
    ])


def guess_utf16_without_bom(raw):
    """UTF-16 text in a Latin script has a zero in every other byte."""
    sample = raw[:2000]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0) / len(sample[0::2])
    odd_zeros = sample[1::2].count(0) / len(sample[1::2])
    if odd_zeros > 0.4 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.4 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def tidy(text):
    """One newline convention, no invisible characters, non-breaking spaces as spaces, no trailing blanks,
    East Asian punctuation and numbering as their ASCII counterparts (see ascii_punctuation)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u2028", "\n")
    text = INVISIBLE.sub("", text)
    return "\n".join(ascii_punctuation(line).rstrip() for line in text.split("\n"))


# Full-width forms (U+FF01-FF5E) are ASCII characters drawn wide; the colon gets the space a label's colon has,
# and the ideographic space the width of a gap between columns ('Country\u3000Taiwan' is 'Country   Taiwan').
WIDE = {chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
WIDE.update({"\uff1a": ": ", "\u3000": "   ", "\u300c": '"', "\u300d": '"', "\u300e": '"', "\u300f": '"',
             "\u3001": ", ", "\u3002": ". ", "\u2027": "\u00b7", "\u30fb": "\u00b7"})
WIDE_TABLE = str.maketrans(WIDE)
BRACKET_LABEL = re.compile(r"^(\s*)\u3010([^\u3011]{1,60})\u3011\s*")  # '【Phase】 Phase III'
LABEL_MARK = re.compile(r"^(\s*)[\u25b6\u25ba\u25b8\u27a4\u25c6\u25a0\u25cf]\s*")  # '▶ Phase   Phase 2'
MIDDLE_DOT_BULLET = re.compile(r"^(\s*)\u00b7\s*(?=\S)")
CJK_DIGITS = "一二三四五六七八九十"
CJK_NUMBER = re.compile(rf"^(\s*)([{CJK_DIGITS}]{{1,3}}|\d{{1,2}}), (?=\S)")  # '一、' '1、' once the comma is ASCII


def ascii_punctuation(line):
    """'年龄：18～70' as 'Label: 18~70': full-width colons, brackets, tildes and bars as ASCII; a '【Label】' or
    '▶ Label' opening a line as a plain label; '一、' and '1、' numbering as '1.'; '・' bullets as '•'."""
    if line.isascii():
        return CJK_NUMBER.sub(lambda m: f"{m[1]}{cjk_number(m[2])}. ", line)
    line = BRACKET_LABEL.sub(lambda m: f"{m[1]}{m[2].strip()}: ", line).translate(WIDE_TABLE)
    line = LABEL_MARK.sub(r"\1", line)
    line = MIDDLE_DOT_BULLET.sub(r"\1• ", line)
    return CJK_NUMBER.sub(lambda m: f"{m[1]}{cjk_number(m[2])}. ", line)


def cjk_number(numeral):
    """'三' -> 3, '十二' -> 12, '二十' -> 20; digits as they are."""
    if numeral.isdigit():
        return int(numeral)
    values = [CJK_DIGITS.index(ch) + 1 for ch in numeral]
    if 10 not in values:
        return values[0]
    tens = values[0] if values[0] != 10 else 1
    return tens * 10 + (values[-1] if values[-1] != 10 and len(values) > 1 else 0)


def reject_html(text):
    head = text[:5000]
    if HTML_START.match(head) or len(HTML_TAG.findall(head)) >= 8:
        raise ImportRejected(
            "This file is the page's HTML source, not its text. Open the page in a browser, select all of its "
            "visible text, copy it and save that as a .txt file."
        )
