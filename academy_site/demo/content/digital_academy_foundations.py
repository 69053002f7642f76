"""The Digital Academy's first four modules: what digital can do for a place, starting with
users, sharing data around shared residents, digital inclusion. Each module: slug, title,
session title (the cohort session that covers it), summary, learning outcomes, estimated
minutes, and the pieces of its body: an introduction, two sections, a call-out, an activity
with a reflection prompt, key takeaways, further reading."""

MODULES = [
    {
        "slug": "digital-leadership",
        "title": "Digital leadership: what digital can do for a place",
        "session_title": "Opening session: digital leadership across the place",
        "summary": (
            "Why digital is a leadership issue and not only the job of those leading on "
            "ICT, and what it can realistically do for residents, staff and partners."
        ),
        "outcomes": [
            "Explain the difference between digitising a transaction and redesigning a "
            "service with digital tools.",
            "Give a realistic account of what digital can and cannot do for your "
            "residents, workforce and organisation.",
            "Recognise where digital is still treated as an ICT responsibility in your "
            "organisation, and what that costs.",
            "Name examples from the public sector where digital investment delivered "
            "tangible benefits.",
        ],
        "minutes": 45,
        "intro": (
            "<p>Digital leadership is not simply about creating digital skills for their "
            "own sake. It is about understanding how digital tools and approaches can help "
            "public services meet the challenges they face: reduced budgets, rising demand "
            "and the need to work differently with partners across a place.</p>"
            "<p>In many organisations digital is still seen as the responsibility of "
            "whoever leads on ICT. When that happens it is not recognised as an enabler of "
            "wider change, and the biggest improvements are missed.</p>"
        ),
        "sections": [
            (
                "From transactions to transformation",
                "<p>Most councils have already moved their top transactions online: paying "
                "council tax, reporting a missed bin, applying for a school place. That "
                "matters, but surveys of senior managers suggest the savings from "
                "digitising transactions alone will not meet the financial challenges "
                "ahead.</p><p>The larger opportunity lies in redesigning services around "
                "the people who use them, with technology as the glue between the "
                "organisations that serve the same residents.</p>",
            ),
            (
                "What digital cannot do",
                "<p>Technology does not fix a broken process, or a lack of trust between "
                "partners. A realistic leader asks what problem is being solved, for whom, "
                "and what has to change in the way people work before anything is "
                "bought.</p>",
            ),
        ],
        "callout": (
            "example",
            "Learning from Local Government Online",
            "<p>Between 2000 and 2005 the Local Government Online programme invested £670 "
            "million in councils' ICT, with a national team of experts and 22 national "
            "projects. It contributed substantially to the £4.3 billion of efficiency gains "
            "councils made in the 2004 Spending Review. Its lesson: coordinated investment, "
            "shared across the sector, goes further than each organisation acting "
            "alone.</p>",
        ),
        "activity": (
            "Where does digital sit in your organisation?",
            "<p>Think about the last three significant changes to a service in your "
            "organisation.</p><ul><li>Who led each one?</li><li>When were digital "
            "colleagues involved: at the start, or once the decisions were made?</li>"
            "<li>What would have been different had they been in the room from the "
            "beginning?</li></ul>",
            "Where is digital still treated as 'an IT matter' in your organisation, and "
            "what conversation could you start this month to change that?",
        ),
        "takeaways": [
            "Digital is an enabler of transformation, not a department.",
            "Digitising transactions is necessary but will not, alone, close the financial gap.",
            "Start with the problem and the people, not the technology.",
        ],
        "reading": [
            (
                "Developing local digital leadership skills and capacity",
                "",
                "Local Government Association, 2015: the paper this academy grew from.",
            ),
            (
                "The Local Digital Declaration",
                "https://www.localdigital.gov.uk/declaration/",
                "A shared commitment by councils and central government to fix the "
                "plumbing of public services.",
            ),
        ],
    },
    {
        "slug": "user-centred-design",
        "title": "Starting with users: insight and service design",
        "session_title": "Designing services around residents",
        "summary": (
            "What user insight you need before you start, and how to redesign a service "
            "around residents rather than around organisational boundaries."
        ),
        "outcomes": [
            "Describe the user insight a project needs before any technology is chosen.",
            "Use simple design methods, such as journey mapping, on a multi-agency service.",
            "Challenge a proposal that starts with a solution rather than a user need.",
        ],
        "minutes": 50,
        "intro": (
            "<p>Councils and their partners have been reshaping services to be better "
            "targeted and more user-focused, applying approaches based on customer insight "
            "and user-led design. The most successful digital services begin by "
            "understanding who uses a service, what they are trying to do, and where they "
            "get stuck.</p>"
        ),
        "sections": [
            (
                "Shared customers",
                "<p>A family known to children's services is often also known to the "
                "police, the school, the GP, the housing provider and Jobcentre Plus. Each "
                "sees part of the picture. Mapping the journey from the family's point of "
                "view shows the duplication: the same story told five times, the same "
                "assessment done twice, appointments that clash.</p>",
            ),
            (
                "Research before procurement",
                "<p>User research is cheap compared with a failed system. Talk to residents "
                "and front-line staff, watch the service being used, and test rough "
                "prototypes before committing to a specification.</p>",
            ),
        ],
        "callout": (
            "info",
            "The Service Standard",
            "<p>Central government's Service Standard begins with <i>understand users and "
            "their needs</i>. Many councils and NHS organisations use it, or the Local "
            "Government Digital Service Standard, to assess their own projects.</p>",
        ),
        "activity": (
            "Map one resident's journey",
            "<p>Choose a resident your organisations share, for example an older person "
            "leaving hospital who needs support to live independently. With a colleague "
            "from another organisation, map every contact they have with public services "
            "over a month.</p><ol><li>List each contact and who makes it.</li><li>Mark "
            "where information is asked for again.</li><li>Circle the point where the "
            "journey most often fails.</li></ol>",
            "What did the journey map show you that your own organisation's data would "
            "never have told you?",
        ),
        "takeaways": [
            "User needs come before solutions.",
            "Journeys cross organisational boundaries; design has to as well.",
            "Research early: it is the cheapest way to avoid an expensive mistake.",
        ],
        "reading": [
            (
                "Service Manual",
                "https://www.gov.uk/service-manual",
                "Government Digital Service guidance on user research and service design.",
            ),
            (
                "The Service Standard",
                "https://www.gov.uk/service-manual/service-standard",
                "The points a public service should meet.",
            ),
        ],
    },
    {
        "slug": "data-sharing",
        "title": "Sharing data around shared residents",
        "session_title": "Sharing data across agencies",
        "summary": (
            "How agencies can share information lawfully and safely, so that staff working "
            "with the same residents see a full picture of their needs."
        ),
        "outcomes": [
            "Explain, in plain terms, the lawful bases for sharing personal data between "
            "public bodies.",
            "Identify the cultural and technical barriers to data sharing in your place.",
            "Set out what a data-sharing agreement between partners contains.",
            "Give an example where shared data reduced duplicated effort for front-line staff.",
        ],
        "minutes": 60,
        "intro": (
            "<p>Staff from many agencies work with the same families and the same older "
            "residents. Giving them a full picture of their clients' needs, and eliminating "
            "duplicated effort, depends on agencies sharing data and integrating their "
            "processes and systems.</p><p>The barriers are rarely only legal. They are as "
            "often about confidence, culture, and systems never designed to talk to each "
            "other.</p>"
        ),
        "sections": [
            (
                "The law is an enabler",
                "<p>Data protection law sets out how to share, not whether to. Public "
                "bodies can share personal data where there is a clear purpose, a lawful "
                "basis and proportionate safeguards. A data protection impact assessment "
                "and a data-sharing agreement make those choices visible and "
                "reviewable.</p>",
            ),
            (
                "Culture and confidence",
                "<p>Front-line staff who fear getting it wrong will default to not "
                "sharing. Leaders set the tone: clear guidance, named information "
                "governance contacts, and visible support for staff who share in good "
                "faith to protect someone.</p>",
            ),
        ],
        "callout": (
            "warning",
            "Not sharing is also a decision",
            "<p>Safeguarding reviews repeatedly find that information held by one agency "
            "could have protected a child or an adult at risk, had it been shared. "
            "Withholding information carries risks of its own.</p>",
        ),
        "activity": (
            "Trace one information flow",
            "<p>Pick one multi-agency process in your place, such as hospital discharge or "
            "support for families with multiple needs. Trace what information moves "
            "between agencies, how (email, phone, a shared system, a spreadsheet), and "
            "where it stops.</p>",
            "Which single change to how information flows in that process would make the "
            "most difference to residents, and who would need to agree to it?",
        ),
        "takeaways": [
            "Data protection law is a framework for sharing well, not a reason to refuse.",
            "Agreements, impact assessments and named contacts give staff confidence.",
            "The biggest barriers are often cultural, and leaders can remove them.",
        ],
        "reading": [
            (
                "Data sharing: a code of practice",
                "https://ico.org.uk/",
                "The Information Commissioner's Office code on sharing personal data.",
            ),
            (
                "Transforming local services through digital",
                "",
                "LGA, 2015: the companion paper on place-based transformation.",
            ),
        ],
    },
    {
        "slug": "digital-inclusion",
        "title": "Digital inclusion and channel shift",
        "session_title": "Digital inclusion: nobody left behind",
        "summary": (
            "Moving services online without leaving people behind: who is offline, why, "
            "and how partners can support them together."
        ),
        "outcomes": [
            "Describe who in your place is least likely to be online, and why.",
            "Plan a channel shift that keeps an assisted route for those who need it.",
            "Identify partners, including the voluntary sector, who can help residents get online.",
        ],
        "minutes": 40,
        "intro": (
            "<p>In 2015 the Office for National Statistics reported that 86 per cent of "
            "households had internet access, up from 57 per cent in 2006, and that 78 per "
            "cent of adults went online every day. That is a real opportunity to move "
            "services online. It also means that a significant minority, often the people "
            "who need public services most, are not online at all, or only on a phone with "
            "little data.</p>"
        ),
        "sections": [
            (
                "Designing for everyone",
                "<p>Self-service frees staff time for people with complex needs. But a "
                "service that only works online shifts cost onto those least able to bear "
                "it. Make online services simple enough for most people to use unaided, and "
                "keep an assisted route through libraries, contact centres and voluntary "
                "organisations.</p>",
            ),
            (
                "Working with the voluntary sector",
                "<p>Voluntary and community organisations are often trusted by residents "
                "who avoid statutory services. They can help people get online, and tell "
                "you where your services are hard to use.</p>",
            ),
        ],
        "callout": (
            "example",
            "Library digital champions",
            "<p>Volunteer schemes in libraries, set up with residents, help people apply "
            "for benefits, book GP appointments and report problems online, while "
            "learning skills they keep.</p>",
        ),
        "activity": (
            "Who is missing?",
            "<p>Look at the take-up of one online service your organisation offers. "
            "Compare it, by area or by age, with the population it serves.</p>",
            "Which residents are least served by your online channels, and what would an "
            "assisted route designed with them look like?",
        ),
        "takeaways": [
            "Channel shift saves money only if the online route works for most people.",
            "Keep an assisted route, and design it with partners.",
            "Digital inclusion is a shared responsibility across the place.",
        ],
        "reading": [
            (
                "Good Things Foundation",
                "https://www.goodthingsfoundation.org/",
                "The digital inclusion charity and its network of community partners.",
            ),
            (
                "Internet access: households and individuals",
                "https://www.ons.gov.uk/",
                "The Office for National Statistics' annual release.",
            ),
        ],
    },
]
