from django.apps import AppConfig


class CreditsConfig(AppConfig):
    name = "credits"
    verbose_name = "Credits"

    def ready(self):
        from accounts.signals import user_created

        from .services import grant_signup_credits

        user_created.connect(grant_signup_credits, dispatch_uid="credits.signup_grant")
