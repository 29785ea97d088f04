"""Dashboard pages for design systems: the dashboard, generate, a design system's page and the showcase.

Every change goes through `designs.services` and every read through the selectors, exactly as the API
does; a `DomainError` becomes a message on the page. `presentation` turns tokens and reports into what
the templates draw, and decides nothing.
"""

from .detail import (
    design_system_delete,
    design_system_duplicate,
    design_system_edit,
    design_system_page,
    design_system_rename,
    design_system_visibility,
)
from .generate import generate, generation_status
from .lists import dashboard, design_system_list, showcase

__all__ = [
    "dashboard",
    "design_system_delete",
    "design_system_duplicate",
    "design_system_edit",
    "design_system_list",
    "design_system_page",
    "design_system_rename",
    "design_system_visibility",
    "generate",
    "generation_status",
    "showcase",
]
