"""Output serializers built once per process.

DRF builds a serializer's fields every time one is instantiated (a ModelSerializer reads its model's
metadata again: about a millisecond for `GET /api/me`). A serializer used only for output, with no
per-request context, needs them built once: `representation(MeSerializer)` returns its
`to_representation`, on one instance whose fields stay cached. Fields hold no per-call state, so the
function is safe to share between threads.
"""

from collections.abc import Callable

from rest_framework import serializers


def representation(serializer_class: type[serializers.BaseSerializer]) -> Callable[[object], dict]:
    serializer = serializer_class()
    serializer.fields  # noqa: B018  (build the fields now, once, not on the first request)
    return serializer.to_representation
