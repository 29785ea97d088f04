"""The designs API: paid generation (`generation`), the free engine (`preview`) and saved design systems
(`design_systems`)."""

from .design_systems import (
    DesignSystemDetailView,
    DesignSystemListView,
    DuplicateView,
    ExportView,
    ShowcaseView,
    export_filename,
)
from .generation import (
    GenerateColorsView,
    GenerateDesignSystemView,
    GenerateTypographyView,
    GenerationDetailView,
    GenerationListView,
)
from .preview import EngineView, PreviewView

__all__ = [
    "DesignSystemDetailView",
    "DesignSystemListView",
    "DuplicateView",
    "EngineView",
    "ExportView",
    "GenerateColorsView",
    "GenerateDesignSystemView",
    "GenerateTypographyView",
    "GenerationDetailView",
    "GenerationListView",
    "PreviewView",
    "ShowcaseView",
    "export_filename",
]
