"""The designs API: generation (`generation`) and saved design systems (`design_systems`)."""

from .design_systems import DesignSystemDetailView, DesignSystemListView, ExportView, ShowcaseView, export_filename
from .generation import GenerateColorsView, GenerateDesignSystemView, GenerateTypographyView, GenerationThrottle

__all__ = [
    "DesignSystemDetailView",
    "DesignSystemListView",
    "ExportView",
    "GenerateColorsView",
    "GenerateDesignSystemView",
    "GenerateTypographyView",
    "GenerationThrottle",
    "ShowcaseView",
    "export_filename",
]
