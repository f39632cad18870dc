"""Load news files into :class:`graph.records.Article` records.

Supported inputs: ``.txt``/``.md`` with an optional YAML front-matter block,
``.jsonl`` (one article per line, with a ``text`` field) and ``.html``/``.htm``.
Bytes are read as UTF-8 (with or without BOM), else as whatever encoding
charset-normalizer finds (GB18030/GBK and Big5 pages are common).

Every problem is an :class:`graph.errors.InputError` naming the file (and line)
and the reason.  :func:`iter_articles` yields them so a batch goes on;
:func:`load_file` raises the first one.

Examples
--------
>>> from pathlib import Path
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "a.md").write_text("---\\noutlet: 虎嗅\\n---\\n顾俊告诉虎嗅。", "utf-8")
>>> [article] = load_file(folder / "a.md")
>>> article.outlet, article.language, article.text
('虎嗅', 'zh', '顾俊告诉虎嗅。')
"""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import charset_normalizer
import yaml

from graph.errors import InputError
from graph.records import Article
from pipelines.language import detect_language
from pipelines.normalise import clean_article_text, normalise_text

__all__ = ["SUPPORTED_SUFFIXES", "article_id", "iter_articles", "load_file"]

SUPPORTED_SUFFIXES = (".txt", ".md", ".jsonl", ".html", ".htm")
TITLE_MAX_CHARS = 80
_TEXT_FIELDS = ("title", "outlet", "url", "language", "republished_by", "republished_from")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TITLE_STOP = "。！？.!?"
_MD_HEADING = re.compile(r"^#{1,6}\s+")


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML without implicit dates, so ``published`` is checked by us."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# Encodings a non-UTF-8 Chinese or English news file comes in.  Short GBK/Big5
# texts fool a detector, so each is also tried on its own and the most
# plausible decoding wins.
_LEGACY_ENCODINGS = ("gb18030", "big5", "big5hkscs", "cp950", "cp1252", "iso8859_15")
# A decoding counts as text when this share of its characters is plausible.
_MIN_PLAUSIBLE = 0.9
_ASCII_TEXT = re.compile(rb"[\t\n\r\x20-\x7e]")
_BINARY_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_C1_CONTROL = re.compile(r"[\x80-\x9f]")
_WHITESPACE = re.compile(r"\s+")
_HIDDEN_TAGS = frozenset(
    {"script", "style", "nav", "header", "footer", "noscript", "template", "aside", "form"}
)
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "blockquote", "section", "article", "tr", "pre", "figcaption"}
    | {f"h{level}" for level in range(1, 7)}
)


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


