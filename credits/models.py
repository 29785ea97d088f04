from django.conf import settings
from django.db import models


class CreditAccount(models.Model):
    """The one row that holds a user's balance. Changed only by `credits.services`, under a row lock."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, primary_key=True)
    balance = models.IntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(balance__gte=0), name="credit_balance_not_negative")]

    def __str__(self):
        return f"{self.user}: {self.balance} credits"


class LedgerEntry(models.Model):
    """One change to a balance, never edited or deleted. The entries of an account sum to its balance."""

    class Kind(models.TextChoices):
        SIGNUP = "signup", "Signup grant"
        GRANT = "grant", "Grant"
        PURCHASE = "purchase", "Purchase"
        SUBSCRIPTION = "subscription", "Subscription allowance"
        SPEND = "spend", "Spend"
        REFUND = "refund", "Refund"
        REVERSAL = "reversal", "Payment reversal"
        ADJUSTMENT = "adjustment", "Adjustment"

    account = models.ForeignKey(CreditAccount, on_delete=models.PROTECT, related_name="entries")
    amount = models.IntegerField(help_text="Credits added (positive) or taken (negative).")
    balance_after = models.IntegerField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    feature = models.CharField(max_length=50, blank=True)
    description = models.CharField(max_length=255, blank=True)
    idempotency_key = models.CharField(max_length=255)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The staff member who made an adjustment.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        permissions = [("grant_credits", "Can grant credits to users")]
        constraints = [
            models.UniqueConstraint(fields=["account", "idempotency_key"], name="ledger_key_unique_per_account"),
            models.CheckConstraint(condition=~models.Q(amount=0), name="ledger_amount_not_zero"),
            models.CheckConstraint(condition=models.Q(balance_after__gte=0), name="ledger_balance_after_not_negative"),
        ]
        indexes = [models.Index(fields=["account", "-created_at"])]
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "ledger entries"

    def __str__(self):
        return f"{self.amount:+d} {self.kind} ({self.idempotency_key})"


class FeatureCost(models.Model):
    """What a billable feature costs, in credits. Staff edit these in admin."""

    code = models.SlugField(max_length=50, primary_key=True)
    name = models.CharField(max_length=100)
    description = models.CharField(max_length=255, blank=True)
    credits = models.PositiveIntegerField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(credits__gte=1), name="feature_cost_positive")]
        ordering = ["credits", "code"]

    def __str__(self):
        return f"{self.name} ({self.credits} credits)"
