from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED_DIR = REPO.parent / "shared" / "seed"
SEED_ARTICLE = SEED_DIR / "tiktok_us_closed_loop.zh.txt"


@pytest.fixture(scope="session")
def seed_article_path() -> Path:
    if not SEED_ARTICLE.is_file():
        pytest.skip(f"seed article not found at {SEED_ARTICLE} (../shared is not beside the repo)")
    return SEED_ARTICLE


@pytest.fixture(scope="session")
def extractor():
    from pipelines.extract import Extractor

    return Extractor()
