"""Load news files into :class:`graph.records.Article` records.

Supported inputs: ``.txt``/``.md`` with an optional YAML front-matter block,
``.jsonl`` (one article per line, with a ``text`` field) and ``.html``/``.htm``.
Bytes are decoded by :mod:`pipelines.reading.decode` (UTF-8 with or without BOM,
GB18030/GBK, Big5...); pages go through :mod:`pipelines.reading.html_text`.

Every problem is an :class:`graph.errors.InputError` naming the file (and line)
and the reason.  :func:`iter_articles` yields them so a batch goes on;
:func:`load_file` raises the first one.

Limits
------
What the loader refuses on purpose, each with one line saying why:

- a ``.txt``/``.md``/``.html`` file over :data:`MAX_FILE_BYTES` (5 MiB) or a
  ``.jsonl`` file over :data:`MAX_JSONL_BYTES` (64 MiB), refused before it is
  read, so a huge or endless file costs neither memory nor time;
- an article whose cleaned text is over :data:`MAX_ARTICLE_CHARS` (100,000
  characters, five times a long feature).  Extraction time grows faster than
  the text (about 40 s for 100,000 characters today), so a longer text is
  refused rather than left to stall the batch; split it into parts;
- a language other than Chinese or English (``und`` when it is not said and
  cannot be told), since only ``zh`` and ``en`` have extraction rules;
- a published date more than :data:`MAX_DAYS_AHEAD` day after today.  Claim
  status is derived from dated statements, so a mistyped future date would
  make its statements the latest word on every claim they touch.

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

import datetime as dt
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from graph.errors import InputError
from graph.records import Article
from pipelines.reading.decode import decode_bytes
from pipelines.reading.html_text import extract_html
from pipelines.reading.language import SUPPORTED_LANGUAGES, detect_language
from pipelines.reading.normalise import clean_article_text, normalise_text

__all__ = [
    "MAX_ARTICLE_CHARS",
    "MAX_DAYS_AHEAD",
    "MAX_FILE_BYTES",
    "MAX_JSONL_BYTES",
    "SUPPORTED_SUFFIXES",
    "article_id",
    "decode_bytes",
    "extract_html",
    "iter_articles",
    "iter_sources",
    "load_file",
    "load_source",
]

SUPPORTED_SUFFIXES = (".txt", ".md", ".jsonl", ".html", ".htm")
MAX_FILE_BYTES = 5 * 2**20
MAX_JSONL_BYTES = 64 * 2**20
MAX_ARTICLE_CHARS = 100_000
# One day of slack: an outlet ahead of us in time zone may date its piece tomorrow.
MAX_DAYS_AHEAD = 1
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
    raise InputError(where, f"invalid published date '{text[:40]}' (expected YYYY-MM-DD)")


def _check_not_future(date: dt.date | None, where: str) -> None:
    today = dt.date.today()
    if date is not None and (date - today).days > MAX_DAYS_AHEAD:
        raise InputError(
            where, f"published date {date.isoformat()} is in the future (today is {today})"
        )


def _check_language(language: str, where: str, *, detected: bool) -> None:
    if language in SUPPORTED_LANGUAGES:
        return
    how = "detected" if detected else "given"
    raise InputError(
        where,
        f"unsupported language '{language[:20]}' ({how}; only Chinese 'zh' and English 'en' "
        "can be extracted, give 'language:' or --language if the detection is wrong)",
    )


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
    date = _parse_date(meta.get("published"), where) or published
    _check_not_future(date, where)
    cleaned = clean_article_text(body)
    if not cleaned.text:
        raise InputError(where, "no article text left after cleaning")
    if len(cleaned.text) > MAX_ARTICLE_CHARS:
        raise InputError(
            where,
            f"article too long: {len(cleaned.text):,} characters "
            f"(limit {MAX_ARTICLE_CHARS:,}; split it into parts)",
        )
    title = fields["title"] or (_guess_title(cleaned.text) if guess_title else "")
    given = _language_code(fields["language"] or language)
    article_language = given or detect_language(cleaned.text)
    _check_language(article_language, where, detected=given is None)
    return Article(
        id=article_id(cleaned.text),
        text=cleaned.text,
        language=article_language,
        title=title,
        outlet=fields["outlet"] or outlet,
        url=fields["url"],
        published=date,
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


def _size(count: int) -> str:
    return f"{count / 2**20:.1f} MiB" if count >= 2**20 else f"{count:,} bytes"


def _read_bounded(path: Path, where: str, limit: int) -> bytes:
    """The bytes of ``path``; refuse it, unread, when it is over ``limit``.

    The size is taken from the open file and the read is bounded too, so a
    file that grows while read, or a device, cannot exhaust memory.
    """
    try:
        # Checked before opening: opening a named pipe would block.
        if not stat.S_ISREG(path.stat().st_mode):
            raise InputError(where, "not a regular file")
        with path.open("rb") as handle:
            info = os.fstat(handle.fileno())
            if info.st_size > limit:
                raise InputError(
                    where, f"file too large: {_size(info.st_size)} (limit {_size(limit)})"
                )
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError(where, "cannot read file: it disappeared after it was listed") from None
    except OSError as err:
        raise InputError(where, f"cannot read file: {err.strerror or err}") from None
    if len(data) > limit:
        raise InputError(where, f"file too large: over {_size(limit)} (it grew while read)")
    return data


def _iter_file(path: Path, options: dict[str, Any]) -> Iterator[Article | InputError]:
    where = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix not in SUPPORTED_SUFFIXES:
            raise InputError(where, f"unsupported file type '{path.suffix or path.name}'")
        limit = MAX_JSONL_BYTES if suffix == ".jsonl" else MAX_FILE_BYTES
        data = _read_bounded(path, where, limit)
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


def _expand(path: Path) -> Iterator[Path | InputError]:
    """``path`` itself, or the visible files under a folder in sorted order.

    A sub-folder that cannot be listed (unreadable, or gone meanwhile) is an
    error of its own; the walk goes on.
    """
    if not path.is_dir():
        yield path
        return
    problems: list[OSError] = []
    files: list[Path] = []
    for root, dirs, names in os.walk(path, onerror=problems.append):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files.extend(Path(root, n) for n in names if not n.startswith("."))
    for err in problems:
        where = err.filename or str(path)
        yield InputError(str(where), f"cannot list folder: {err.strerror or err}")
    for child in sorted(files):
        try:
            regular = stat.S_ISREG(child.stat().st_mode)
        except OSError:
            regular = True  # gone or unreadable: reading it says which, in one line
        if regular:  # sockets, pipes and devices in a folder are no articles
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
    for file in iter_sources(paths):
        if isinstance(file, InputError):
            yield file
        else:
            yield from _iter_file(file, options)


def iter_sources(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """The files :func:`iter_articles` reads, in its order, and the paths it cannot list.

    With :func:`load_source` this lets the reading be spread over processes:
    ``iter_articles(paths)`` is ``load_source`` of each file in turn.
    """
    for given in paths:
        path = Path(given)
        if not path.exists():
            yield InputError(str(given), "no such file or directory")
            continue
        yield from _expand(path)


def load_source(
    path: Path,
    *,
    outlet: str | None = None,
    published: dt.date | None = None,
    language: str | None = None,
) -> list[Article | InputError]:
    """Everything :func:`iter_articles` yields for one file (articles and errors)."""
    options = {"outlet": outlet, "published": published, "language": language}
    return list(_iter_file(path, options))


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
