from pathlib import Path

import pytest

from mhkg import pipeline
from mhkg.iri import DEFAULT_BASE_IRI, Minter
from mhkg.loaders import LoadContext, Source

HERE = Path(__file__).parent
SEEDS = HERE.parents[1] / "data" / "seeds"


@pytest.fixture(scope="session")
def context() -> LoadContext:
    return pipeline.context_for(Minter(DEFAULT_BASE_IRI))


@pytest.fixture
def seed():
    def read(prefix: str) -> Source:
        (path,) = SEEDS.glob(f"{prefix}_*")
        return Source.from_path(path)

    return read


@pytest.fixture
def fixture_source():
    def read(name: str) -> Source:
        return Source.from_path(HERE / "fixtures" / name)

    return read


def text_source(text: str, name: str = "record.txt") -> Source:
    return Source(name=name, data=text.encode("utf-8"), media_type="text/plain")
