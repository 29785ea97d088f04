"""Every write to generations.

A generation (`generation_run`) never holds a transaction or a lock across the provider call:

1. the user's generation rate limit is counted (`GENERATION_RATE_LIMIT`, shared by the API, the
   dashboard and API keys); one short transaction records the Generation (`pending`, with what to
   save) and spends its credits with key `gen:<generation id>`; too few credits roll both back (402:
   nothing recorded, nothing charged);
2. the provider reads the prompt and the engine generates the tokens, outside any transaction: in
   the request when tasks run inline (no `REDIS_URL`), else in a worker (`designs.tasks.generation_execute`,
   sent on commit), and the request answers at once with the pending generation;
3. a second transaction stores the result (and the design system, with `save`) and marks it
   `succeeded`; on any failure the credits are refunded in full (`refund:gen:<id>`) and the
   generation is marked `failed` with the error (inline, a 502/503 is then raised).

A queued generation is a row first: `generations_requeue` (the scheduler) sends again those still
pending after `REQUEUE_AFTER` (their message was lost), and `generations_expire_stale` fails and
refunds those pending after `STALE_AFTER`. The worker starts only pending generations and stores a
result only on a pending one (under its row lock), so a message delivered twice charges and saves once.

An `Idempotency-Key` is unique per user in the database, so a retry, however concurrent, finds the
first generation: the same request gets that generation's result again (409 while it is still
running; its failure again if it failed), a different request gets 409 `idempotency_conflict`.

Lock order: the user row (taken by the plan-limit check when saving), then the generation row,
then (inside credits) the credit account row.
"""

import hashlib
import json
import logging
import time
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from credits.selectors import balance_of
from credits.services import credits_refund, credits_spend, feature_cost
from designforge.celery import runs_inline, send_on_commit
from designforge.ratelimit import rate_limit_hit

from ..engine import build_report, generate_colors, generate_design_system, generate_typography
from ..errors import DesignSystemLimitReached, GenerationFailed, IdempotencyConflict, InvalidInput
from ..models import DesignSystem, Generation
from ..providers import Provider, ProviderError, provider_from_settings
from .design_systems import default_name, design_system_limit_check
from .inputs import MAX_NAME_LENGTH, MAX_PROMPT_LENGTH, clean_seed, clean_text

logger = logging.getLogger("designs")

MAX_IDEMPOTENCY_KEY_LENGTH = 255
#: A generation still pending after this long was cut off (the server stopped mid-request): it is
#: failed and refunded. Far above the longest request (provider timeout and retry, gunicorn timeout).
STALE_AFTER = timedelta(minutes=10)
#: A queued generation still pending after this long has lost its message (or its worker): send it
#: again. Well above one provider call with its retry (2 x OPENAI_TIMEOUT_SECONDS).
REQUEUE_AFTER = timedelta(minutes=3)

GENERATORS = {
    Generation.Kind.COLORS: generate_colors,
    Generation.Kind.TYPOGRAPHY: generate_typography,
    Generation.Kind.DESIGN_SYSTEM: generate_design_system,
}

FAILURE_MESSAGES = {
    502: "The AI provider gave an unusable answer.",
    503: "The AI provider could not be reached in time.",
    500: "The generation failed on our side.",
    403: "Your plan's limit of saved design systems was reached while this generated; nothing was saved.",
}
CUT_OFF = "Cut off before it finished (the server stopped while generating)."
CREDITS_RETURNED = " The credits for this request were returned in full; please try again."


def request_hash(*, kind: str, prompt: str, seed_color: str, save: bool, name: str) -> str:
    """Fingerprint of a (cleaned) generation request, to tell an idempotent retry from a new request."""
    body = {"kind": kind, "prompt": prompt, "seed_color": seed_color, "save": save, "name": name}
    return hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def user_message(generation: Generation) -> str:
    """What the user is told about a failed generation (never the staff detail in `error`)."""
    status = generation.error_status or 500
    return FAILURE_MESSAGES.get(status, FAILURE_MESSAGES[500]) + CREDITS_RETURNED


