"""The designs API: generation (`generation`) and saved design systems (`design_systems`)."""

from .design_systems import DesignSystemDetailView, DesignSystemListView, ExportView, ShowcaseView, export_filename
from .generation import (
    GenerateColorsView,
    GenerateDesignSystemView,
    GenerateTypographyView,
    GenerationDetailView,
    GenerationListView,
)

__all__ = [
    "DesignSystemDetailView",
    "DesignSystemListView",
    "ExportView",
    "GenerateColorsView",
    "GenerateDesignSystemView",
    "GenerateTypographyView",
    "GenerationDetailView",
    "GenerationListView",
    "ShowcaseView",
    "export_filename",
]
