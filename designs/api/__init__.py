"""The designs API: paid generation (`generation`), the free engine (`preview`), saved design systems
(`design_systems`) and import-and-repair (`importing`)."""

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
from .importing import ImportView
from .preview import EngineView, PreviewView
from .registry import RegistryItemView

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
    "ImportView",
    "PreviewView",
    "RegistryItemView",
    "ShowcaseView",
    "export_filename",
]
