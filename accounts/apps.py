from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from designforge import inbox

        from . import checks  # noqa: F401  (registers the system checks)
        from .webhooks import process_clerk_event

        inbox.register("clerk", process_clerk_event)
