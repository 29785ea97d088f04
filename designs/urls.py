from django.urls import path

from . import api, views

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("generate/", views.generate, name="generate"),
    path("generations/<int:pk>/", views.generation_status, name="generation"),
    path("designs/", views.design_system_list, name="design-systems"),
    path("designs/<int:pk>/", views.design_system_page, name="design-system"),
    path("designs/<int:pk>/edit/", views.design_system_edit, name="design-system-edit"),
    path("designs/<int:pk>/duplicate/", views.design_system_duplicate, name="design-system-duplicate"),
    path("designs/<int:pk>/rename/", views.design_system_rename, name="design-system-rename"),
    path("designs/<int:pk>/visibility/", views.design_system_visibility, name="design-system-visibility"),
    path("designs/<int:pk>/delete/", views.design_system_delete, name="design-system-delete"),
    path("showcase/", views.showcase, name="showcase"),
    # The shadcn CLI fetches registry items by URL; shadcn's own registries serve them under /r/.
    path("r/<str:pk>.json", api.RegistryItemView.as_view(), name="shadcn-registry-item"),
]
