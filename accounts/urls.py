from allauth.account import views as allauth_views
from django.urls import path

from . import views

app_name = "accounts"

# Signing in and out are django-allauth's views, at the same addresses as allauth's own
# (`account_login`, `account_logout`, included after these in academy_site.urls), so the rest of
# the site links to them by these names.
urlpatterns = [
    path("", views.my_account, name="my_account"),
    path("login/", allauth_views.login, name="login"),
    path("logout/", allauth_views.logout, name="logout"),
    path("details/", views.account_details, name="details"),
    path("second-factor/", views.second_factor, name="second_factor"),
    path("sign-out-everywhere/", views.sign_out_everywhere, name="sign_out_everywhere"),
    # A person's own data and erasure: personal_data.urls.
]
