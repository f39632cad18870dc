"""Score extraction against the hand-written gold articles.

The gold format and the scoring rules are ``pipelines/gold/FORMAT.md``.
Three steps, each usable alone, each in its own module (re-exported here):

- :mod:`pipelines.evaluation.gold`: :func:`load_gold_dir` / :func:`load_gold_file`
  read and check the gold files (a malformed file is one ``PATH: reason``
  line; the others are still read);
- :mod:`pipelines.evaluation.predict`: :func:`predict` ingests the gold articles
  into a store through the normal ingestion path and returns what was
  extracted per article;
- :mod:`pipelines.evaluation.scoring`: :func:`score_article` /
  :func:`score_corpus` are pure functions from gold and predictions to
  figures, testable without spaCy.

The command line (``python -m pipelines evaluate``) is :mod:`pipelines.evaluation.report`.

Examples
--------
>>> gold = GoldArticle(id="a", split="dev", path="a.json", text="甲称：“乙已上线。”",
...     statements=(GoldStatement(speaker="甲", key="乙已上线", stance="asserts"),))
>>> pred = PredictedStatement(id="s1", speaker="甲", stance="asserts", claim_id="c1",
...     claim_text="乙已上线", evidence="甲称：“乙已上线。”")
>>> score_article(gold, ArticlePrediction(statements=(pred,))).statements.f1
1.0
"""

from __future__ import annotations

from pipelines.evaluation.gold import (
    SPLITS,
    ClaimLink,
    GoldActor,
    GoldArticle,
    GoldStatement,
    load_gold_dir,
    load_gold_file,
    parse_gold,
    resolve_source,
)
from pipelines.evaluation.predict import predict
from pipelines.evaluation.scoring import (
    PRF,
    TRAP_SHARE,
    ArticlePrediction,
    ArticleScore,
    Evaluation,
    Match,
    PredictedActor,
    PredictedStatement,
    Ratio,
    Summary,
    match_statements,
    same_descriptor,
    score_article,
    score_corpus,
    speaker_matches,
    trap_hit,
)

__all__ = [
    "PRF",
    "SPLITS",
    "TRAP_SHARE",
    "ArticlePrediction",
    "ArticleScore",
    "ClaimLink",
    "Evaluation",
    "GoldActor",
    "GoldArticle",
    "GoldStatement",
    "Match",
    "PredictedActor",
    "PredictedStatement",
    "Ratio",
    "Summary",
    "load_gold_dir",
    "load_gold_file",
    "match_statements",
    "parse_gold",
    "predict",
    "resolve_source",
    "same_descriptor",
    "score_article",
    "score_corpus",
    "speaker_matches",
    "trap_hit",
]
