from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "billing"
    verbose_name = "Billing"

    def ready(self):
        from designforge import inbox

        from .webhooks import process_stripe_event

        inbox.register("stripe", process_stripe_event)
