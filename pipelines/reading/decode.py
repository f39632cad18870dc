"""Decode the bytes of a news file into text.

UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such.  A UTF-8
file cut inside its last character (a download or copy that stopped short)
loses only that partial character.  Anything else is decoded with the most
plausible of the encodings Chinese and English news come in: charset-normalizer's
guesses plus GB18030/GBK, Big5 and Western code pages, each tried on its own,
because short GBK/Big5 texts fool a detector.

Examples
--------
>>> decode_bytes("顾俊告诉虎嗅。".encode("gb18030"), "a.txt")
'顾俊告诉虎嗅。'
>>> decode_bytes("此消息".encode("utf-8")[:-1], "a.txt")
'此消'
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata

import charset_normalizer

from graph.errors import InputError

__all__ = ["decode_bytes"]

_LEGACY_ENCODINGS = ("gb18030", "big5", "big5hkscs", "cp950", "cp1252", "iso8859_15")
# A decoding counts as text when this share of its characters is plausible.
_MIN_PLAUSIBLE = 0.9
# The longest UTF-8 sequence; a cut character leaves fewer bytes than this.
_UTF8_MAX_BYTES = 4
# Plausibility is judged on the start of a decoding: enough to tell, and cheap
# on a large file.
_SAMPLE_CHARS = 200_000
_ASCII_TEXT = re.compile(rb"[\t\n\r\x20-\x7e]")
_BINARY_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_C1_CONTROL = re.compile(r"[\x80-\x9f]")


@functools.cache
def _is_plausible(char: str) -> bool:
    """Whether ``char`` is likely in Chinese or English news (not mojibake)."""
    if char.isascii():
        return char.isprintable() or char in "\n\r\t"
    code = ord(char)
    if 0xFF61 <= code <= 0xFF9F or 0xE000 <= code <= 0xF8FF:
        return False  # half-width katakana, private use: typical of a wrong guess
    group = unicodedata.category(char)[0]
    if group in "NPSZ":
        return True
    if group != "L":
        return False
    if 0x00C0 <= code <= 0x024F or 0x3040 <= code <= 0x30FF:
        return True
    # A wrong double-byte guess gives rare ideographs; real text uses common ones.
    for encoding in ("gb2312", "big5"):
        try:
            char.encode(encoding)
        except UnicodeEncodeError:
            continue
        return True
    return False


def _plausible_share(text: str) -> float:
    return sum(map(_is_plausible, text)) / len(text) if text else 0.0


@functools.cache
def _is_common_han(char: str) -> bool:
    """Whether ``char`` is a frequent ideograph: GB2312 level 1 or Big5 level 1."""
    for encoding, low, high in (("gb2312", 0xB0A1, 0xD7FE), ("big5", 0xA440, 0xC67E)):
        try:
            code = int.from_bytes(char.encode(encoding), "big")
        except UnicodeEncodeError:
            continue
        if low <= code <= high:
            return True
    return False


@functools.cache
def _is_telling(char: str) -> bool:
    """Whether ``char`` speaks for its decoding: ASCII, a frequent ideograph,
    or punctuation from U+2000 on (CJK and typographic marks).

    Mojibake is made of rare ideographs or Latin-1 letters and signs, which
    are plausible one by one but not telling.
    """
    if char.isascii() or _is_common_han(char):
        return True
    return ord(char) >= 0x2000 and unicodedata.category(char)[0] in "PZ"


def _telling_share(text: str) -> float:
    return sum(map(_is_telling, text)) / len(text) if text else 0.0


def _utf8_cut_at_end(data: bytes, error: UnicodeDecodeError) -> str | None:
    """The text of ``data`` when it is UTF-8 whose last character was cut off."""
    tail = len(data) - error.start
    if error.reason != "unexpected end of data" or not 0 < tail < _UTF8_MAX_BYTES:
        return None
    try:
        text = data[: error.start].decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    # Only UTF-8 seen before the cut says the file is UTF-8: "caf\xe9" is cp1252.
    return None if text.isascii() else text


def decode_bytes(data: bytes, where: str) -> str:
    """Decode file bytes: UTF-8 (BOM or not), else the most plausible guess.

    Raise :class:`InputError` for binary data and for bytes no encoding fits.
    """
    for bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if data.startswith(bom):
            try:
                return data.decode("utf-16")
            except UnicodeDecodeError as err:
                raise InputError(where, f"undecodable UTF-16 bytes: {err.reason}") from None
    if b"\x00" in data or len(_BINARY_CONTROL.findall(data)) > len(data) // 20:
        raise InputError(where, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        cut = _utf8_cut_at_end(data, utf8_error)
        if cut is not None:
            return cut
        first_bad = utf8_error.start
    detected = charset_normalizer.from_bytes(data, cp_isolation=list(_LEGACY_ENCODINGS))
    best: tuple[float, float, str] | None = None
    for encoding in dict.fromkeys([m.encoding for m in detected] + list(_LEGACY_ENCODINGS)):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _C1_CONTROL.search(text):
            continue  # a right guess does not produce C1 control characters
        sample = text[:_SAMPLE_CHARS]
        share = _plausible_share(sample)
        if share < _MIN_PLAUSIBLE:
            continue
        # Among plausible decodings, the right one reads as common characters.
        candidate = (_telling_share(sample), share, text)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    if best is not None:
        return best[2]
    if len(_ASCII_TEXT.findall(data)) < len(data) // 2:
        raise InputError(where, "binary file, not text")
    raise InputError(
        where,
        f"undecodable bytes: not UTF-8 (bad byte at offset {first_bad}) "
        "and no Chinese or Western encoding fits",
    )
