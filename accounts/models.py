from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower


class UserManager(BaseUserManager):
    """Users come from Clerk; `createsuperuser` exists for a first staff account on a fresh install."""

    use_in_migrations = True

    def create_superuser(self, clerk_id, email=None, password=None, **extra):
        user = self.model(clerk_id=clerk_id, email=email or None, is_staff=True, is_superuser=True, **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user


class User(AbstractBaseUser, PermissionsMixin):
    """A person, mirrored from Clerk. Exactly one row per Clerk id; a closed account keeps its row
    (so ledger entries stay attached and no late event can bring it back) with personal data erased."""

    clerk_id = models.CharField(max_length=64, unique=True)
    # NULL, not "", means "no e-mail", so the case-insensitive unique constraint skips it.
    email = models.EmailField(max_length=320, null=True, blank=True)  # noqa: DJ001
    first_name = models.CharField(max_length=150, blank=True)
    last_name = models.CharField(max_length=150, blank=True)
    image_url = models.URLField(max_length=1000, blank=True)
    clerk_updated_at = models.DateTimeField(null=True, blank=True, help_text="Clerk's updated_at of our copy.")
    closed_at = models.DateTimeField(
        null=True, blank=True, help_text="Set when the account was closed (deleted in Clerk, or by staff)."
    )
    closed_reason = models.CharField(max_length=200, blank=True, help_text="Why the account was closed.")
    preferences = models.JSONField(default=dict, blank=True)
    plan = models.CharField(max_length=32, default="free")
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = UserManager()

    USERNAME_FIELD = "clerk_id"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["email"]

    class Meta:
        permissions = [("close_user", "Can close a user's account")]
        constraints = [
            models.UniqueConstraint(
                Lower("email"), condition=models.Q(email__isnull=False), name="user_email_unique_ci"
            ),
            models.CheckConstraint(
                condition=models.Q(closed_at__isnull=True) | models.Q(is_active=False), name="user_closed_is_inactive"
            ),
        ]
        indexes = [models.Index(fields=["-created_at"])]

    def __str__(self):
        return self.email or self.clerk_id

    @property
    def display_name(self) -> str:
        full = f"{self.first_name} {self.last_name}".strip()
        return full or self.email or ("Deleted user" if self.closed_at else self.clerk_id)

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class ApiKey(models.Model):
    """A personal API key (`dfk_...`) for scripts. Only its SHA-256 and a short prefix (to recognise it
    in lists) are stored: the whole key is shown once, when it is made, and can never be read back."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_keys")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=16)
    hashed = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the whole key, hex.")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, help_text="Updated at most once a minute.")
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "API key"
        permissions = [("revoke_apikey", "Can revoke API keys")]
        indexes = [models.Index(fields=["user", "-created_at"], condition=models.Q(revoked_at__isnull=True),
                                name="apikey_active_by_user")]

    def __str__(self):
        return f"{self.prefix}… ({self.name})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
