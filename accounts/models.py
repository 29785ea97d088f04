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
    closed_at = models.DateTimeField(null=True, blank=True, help_text="Set when the user was deleted in Clerk.")
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
