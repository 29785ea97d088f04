from django.urls import path

from . import views

urlpatterns = [
    path("sign-in/", views.sign_in, name="sign-in"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("account/", views.account, name="account"),
    path("account/sync/", views.account_sync, name="account-sync"),
    path("account/keys/", views.api_key_create, name="account-key-create"),
    path("account/keys/<int:pk>/revoke/", views.api_key_revoke, name="account-key-revoke"),
]
