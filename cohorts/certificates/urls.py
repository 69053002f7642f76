"""The public certificate verification pages, at /certificates/ (no sign-in needed)."""

from django.urls import path

from . import verification_views

app_name = "certificates"

urlpatterns = [
    path("verify/", verification_views.verify, name="verify_form"),
    path("verify/<str:code>/", verification_views.verify_code, name="verify"),
]
