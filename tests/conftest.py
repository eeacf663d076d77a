import pytest


@pytest.fixture(scope="session")
def nlp():
    """The extraction pipeline, loaded once per test session."""
    from generator.extract import load_model

    return load_model()
