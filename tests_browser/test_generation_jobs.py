"""A queued generation in a real browser (as with workers): the generate form moves on to the
generation's page, which shows progress and opens the design system by itself once a worker has
finished it; a generation that fails shows why. The worker's task runs here in the test process."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from designforge.celery import app
from designs import services
from designs.models import DesignSystem, Generation
from designs.tasks import generation_execute

from .conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def queued():
    """Generations are queued instead of run in the request. With no REDIS_URL the message goes to
    Celery's in-memory broker, where no worker takes it: the test runs the task itself."""
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = eager


def start(page, prompt: str) -> Generation:
    sign_in(page, "queue@example.com", "/generate/")
    page.get_by_label("Describe your brand or product").fill(prompt)
    page.get_by_role("button", name="Generate").click()
    page.wait_for_url("**/generations/*/")
    return Generation.objects.get()


def test_the_progress_page_opens_the_design_system_once_the_worker_is_done(page, queued, shoot):
    generation = start(page, "calm, trustworthy fintech for young families")
    expect(page.get_by_test_id("generation-pending")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Working on it")
    shoot(page, "generation-pending")

    generation_execute.apply(args=[generation.pk])
    design_system = DesignSystem.objects.get()
    page.wait_for_url(f"**/designs/{design_system.pk}/")  # the page asked, and moved on by itself
    expect(page.get_by_role("heading", level=1)).to_contain_text(design_system.name)


def test_a_failed_generation_says_why_and_offers_a_new_try(page, queued, shoot):
    generation = start(page, "bold neon esports")
    services.generations_expire_stale(older_than=timedelta(0))  # cut off: failed, credits returned
    expect(page.get_by_test_id("generate-error")).to_contain_text("credits for this request were returned")
    assert Generation.objects.get(pk=generation.pk).status == "failed"
    shoot(page, "generation-failed")
    page.get_by_role("link", name="Try again").click()
    page.wait_for_url("**/generate/")
