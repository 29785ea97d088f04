from django.apps import AppConfig


class DesignForgeConfig(AppConfig):
    """The shared kernel: the webhook inbox model lives here, beside the errors and logging."""

    name = "designforge"
    verbose_name = "DesignForge"

    def ready(self):
        from . import checks  # noqa: F401 (registers the deployment checks)