def decode_bytes(data: bytes, where: str) -> str:
    """Decode file bytes: UTF-8 (BOM or not), else the most plausible guess."""
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(where, f"undecodable UTF-16 bytes: {err.reason}") from None
    if b"\x00" in data or len(_BINARY_CONTROL.findall(data)) > len(data) // 20:
        raise InputError(where, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        first_bad = utf8_error.start
    detected = charset_normalizer.from_bytes(data, cp_isolation=list(_LEGACY_ENCODINGS))
    best: tuple[float, str] | None = None
    for encoding in dict.fromkeys([m.encoding for m in detected] + list(_LEGACY_ENCODINGS)):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _C1_CONTROL.search(text):
            continue  # a right guess does not produce C1 control characters
        share = _plausible_share(text)
        if best is None or share > best[0]:
            best = (share, text)
    if best is not None and best[0] >= _MIN_PLAUSIBLE:
        return best[1]
    if len(_ASCII_TEXT.findall(data)) < len(data) // 2:
        raise InputError(where, "binary file, not text")
    raise InputError(
        where,
        f"undecodable bytes: not UTF-8 (bad byte at offset {first_bad}) "
        "and no Chinese or Western encoding fits",
    )


class _PageText(HTMLParser):
    """Visible block text of an HTML page, its <title> and its first <h1>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.h1: list[str] = []
        self._hidden = 0
        self._in_title = False
        self._in_h1 = False
        self._seen_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        self._in_title = self._in_title or tag == "title"
        if tag == "h1" and not self._seen_h1 and not self._hidden:
            self._in_h1 = self._seen_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden = max(self._hidden - 1, 0)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        if tag == "title":
            self._in_title = False
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._hidden:
            data = _WHITESPACE.sub(" ", data)
            self.parts.append(data)
            if self._in_h1:
                self.h1.append(data)


def extract_html(markup: str) -> tuple[str, str]:
    """Return ``(title, text)`` of a page: <h1> (else <title>) and visible text.

    Text of script, style, nav, header, footer, aside, form, noscript and
    template elements is dropped; block elements end a line.
    """
    parser = _PageText()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    text = "\n".join(line for line in lines if line)
    title = " ".join("".join(parser.h1).split()) or " ".join("".join(parser.title).split())
    return title, text


def article_id(text: str) -> str:
    """First 16 hex characters of the SHA-256 of the normalised ``text``."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


def _split_front_matter(text: str, where: str) -> tuple[dict[str, Any], str]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), None)
    if end is None:
        raise InputError(where, "malformed front matter: no closing '---' line")
    block = "\n".join(lines[1:end])
    try:
        data = yaml.load(block, Loader=_FrontMatterLoader)  # a SafeLoader subclass
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        at = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise InputError(where, f"malformed front matter: {problem}{at}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(where, "malformed front matter: YAML is not a mapping of fields")
    return data, "\n".join(lines[end + 1 :])


def _parse_date(value: Any, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    text = str(value).strip()
    if _DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise InputError(where, f"invalid published date '{text}' (expected YYYY-MM-DD)")


def _text_fields(meta: Mapping[str, Any], where: str) -> dict[str, str | None]:
    fields: dict[str, str | None] = {}
    for name in _TEXT_FIELDS:
        value = meta.get(name)
        if isinstance(value, (list, dict)):
            raise InputError(where, f"field '{name}' must be text, not {type(value).__name__}")
        fields[name] = (str(value).strip() or None) if value is not None else None
    return fields


def _language_code(value: str | None) -> str | None:
    """Primary subtag, lower case: ``"zh-Hant"`` and ``"ZH_cn"`` give ``"zh"``."""
    if not value:
        return None
    return value.strip().lower().replace("_", "-").split("-")[0] or None


def _guess_title(text: str) -> str:
    first = text.split("\n", 1)[0]
    first = _MD_HEADING.sub("", first).strip()
    if len(first) <= TITLE_MAX_CHARS and not any(c in _TITLE_STOP for c in first):
        return first
    return ""


def _make_article(
    body: str,
    meta: Mapping[str, Any],
    where: str,
    *,
    guess_title: bool,
    outlet: str | None,
    published: dt.date | None,
    language: str | None,
) -> Article:
    fields = _text_fields(meta, where)
    date = _parse_date(meta.get("published"), where)
    cleaned = clean_article_text(body)
    if not cleaned.text:
        raise InputError(where, "no article text left after cleaning")
    title = fields["title"] or (_guess_title(cleaned.text) if guess_title else "")
    return Article(
        id=article_id(cleaned.text),
        text=cleaned.text,
        language=_language_code(fields["language"] or language) or detect_language(cleaned.text),
        title=title,
        outlet=fields["outlet"] or outlet,
        url=fields["url"],
        published=date or published,
        source=where,
        republished_from=fields["republished_from"] or cleaned.republished_from,
        republished_by=fields["republished_by"],
    )


def _iter_jsonl(text: str, path: str, options: dict[str, Any]) -> Iterator[Article | InputError]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputError(where, f"not valid JSON: {err.msg} (column {err.colno})")
            continue
        if not isinstance(record, dict):
            yield InputError(where, f"line is a JSON {type(record).__name__}, not an object")
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            yield InputError(where, "missing 'text' field (a non-empty string)")
            continue
        try:
            yield _make_article(body, record, where, guess_title=False, **options)
        except InputError as err:
            yield err


def _iter_file(path: Path, options: dict[str, Any]) -> Iterator[Article | InputError]:
    where = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix not in SUPPORTED_SUFFIXES:
            raise InputError(where, f"unsupported file type '{path.suffix or path.name}'")
        try:
            data = path.read_bytes()
        except OSError as err:
            raise InputError(where, f"cannot read file: {err.strerror or err}") from None
        if not data.strip():
            raise InputError(where, "empty file")
        text = decode_bytes(data, where).replace("\r\n", "\n").replace("\r", "\n")
        if not normalise_text(text).strip():
            raise InputError(where, "empty file")
        if suffix == ".jsonl":
            yield from _iter_jsonl(text, where, options)
        elif suffix in (".html", ".htm"):
            title, body = extract_html(text)
            yield _make_article(body, {"title": title}, where, guess_title=False, **options)
        else:
            meta, body = _split_front_matter(normalise_text(text), where)
            yield _make_article(body, meta, where, guess_title=True, **options)
    except InputError as err:
        yield err


def _expand(path: Path) -> Iterator[Path]:
    if not path.is_dir():
        yield path
        return
    for child in sorted(path.rglob("*")):
        hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
        if child.is_file() and not hidden:
            yield child


def iter_articles(
    paths: Iterable[str | Path],
    *,
    outlet: str | None = None,
    published: dt.date | None = None,
    language: str | None = None,
) -> Iterator[Article | InputError]:
    """Yield an ``Article`` per article, or an ``InputError`` per bad file/line.

    Folders are walked recursively in sorted order, skipping hidden files and
    folders.  ``outlet``, ``published`` and ``language`` fill only what a file
    does not say itself; the language is detected when nobody says it, and a
    given one is reduced to its primary subtag (``zh-Hant`` -> ``zh``).
    """
    options = {"outlet": outlet, "published": published, "language": language}
    for given in paths:
        path = Path(given)
        if not path.exists():
            yield InputError(str(given), "no such file or directory")
            continue
        for file in _expand(path):
            yield from _iter_file(file, options)


def load_file(
    path: str | Path,
    *,
    outlet: str | None = None,
    published: dt.date | None = None,
    language: str | None = None,
) -> list[Article]:
    """All articles of one file; raise the first ``InputError`` found."""
    articles: list[Article] = []
    options = {"outlet": outlet, "published": published, "language": language}
    for item in _iter_file(Path(path), options):
        if isinstance(item, InputError):
            raise item
        articles.append(item)
    return articles