def generation_run(
    *,
    user: User,
    kind: str,
    prompt: str = "",
    seed_color: str | None = None,
    save: bool = False,
    name: str = "",
    idempotency_key: str | None = None,
) -> Generation:
    """Generate `kind` tokens (`colors`, `typography` or `design-system`) for `user`, charging the
    feature's cost once. Inline (no worker): returns the succeeded Generation (with its design system
    when `save`). With a worker: returns it `pending`, credits taken, and a worker finishes it.

    Raises `RateLimited` (429), `InvalidInput` (400), `InsufficientCredits` (402, nothing recorded or
    charged), `DesignSystemLimitReached` (403 with `save` past the plan's limit of saved design systems:
    checked before charging, and again when saving, where a save that lost a race at the limit is
    refunded), `IdempotencyConflict` (409: key used for a different request, or, inline, that request
    still running) and `GenerationFailed` (502/503 after returning the credits; the failure is recorded).
    The generation returned carries `balance`: the user's balance once it was charged (for a retry
    with a used Idempotency-Key, the balance now).
    """
    rate_limit_hit(scope="generation", key=str(user.pk), rate=settings.GENERATION_RATE_LIMIT)
    if kind not in GENERATORS:
        raise InvalidInput(details={"kind": [f"Must be one of: {', '.join(GENERATORS)}."]})
    prompt = clean_text(prompt, field="prompt", max_length=MAX_PROMPT_LENGTH)
    seed = clean_seed(seed_color)
    name = clean_text(name, field="name", max_length=MAX_NAME_LENGTH)
    if idempotency_key is not None and not 0 < len(idempotency_key) <= MAX_IDEMPOTENCY_KEY_LENGTH:
        raise InvalidInput(details={"Idempotency-Key": [f"Must be 1 to {MAX_IDEMPOTENCY_KEY_LENGTH} characters."]})
    digest = request_hash(kind=kind, prompt=prompt, seed_color=seed, save=bool(save), name=name)
    provider = provider_from_settings()

    generation, created = _generation_start(
        user=user,
        kind=kind,
        prompt=prompt,
        seed=seed,
        digest=digest,
        key=idempotency_key,
        provider=provider,
        save=bool(save),
        name=name,
    )
    if not created:
        generation = _generation_replay(generation, digest)
        generation.balance = balance_of(user)
        return generation
    balance = generation.balance
    if runs_inline():
        generation = _generation_execute(generation, provider=provider)
        generation.balance = balance
        return generation
    from ..tasks import generation_execute  # the tasks module imports the services

    send_on_commit(generation_execute, generation.pk)
    return generation


def generation_execute_queued(*, generation_id: int) -> Generation | None:
    """The worker's part of a queued generation: call the provider, store the result or refund. A
    generation that is no longer pending (done, failed, expired, or never stored) is left as it is."""
    generation = Generation.objects.filter(pk=generation_id).first()
    if generation is None or generation.status != Generation.Status.PENDING:
        return generation
    try:
        return _generation_execute(generation, provider=provider_from_settings())
    except (GenerationFailed, DesignSystemLimitReached):  # recorded, credits returned: the user polls it
        return Generation.objects.get(pk=generation_id)


def generations_to_requeue(*, older_than: timedelta = REQUEUE_AFTER) -> list[int]:
    """Ids of generations still pending after `older_than` but not yet stale: their message was lost."""
    now = timezone.now()
    pending = Generation.objects.filter(
        status=Generation.Status.PENDING, created_at__lt=now - older_than, created_at__gte=now - STALE_AFTER
    )
    return list(pending.order_by("created_at").values_list("pk", flat=True)[:500])


def _generation_start(
    *,
    user: User,
    kind: str,
    prompt: str,
    seed: str,
    digest: str,
    key: str | None,
    provider: Provider,
    save: bool,
    name: str,
) -> tuple[Generation, bool]:
    """Step 1: (generation, True) after recording it and taking its credits in one transaction (with
    `save`, only if the plan has room for one more design system), or (the earlier generation with
    this key, False)."""
    if key is not None:
        earlier = Generation.objects.filter(user_id=user.pk, idempotency_key=key).first()
        if earlier is not None:
            return earlier, False
    cost = feature_cost(kind)
    try:
        with transaction.atomic():
            if save:
                design_system_limit_check(owner=user)
            generation = Generation.objects.create(
                user=user,
                kind=kind,
                prompt=prompt,
                seed_color=seed,
                request_hash=digest,
                idempotency_key=key,
                provider=provider.name,
                model=provider.model,
                credits_charged=cost,
                saves_design_system=save,
                design_system_name=name,
            )
            spent = credits_spend(
                user=user,
                feature=kind,
                amount=cost,
                key=f"gen:{generation.pk}",
                description=f"{Generation.Kind(kind).label} generation #{generation.pk}",
            )
            generation.balance = spent.balance_after
            return generation, True
    except IntegrityError:
        # A concurrent request with the same key committed first: the unique (user, key) refused ours.
        earlier = Generation.objects.filter(user_id=user.pk, idempotency_key=key).first() if key else None
        if earlier is None:
            raise
        return earlier, False


def _failure(generation: Generation) -> GenerationFailed:
    return GenerationFailed(
        user_message(generation),
        status_code=generation.error_status or 500,
        details={"generation_id": generation.pk, "credits_refunded": True},
    )


