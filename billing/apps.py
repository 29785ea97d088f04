from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "billing"
    verbose_name = "Billing"

    def ready(self):
        from designforge import inbox, plans

        from .selectors import plan_limits, signup_credits
        from .webhooks import process_stripe_event

        inbox.register("stripe", process_stripe_event)
        plans.register(limits=plan_limits, signup_credits=signup_credits)
