"""The good practice database and the peer challenge question bank (one app label, several
modules; everything is importable from practice.models)."""

from .pages import (
    CaseStudyDocument,
    CaseStudyOutcome,
    CaseStudyPage,
    GoodPracticeIndexPage,
    ResourcePage,
)
from .proposals import CaseStudyProposal
from .questions import LineOfEnquiry, LineOfEnquiryExample, LineOfEnquiryPrompt, QuestionSet
from .taxonomy import OUTCOME_UNITS, OutcomeKind, Region, Stage, Theme

__all__ = [
    "OUTCOME_UNITS",
    "CaseStudyDocument",
    "CaseStudyOutcome",
    "CaseStudyPage",
    "CaseStudyProposal",
    "GoodPracticeIndexPage",
    "LineOfEnquiry",
    "LineOfEnquiryExample",
    "LineOfEnquiryPrompt",
    "OutcomeKind",
    "QuestionSet",
    "Region",
    "ResourcePage",
    "Stage",
    "Theme",
]
