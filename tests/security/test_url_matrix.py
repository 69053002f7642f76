"""Every URL the academy itself serves, asked by every role: what each gets for a GET.

The table below has one line per URL name, one column per role (in the order of ROLES):
  anonymous, participant (of cohort A), other_participant (of cohort B), nominator (of the
  participant's organisation), other_nominator, facilitator (of A), other_facilitator (of B),
  manager.
Each cell is the status expected: 200, 403, 404, 405, "login" (a redirect to sign in) or 302 (a
redirect elsewhere). A URL name with no line fails `test_every_url_has_an_expectation`, so a new
view cannot be added without saying who may open it.

IDOR: every URL that takes an object id is also asked with cohort B's neighbouring object by
cohort A's people, who must never get B's records back.

Wagtail's own admin is in its own matrix (tests/security/test_admin_matrix.py: each snippet's
listing, export, chooser, results, chosen and inspect URLs, documents and images); document and
page serving are checked in tests/modules (test_access, test_document_uses).
"""

import pytest
from django.urls import URLResolver, get_resolver, reverse

from tests.security.world import ROLES, security_world, security_world_once

security_world_once = pytest.fixture(scope="module")(security_world_once)
world = pytest.fixture(security_world)

# URL prefixes of Wagtail's own URL configurations, checked elsewhere.
WAGTAIL_PREFIXES = ("admin/", "documents/", "")

L = "login"

