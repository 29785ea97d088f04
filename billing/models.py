from django.conf import settings
from django.db import models


class Plan(models.Model):
    """A plan people subscribe to. `free` and `pro` always exist (seeded); staff edit them in admin."""

    class Interval(models.TextChoices):
        MONTH = "month", "Monthly"
        YEAR = "year", "Yearly"

    code = models.SlugField(max_length=32, primary_key=True)
    name = models.CharField(max_length=100)
    price_amount = models.PositiveIntegerField(default=0, help_text="Price per interval, in minor units (cents).")
    currency = models.CharField(max_length=3, default="usd", help_text="ISO 4217 code, lower case, as Stripe uses.")
    interval = models.CharField(max_length=10, choices=Interval.choices, default=Interval.MONTH)
    monthly_credits = models.PositiveIntegerField(
        default=0, help_text="Credits granted for each paid month (once per paid invoice; 12× on a yearly plan)."
    )
    features = models.JSONField(
        default=list,
        blank=True,
        help_text='What the plan includes: a list of sentences. "{monthly_credits}" and "{signup_credits}" '
        "are replaced by the numbers in force.",
    )
    rank = models.PositiveSmallIntegerField(
        default=0, help_text="Display order; a plan includes the features of every plan of a lower rank."
    )
    max_design_systems = models.PositiveIntegerField(
        null=True, blank=True, help_text="Saved design systems allowed; empty for unlimited."
    )
    max_api_keys = models.PositiveSmallIntegerField(
        default=0, help_text="Active personal API keys allowed; 0 means the plan has no API keys."
    )
    signup_credits = models.PositiveIntegerField(
        default=0, help_text="Credits granted once at sign-up to every new user (read from the free plan)."
    )
    stripe_price_id = models.CharField(
        max_length=255, blank=True, help_text="Stripe recurring price (price_...). An environment variable wins."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["rank", "code"]
        constraints = [
            models.CheckConstraint(condition=models.Q(currency__regex=r"^[a-z]{3}$"), name="plan_currency_iso"),
        ]

    def __str__(self):
        return self.name


class CreditPack(models.Model):
    """A one-off purchase of credits. Retired packs are deactivated, never deleted (purchases keep them)."""

    code = models.SlugField(max_length=32, primary_key=True)
    name = models.CharField(max_length=100)
    credits = models.PositiveIntegerField()
    price_amount = models.PositiveIntegerField(help_text="Price in minor units (cents).")
    currency = models.CharField(max_length=3, default="usd", help_text="ISO 4217 code, lower case, as Stripe uses.")
    is_active = models.BooleanField(default=True, help_text="Offered for sale.")
    stripe_price_id = models.CharField(
        max_length=255, blank=True, help_text="Stripe one-off price (price_...). An environment variable wins."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["credits", "code"]
        constraints = [
            models.CheckConstraint(condition=models.Q(credits__gte=1), name="pack_credits_positive"),
            models.CheckConstraint(condition=models.Q(price_amount__gte=1), name="pack_price_positive"),
            models.CheckConstraint(condition=models.Q(currency__regex=r"^[a-z]{3}$"), name="pack_currency_iso"),
        ]

    def __str__(self):
        return f"{self.name} ({self.credits} credits)"


class StripeCustomer(models.Model):
    """The one Stripe customer of a user, reused for every checkout and the portal."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, primary_key=True, related_name="stripe_customer"
    )
    stripe_customer_id = models.CharField(max_length=255, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.user}: {self.stripe_customer_id}"


class Subscription(models.Model):
    """Our copy of a Stripe subscription, kept by the webhook (and `sync_stripe`).

    `state_at` is when Stripe produced the state we hold (the event's `created`, or the time of a
    direct read): an older state never overwrites a newer one, whatever order events arrive in.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="subscriptions")
    stripe_subscription_id = models.CharField(max_length=255, unique=True)
    stripe_customer_id = models.CharField(max_length=255, blank=True)
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="subscriptions")
    status = models.CharField(max_length=32, help_text="Stripe's status: active, trialing, past_due, canceled, …")
    current_period_start = models.DateTimeField(null=True, blank=True)
    current_period_end = models.DateTimeField(null=True, blank=True)
    cancel_at_period_end = models.BooleanField(default=False)
    state_at = models.DateTimeField(help_text="When Stripe produced the state stored here.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["user", "-created_at"])]
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.stripe_subscription_id} ({self.plan_id}, {self.status})"


