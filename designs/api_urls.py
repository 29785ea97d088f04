from django.urls import path

from . import api

urlpatterns = [
    path("generate/colors", api.GenerateColorsView.as_view(), name="api-generate-colors"),
    path("generate/typography", api.GenerateTypographyView.as_view(), name="api-generate-typography"),
    path("generate/design-system", api.GenerateDesignSystemView.as_view(), name="api-generate-design-system"),
    path("generations/", api.GenerationListView.as_view(), name="api-generations"),
    path("generations/<int:pk>", api.GenerationDetailView.as_view(), name="api-generation"),
    path("design-systems/", api.DesignSystemListView.as_view(), name="api-design-systems"),
    path("design-systems/import", api.ImportView.as_view(), name="api-design-systems-import"),
    path("design-systems/<int:pk>/", api.DesignSystemDetailView.as_view(), name="api-design-system"),
    path("design-systems/<int:pk>/duplicate/", api.DuplicateView.as_view(), name="api-design-system-duplicate"),
    path(
        "design-systems/<int:pk>/export/<str:file_format>/",
        api.ExportView.as_view(),
        name="api-design-system-export",
    ),
    path("showcase/", api.ShowcaseView.as_view(), name="api-showcase"),
    path("preview", api.PreviewView.as_view(), name="api-preview"),
    path("engine", api.EngineView.as_view(), name="api-engine"),
]
