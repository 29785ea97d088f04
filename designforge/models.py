from django.db import models


class WebhookEvent(models.Model):
    """One delivery from Clerk or Stripe, stored before it is processed (the webhook inbox)."""

    class Status(models.TextChoices):
        RECEIVED = "received", "Received"
        PROCESSED = "processed", "Processed"
        IGNORED = "ignored", "Ignored (no handler)"
        FAILED = "failed", "Failed"

    source = models.CharField(max_length=20)
    event_id = models.CharField(max_length=255)
    event_type = models.CharField(max_length=100)
    payload = models.JSONField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RECEIVED)
    attempts = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    received_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    retry_at = models.DateTimeField(
        null=True, blank=True, help_text="When a failed event is tried again (the scheduler re-queues it after this)."
    )

    class Meta:
        permissions = [("replay_webhookevent", "Can replay webhook events")]
        constraints = [models.UniqueConstraint(fields=["source", "event_id"], name="webhook_event_unique_per_source")]
        indexes = [models.Index(fields=["status", "-received_at"])]
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.source} {self.event_type} {self.event_id}"
