from django.urls import path

from . import api, webhooks

urlpatterns = [
    path("me", api.MeView.as_view(), name="api-me"),
    path("me/sync", api.MeSyncView.as_view(), name="api-me-sync"),
    path("keys", api.ApiKeysView.as_view(), name="api-keys"),
    path("keys/<int:pk>", api.ApiKeyView.as_view(), name="api-key"),
    path("webhooks/clerk", webhooks.clerk_webhook, name="webhook-clerk"),
]
