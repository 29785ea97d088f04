from django.conf import settings
from django.db import models


class DesignSystem(models.Model):
    """A user's saved design tokens and the accessibility report computed from them."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="design_systems")
    name = models.CharField(max_length=100)
    prompt = models.CharField(max_length=500, blank=True, help_text="The sentence it was generated from, if any.")
    seed_color = models.CharField(max_length=7, blank=True, help_text="The brand colour it was generated from.")
    intent = models.JSONField(
        null=True, blank=True, help_text="The intent the tokens are generated from; empty when saved from raw tokens."
    )
    tokens = models.JSONField()
    report = models.JSONField(help_text="Recomputed from the tokens whenever they change.")
    is_public = models.BooleanField(default=False, help_text="Shown in the showcase; anyone may export it.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["owner", "-created_at"], name="design_owner_newest"),
            models.Index(
                fields=["-created_at"], condition=models.Q(is_public=True), name="design_public_newest"
            ),
        ]

    def __str__(self):
        return self.name


class Generation(models.Model):
    """One generation request: what was asked, which provider answered, what it cost and how it ended.

    Written before the provider is called (status `pending`, credits taken) and finished after it
    (`succeeded` with the tokens, or `failed` with the error and the credits returned).
    """

    class Kind(models.TextChoices):
        # The values are the credits.FeatureCost codes.
        COLORS = "colors", "Colours"
        TYPOGRAPHY = "typography", "Typography"
        DESIGN_SYSTEM = "design-system", "Design system"

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="generations")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    prompt = models.CharField(max_length=500, blank=True)
    seed_color = models.CharField(max_length=7, blank=True)
    request_hash = models.CharField(max_length=64, help_text="SHA-256 of the request, to compare idempotent retries.")
    idempotency_key = models.CharField(max_length=255, null=True, blank=True)  # noqa: DJ001 (NULL = no key)
    provider = models.CharField(max_length=20)
    model = models.CharField(max_length=100, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    intent = models.JSONField(null=True, blank=True, help_text="How the provider read the prompt.")
    tokens = models.JSONField(null=True, blank=True)
    report = models.JSONField(null=True, blank=True)
    error = models.TextField(blank=True, help_text="What went wrong, for staff (never shown to users).")
    error_status = models.PositiveSmallIntegerField(null=True, blank=True, help_text="HTTP status of the failure.")
    credits_charged = models.PositiveIntegerField(default=0, help_text="Net of any refund.")
    provider_tokens = models.PositiveIntegerField(null=True, blank=True, help_text="Tokens the AI provider used.")
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    design_system = models.ForeignKey(
        DesignSystem, null=True, blank=True, on_delete=models.SET_NULL, related_name="generations"
    )
    # What to do with the result, kept for the worker that finishes a queued generation.
    saves_design_system = models.BooleanField(default=False, help_text="Save the result as a design system.")
    design_system_name = models.CharField(max_length=100, blank=True, help_text="Its name (default: the prompt).")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "idempotency_key"],
                condition=models.Q(idempotency_key__isnull=False),
                name="generation_key_unique_per_user",
            ),
        ]
        indexes = [
            models.Index(fields=["user", "-created_at"], name="generation_user_newest"),
            models.Index(fields=["created_at"], condition=models.Q(status="pending"), name="generation_pending"),
        ]

    def __str__(self):
        return f"{self.kind} #{self.pk} ({self.status})"
