"""Users made the way production makes them (through the Clerk upsert), plus Clerk's wire formats:
RS256 session tokens signed with a test key, Svix-signed webhook deliveries and user objects."""

import itertools
import json
import time
from datetime import UTC, datetime

import factory
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from svix.webhooks import Webhook

from accounts import services
from accounts.clerk import ClerkProfile

_ids = itertools.count(1)


class UserFactory(factory.Factory):
    class Meta:
        model = ClerkProfile

    clerk_id = factory.LazyFunction(lambda: f"user_test{next(_ids):06d}")
    email = factory.LazyAttribute(lambda p: f"{p.clerk_id}@example.com")
    first_name = "Ada"
    last_name = "Lovelace"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.user_upsert_from_clerk(profile=model_class(**kwargs))[0]


def millis(dt: datetime) -> int:
    return int(dt.timestamp() * 1000)


def clerk_user_object(
    clerk_id: str, *, email: str | None = "ada@example.com", updated_at: int | None = None, **extra
) -> dict:
    """A Clerk user object as Clerk sends it (webhook `data`, Backend API body), with every required field."""
    now = updated_at or millis(datetime.now(UTC))
    emails = []
    if email:
        emails = [
            {
                "id": "idn_other",
                "object": "email_address",
                "email_address": f"other.{email}",
                "reserved": False,
                "verification": None,
                "linked_to": [],
                "created_at": now,
                "updated_at": now,
            },
            {
                "id": "idn_primary",
                "object": "email_address",
                "email_address": email,
                "reserved": False,
                "verification": None,
                "linked_to": [],
                "created_at": now,
                "updated_at": now,
            },
        ]
    return {
        "id": clerk_id,
        "object": "user",
        "external_id": None,
        "primary_email_address_id": "idn_primary" if email else None,
        "primary_phone_number_id": None,
        "primary_web3_wallet_id": None,
        "username": None,
        "first_name": "Ada",
        "last_name": "Lovelace",
        "has_image": True,
        "image_url": "https://img.clerk.com/ada.png",
        "public_metadata": {},
        "private_metadata": {},
        "unsafe_metadata": {},
        "email_addresses": emails,
        "phone_numbers": [],
        "web3_wallets": [],
        "passkeys": [],
        "password_enabled": True,
        "two_factor_enabled": False,
        "totp_enabled": False,
        "backup_code_enabled": False,
        "mfa_enabled_at": None,
        "mfa_disabled_at": None,
        "external_accounts": [],
        "saml_accounts": [],
        "enterprise_accounts": [],
        "last_sign_in_at": None,
        "banned": False,
        "locked": False,
        "lockout_expires_in_seconds": None,
        "verification_attempts_remaining": 100,
        "updated_at": now,
        "created_at": now,
        "delete_self_enabled": True,
        "create_organization_enabled": True,
        "last_active_at": None,
        "legal_accepted_at": None,
        **extra,
    }


class ClerkSigner:
    """Mints session tokens like Clerk's: RS256, `sub`, `sid`, `azp`, `iat`, `nbf`, `exp`."""

    def __init__(self):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.public_pem = (
            self.key.public_key()
            .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
            .decode()
        )

    def token(self, sub: str, *, key=None, lifetime: int = 60, issued_offset: int = 0, **claims) -> str:
        now = int(time.time()) + issued_offset
        payload = {
            "sub": sub,
            "sid": "sess_test",
            "azp": "http://localhost:8000",
            "iss": "https://clerk.test",
            "iat": now,
            "nbf": now,
            "exp": now + lifetime,
            "v": 2,
            **claims,
        }
        return jwt.encode(payload, key or self.key, algorithm="RS256", headers={"kid": "ins_test"})


def svix_headers(secret: str, body: str, *, msg_id: str, timestamp: datetime | None = None) -> dict:
    """The headers Svix sends with a delivery, signed with the real `svix` library."""
    timestamp = timestamp or datetime.now(UTC)
    signature = Webhook(secret).sign(msg_id, timestamp, body)
    return {
        "HTTP_SVIX_ID": msg_id,
        "HTTP_SVIX_TIMESTAMP": str(int(timestamp.timestamp())),
        "HTTP_SVIX_SIGNATURE": signature,
    }


def clerk_event(event_type: str, data: dict) -> str:
    return json.dumps({"type": event_type, "object": "event", "data": data, "timestamp": millis(datetime.now(UTC))})


def staff_user(*permissions: str):
    """A staff member (not a superuser) holding exactly these permissions ("app_label.codename")."""
    from django.contrib.auth.models import Permission

    from accounts.models import User

    user = UserFactory.create()
    User.objects.filter(pk=user.pk).update(is_staff=True)
    for permission in permissions:
        app_label, codename = permission.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return User.objects.get(pk=user.pk)  # a fresh object: no cached permissions
