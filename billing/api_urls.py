from django.urls import path

from . import api, webhooks

urlpatterns = [
    path("plans", api.PlansView.as_view(), name="api-plans"),
    path("billing/checkout", api.CheckoutView.as_view(), name="api-billing-checkout"),
    path("billing/portal", api.PortalView.as_view(), name="api-billing-portal"),
    path("billing/subscription", api.SubscriptionView.as_view(), name="api-billing-subscription"),
    path("webhooks/stripe", webhooks.stripe_webhook, name="webhook-stripe"),
]
