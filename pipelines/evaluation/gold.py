"""Gold articles for the evaluation harness: the records, reading and checking them.

The format is ``pipelines/gold/FORMAT.md``.  :func:`parse_gold` checks the
decoded JSON of one file; :func:`load_gold_file` reads one file;
:func:`load_gold_dir` reads a ``<split>/<id>.json`` tree, turning each
malformed file into one ``PATH: reason`` line and still reading the others.

An article's text is inline (``"text"``) or read from a file (``"source"``,
resolved beside the gold file, then from the repository root), so a gold file
can annotate an article it may not hold a copy of.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.errors import InputError
from graph.keys import text_key
from graph.records import ActorKind, Stance

__all__ = [
    "REPO_ROOT",
    "SPLITS",
    "ClaimLink",
    "GoldActor",
    "GoldArticle",
    "GoldStatement",
    "load_gold_dir",
    "load_gold_file",
    "parse_gold",
    "resolve_source",
]

SPLITS = ("dev", "test")
REPO_ROOT = Path(__file__).resolve().parents[2]
_STANCES = frozenset(str(s) for s in Stance)
_KINDS = frozenset(str(k) for k in ActorKind)


@dataclass(frozen=True)
class GoldActor:
    name: str
    kind: str


@dataclass(frozen=True)
class GoldStatement:
    speaker: str
    key: str
    stance: str
    refers_to: int | None = None
    via: str | None = None


@dataclass(frozen=True)
class ClaimLink:
    """Statement ``statement`` states the claim of ``other_statement`` of ``article``."""

    statement: int
    article: str
    other_statement: int


@dataclass(frozen=True)
class GoldArticle:
    id: str
    split: str
    path: str
    text: str
    language: str = "zh"
    title: str = ""
    outlet: str | None = None
    published: str | None = None
    actors: tuple[GoldActor, ...] = ()
    statements: tuple[GoldStatement, ...] = ()
    traps: tuple[str, ...] = ()
    claim_links: tuple[ClaimLink, ...] = ()
    notes: str = ""
    source: str | None = None  # the text file the article was read from, if not inline


def _need(data: dict[str, Any], name: str, kind: type, where: str) -> Any:
    value = data.get(name)
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        what = {str: "a non-empty string", dict: "an object", list: "a list"}.get(kind, str(kind))
        raise InputError(where, f"'{name}' must be {what}")
    return value


def _index(value: Any, size: int, where: str, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < size:
        raise InputError(where, f"{what} must be a statement index 0..{size - 1}, not {value!r}")
    return value


def _parse_statements(raw: Any, text_folded: str, where: str) -> tuple[GoldStatement, ...]:
    if not isinstance(raw, list):
        raise InputError(where, "'statements' must be a list")
    out = []
    for i, s in enumerate(raw):
        at = f"statement {i}"
        if not isinstance(s, dict):
            raise InputError(where, f"{at} is not an object")
        speaker = _need(s, "speaker", str, f"{where}: {at}").strip()
        key = _need(s, "key", str, f"{where}: {at}")
        if not text_key(key) or text_key(key) not in text_folded:
            raise InputError(where, f"{at}: key {key!r} does not occur in the article text")
        stance = s.get("stance")
        if stance not in _STANCES:
            raise InputError(where, f"{at}: stance {stance!r} is not one of {sorted(_STANCES)}")
        refers_to = s.get("refers_to")
        if refers_to is not None:
            _index(refers_to, len(raw), where, f"{at}: refers_to")
            if refers_to == i:
                raise InputError(where, f"{at}: refers_to points at itself")
        via = s.get("via")
        if via is not None and (not isinstance(via, str) or not via.strip()):
            raise InputError(where, f"{at}: via must be a non-empty string")
        out.append(GoldStatement(speaker, key, stance, refers_to, via))
    return tuple(out)


def parse_gold(data: Any, path: str, split: str) -> GoldArticle:
    """A checked :class:`GoldArticle` from the decoded JSON of one gold file.

    Raises
    ------
    InputError
        Naming ``path`` and what is wrong.
    """
    if not isinstance(data, dict):
        raise InputError(path, "gold file is not a JSON object")
    gold_id = _need(data, "id", str, path)
    art = _need(data, "article", dict, path)
    text, source = _article_text(art, path)
    language = art.get("language") or "zh"
    if language not in ("zh", "en"):
        raise InputError(path, f"article language {language!r} is not zh or en")
    published = art.get("published")
    if published is not None:
        try:
            dt.date.fromisoformat(str(published))
        except ValueError:
            raise InputError(path, f"published {published!r} is not YYYY-MM-DD") from None
    actors = []
    for i, a in enumerate(data.get("actors") or []):
        if not isinstance(a, dict):
            raise InputError(path, f"actor {i} is not an object")
        name = _need(a, "name", str, f"{path}: actor {i}").strip()
        if a.get("kind") not in _KINDS:
            raise InputError(
                path, f"actor {i} ({name}): kind {a.get('kind')!r} is not one of {sorted(_KINDS)}"
            )
        actors.append(GoldActor(name, a["kind"]))
    statements = _parse_statements(data.get("statements", []), text_key(text), path)
    traps = data.get("traps") or []
    if not isinstance(traps, list) or not all(isinstance(t, str) and t.strip() for t in traps):
        raise InputError(path, "'traps' must be a list of non-empty strings")
    links = []
    for i, link in enumerate(data.get("claim_links") or []):
        if not isinstance(link, dict):
            raise InputError(path, f"claim link {i} is not an object")
        where = f"claim link {i}"
        own = _index(link.get("statement"), len(statements), path, f"{where}: statement")
        other = link.get("other_statement")
        if not isinstance(other, int) or isinstance(other, bool) or other < 0:
            raise InputError(path, f"{where}: other_statement must be an index, not {other!r}")
        links.append(ClaimLink(own, _need(link, "article", str, f"{path}: {where}"), other))
    return GoldArticle(
        id=gold_id,
        split=split,
        path=path,
        text=text,
        language=language,
        title=str(art.get("title") or ""),
        outlet=art.get("outlet") or None,
        published=str(published) if published else None,
        actors=tuple(actors),
        statements=statements,
        traps=tuple(traps),
        claim_links=tuple(links),
        notes=str(data.get("notes") or ""),
        source=source,
    )


def _article_text(art: dict[str, Any], path: str) -> tuple[str, str | None]:
    """The article's text, inline or read from its ``source`` file, and that file."""
    if "source" not in art:
        return _need(art, "text", str, f"{path}: article"), None
    if "text" in art:
        raise InputError(f"{path}: article", "has both 'text' and 'source'; keep one")
    source = _need(art, "source", str, f"{path}: article")
    found = resolve_source(source, path)
    if found is None:
        raise InputError(
            path,
            f"article source {source!r} not found beside the gold file or under {REPO_ROOT}",
        )
    try:
        text = found.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(path, f"cannot read article source {found}: {err}") from None
    if not text.strip():
        raise InputError(path, f"article source {found} is empty")
    return text, str(found)


