"""Who may do what in the good practice database and the question bank: the one entry point,
each check answering `Permission(allowed, reason)` so a 403 page can say why.

- Case studies: anyone may open a published open case study; members-only ones are for
  signed-in people (`CaseStudyPage.objects.visible_to`, the one scoping rule).
- Anyone signed in may propose a case study; only its proposer may change it, and only while it
  is sent back to them with comments.
- The question bank is public to read; anyone signed in may pick a question set for a council
  and download it; a question set is its maker's own (programme managers see every one).
"""

from wagtail.permission_policies import ModelPermissionPolicy

from accounts.permissions import ALLOWED, Permission, signed_in


def can_view_case_study(user, case_study):
    # The case study's own class (CaseStudyPage) holds the one scoping rule, `visible_to`.
    if type(case_study).objects.visible_to(user).filter(pk=case_study.pk).exists():
        return ALLOWED
    if not signed_in(user):
        return Permission(False, "Sign in to read this case study: it is for members only.")
    return Permission(False, "This case study is not published.")


def can_propose_case_study(user):
    if not signed_in(user):
        return Permission(False, "Sign in to propose a case study.")
    return ALLOWED


def can_change_proposal(user, proposal, *, sent_back):
    """`sent_back`: whether the proposal's approval workflow sent it back for changes."""
    if not signed_in(user):
        return Permission(False, "Sign in to change your proposal.")
    if proposal.proposed_by_id != user.pk:
        return Permission(False, "Only the person who proposed a case study can change it.")
    if not sent_back:
        return Permission(
            False, "You can change a proposal only when a programme manager sends it back."
        )
    return ALLOWED


def can_pick_questions(user):
    if not signed_in(user):
        return Permission(False, "Sign in to pick questions for a council.")
    return ALLOWED


def can_view_question_set(user, question_set):
    if not signed_in(user):
        return Permission(False, "Sign in to see your question sets.")
    if type(question_set).objects.visible_to(user).filter(pk=question_set.pk).exists():
        return ALLOWED
    return Permission(False, "A question set is for the peer team member who made it.")


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Proposals and question sets are written by the site's forms through practice.services
    (which start workflows and check who may act): the admin only reads them."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)
