import pytest

from .factories import ClerkSigner
from .fake_clerk import SECRET_KEY, FakeClerk


@pytest.fixture(scope="session")
def signer():
    return ClerkSigner()


@pytest.fixture
def clerk(settings, signer):
    """Clerk session tokens verified with CLERK_JWT_KEY (no network); development sign-in off."""
    settings.CLERK_JWT_KEY = signer.public_pem
    settings.DEV_SIGN_IN = False
    return signer


@pytest.fixture
def fake_clerk(httpserver, settings, signer):
    """Clerk's Backend API on localhost, reached through CLERK_API_URL with CLERK_SECRET_KEY."""
    fake = FakeClerk(httpserver, signer)
    settings.CLERK_SECRET_KEY, settings.CLERK_API_URL = SECRET_KEY, fake.url
    return fake


@pytest.fixture
def dev_sign_in(settings):
    """Development sign-in, which exists only with DEBUG on (the test runner turns DEBUG off)."""
    settings.DEBUG, settings.DEV_SIGN_IN = True, True
