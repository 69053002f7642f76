"""The Digital Academy: a cohort of senior officers from the organisations serving one place,
one module per meeting. Its modules are in digital_academy_foundations and
digital_academy_delivery."""

from . import digital_academy_delivery as delivery
from . import digital_academy_foundations as foundations

DIGITAL_ACADEMY = {
    "slug": "digital-academy",
    "title": "Digital Academy",
    "summary": (
        "A place-based programme for senior officers from the police, health, fire and rescue, "
        "councils, central government and the voluntary sector, learning together how digital "
        "can join up services around the residents they share."
    ),
    "aims": (
        "<p>To develop a cadre of senior officers, from the different public sector "
        "organisations operating in a place, who understand how they can apply digital tools "
        "and approaches to support more effective joint working: for example, by integrating "
        "health and social care more closely. Participants will:</p><ul>"
        "<li>develop a realistic understanding of what digital can do for their residents, "
        "workforce and organisation;</li>"
        "<li>see how digital approaches apply to local public services, and what user insight "
        "is needed before they start;</li>"
        "<li>understand the marketplace for services and technology, to get better value for "
        "money in procurement;</li>"
        "<li>learn where digital investment has already delivered tangible benefits;</li>"
        "<li>recognise the resources and skills needed to implement digital in a public "
        "sector context;</li>"
        "<li>identify opportunities to make a real difference across their place.</li></ul>"
    ),
    "audience": (
        "<p>Senior officers (directors, heads of service, superintendents, area managers and "
        "their deputies) from the organisations serving one place. Each organisation is given "
        "seats, and its nominator enrols its officers. A cohort meets eight times over about "
        "seven months; each cohort session is paired with an online module.</p>"
    ),
    "modules": [*foundations.MODULES, *delivery.MODULES],
}