# name: (kwargs from the world, kwargs of cohort B's neighbouring object or None, expectations)
MATRIX = {
    # Accounts, privacy and landing pages.
    # Signing in and out are django-allauth's views, also under allauth's own names below.
    "accounts:login": (None, None, "200 302 302 302 302 302 302 302"),
    # A GET asks "Sign out?"; only the form's POST signs out.
    "accounts:logout": (None, None, "302 200 200 200 200 200 200 200"),
    "personal_data:my_data": (None, None, "login 200 200 200 200 200 200 200"),
    "personal_data:my_data_download": (
        lambda w: {"export_format": "json"},
        None,
        "login 200 200 200 200 200 200 200",
    ),
    "personal_data:person_erase": (
        lambda w: {"pk": w.people["participant"].pk},
        None,
        "login 403 403 403 403 403 403 200",
    ),
    "personal_data:access_log": (None, None, "login 403 403 403 403 403 403 200"),
    "personal_data:access_log_export": (
        lambda w: {"export_format": "csv"},
        None,
        "login 403 403 403 403 403 403 200",
    ),
    # Notifications (issue 23): everyone's own; nominators those about their officers.
    "notifications:mine": (None, None, "login 200 200 200 200 200 200 200"),
    "notifications:sent": (None, None, "login 403 403 200 200 403 403 200"),
    "privacy": (None, None, "200 200 200 200 200 200 200 200"),
    # My account (issue 17): everyone's own account, so 200 for every signed-in role.
    "accounts:my_account": (None, None, "login 200 200 200 200 200 200 200"),
    "accounts:details": (None, None, "login 200 200 200 200 200 200 200"),
    "accounts:second_factor": (None, None, "login 200 200 200 200 200 200 200"),
    # A POST only, never a link a page could trigger.
    "accounts:sign_out_everywhere": (None, None, "login 405 405 405 405 405 405 405"),
    # Wagtail's own sign-in form is replaced by the site's sign-in page; signed in, those
    # who may use the admin go on to it, the rest are refused (no redirect loop).
    "admin_login_redirect": (None, None, "login 403 403 403 403 302 302 302"),
    # django-allauth: sign-in, sign-up (closed: it says so), reauthentication, email change,
    # password change and reset. 302s send people where allauth's flow needs them (their
    # home when signed in, or a page they have not yet reached in the flow).
    "account_login": (None, None, "200 302 302 302 302 302 302 302"),
    "account_logout": (None, None, "302 200 200 200 200 200 200 200"),
    "account_inactive": (None, None, "200 200 200 200 200 200 200 200"),
    "account_signup": (None, None, "200 302 302 302 302 302 302 302"),
    "account_reauthenticate": (None, None, "login 200 200 200 200 200 200 200"),
    "account_request_reauthentication_code": (None, None, "login 302 302 302 302 302 302 302"),
    "account_confirm_reauthentication_code": (None, None, "login 302 302 302 302 302 302 302"),
    "account_email": (None, None, "login 200 200 200 200 200 200 200"),
    "account_email_verification_sent": (None, None, "200 200 200 200 200 200 200 200"),
    "account_confirm_email": (
        lambda w: {"key": "no-such-key"},
        None,
        "200 200 200 200 200 200 200 200",
    ),
    "account_change_password": (None, None, "login 200 200 200 200 200 200 200"),
    "account_set_password": (None, None, "login 302 302 302 302 302 302 302"),
    "account_reset_password": (None, None, "200 200 200 200 200 200 200 200"),
    "account_reset_password_done": (None, None, "200 200 200 200 200 200 200 200"),
    "account_reset_password_from_key": (
        lambda w: {"uidb36": "1", "key": "set-password"},
        None,
        "200 200 200 200 200 200 200 200",
    ),
    "account_reset_password_from_key_done": (None, None, "200 200 200 200 200 200 200 200"),
    "account_confirm_login_code": (None, None, "login 302 302 302 302 302 302 302"),
    # Second factors. Adding one first asks for the emailed code (302 to accounts:second_factor);
    # recovery codes and removing an app do not exist before there is one (404).
    "mfa_index": (None, None, "login 200 200 200 200 200 200 200"),
    "mfa_authenticate": (None, None, "login 302 302 302 302 302 302 302"),
    "mfa_reauthenticate": (None, None, "login 302 302 302 302 302 302 302"),
    "mfa_activate_totp": (None, None, "login 302 302 302 302 302 302 302"),
    "mfa_deactivate_totp": (None, None, "login 404 404 404 404 404 404 404"),
    "mfa_view_recovery_codes": (None, None, "login 404 404 404 404 404 404 404"),
    "mfa_generate_recovery_codes": (None, None, "login 302 302 302 302 302 302 302"),
    "mfa_download_recovery_codes": (None, None, "login 404 404 404 404 404 404 404"),
    "mfa_list_webauthn": (None, None, "login 200 200 200 200 200 200 200"),
    "mfa_add_webauthn": (None, None, "login 302 302 302 302 302 302 302"),
    "mfa_reauthenticate_webauthn": (None, None, "login 302 302 302 302 302 302 302"),
    "mfa_login_webauthn": (None, None, "login 302 302 302 302 302 302 302"),
    "mfa_edit_webauthn": (lambda w: {"pk": 999999}, None, "login 302 302 302 302 302 302 302"),
    "mfa_remove_webauthn": (lambda w: {"pk": 999999}, None, "login 302 302 302 302 302 302 302"),
    # Active sessions, and organisations' identity providers (sign-in with an organisation).
    "usersessions_list": (None, None, "login 200 200 200 200 200 200 200"),
    "socialaccount_connections": (None, None, "login 200 200 200 200 200 200 200"),
    "socialaccount_login_cancelled": (None, None, "200 200 200 200 200 200 200 200"),
    "socialaccount_login_error": (None, None, "401 401 401 401 401 401 401 401"),
    "socialaccount_signup": (None, None, "login login login login login login login login"),
    "openid_connect_login": (
        lambda w: {"provider_id": _identity_provider(w).slug},
        None,
        "200 200 200 200 200 200 200 200",
    ),
    "openid_connect_callback": (
        lambda w: {"provider_id": _identity_provider(w).slug},
        None,
        "400 400 400 400 400 400 400 400",
    ),
    "home": (None, None, "login 200 200 200 200 200 200 200"),
    # Learning.
    "modules:search": (None, None, "200 200 200 200 200 200 200 200"),
    # Only those who keep a learning log (taking part, or took part) have one to open.
    "modules:learning_log": (None, None, "login 200 200 403 403 403 403 403"),
    "modules:module_complete": (
        lambda w: {"pk": w["module"].pk},
        None,
        "405 405 405 405 405 405 405 405",
    ),
    "modules:module_reflections": (
        lambda w: {"pk": w["module"].pk},
        None,
        "login 200 200 403 403 403 403 403",
    ),
    "cohorts:dashboard": (None, None, "login 403 403 403 403 200 200 200"),
    "cohorts:cohort_progress": (
        lambda w: {"pk": w["cohortA"].pk},
        lambda w: {"pk": w["cohortB"].pk},
        "login 403 403 403 403 200 403 200",
    ),
    # Attendance.
    "cohorts:attendance_register": (
        lambda w: {"pk": w["sessionA1"].pk},
        lambda w: {"pk": w["sessionB1"].pk},
        "login 403 403 403 403 200 403 200",
    ),
    "cohorts:checkin_code": (
        lambda w: {"pk": w["sessionA1"].pk},
        lambda w: {"pk": w["sessionB1"].pk},
        "login 403 403 403 403 200 403 200",
    ),
    "cohorts:check_in": (
        lambda w: {"pk": w["sessionA1"].pk},
        lambda w: {"pk": w["sessionB1"].pk},
        "login 200 403 403 403 403 403 403",
    ),
    "cohorts:apologies": (
        lambda w: {"pk": w["sessionA2"].pk},
        lambda w: {"pk": w["sessionB2"].pk},
        "login 200 403 403 403 403 403 403",
    ),
    "cohorts:attendance_import": (
        lambda w: {"pk": w["sessionA1"].pk},
        lambda w: {"pk": w["sessionB1"].pk},
        "login 403 403 403 403 200 403 200",
    ),
    "cohorts:cohort_attendance": (
        lambda w: {"pk": w["cohortA"].pk},
        lambda w: {"pk": w["cohortB"].pk},
        "login 403 403 200 403 200 403 200",
    ),
    "cohorts:cohort_attendance_export": (
        lambda w: {"pk": w["cohortA"].pk, "export_format": "csv"},
        lambda w: {"pk": w["cohortB"].pk, "export_format": "csv"},
        "login 403 403 200 403 200 403 200",
    ),
    "cohorts:my_attendance": (
        lambda w: {"pk": w["cohortA"].pk},
        lambda w: {"pk": w["cohortB"].pk},
        "login 200 403 403 403 403 403 403",
    ),
    "cohorts:programme_attendance": (
        lambda w: {"pk": w["programme"].pk},
        None,
        "login 403 403 403 403 403 403 200",
    ),
    # Session material.
    "cohorts:session_detail": (
        lambda w: {"pk": w["sessionA1"].pk},
        lambda w: {"pk": w["sessionB1"].pk},
        "login 200 403 403 403 200 403 200",
    ),
    "cohorts:session_material_edit": (
        lambda w: {"pk": w["sessionA1"].pk},
        lambda w: {"pk": w["sessionB1"].pk},
        "login 403 403 403 403 200 403 200",
    ),
    # Nominating officers (cohort O is open, with police and health seats).
    # A programme manager chooses an organisation to act for.
    "cohorts:nominate": (None, None, "login 403 403 200 200 403 403 200"),
    "cohorts:nomination_template": (
        lambda w: {"export_format": "xlsx"},
        None,
        "login 403 403 200 200 403 403 200",
    ),
    "cohorts:nominate_officer": (
        lambda w: {"cohort_pk": w["cohortO"].pk, "organisation_pk": w["police"].pk},
        None,
        "login 403 403 200 403 403 403 200",
    ),
    "cohorts:import_upload": (
        lambda w: {"cohort_pk": w["cohortO"].pk, "organisation_pk": w["police"].pk},
        None,
        "login 403 403 200 403 403 403 200",
    ),
    # No upload waiting under this key: those allowed are sent back to upload one.
    "cohorts:import_preview": (
        lambda w: {
            "cohort_pk": w["cohortO"].pk,
            "organisation_pk": w["police"].pk,
            "key": "no-such-upload",
        },
        None,
        "login 403 403 302 403 403 403 302",
    ),
    "cohorts:enrolment_resend": (
        lambda w: {"pk": w["enrolmentO"].pk},
        None,
        "login 405 405 405 405 405 405 405",
    ),
    "cohorts:enrolment_withdraw": (
        lambda w: {"pk": w["enrolmentA"].pk},
        lambda w: {"pk": w["enrolmentB"].pk},
        "login 403 404 200 404 403 404 200",
    ),
    "cohorts:enrolment_substitute": (
        lambda w: {"pk": w["enrolmentA"].pk},
        lambda w: {"pk": w["enrolmentB"].pk},
        "login 403 404 200 404 403 404 200",
    ),
    "cohorts:enrolment_move": (
        lambda w: {"pk": w["enrolmentA"].pk},
        lambda w: {"pk": w["enrolmentB"].pk},
        "login 403 404 403 404 403 404 200",
    ),
    # A cohort's sessions over their life (issue 23).
    "cohorts:cohort_sessions": (
        lambda w: {"pk": w["cohortA"].pk},
        lambda w: {"pk": w["cohortB"].pk},
        "login 403 403 403 403 200 403 200",
    ),
    "cohorts:sessions_from_pattern": (
        lambda w: {"pk": w["cohortA"].pk},
        lambda w: {"pk": w["cohortB"].pk},
        "login 403 403 403 403 200 403 200",
    ),
    "cohorts:session_move": (
        lambda w: {"pk": w["sessionA2"].pk},
        lambda w: {"pk": w["sessionB2"].pk},
        "login 403 403 403 403 200 403 200",
    ),
    "cohorts:session_cancel": (
        lambda w: {"pk": w["sessionA2"].pk},
        lambda w: {"pk": w["sessionB2"].pk},
        "login 403 403 403 403 200 403 200",
    ),
    # The link is the credential: whoever holds it (signed in or not) sees the invitation.
    "cohorts:invitation": (
        lambda w: {"token": w.token},
        None,
        "200 200 200 200 200 200 200 200",
    ),
    # Cohort pages.
    "cohorts:overview": (
        lambda w: {"pk": w["cohortA"].pk},
        lambda w: {"pk": w["cohortB"].pk},
        "login 403 403 403 403 200 403 200",
    ),
    "cohorts:cohort_history": (
        lambda w: {"pk": w["cohortA"].pk},
        lambda w: {"pk": w["cohortB"].pk},
        "login 403 403 403 403 200 403 200",
    ),
    "cohorts:people": (
        lambda w: {"pk": w["cohortA"].pk},
        lambda w: {"pk": w["cohortB"].pk},
        "login 200 403 403 403 200 403 200",
    ),
    # Completion and certificates.
    # Places and their certificates: participants' own, nominators' officers'. Those who run
    # cohorts manage certificates on each cohort's completion page.
    "cohorts:my_certificates": (None, None, "login 200 200 200 200 403 403 403"),
    "cohorts:cohort_completion": (
        lambda w: {"pk": w["cohortA"].pk},
        lambda w: {"pk": w["cohortB"].pk},
        "login 403 403 200 403 200 403 200",
    ),
    "cohorts:enrolment_sign_off": (
        lambda w: {"pk": w["enrolmentA"].pk},
        None,
        "login 405 405 405 405 405 405 405",
    ),
    # Nobody on cohort A is signed off: those who run it are sent back to the completion page.
    "cohorts:enrolment_sign_off_withdraw": (
        lambda w: {"pk": w["enrolmentA"].pk},
        lambda w: {"pk": w["enrolmentB"].pk},
        "login 403 404 403 404 302 404 302",
    ),
    "cohorts:certificate_issue": (
        lambda w: {"pk": w["enrolmentA"].pk},
        None,
        "login 405 405 405 405 405 405 405",
    ),
    "cohorts:certificate_bulk_issue": (
        lambda w: {"pk": w["cohortA"].pk},
        lambda w: {"pk": w["cohortB"].pk},
        "login 403 404 403 404 200 404 200",
    ),
    "cohorts:certificate_bulk_progress": (
        lambda w: {"pk": w["runA"].pk},
        lambda w: {"pk": w["runB"].pk},
        "login 403 404 403 404 200 404 200",
    ),
    "cohorts:cohort_certificates_download": (
        lambda w: {"pk": w["cohortA"].pk, "export_format": "zip"},
        lambda w: {"pk": w["cohortB"].pk, "export_format": "zip"},
        "login 403 404 403 404 200 404 200",
    ),
    "cohorts:certificate_download": (
        lambda w: {"pk": w["certificateA"].pk},
        lambda w: {"pk": w["certificateB"].pk},
        "login 200 404 200 404 200 404 200",
    ),
    "cohorts:certificate_reissue": (
        lambda w: {"pk": w["certificateA"].pk},
        lambda w: {"pk": w["certificateB"].pk},
        "login 403 404 403 404 200 404 200",
    ),
    "cohorts:certificate_revoke": (
        lambda w: {"pk": w["certificateA"].pk},
        lambda w: {"pk": w["certificateB"].pk},
        "login 403 404 403 404 200 404 200",
    ),
    # Calendars (issue 7).
    # A calendar of one's own sessions: those with a place, and facilitators.
    "cohorts:my_calendar": (None, None, "login 200 200 403 403 200 200 403"),
    "cohorts:cohort_calendar": (
        lambda w: {"pk": w["cohortA"].pk},
        lambda w: {"pk": w["cohortB"].pk},
        "login 200 403 200 403 200 403 200",
    ),
    # Resetting a feed's address is a POST (its owner only: see test_calendar_reset_...).
    "cohorts:calendar_reset": (
        lambda w: {"pk": _feed(w, "participant").pk},
        None,
        "login 405 405 405 405 405 405 405",
    ),
    # The feed's long random token is the key a calendar app holds: no sign-in.
    "cohorts:calendar_feed": (
        lambda w: {"token": _feed(w, "participant").token},
        None,
        "200 200 200 200 200 200 200 200",
    ),
    "cohorts:session_ics": (
        lambda w: {"pk": w["sessionA1"].pk},
        lambda w: {"pk": w["sessionB1"].pk},
        "login 200 403 403 403 200 403 200",
    ),
    # Evidence of impact (issue 18): the dashboard (scoped by visible_to) and its downloads,
    # a participant's own self-assessment and session feedback, a cohort's feedback.
    "impact:dashboard": (None, None, "login 403 403 200 200 200 200 200"),
    "impact:dashboard_export": (
        lambda w: {"figure": "places", "export_format": "csv"},
        None,
        "login 403 403 200 200 200 200 200",
    ),
    "impact:self_assessment": (
        lambda w: {"pk": w["enrolmentA"].pk},
        lambda w: {"pk": w["enrolmentB"].pk},
        "login 200 404 404 404 404 404 404",
    ),
    "impact:my_capabilities": (None, None, "login 200 200 200 200 200 200 200"),
    "impact:session_feedback": (
        lambda w: {"pk": w["sessionA1"].pk},
        lambda w: {"pk": w["sessionB1"].pk},
        "login 200 403 403 403 403 403 403",
    ),
    "impact:cohort_feedback": (
        lambda w: {"pk": w["cohortA"].pk},
        lambda w: {"pk": w["cohortB"].pk},
        "login 403 403 403 403 200 403 200",
    ),
    # Public certificate checks: anyone with the code.
    "certificates:verify_form": (None, None, "200 200 200 200 200 200 200 200"),
    "certificates:verify": (
        lambda w: {"code": w["certificateA"].display_code},
        None,
        "200 200 200 200 200 200 200 200",
    ),
    # Good practice (issue 19): the database is public (members-only case studies are Wagtail
    # pages, checked in tests/practice); proposals and question sets are their makers' own.
    "practice:good_practice": (
        lambda w: _good_practice(w),
        None,
        "302 302 302 302 302 302 302 302",
    ),
    "practice:resources": (None, None, "200 200 200 200 200 200 200 200"),
    "practice:propose": (None, None, "login 200 200 200 200 200 200 200"),
    "practice:proposals": (None, None, "login 200 200 200 200 200 200 200"),
    # A manager sees every proposal but changes one in the admin, not through the proposer's form.
    "practice:proposal_change": (
        lambda w: {"pk": _proposal(w, "participant").pk},
        lambda w: {"pk": _proposal(w, "other_participant").pk},
        "login 200 404 404 404 404 404 403",
    ),
    "practice:question_bank": (None, None, "200 200 200 200 200 200 200 200"),
    "practice:question_set": (
        lambda w: {"pk": _question_set(w, "participant").pk},
        lambda w: {"pk": _question_set(w, "other_participant").pk},
        "login 200 404 404 404 404 404 200",
    ),
    "practice:question_set_download": (
        lambda w: {"pk": _question_set(w, "participant").pk, "export_format": "csv"},
        lambda w: {"pk": _question_set(w, "other_participant").pk, "export_format": "csv"},
        "login 200 404 404 404 404 404 200",
    ),
    # Portable credentials (issue 21). What a verifier's software fetches, and the page where
    # anyone checks a credential, are public; a credential itself is its holder's alone.
    "credentials:issuer": (None, None, "200 200 200 200 200 200 200 200"),
    "credentials:jwks": (None, None, "200 200 200 200 200 200 200 200"),
    "credentials:key": (
        lambda w: {"thumbprint": _signing_key().thumbprint},
        None,
        "200 200 200 200 200 200 200 200",
    ),
    "credentials:achievement": (
        lambda w: {"pk": w["cohortA"].programme_id},
        None,
        "200 200 200 200 200 200 200 200",
    ),
    "credentials:status_list": (
        lambda w: {"number": 1},
        None,
        "200 200 200 200 200 200 200 200",
    ),
    "credentials:check": (None, None, "200 200 200 200 200 200 200 200"),
    "credentials:certificate_credential": (
        lambda w: {"pk": w["certificateA"].pk, "export_format": "json"},
        lambda w: {"pk": w["certificateB"].pk, "export_format": "json"},
        "login 200 404 404 404 404 404 404",
    ),
    # The champions' network and round tables (issue 20), in the roles of
    # tests/security/network_world.py: other_participant is a champion, participant their
    # would-be mentee and RT's attendee, nominator RT's invitee; everyone else is uninvited to
    # RT and gets a 404 for it (so does cohort A's side for RTB).
    "network:directory": (None, None, "login 200 200 200 200 200 200 200"),
    "network:my_profile": (None, None, "login 200 200 200 200 200 200 200"),
    "network:profile_listing": (None, None, "405 405 405 405 405 405 405 405"),
    "network:champion_make": (None, None, "login 403 403 403 403 403 403 200"),
    "network:applications": (None, None, "login 403 403 403 403 403 403 200"),
    "network:champion": (
        lambda w: {"pk": w["champion"].pk},
        lambda w: {"pk": w["unlisted"].pk},
        "login 200 200 200 200 200 200 200",
    ),
    # The participant has asked already; a champion cannot ask themself.
    "network:mentoring_request": (
        lambda w: {"pk": w["champion"].pk},
        lambda w: {"pk": w["unlisted"].pk},
        "login 403 403 200 200 200 200 200",
    ),
    "network:champion_approve": (
        lambda w: {"pk": w["unlisted"].pk},
        None,
        "405 405 405 405 405 405 405 405",
    ),
    "network:mentoring": (None, None, "login 200 200 200 200 200 200 200"),
    "network:matches": (None, None, "login 403 403 403 403 403 403 200"),
    "network:mentoring_answer": (
        lambda w: {"pk": w["champion"].mentorings.get().pk},
        None,
        "405 405 405 405 405 405 405 405",
    ),
    "network:mentoring_close": (
        lambda w: {"pk": w["champion"].mentorings.get().pk},
        None,
        "405 405 405 405 405 405 405 405",
    ),
    "network:round_tables": (None, None, "login 200 200 200 200 200 200 200"),
    "network:round_table_create": (None, None, "login 403 403 403 403 403 403 200"),
    "network:summaries": (None, None, "login 200 200 200 200 200 200 200"),
    # The single-use link emailed to the nominator (anyone holding it may answer).
    "network:invitation": (
        lambda w: {"token": w.token},
        None,
        "200 200 200 200 200 200 200 200",
    ),
    "network:round_table": (
        lambda w: {"pk": w["RT"].pk},
        lambda w: {"pk": w["RTB"].pk},
        "login 200 404 200 404 404 404 200",
    ),
    "network:round_table_change": (
        lambda w: {"pk": w["RT"].pk},
        lambda w: {"pk": w["RTB"].pk},
        "login 403 404 403 404 404 404 200",
    ),
    "network:round_table_answer": (
        lambda w: {"pk": w["RT"].pk},
        None,
        "405 405 405 405 405 405 405 405",
    ),
    "network:round_table_invite": (
        lambda w: {"pk": w["RT"].pk},
        lambda w: {"pk": w["RTB"].pk},
        "login 403 404 403 404 404 404 200",
    ),
    # Joining details, the calendar file and the notes: those who accepted.
    "network:round_table_ics": (
        lambda w: {"pk": w["RT"].pk},
        lambda w: {"pk": w["RTB"].pk},
        "login 200 404 403 404 404 404 200",
    ),
    "network:round_table_notes": (
        lambda w: {"pk": w["RT"].pk},
        lambda w: {"pk": w["RTB"].pk},
        "login 200 404 403 404 404 404 200",
    ),
    "network:round_table_summary": (
        lambda w: {"pk": w["RT"].pk},
        lambda w: {"pk": w["RTB"].pk},
        "login 403 404 403 404 404 404 200",
    ),
    "network:open_sessions": (None, None, "login 200 200 200 200 200 200 200"),
    # Listed champions (the other participant) and programme managers publish them.
    "network:open_session_create": (None, None, "login 403 200 403 403 403 403 200"),
    "network:open_session": (
        lambda w: {"pk": w["OS"].pk},
        None,
        "login 200 200 200 200 200 200 200",
    ),
    "network:open_session_booking": (
        lambda w: {"pk": w["OS"].pk},
        None,
        "405 405 405 405 405 405 405 405",
    ),
    # The host (the other participant) and programme managers keep the register.
    "network:open_session_register": (
        lambda w: {"pk": w["OS"].pk},
        None,
        "login 403 200 403 403 403 403 200",
    ),
    "network:open_session_ics": (
        lambda w: {"pk": w["OS"].pk},
        None,
        "login 200 200 200 200 200 200 200",
    ),
}


