from django.contrib.auth import views as auth_views
from django.urls import path

from . import views
from .forms import SignInForm

app_name = "accounts"

urlpatterns = [
    path(
        "sign-in/",
        auth_views.LoginView.as_view(
            template_name="accounts/sign_in.html",
            authentication_form=SignInForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    # Security and personal data (issue 9).
    path("two-factor/", views.two_factor, name="two_factor"),
    path("my-data/", views.my_data, name="my_data"),
    path("my-data.<str:export_format>", views.my_data_download, name="my_data_download"),
    path("people/<int:pk>/erase/", views.person_erase, name="person_erase"),
]