def resolve_source(source: str, gold_path: str | Path) -> Path | None:
    """The file ``source`` names: absolute, beside the gold file, or under the repo root."""
    given = Path(source)
    if given.is_absolute():
        return given if given.is_file() else None
    for base in (Path(gold_path).parent, REPO_ROOT):
        candidate = (base / given).resolve()
        if candidate.is_file():
            return candidate
    return None


def load_gold_file(path: str | Path, split: str = "dev") -> GoldArticle:
    """One gold file, wherever it lives (``split`` is what it is scored as).

    Raises
    ------
    InputError
        ``PATH: reason`` when the file cannot be read or is malformed.
    """
    if split not in SPLITS:
        raise InputError(str(path), f"split {split!r} is not one of {list(SPLITS)}")
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(str(path), f"cannot read: {err}") from None
    except json.JSONDecodeError as err:
        raise InputError(str(path), f"not valid JSON: {err.msg} (line {err.lineno})") from None
    return parse_gold(data, str(path), split)


def load_gold_dir(
    root: str | Path, splits: Sequence[str] = SPLITS
) -> tuple[list[GoldArticle], list[str]]:
    """Gold articles under ``root`` (``.../<split>/<id>.json``) and problem lines.

    A file that is not under a ``dev``/``test`` folder is named in the problems
    and skipped, as is a malformed one; every other file is still read.
    """
    root = Path(root)
    golds: list[GoldArticle] = []
    problems: list[str] = []
    seen: dict[str, str] = {}
    for path in sorted(root.rglob("*.json")):
        if any(p.startswith(".") for p in path.relative_to(root).parts):
            continue
        split = path.parent.name
        if split not in SPLITS:
            problems.append(f"{path}: not under a dev/ or test/ folder; skipped")
            continue
        if split not in splits:
            continue
        try:
            gold = load_gold_file(path, split)
        except InputError as err:
            problems.append(str(err))
            continue
        if gold.id in seen:
            problems.append(f"{path}: id {gold.id!r} already used by {seen[gold.id]}")
            continue
        seen[gold.id] = str(path)
        golds.append(gold)
    by_id = {g.id: g for g in golds}
    for g in golds:
        for link in g.claim_links:
            other = by_id.get(link.article)
            if other is not None and link.other_statement >= len(other.statements):
                problems.append(
                    f"{g.path}: claim link to {link.article} statement "
                    f"{link.other_statement}, which has only {len(other.statements)}"
                )
    return golds, problems