def _signing_key():
    from credentials.keys import signing_key

    return signing_key()


def _identity_provider(w):
    from single_sign_on.services import identity_provider_link

    return identity_provider_link(
        organisation=w["police"],
        issuer_url="http://127.0.0.1:9",
        client_id="academy",
        client_secret="secret",
        email_domains=["police.example.org"],
    )


def _good_practice(w):
    from tests.practice.factories import good_practice_index

    good_practice_index()
    return {}


def _proposal(w, person):
    """A case study `person` proposed that a programme manager sent back for changes."""
    from practice import services
    from practice.models import Theme
    from tests.practice.factories import good_practice_index

    proposal = services.case_study_propose(
        proposer=w.people[person],
        index=good_practice_index(),
        content=services.CaseStudyContent(
            title=f"Proposed by {person}",
            summary="A summary.",
            story="A story.",
            organisations=[w["police"]],
            region="south-east",
            themes=[Theme.objects.first()],
            stage="idea",
        ),
    )
    services.case_study_review(
        reviewer=w.people["manager"], proposal=proposal, approve=False, comment="More please."
    )
    return proposal


def _question_set(w, person):
    from tests.practice.factories import QuestionSetFactory

    return QuestionSetFactory(created_by=w.people[person], council=f"Council of {person}")


