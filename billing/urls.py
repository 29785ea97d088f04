from django.urls import path

from . import views

urlpatterns = [
    path("", views.landing, name="landing"),
    path("billing/", views.billing, name="billing"),
    path("billing/checkout/", views.checkout, name="billing-checkout"),
    path("billing/portal/", views.portal, name="billing-portal"),
]
