"""Two tiny views behind the plan gate, mounted only by test_permissions."""

from django.http import HttpResponse
from django.urls import path
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from billing.permissions import RequiresPlan, plan_required


class ProOnlyApi(APIView):
    permission_classes = [IsAuthenticated, RequiresPlan("pro")]

    def get(self, request):
        return Response({"ok": True})


@plan_required("pro")
def pro_only_page(request):
    return HttpResponse("pro content")


urlpatterns = [
    path("api/pro-only", ProOnlyApi.as_view()),
    path("pro-only/", pro_only_page),
]