def _feed(w, person):
    from cohorts.calendar.feeds import calendar_feed_get_or_create

    return calendar_feed_get_or_create(user=w.people[person])


# Cohort A's people, who must never be given cohort B's records.
A_SIDE = ("participant", "nominator", "facilitator")


def project_url_names():
    """Every named URL under academy_site.urls except Wagtail's own URL configurations."""
    names = set()

    def walk(patterns, namespace, top):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if top and str(pattern.pattern) in WAGTAIL_PREFIXES:
                    continue
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                walk(pattern.url_patterns, inner, False)
            elif pattern.name:
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns, "", True)
    return names


def expected(cells):
    values = cells.split()
    assert len(values) == len(ROLES), cells
    return {role: (v if v in (L,) else int(v)) for role, v in zip(ROLES, values, strict=True)}


def outcome(response):
    if response.status_code == 302 and response["Location"].startswith(reverse("accounts:login")):
        return L
    return response.status_code


def fetch(client, user, url):
    client.logout()
    if user.is_authenticated:
        client.force_login(user)
    return client.get(url)


def test_every_url_has_an_expectation():
    missing = sorted(project_url_names() - MATRIX.keys())
    assert not missing, f"Add these URL names to MATRIX with each role's expected status: {missing}"


def test_the_matrix_lists_no_url_that_no_longer_exists():
    assert not sorted(MATRIX.keys() - project_url_names())


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_role_gets_what_the_matrix_says(client, world, name):
    kwargs, _neighbour, cells = MATRIX[name]
    url = reverse(name, kwargs=kwargs(world) if kwargs else None)
    wanted = expected(cells)
    got = {role: outcome(fetch(client, world.people[role], url)) for role in ROLES}
    mismatches = {role: (wanted[role], got[role]) for role in ROLES if got[role] != wanted[role]}
    assert not mismatches, f"{url}: role -> (expected, got): {mismatches}"


