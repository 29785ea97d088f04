from django.apps import AppConfig


class DesignsConfig(AppConfig):
    name = "designs"
    verbose_name = "Design systems"

    def ready(self):
        from accounts.signals import user_closed

        from .services import designs_erase_closed_user

        user_closed.connect(designs_erase_closed_user, dispatch_uid="designs.erase_closed_user")
