"""Every write to design systems and generations, one module per concern:

- `design_systems`: save (within the plan's limit), change, duplicate and delete design systems (free);
- `preview`: the engine from an explicit intent, with variations (free, rate-limited);
- `generation`: paid generation from a sentence, with its credits, idempotency and refunds;
- `importing`: an existing theme read, checked and minimally repaired (free, nothing saved);
- `inputs`: the cleaning of prompts, names, colours and tokens that both share.

Callers import from `designs.services`; the split is for readers.
"""

from .design_systems import (
    design_system_create,
    design_system_delete,
    design_system_duplicate,
    design_system_limit_check,
    design_system_update,
    designs_erase_closed_user,
)
from .generation import (
    MAX_IDEMPOTENCY_KEY_LENGTH,
    REQUEUE_AFTER,
    STALE_AFTER,
    generation_execute_queued,
    generation_run,
    generations_expire_stale,
    generations_to_requeue,
    request_hash,
    user_message,
)
from .importing import MAX_IMPORT_LENGTH, theme_import
from .inputs import MAX_NAME_LENGTH, MAX_PROMPT_LENGTH
from .preview import preview_run

__all__ = [
    "MAX_IMPORT_LENGTH",
    "MAX_IDEMPOTENCY_KEY_LENGTH",
    "MAX_NAME_LENGTH",
    "MAX_PROMPT_LENGTH",
    "REQUEUE_AFTER",
    "STALE_AFTER",
    "design_system_create",
    "design_system_delete",
    "design_system_duplicate",
    "design_system_limit_check",
    "design_system_update",
    "designs_erase_closed_user",
    "generation_execute_queued",
    "generation_run",
    "generations_expire_stale",
    "preview_run",
    "generations_to_requeue",
    "request_hash",
    "theme_import",
    "user_message",
]
