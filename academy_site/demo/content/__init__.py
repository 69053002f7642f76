"""What the demo data says: the site's pages, the two programmes and their modules, the places,
organisations and people. `manage.py load_demo_data` turns it into records.

The programme content is drawn from the Local Government Association's 2015 paper "Developing
local digital leadership skills and capacity" (sections 4 and 5), which proposed both academies.
Names are invented; a few are deliberately not ASCII, as certificates must print any name.
"""

from .cohort_rosters import (
    CLOSED_ALLOCATIONS,
    CLOSED_COHORT,
    FOLLOW_UP,
    GM_VENUES,
    JOINING_INSTRUCTIONS,
    KENT_VENUES,
    MEMBER_ALLOCATIONS,
    MEMBER_ENROLMENTS,
    MEMBER_VENUE,
    ONLINE_INSTRUCTIONS,
    OPEN_ALLOCATIONS,
    OPEN_ENROLMENTS,
    RUNNING_COHORT,
)
from .digital_academy import DIGITAL_ACADEMY
from .member_leadership_academy import MEMBER_LEADERSHIP_ACADEMY
from .places_and_people import LOGINS, NOMINATORS, ORGANISATIONS, OTHER_FACILITATORS, PLACES
from .site_pages import HOME, STANDARD_PAGES

PROGRAMMES = [DIGITAL_ACADEMY, MEMBER_LEADERSHIP_ACADEMY]

__all__ = [
    "CLOSED_ALLOCATIONS",
    "CLOSED_COHORT",
    "DIGITAL_ACADEMY",
    "FOLLOW_UP",
    "GM_VENUES",
    "HOME",
    "JOINING_INSTRUCTIONS",
    "KENT_VENUES",
    "LOGINS",
    "MEMBER_ALLOCATIONS",
    "MEMBER_ENROLMENTS",
    "MEMBER_LEADERSHIP_ACADEMY",
    "MEMBER_VENUE",
    "NOMINATORS",
    "ONLINE_INSTRUCTIONS",
    "OPEN_ALLOCATIONS",
    "OPEN_ENROLMENTS",
    "ORGANISATIONS",
    "OTHER_FACILITATORS",
    "PLACES",
    "PROGRAMMES",
    "RUNNING_COHORT",
    "STANDARD_PAGES",
]