def _generation_replay(generation: Generation, digest: str) -> Generation:
    """A retry with a used Idempotency-Key: the first request's outcome, or 409."""
    if generation.request_hash != digest:
        raise IdempotencyConflict(details={"generation_id": generation.pk})
    if generation.status == Generation.Status.PENDING:
        if generation.created_at < timezone.now() - STALE_AFTER:
            generation = _generation_fail(generation, detail=CUT_OFF, status=500)[0]
        elif not runs_inline():  # queued: the same answer as the first time (202, poll the generation)
            return generation
        else:
            raise IdempotencyConflict(
                "The request with this Idempotency-Key is still being processed; retry in a moment.",
                details={"generation_id": generation.pk, "status": generation.status},
            )
    if generation.status == Generation.Status.FAILED:
        raise _failure(generation)
    return generation


def _generation_execute(generation: Generation, *, provider: Provider) -> Generation:
    """Steps 2 and 3: call the provider (no transaction open), generate, then store or refund."""
    started = time.monotonic()
    try:
        reading = provider.read_intent(prompt=generation.prompt, seed_color=generation.seed_color or None)
        tokens = GENERATORS[generation.kind](reading.intent)
        report = build_report(tokens)
        return _generation_succeed(generation, reading=reading, tokens=tokens, report=report, started=started)
    except ProviderError as exc:
        logger.warning("Generation %s: provider %s failed: %s", generation.pk, provider.name, exc.detail)
        status = 503 if exc.unreachable else 502
        raise _failure(_generation_fail(generation, detail=exc.detail, status=status, started=started)[0])
    except GenerationFailed:
        raise
    except DesignSystemLimitReached as exc:  # another save took the last place meanwhile
        _generation_fail(generation, detail=exc.message, status=403, started=started)
        raise
    except Exception as exc:
        # Not swallowed: the credits are returned, the failure recorded, and the error re-raised (500).
        _generation_fail(generation, detail=f"{type(exc).__name__}: {exc}", status=500, started=started)
        raise


def _elapsed_ms(started: float | None) -> int | None:
    return None if started is None else round((time.monotonic() - started) * 1000)


def _generation_succeed(generation: Generation, *, reading, tokens: dict, report: dict, started: float) -> Generation:
    with transaction.atomic():
        if generation.saves_design_system:
            design_system_limit_check(owner=generation.user)  # the user row first, then the generation's
        locked = Generation.objects.select_for_update().get(pk=generation.pk)
        if locked.status != Generation.Status.PENDING:  # expired meanwhile: its credits were returned
            raise _failure(locked)
        if locked.saves_design_system:
            locked.design_system = DesignSystem.objects.create(
                owner_id=locked.user_id,
                name=locked.design_system_name or default_name(locked.prompt, locked.seed_color),
                prompt=locked.prompt,
                seed_color=locked.seed_color,
                intent=reading.intent.to_dict(),
                tokens=tokens,
                report=report,
            )
        locked.status = Generation.Status.SUCCEEDED
        locked.model = reading.model[:100]
        locked.intent = reading.intent.to_dict()
        locked.tokens = tokens
        locked.report = report
        locked.provider_tokens = reading.provider_tokens
        locked.duration_ms = _elapsed_ms(started)
        locked.finished_at = timezone.now()
        locked.save()
        return locked


def _generation_fail(
    generation: Generation, *, detail: str, status: int, started: float | None = None
) -> tuple[Generation, bool]:
    """Return the generation's credits in full and record the failure, once: (generation, whether
    this call failed it)."""
    with transaction.atomic():
        locked = Generation.objects.select_for_update().select_related("user").get(pk=generation.pk)
        if locked.status != Generation.Status.PENDING:
            return locked, False
        credits_refund(
            user=locked.user, spend_key=f"gen:{locked.pk}", description=f"Refund of failed generation #{locked.pk}"
        )
        locked.status = Generation.Status.FAILED
        locked.error = detail
        locked.error_status = status
        locked.credits_charged = 0
        locked.duration_ms = _elapsed_ms(started)
        locked.finished_at = timezone.now()
        locked.save()
        return locked, True


def generations_expire_stale(*, older_than: timedelta = STALE_AFTER) -> int:
    """Fail and refund every generation still pending after `older_than` (its request was cut off,
    e.g. the server restarted mid-generation). Returns how many were expired. Safe to run any time."""
    cutoff = timezone.now() - older_than
    stale = Generation.objects.filter(status=Generation.Status.PENDING, created_at__lt=cutoff)
    return sum(_generation_fail(generation, detail=CUT_OFF, status=500)[1] for generation in stale.iterator())
