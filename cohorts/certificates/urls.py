"""The public certificate verification pages, at /certificates/ (no sign-in needed)."""

from django.urls import path

from .views import certificates

app_name = "certificates"

urlpatterns = [
    path("verify/", certificates.verify, name="verify_form"),
    path("verify/<str:code>/", certificates.verify_code, name="verify"),
]
