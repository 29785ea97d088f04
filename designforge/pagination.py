from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    """`{"count", "next", "previous", "results"}`; `?page=N` (from 1), `?page_size=N` (1 to 100).
    A page that is malformed, below 1 or past the last page answers 400 `invalid`, not DRF's 404:
    the list exists, the request is what is wrong."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    page_query_description = (
        "A page number, from 1 (or `last`). A malformed page, or one past the last, answers 400 `invalid`; "
        "the first page of an empty list is valid."
    )
    page_size_query_description = f"Results per page, 1 to {max_page_size} (default {page_size})."

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound as exc:
            raise ValidationError({self.page_query_param: [str(exc.detail)]}) from None

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        limits = {
            self.page_query_param: {"minimum": 1},
            self.page_size_query_param: {"minimum": 1, "maximum": self.max_page_size},
        }
        for parameter in parameters:
            parameter["schema"].update(limits[parameter["name"]])
        return parameters
