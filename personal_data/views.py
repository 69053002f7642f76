"""A person's own data download, and erasure of a person's details by a programme manager."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache

from accounts.permissions import deny

from . import permissions, services
from .forms import EraseConfirmForm
from .models import PersonalDataAccess, personal_data_access_record

User = get_user_model()
FORMATS = {"json": "application/json", "csv": "text/csv; charset=utf-8"}


@login_required
def my_data(request):
    """The page from which a person downloads everything held about them."""
    return render(request, "accounts/my_data.html", {})


@login_required
@never_cache
def my_data_download(request, export_format):
    if export_format not in FORMATS:
        raise Http404("No such format.")
    permission = permissions.check(request.user, "download-own-data")
    if not permission:
        return deny(request, permission)
    data = services.personal_data_export(person=request.user)
    personal_data_access_record(
        actor=request.user,
        action=PersonalDataAccess.Action.EXPORTED,
        description=f"Downloaded their own data ({export_format})",
        object_key=f"person:{request.user.pk}",
        subject=request.user,
    )
    if export_format == "json":
        body = services.personal_data_json(data)
    else:
        body = services.personal_data_csv(data)
    response = HttpResponse(body, content_type=FORMATS[export_format])
    response["Content-Disposition"] = f'attachment; filename="my-academy-data.{export_format}"'
    return response


@login_required
def person_erase(request, pk):
    """A programme manager erases a person's details on request, after confirming."""
    permission = permissions.check(request.user, "erase-person")
    if not permission:
        return deny(request, permission)
    person = get_object_or_404(User, pk=pk)
    if person.erased_at:
        return render(request, "accounts/person_erased.html", {"person": person})
    form = EraseConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_erase(person=person, actor=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Person #{person.pk}'s details are erased.")
            return redirect("personal_data:person_erase", pk=person.pk)
    return render(
        request,
        "accounts/person_erase.html",
        {
            "person": person,
            "form": form,
            "enrolments": person.enrolments.select_related("cohort__programme")[:50],
        },
        status=400 if form.errors else 200,
    )
