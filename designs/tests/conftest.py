import pytest

from .fake_openai import FakeOpenAI

FAKE_KEY = "sk-test-designforge"


@pytest.fixture
def fake_openai(settings):
    """The OpenAI provider switched on and pointed at a local fake of the OpenAI API."""
    with FakeOpenAI() as fake:
        settings.OPENAI_API_KEY = FAKE_KEY
        settings.OPENAI_BASE_URL = fake.base_url
        settings.OPENAI_MODEL = "gpt-4o-mini"
        settings.OPENAI_TIMEOUT_SECONDS = 5.0
        yield fake