class CheckoutSession(models.Model):
    """A Stripe Checkout Session we created, for a plan or a credit pack, recorded before its URL is
    answered. Only these are honoured when Stripe says a session completed: one we did not create, or
    whose `client_reference_id` and `metadata.user_id` disagree with each other or with this row,
    grants nothing."""

    stripe_session_id = models.CharField(max_length=255, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="checkout_sessions")
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    pack = models.ForeignKey(CreditPack, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["user", "-created_at"])]
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(plan__isnull=False, pack__isnull=True)
                | models.Q(plan__isnull=True, pack__isnull=False),
                name="checkout_plan_or_pack",
            ),
        ]

    def __str__(self):
        return f"{self.stripe_session_id} ({self.plan_id or self.pack_id})"


class StripeCancellation(models.Model):
    """A subscription to cancel at Stripe at once because its account was closed. Written in the
    closing transaction; a task sends it (retried with backoff) and a periodic job re-queues the ones
    not done yet, so Stripe being down, or a lost task message, delays it but never loses it."""

    subscription = models.OneToOneField(Subscription, on_delete=models.PROTECT, related_name="cancellation")
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    attempted_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True, help_text="When Stripe confirmed it is cancelled.")

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["created_at"], condition=models.Q(done_at__isnull=True), name="cancellation_pending")
        ]

    def __str__(self):
        return f"Cancel {self.subscription.stripe_subscription_id} ({'done' if self.done_at else 'pending'})"


class Purchase(models.Model):
    """A credit pack bought through Stripe Checkout, from the session's creation to any refund.

    The pack's credits and price are copied at checkout, so what the buyer saw is what is granted;
    `payment_intent_id` matches a later `charge.refunded` to this purchase.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Checkout started"
        PAID = "paid", "Paid"
        PARTIALLY_REFUNDED = "partially_refunded", "Partially refunded"
        REFUNDED = "refunded", "Refunded"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="purchases")
    pack = models.ForeignKey(CreditPack, on_delete=models.PROTECT, related_name="purchases")
    checkout_session_id = models.CharField(max_length=255, unique=True)
    payment_intent_id = models.CharField(max_length=255, null=True, blank=True, unique=True)  # noqa: DJ001
    credits = models.PositiveIntegerField()
    amount = models.PositiveIntegerField(help_text="Amount charged, in minor units.")
    currency = models.CharField(max_length=3)
    amount_refunded = models.PositiveIntegerField(default=0)
    credits_revoked = models.PositiveIntegerField(
        default=0, help_text="Credits the refunds took back (their share; fewer may have been left to take)."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    paid_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["user", "-created_at"])]
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(credits_revoked__lte=models.F("credits")), name="purchase_revoked_within_credits"
            ),
        ]

    def __str__(self):
        return f"{self.pack_id} for {self.user} ({self.status})"


class Dispute(models.Model):
    """A dispute (chargeback) of a credit pack's payment. When Stripe withdraws the disputed funds, the
    pack's credits are taken back (their share of the disputed amount, as far as the balance allows);
    when it reinstates them (the dispute was won), exactly what was taken is given back. Each happens
    once, whatever order or how often Stripe's events arrive."""

    stripe_dispute_id = models.CharField(max_length=255, unique=True)
    purchase = models.ForeignKey(Purchase, on_delete=models.PROTECT, related_name="disputes")
    amount = models.PositiveIntegerField(help_text="Amount disputed, in minor units.")
    currency = models.CharField(max_length=3)
    credits_taken = models.PositiveIntegerField(
        default=0, help_text="Credits taken back when the funds were withdrawn."
    )
    funds_withdrawn_at = models.DateTimeField(null=True, blank=True)
    funds_reinstated_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.stripe_dispute_id} on {self.purchase}"
