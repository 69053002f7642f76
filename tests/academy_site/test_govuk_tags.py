"""The GOV.UK components every template uses (academy_site/templatetags/govuk.py): a field
with its label, hint and error, the error summary, pagination that keeps the filters, and the
site's messages as notification banners."""

import re

import pytest
from django import forms
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.paginator import Paginator
from django.template import engines
from django.test import RequestFactory

pytestmark = pytest.mark.django_db


def render(source, **context):
    return engines["django"].from_string(source).render(context)


class OfficerForm(forms.Form):
    email = forms.EmailField(label="Email address", help_text="Their work address.")
    answer = forms.ChoiceField(
        label="Your answer", choices=[("yes", "Yes"), ("no", "No")], widget=forms.RadioSelect
    )
    agree = forms.BooleanField(label="I agree")


def test_a_field_in_error_keeps_its_input_and_says_what_is_wrong_next_to_it():
    form = OfficerForm(data={"email": "not-an-email", "answer": "yes", "agree": "on"})
    assert not form.is_valid()
    html = render("{% govuk_field form.email %}", form=form)
    assert "govuk-form-group govuk-form-group--error" in html
    assert '<label class="govuk-label govuk-label--s" for="id_email">Email address</label>' in html
    assert '<div class="govuk-hint" id="id_email-hint">Their work address.</div>' in html
    assert re.search(r'<p class="govuk-error-message" id="id_email-error">.*Enter a valid', html)
    [field] = re.findall(r"<input [^>]*>", html)
    assert 'value="not-an-email"' in field
    assert "govuk-input govuk-input--error" in field
    assert 'aria-describedby="id_email-hint id_email-error"' in field


def test_a_radio_group_is_a_fieldset_and_the_error_summary_links_to_its_first_option():
    form = OfficerForm(data={"email": "a@example.org"})
    form.is_valid()
    field = render("{% govuk_field form.answer inline=True %}", form=form)
    assert "<fieldset" in field and "Your answer</legend>" in field
    assert "govuk-radios govuk-radios--small govuk-radios--inline" in field
    assert field.count('class="govuk-label govuk-radios__label"') == 2
    summary = render('{% include "includes/form_errors.html" %}', form=form)
    assert 'class="govuk-error-summary"' in summary
    assert 'href="#id_answer_0"' in summary
    assert 'href="#id_agree"' in summary


def test_a_label_can_say_more_to_screen_readers_than_it_shows():
    form = OfficerForm()
    html = render(
        "{% capture label %}"
        'Email<span class="govuk-visually-hidden"> for Ada</span>'
        "{% endcapture %}"
        "{% govuk_field form.email label=label %}",
        form=form,
    )
    assert 'Email<span class="govuk-visually-hidden"> for Ada</span></label>' in html


def test_pagination_keeps_the_filters_and_marks_the_current_page():
    page = Paginator(range(100), 10).get_page(5)
    request = RequestFactory().get("/cohorts/nominate/", {"status": "invited", "page": "5"})
    html = render("{% govuk_pagination page %}", page=page, request=request)
    assert '<nav class="govuk-pagination" aria-label="Pages">' in html
    assert 'href="?status=invited&amp;page=4" rel="prev"' in html
    assert 'href="?status=invited&amp;page=6" rel="next"' in html
    assert 'aria-label="Page 5" aria-current="page"' in html
    assert "govuk-pagination__item--ellipses" in html  # 1 … 4 5 6 … 10


def test_one_page_has_no_pagination():
    page = Paginator(range(5), 10).get_page(1)
    html = render("{% govuk_pagination page %}", page=page, request=RequestFactory().get("/"))
    assert "govuk-pagination" not in html


def test_a_second_list_on_the_page_pages_by_its_own_parameter():
    page = Paginator(range(30), 10).get_page(2)
    request = RequestFactory().get("/cohorts/1/", {"page": "3"})
    html = render('{% govuk_pagination page param="events_page" %}', page=page, request=request)
    assert 'href="?page=3&amp;events_page=1" rel="prev"' in html


@pytest.mark.parametrize(
    ("level", "expected", "not_expected"),
    [
        ("success", ['govuk-notification-banner--success"', 'role="alert"', ">Success<"], []),
        ("info", ['role="region"', ">Important<"], ["--success"]),
        ("error", ['class="govuk-error-summary"', "There is a problem"], ["notification"]),
    ],
)
def test_messages_are_notification_banners(level, expected, not_expected):
    request = RequestFactory().get("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    request._messages.add({"success": 25, "info": 20, "error": 40}[level], "The register is saved.")
    html = render(
        '{% include "includes/messages.html" %}', messages=request._messages, request=request
    )
    assert "The register is saved." in html
    for text in expected:
        assert text in html
    for text in not_expected:
        assert text not in html
