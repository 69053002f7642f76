"""The site's own pages in the demo: the home page and the standard pages."""

HOME = {
    "title": "Academy",
    "intro": (
        "<p>The academies help leaders across local public services to understand digital and "
        "to use it to improve services for residents. The <b>Digital Academy</b> brings "
        "together senior officers from the police, the NHS, fire and rescue, councils, central "
        "government and the voluntary sector in one place, over six to nine months. The "
        "<b>Member Leadership Academy</b> helps senior councillors understand the "
        "opportunities and risks of digital.</p>"
    ),
    "body": [
        ("heading", {"text": "How the academies work", "level": "h2"}),
        (
            "paragraph",
            "<p>Each academy runs many times, in cohorts. A Digital Academy cohort serves one "
            "place: each partner organisation is given seats, and its nominator enrols its "
            "officers. Participants meet for six to eight cohort sessions, and between sessions "
            "they work through short online modules. Those who meet the programme's completion "
            "rule receive a certificate that anyone can verify.</p>",
        ),
        (
            "callout",
            {
                "style": "info",
                "heading": "Taking part?",
                "text": "<p>Sign in to see your cohort, your next session, your modules and your "
                "certificates. Nominators see their own organisation's officers, and "
                "facilitators the cohorts they run.</p>",
            },
        ),
    ],
}

STANDARD_PAGES = [
    {
        "slug": "about",
        "title": "About the academies",
        "intro": (
            "<p>The academies grew out of the Local Government Association's 2015 proposals "
            "for developing local digital leadership skills and capacity, at councillor, "
            "senior officer and practitioner level.</p>"
        ),
        "body": [
            ("heading", {"text": "Why leadership, not only skills", "level": "h2"}),
            (
                "paragraph",
                "<p>Digital leadership is not simply about creating digital skills for their "
                "own sake, but about understanding how digital tools and approaches can help "
                "public services meet the challenges they face: reduced budgets, rising demand, "
                "and the need to work differently with partners across a place.</p>",
            ),
            ("heading", {"text": "The Digital Academy", "level": "h2"}),
            (
                "paragraph",
                "<p>A place-based model to develop skills and capacity among a cadre of senior "
                "officers from the public sector organisations operating in a place: police, "
                "health, fire and rescue, local authorities and central government agencies, "
                "with the voluntary sector alongside. It follows the model of the joint Cabinet "
                "Office and LGA Commissioning Academy.</p>",
            ),
            ("heading", {"text": "The Member Leadership Academy", "level": "h2"}),
            (
                "paragraph",
                "<p>Modules that extend the LGA's member leadership programme, to help senior "
                "councillors understand the opportunities and risks around the digital "
                "agenda.</p>",
            ),
        ],
    },
    {
        "slug": "accessibility",
        "title": "Accessibility statement",
        "intro": (
            "<p>We want as many people as possible to be able to use this website, whatever "
            "their device, and whether or not they use assistive technology.</p>"
        ),
        "body": [
            ("heading", {"text": "How accessible this website is", "level": "h2"}),
            (
                "paragraph",
                "<p>We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level "
                "AA. Every page can be used with a keyboard alone, no task needs JavaScript, "
                "videos have full transcripts and images have text alternatives.</p>",
            ),
            (
                "callout",
                {
                    "style": "info",
                    "heading": "Reporting a problem",
                    "text": "<p>If something on this website is hard to use, email "
                    "accessibility@academy.example and tell us the page and what went "
                    "wrong. We reply within five working days.</p>",
                },
            ),
        ],
    },
    {
        "slug": "privacy",
        "title": "Privacy notice",
        "intro": (
            "<p>This notice explains what personal data the academies hold about you, why, "
            "who can see it and how long we keep it.</p>"
        ),
        "body": [
            ("heading", {"text": "What we hold and why", "level": "h2"}),
            (
                "paragraph",
                "<p>We hold your name, work email address, job title and organisation, your "
                "enrolments, your attendance at cohort sessions, your progress through online "
                "modules and any certificates issued to you. We use them to run the cohorts you "
                "take part in and to issue certificates.</p>",
            ),
            ("heading", {"text": "Who can see it", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>You see everything about yourself.</li><li>Your organisation's "
                "nominator sees your enrolments, attendance, progress and certificates, and "
                "nobody else's.</li><li>Your cohort's facilitators see what they need to run "
                "it.</li><li>Programme managers see everything.</li></ul><p>Your answers to "
                "reflection prompts are private to you: others see only whether you answered."
                "</p>",
            ),
            (
                "callout",
                {
                    "style": "info",
                    "heading": "Your rights",
                    "text": "<p>You can ask for a copy of your data, or ask us to correct it, "
                    "by emailing privacy@academy.example.</p>",
                },
            ),
        ],
    },
]
