from django.urls import path

from . import api

urlpatterns = [
    path("features", api.FeaturesView.as_view(), name="api-features"),
    path("credits", api.CreditsView.as_view(), name="api-credits"),
    path("credits/ledger", api.LedgerView.as_view(), name="api-credits-ledger"),
]