NEIGHBOURLY = sorted(name for name, (_k, neighbour, _c) in MATRIX.items() if neighbour)


@pytest.mark.parametrize("name", NEIGHBOURLY)
def test_cohort_a_people_never_get_cohort_b_records_by_changing_the_id(client, world, name):
    _kwargs, neighbour, _cells = MATRIX[name]
    url = reverse(name, kwargs=neighbour(world))
    other = world.people["other_participant"]
    for role in A_SIDE:
        response = fetch(client, world.people[role], url)
        assert response.status_code in (403, 404), f"{role} got {response.status_code} at {url}"
        body = response.content.decode(errors="replace")
        assert other.email not in body and other.last_name not in body, (role, url)


def test_nobody_can_reset_another_persons_calendar_address(client, world):
    feed = _feed(world, "other_participant")
    token = feed.token
    for role in A_SIDE + ("manager",):
        client.force_login(world.people[role])
        response = client.post(reverse("cohorts:calendar_reset", kwargs={"pk": feed.pk}))
        assert response.status_code == 404, role
    feed.refresh_from_db()
    assert feed.token == token


def test_with_mfa_on_staff_reach_no_page_before_their_second_factor(client, world, settings):
    from accounts.middleware import EXEMPT_VIEW_NAMES, SETUP_VIEW_NAMES

    settings.ACADEMY_REQUIRE_MFA = True
    second_factor = reverse("accounts:second_factor")
    for role in ("manager", "facilitator"):
        client.force_login(world.people[role])
        for name, (kwargs, _neighbour, cells) in MATRIX.items():
            if expected(cells)[role] != 200 or name in EXEMPT_VIEW_NAMES | SETUP_VIEW_NAMES:
                continue
            response = client.get(reverse(name, kwargs=kwargs(world) if kwargs else None))
            assert response.status_code == 302, (role, name)
            assert response["Location"].startswith(second_factor), (role, name)
        assert client.get(reverse("privacy")).status_code == 200
