"""The credentials app's addresses, under /credentials/: public ones (issuer, keys, achievements,
status list, the checking page) need no sign-in; a holder's download does."""

from django.urls import path

from . import views

app_name = "credentials"

urlpatterns = [
    path("issuer/", views.issuer, name="issuer"),
    path("jwks.json", views.jwks, name="jwks"),
    path("keys/<str:thumbprint>.json", views.key, name="key"),
    path("achievements/<int:pk>/", views.achievement, name="achievement"),
    path("status/<int:number>/", views.status_list, name="status_list"),
    path("check/", views.check, name="check"),
    path(
        "certificates/<int:pk>/credential.<str:export_format>",
        views.certificate_credential,
        name="certificate_credential",
    ),
]
