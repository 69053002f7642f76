from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as accounts_views

from . import views

urlpatterns = [
    # Wagtail's own sign-in form would check passwords outside the academy's rate limits and
    # second factor: the admin signs in through the site's sign-in page.
    path("admin/login/", accounts_views.admin_sign_in, name="admin_login_redirect"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("personal_data.urls")),
    # django-allauth: sign-in, password reset and change, email, second factors (2fa/), active
    # sessions (sessions/) and organisations' identity providers (oidc/).
    path("accounts/", include("allauth.urls")),
    path("privacy/", accounts_views.privacy, name="privacy"),
    path("my-academy/", views.home, name="home"),
    path("my-academy/notifications/", include("notifications.urls")),
    path("learning/", include("modules.urls")),
    path("cohorts/", include("cohorts.urls")),
    path("certificates/", include("cohorts.certificates.urls")),
    path("impact/", include("impact.urls")),
    path("practice/", include("practice.urls")),
    path("network/", include("network.urls")),
    path("credentials/", include("credentials.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += staticfiles_urlpatterns()
    # Only images are served straight from media/: documents always go through Wagtail's
    # document view (/documents/), which checks who may download them.
    urlpatterns += [
        re_path(
            r"^media/(?P<path>(?:images|original_images)/.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]

# Wagtail's page serving comes last: it matches every other path.
urlpatterns += [path("", include(wagtail_urls))]
