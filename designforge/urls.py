"""The composition root: every app's pages and API under one URL map."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from designs.agents.endpoint import McpView

from .errors import page_not_found, server_error
from .health import health

admin.site.site_header = "DesignForge admin"
admin.site.site_title = "DesignForge admin"

api = [
    path("health", health, name="api-health"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include("accounts.api_urls")),
    path("", include("credits.api_urls")),
    path("", include("designs.api_urls")),
    path("", include("billing.api_urls")),
]

urlpatterns = [
    path("admin/login/", RedirectView.as_view(url="/sign-in/", query_string=True)),
    path("admin/", admin.site.urls),
    path("api/", include(api)),
    path("mcp", McpView.as_view(), name="mcp"),
    path("", include("accounts.urls")),
    path("", include("designs.urls")),
    path("", include("billing.urls")),
]

handler404 = page_not_found
handler500 = server_error
