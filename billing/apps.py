from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "billing"
    verbose_name = "Billing"

    def ready(self):
        from accounts.signals import user_closed
        from designforge import inbox, plans

        from .selectors import plan_limits, signup_credits
        from .services import account_close_billing
        from .webhooks import process_stripe_event

        inbox.register("stripe", process_stripe_event)
        plans.register(limits=plan_limits, signup_credits=signup_credits)
        user_closed.connect(account_close_billing, dispatch_uid="billing.account_close")
