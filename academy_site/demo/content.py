"""What the demo data says: the site's pages, the two programmes and their modules, the places,
organisations and people. `manage.py load_demo_data` turns it into records.

The programme content is drawn from the Local Government Association's 2015 paper "Developing
local digital leadership skills and capacity" (sections 4 and 5), which proposed both academies.
Names are invented; a few are deliberately not ASCII, as certificates must print any name.
"""

# --- The site's own pages -----------------------------------------------------------------

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

# --- The programmes and their modules -----------------------------------------------------
#
# Each module: slug, title, session title (the cohort session that covers it), summary,
# learning outcomes, estimated minutes, and the pieces of its body: an introduction, two
# sections, a call-out, an activity with a reflection prompt, key takeaways, further reading.

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
    "modules": [
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
                "Digitising transactions is necessary but will not, alone, close the "
                "financial gap.",
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
                "Identify partners, including the voluntary sector, who can help residents "
                "get online.",
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
        {
            "slug": "automation-and-ai",
            "title": "Automation and AI: opportunities and limits",
            "session_title": "Automation and AI in front-line services",
            "summary": (
                "Where automation and artificial intelligence can help front-line services, "
                "where they should not be trusted, and what leaders should ask first."
            ),
            "outcomes": [
                "Distinguish automating a process, predicting a risk and generating content.",
                "Identify tasks in your service where automation would free staff for work "
                "with people.",
                "Ask about bias, transparency and accountability before adopting an AI tool.",
            ],
            "minutes": 50,
            "intro": (
                "<p>Much routine work in public services, such as checking forms, routing "
                "enquiries, scheduling visits and summarising case notes, can be automated. "
                "Newer AI tools promise more: predicting which residents are at risk, or "
                "drafting letters and reports. The benefits can be real. So can the risks, "
                "particularly where decisions affect people's liberty, health or income.</p>"
            ),
            "sections": [
                (
                    "Start with the task",
                    "<p>Ask what the task is, how often it happens, how much judgement it "
                    "needs, and what happens when it goes wrong. High-volume tasks that need "
                    "little judgement are the natural place to start.</p>",
                ),
                (
                    "Accountability stays with people",
                    "<p>An algorithm cannot be held to account; its owners can. Be clear who "
                    "signs off a model, how its decisions can be explained to a resident, and "
                    "how someone can challenge them.</p>",
                ),
            ],
            "callout": (
                "warning",
                "Bias in, bias out",
                "<p>A model trained on past decisions learns past patterns, including unfair "
                "ones. Ask how a tool was tested for bias across groups with protected "
                "characteristics, and how it will be monitored once in use.</p>",
            ),
            "activity": (
                "A task worth automating",
                "<p>List five tasks your team does every week. For each, note how long it "
                "takes, how much judgement it needs, and the harm if it goes wrong. Choose the "
                "one best suited to automation.</p>",
                "What would your team do with the time freed, and how would you know the "
                "automation was working fairly?",
            ),
            "takeaways": [
                "Start with high-volume tasks that need little judgement.",
                "Keep a named person accountable for every automated decision.",
                "Test for bias before use, and keep monitoring it after.",
            ],
            "reading": [
                (
                    "Algorithmic Transparency Recording Standard",
                    "https://www.gov.uk/",
                    "How public bodies publish information about the algorithmic tools they use.",
                ),
                (
                    "Your organisation's data ethics policy",
                    "",
                    "Ask your information governance lead whether you have one.",
                ),
            ],
        },
        {
            "slug": "cyber-resilience",
            "title": "Cyber resilience and information risk",
            "session_title": "Cyber resilience: an incident exercise",
            "summary": (
                "What a senior leader needs to know about cyber threats, resilience and "
                "recovery when services across a place depend on each other's systems."
            ),
            "outcomes": [
                "Describe the commonest cyber threats to public bodies and how they start.",
                "Explain why an incident at one partner can disrupt services across the place.",
                "Set out what a leadership team should ask about cyber resilience.",
                "Take part effectively in a joint incident exercise.",
            ],
            "minutes": 45,
            "intro": (
                "<p>As services join up, the organisations in a place depend on each other's "
                "systems. A ransomware attack on one council or trust can stop hospital "
                "discharges, delay emergency responses and leave residents without payments. "
                "Cyber resilience is a leadership concern, not a technical detail.</p>"
            ),
            "sections": [
                (
                    "How attacks start",
                    "<p>Most incidents begin with something ordinary: a convincing phishing "
                    "email, an unpatched system, a reused password. Basic hygiene, such as "
                    "multi-factor authentication, timely patching and tested backups, prevents "
                    "most of them.</p>",
                ),
                (
                    "Plan to recover",
                    "<p>Assume an incident will happen. Know which services are critical, how "
                    "they would run without their systems, and how partners would be told. "
                    "Rehearse it together.</p>",
                ),
            ],
            "callout": (
                "info",
                "Questions for your leadership team",
                "<p>Do we know our most critical systems and data? When did we last test "
                "restoring from backup? Who decides, at three in the morning, to take systems "
                "offline? How would we tell our partners?</p>",
            ),
            "activity": (
                "Tabletop exercise: the Monday morning outage",
                "<p>It is 7.30 on a Monday. The county council's case management system has "
                "been encrypted by ransomware. In your group, work through the first 24 hours: "
                "which services in each of your organisations are affected, who needs to know, "
                "and what manual workarounds exist.</p>",
                "Which dependency on a partner's systems surprised you most, and what will you "
                "do about it?",
            ),
            "takeaways": [
                "Cyber resilience is a leadership responsibility.",
                "Most attacks exploit basic weaknesses; basic hygiene stops most of them.",
                "Plan and rehearse recovery with partners, not alone.",
            ],
            "reading": [
                (
                    "Cyber Security Toolkit for Boards",
                    "https://www.ncsc.gov.uk/collection/board-toolkit",
                    "National Cyber Security Centre guidance for senior leaders.",
                ),
                (
                    "Exercise in a Box",
                    "https://www.ncsc.gov.uk/",
                    "Free NCSC exercises for testing your response to an incident.",
                ),
            ],
        },
        {
            "slug": "commissioning-and-suppliers",
            "title": "Commissioning and the supplier market",
            "session_title": "Commissioning and working with suppliers",
            "summary": (
                "Understanding the market for services and technology, so that partners get "
                "better value from procurement and avoid being locked in."
            ),
            "outcomes": [
                "Describe how the public sector technology market works, and where it serves "
                "you badly.",
                "Write a requirement in terms of outcomes and user needs rather than features.",
                "Identify chances to buy jointly, or reuse what partners already have.",
                "Challenge a supplier's claims with confidence.",
            ],
            "minutes": 55,
            "intro": (
                "<p>Leaders need to understand the marketplace for services and technologies "
                "to get better value for money from procurement. Too often each organisation "
                "buys the same thing separately, on long contracts, with data held in formats "
                "its partners cannot use.</p>"
            ),
            "sections": [
                (
                    "Buy outcomes, not features",
                    "<p>Describe the problem and the outcomes you need, and let suppliers "
                    "propose how to meet them. Insist on open standards and on your right to "
                    "your own data, so that systems can be joined up and replaced.</p>",
                ),
                (
                    "Buy once for the place",
                    "<p>Where partners need the same capability, such as a shared care record, "
                    "booking or identity checks, buying together can cut costs and make joining "
                    "up easier. It needs governance agreed before the contract, not after.</p>",
                ),
            ],
            "callout": (
                "example",
                "The Commissioning Academy",
                "<p>The Digital Academy follows the model of the joint Cabinet Office and LGA "
                "Commissioning Academy, which brought senior commissioners from different "
                "public bodies together to learn from each other and from good practice.</p>",
            ),
            "activity": (
                "Rewrite a requirement",
                "<p>Take a recent specification from your organisation. Rewrite its first page "
                "as a statement of user needs and outcomes, and list any clauses that would "
                "stop you sharing data with partners or changing supplier.</p>",
                "What will you do differently in your next contract, and who else in the place "
                "should be at the table?",
            ),
            "takeaways": [
                "Understand the market before you go to it.",
                "Specify outcomes, open standards and ownership of your data.",
                "Look for chances to buy once for the place.",
            ],
            "reading": [
                (
                    "The Technology Code of Practice",
                    "https://www.gov.uk/guidance/the-technology-code-of-practice",
                    "Criteria for designing, building and buying technology in government.",
                ),
                (
                    "Framework agreements",
                    "",
                    "Ask your procurement team which frameworks your organisation can use.",
                ),
            ],
        },
        {
            "slug": "leading-change-across-the-place",
            "title": "Leading change across the place",
            "session_title": "Closing session: leading change across the place",
            "summary": (
                "Bringing the learning together: a joint digital proposal for the place, and "
                "the skills and resources it will take to deliver it."
            ),
            "outcomes": [
                "Identify a shared opportunity where digital would make a real difference to "
                "residents across your place.",
                "Estimate the resources and skills needed to deliver it in a public sector "
                "context.",
                "Agree with partners how the work will be governed and its success measured.",
            ],
            "minutes": 60,
            "intro": (
                "<p>Collaboration across a place needs strong leadership of place: bringing "
                "together the organisations operating locally, changing ways of working and "
                "cultures so that the resident is at the centre, and encouraging data sharing "
                "and the integration of processes and systems.</p><p>This final module asks "
                "each cohort to turn what it has learnt into a joint proposal its "
                "organisations can take forward together.</p>"
            ),
            "sections": [
                (
                    "Skills and capacity",
                    "<p>Be realistic about what it will take: product managers, user "
                    "researchers, data and security specialists, and the time of front-line "
                    "staff. Some of this can be shared between partners or borrowed from the "
                    "wider sector; some has to be grown.</p>",
                ),
                (
                    "Mainstreaming what works",
                    "<p>Scale up proven exemplars rather than reinventing the wheel. The "
                    "digital champions network and peer challenge help you find them, and tell "
                    "others what worked for you.</p>",
                ),
            ],
            "callout": (
                "info",
                "Your cohort's proposal",
                "<p>At the final session each table presents a one-page proposal: the "
                "residents it will help, the partners involved, the first step, and how you "
                "will know it has worked. Facilitators share the proposals with the chief "
                "executives of every partner organisation.</p>",
            ),
            "activity": (
                "Draft your one-page proposal",
                "<p>With colleagues from at least two other organisations, draft a one-page "
                "proposal for a joint digital improvement in your place, under these headings: "
                "residents, problem, idea, partners, first step, measure of success.</p>",
                "What will you personally do in the next three months to move the proposal "
                "forward?",
            ),
            "takeaways": [
                "Leadership of place turns digital projects into joined-up services.",
                "Be realistic about the skills and resources needed.",
                "Scale what works, and share what you learn.",
            ],
            "reading": [
                (
                    "Implementing programme leadership and support for digital",
                    "",
                    "LGA, 2015: the companion paper on coordinated programme support.",
                ),
                (
                    "Local Government Association",
                    "https://www.local.gov.uk/",
                    "Support, case studies and peer networks for councils.",
                ),
            ],
        },
    ],
}

MEMBER_LEADERSHIP_ACADEMY = {
    "slug": "member-leadership-academy",
    "title": "Member Leadership Academy",
    "summary": (
        "Modules for council leaders and senior councillors on the opportunities and risks of "
        "digital: what to ask for, what to watch for, and how to lead it."
    ),
    "aims": (
        "<p>To help senior councillors understand the opportunities and risks around the "
        "digital agenda, so that they can set direction, hold officers and suppliers to "
        "account, and champion digital across their place. The modules extend the LGA's "
        "member leadership programme.</p>"
    ),
    "audience": (
        "<p>Council leaders, cabinet members and portfolio holders, chairs of scrutiny and "
        "audit committees, and opposition leads. No technical knowledge is assumed.</p>"
    ),
    "modules": [
        {
            "slug": "digital-and-the-councillor",
            "title": "Digital and the role of the councillor",
            "session_title": "Digital and the councillor's role",
            "summary": (
                "Why digital matters to every portfolio, and the part councillors play, as "
                "leaders of place, in driving it."
            ),
            "outcomes": [
                "Explain how digital can help the council meet rising demand with fewer resources.",
                "Describe the councillor's role in setting direction for digital, as distinct "
                "from officers' role in delivering it.",
                "Identify the digital questions that arise in your own portfolio.",
            ],
            "minutes": 30,
            "intro": (
                "<p>Councils have faced cuts of up to 40 per cent in their funding while "
                "demand has grown: an ageing population, more children needing school places, "
                "homelessness, and new responsibilities in public health and welfare reform. "
                "As the legitimate leaders of place, councillors are well placed to drive the "
                "digitisation of local public services, but they need support to do so.</p>"
            ),
            "sections": [
                (
                    "Direction, not delivery",
                    "<p>Councillors do not need to know how a system is built. They do need to "
                    "be clear about what the council is trying to achieve for residents, to ask "
                    "whether digital is helping to achieve it, and to make sure it is not left "
                    "to the ICT department alone.</p>",
                ),
                (
                    "Digital in every portfolio",
                    "<p>Adult social care, housing, waste, planning and children's services "
                    "all depend on data and technology. Each portfolio holder should know the "
                    "main systems their services rely on, and the plans to improve them.</p>",
                ),
            ],
            "callout": (
                "info",
                "A councillor's digital questions",
                "<p>What are residents' most common dealings with us, and how many happen "
                "online? Where do residents get stuck? What are we doing with partners to join "
                "up services around them?</p>",
            ),
            "activity": (
                "Your portfolio and digital",
                "<p>List the three services in your portfolio that residents contact most "
                "often. For each, find out how residents contact you now, and what each "
                "contact costs.</p>",
                "Which of those services would residents most like improved, and what would "
                "you ask officers to do first?",
            ),
            "takeaways": [
                "Digital is part of every portfolio.",
                "Councillors set direction; officers deliver.",
                "Ask about residents' experience, not about technology.",
            ],
            "reading": [
                (
                    "Developing local digital leadership skills and capacity",
                    "",
                    "Local Government Association, 2015.",
                ),
                (
                    "Local Government Association",
                    "https://www.local.gov.uk/",
                    "Leadership programmes and support for councillors.",
                ),
            ],
        },
        {
            "slug": "digital-opportunities",
            "title": "The opportunities: better services at lower cost",
            "session_title": "The opportunities of digital",
            "summary": (
                "Where digital has already delivered for councils and their residents, and "
                "how to spot the opportunities in your own place."
            ),
            "outcomes": [
                "Give examples of digital investment that delivered tangible benefits for "
                "residents and councils.",
                "Distinguish savings from digitising transactions from savings from "
                "transforming services.",
                "Recognise opportunities to join up services with partners in your place.",
            ],
            "minutes": 35,
            "intro": (
                "<p>Councils have a long history of investing in technology, from the finance "
                "and housing repairs systems of the 1970s to the apps and social media of "
                "today. Online school admissions and telecare are among the innovations that "
                "have improved residents' experience and reduced costs.</p>"
            ),
            "sections": [
                (
                    "Beyond the website",
                    "<p>Moving top transactions online saves money and lets residents deal "
                    "with the council when it suits them. The larger gains come from "
                    "redesigning services with partners: for example, giving every agency "
                    "supporting a family or an older resident a shared picture of their "
                    "needs.</p>",
                ),
                (
                    "Learning from peers",
                    "<p>Most good ideas have been tried somewhere already. Peer challenge, the "
                    "digital champions network and good practice case studies help councils "
                    "reuse what works instead of reinventing the wheel.</p>",
                ),
            ],
            "callout": (
                "example",
                "Telecare",
                "<p>Telecare sensors and alarms help older and disabled residents live "
                "independently for longer, with a response service that can call a neighbour, "
                "a warden or an ambulance. Councils that joined up telecare with health "
                "partners have reduced avoidable hospital admissions.</p>",
            ),
            "activity": (
                "Spot an opportunity",
                "<p>Read one case study of a digital service from another council. Note what "
                "problem it solved, what it cost, and what made it work.</p>",
                "Could the same approach work in your area? What would stop it, and whom "
                "would you need to persuade?",
            ),
            "takeaways": [
                "Digital has a track record in local government: build on it.",
                "Transforming services with partners offers bigger gains than transactions alone.",
                "Reuse what works elsewhere.",
            ],
            "reading": [
                (
                    "Delivering better local online transactional services",
                    "",
                    "LGA, 2015: the companion paper on online services.",
                ),
                (
                    "LGA case studies",
                    "https://www.local.gov.uk/case-studies",
                    "Examples of council innovation, searchable by theme.",
                ),
            ],
        },
        {
            "slug": "digital-risks",
            "title": "The risks: data, security and public trust",
            "session_title": "The risks of digital",
            "summary": (
                "The risks councillors must understand and oversee: cyber attacks, data "
                "protection, failing projects, digital exclusion and the fair use of "
                "algorithms."
            ),
            "outcomes": [
                "Describe the main digital risks to the council and its residents.",
                "Explain the council's duties for the personal data it holds.",
                "Ask how the council would keep running, and keep residents informed, during "
                "a cyber incident.",
                "Recognise when the use of an algorithm needs democratic oversight.",
            ],
            "minutes": 40,
            "intro": (
                "<p>Digital brings risks as well as opportunities. A cyber attack can stop "
                "services for weeks. A data breach damages trust. A large technology project "
                "can overrun. Services that are only online can exclude residents. Algorithms "
                "used to target services can entrench unfairness. Councillors do not manage "
                "these risks day to day, but they are accountable for them.</p>"
            ),
            "sections": [
                (
                    "Cyber attacks",
                    "<p>Councils have been hit by ransomware that took services offline for "
                    "months. Ask how critical systems are protected, when recovery was last "
                    "tested, and how members would be briefed during an incident.</p>",
                ),
                (
                    "Fairness and exclusion",
                    "<p>Check that every online service keeps an assisted route, and that any "
                    "automated tool used to make or inform decisions about residents has been "
                    "tested for bias and can be explained.</p>",
                ),
            ],
            "callout": (
                "warning",
                "Risk appetite",
                "<p>Avoiding every risk is itself risky: services that do not change will not "
                "cope with rising demand. The aim is informed risk, taken knowingly, with a "
                "plan for when it goes wrong.</p>",
            ),
            "activity": (
                "Read your risk register",
                "<p>Find the council's corporate risk register. Look for the entries on cyber "
                "security, data protection and major technology projects.</p>",
                "Are the digital risks on the register the ones that worry you most? What "
                "would you ask the audit committee to look at?",
            ),
            "takeaways": [
                "Councillors are accountable for digital risk even when they do not manage it.",
                "Cyber resilience and data protection are matters for the leadership.",
                "Fairness and inclusion are part of digital risk.",
            ],
            "reading": [
                (
                    "Cyber Security Toolkit for Boards",
                    "https://www.ncsc.gov.uk/collection/board-toolkit",
                    "NCSC guidance that suits cabinets and audit committees well.",
                ),
                (
                    "Information Commissioner's Office",
                    "https://ico.org.uk/",
                    "Guidance on the duties of organisations that hold personal data.",
                ),
            ],
        },
        {
            "slug": "challenge-and-scrutiny",
            "title": "Asking the right questions: challenge and scrutiny",
            "session_title": "Challenge and scrutiny of digital",
            "summary": (
                "The tools to challenge your own council, its partners and its suppliers on "
                "digital, through cabinet, scrutiny and peer challenge."
            ),
            "outcomes": [
                "Use a short set of questions to scrutinise a digital business case.",
                "Challenge supplier claims and contract terms with confidence.",
                "Use peer challenge and the digital champions network to test your council's "
                "approach.",
            ],
            "minutes": 35,
            "intro": (
                "<p>Councillors need the tools to challenge their own and partner "
                "organisations, and to understand and challenge the supplier market. Good "
                "challenge is not about technical detail. It asks what residents will get, "
                "what it will cost, how success will be measured, and what happens if it goes "
                "wrong.</p>"
            ),
            "sections": [
                (
                    "Scrutinising a business case",
                    "<p>Ask: what user need does this meet, and how do we know? What will it "
                    "cost over its whole life, not just the first year? Who else in the place "
                    "could share it? How do we get our data back if we change supplier? What "
                    "does success look like in a year?</p>",
                ),
                (
                    "Peer challenge",
                    "<p>The LGA's corporate peer challenge asks how councils use digital to "
                    "transform services. Peer reviewers highlight opportunities and point to "
                    "solutions already delivered elsewhere.</p>",
                ),
            ],
            "callout": (
                "example",
                "Five questions, every time",
                "<p>One scrutiny committee asks the same five questions of every technology "
                "item on its agenda, and publishes the answers. Officers now answer them in "
                "the report before they are asked.</p>",
            ),
            "activity": (
                "Scrutinise a real paper",
                "<p>Find a recent cabinet or committee report that involves spending on "
                "technology. Apply the five questions from this module.</p>",
                "Which question did the report answer least well, and how will you raise it at "
                "the next meeting?",
            ),
            "takeaways": [
                "Good challenge is about outcomes, cost, risk and exit, not technology.",
                "Use your peers: someone has usually done it before.",
                "Publish your questions so that officers answer them up front.",
            ],
            "reading": [
                (
                    "Corporate peer challenge",
                    "https://www.local.gov.uk/",
                    "The LGA's peer challenge programme for councils.",
                ),
                (
                    "Centre for Governance and Scrutiny",
                    "https://www.cfgs.org.uk/",
                    "Guidance and training on effective scrutiny.",
                ),
            ],
        },
    ],
}

PROGRAMMES = [DIGITAL_ACADEMY, MEMBER_LEADERSHIP_ACADEMY]

# --- Places, organisations and people -----------------------------------------------------

PLACES = {
    "kent": (
        "Kent",
        "Kent and Medway: the county council, twelve district councils and their "
        "partners across policing, health, and fire and rescue.",
    ),
    "gm": (
        "Greater Manchester",
        "The ten boroughs of the Greater Manchester Combined Authority and their partners.",
    ),
}

# key: (name, sector, place key or None)
ORGANISATIONS = {
    "kent-police": ("Kent Police", "police", "kent"),
    "kent-icb": ("NHS Kent and Medway Integrated Care Board", "health", "kent"),
    "kent-fire": ("Kent Fire and Rescue Service", "fire-and-rescue", "kent"),
    "kcc": ("Kent County Council", "local-authority", "kent"),
    "maidstone": ("Maidstone Borough Council", "local-authority", "kent"),
    "dwp": ("Department for Work and Pensions (Jobcentre Plus)", "central-government", None),
    "kent-vcs": ("West Kent Community Action", "voluntary-and-community", "kent"),
    "kent-housing": ("Medway Housing Partnership", "other", "kent"),
    "gmp": ("Greater Manchester Police", "police", "gm"),
    "gm-nhs": ("NHS Greater Manchester Integrated Care", "health", "gm"),
    "gm-fire": ("Greater Manchester Fire and Rescue Service", "fire-and-rescue", "gm"),
    "manchester": ("Manchester City Council", "local-authority", "gm"),
    "salford": ("Salford City Council", "local-authority", "gm"),
    "gm-vcs": ("Manchester Community Action", "voluntary-and-community", "gm"),
    "gm-housing": ("Greater Manchester Housing Providers", "other", "gm"),
}

# The four people a newcomer signs in as: (login, first name, last name, job title, role,
# what they see). The participant's organisation and cohort are set in the loader.
LOGINS = [
    (
        "manager",
        "Siân",
        "Griffiths",
        "Programme Manager, Digital Academies",
        "programme-manager",
        "everything; sets up programmes, cohorts and organisations in /admin/",
    ),
    (
        "facilitator",
        "Ciarán",
        "O'Donnell",
        "Lead Facilitator",
        "facilitator",
        "the Kent cohorts they run: registers, sessions, completions",
    ),
    (
        "nominator",
        "Rebecca",
        "Holt",
        "Head of Learning and Development",
        "nominator",
        "Kent Police officers only; seats to fill on the open cohort",
    ),
    (
        "participant",
        "Dimitra",
        "Papadopoulou",
        "Detective Chief Inspector, Partnerships",
        "participant",
        "their own cohort, sessions, modules, attendance",
    ),
]

# Each organisation's nominator (Kent Police's is the `nominator` login).
NOMINATORS = {
    "kent-icb": ("Louise", "Grant", "Workforce Development Lead"),
    "kent-fire": ("Neil", "Foster", "Organisational Development Manager"),
    "kcc": ("Amanda", "Shaw", "Head of Organisation Development"),
    "maidstone": ("Colin", "Reid", "Learning and Development Adviser"),
    "dwp": ("Sandra", "Walsh", "Partnership Manager"),
    "kent-vcs": ("Moira", "Campbell", "Operations Manager"),
    "kent-housing": ("Deepak", "Mistry", "People Director"),
    "gmp": ("Jonathan", "Ward", "Head of Leadership Development"),
    "gm-nhs": ("Yvonne", "Clarke", "Head of Workforce Transformation"),
    "gm-fire": ("Lee", "Harrison", "Training and Development Manager"),
    "manchester": ("Farah", "Iqbal", "Head of Workforce Development"),
    "salford": ("Peter", "Lomax", "Democratic Services Manager"),
    "gm-vcs": ("Ruth", "Fairclough", "Chief Executive"),
    "gm-housing": ("Chinedu", "Eze", "Partnerships Lead"),
}

# Facilitators of the cohorts the `facilitator` login does not run.
OTHER_FACILITATORS = [
    ("Rhiannon", "Evans", "Facilitator, Greater Manchester"),
    ("Marcus", "Bell", "Facilitator, Member Leadership Academy"),
]

# The running Digital Academy cohort in Kent: organisation -> officers. The `participant`
# login joins Kent Police's officers; the seats per organisation are the lengths (24 in all).
RUNNING_COHORT = {
    "kent-police": [
        ("Mark", "Fenwick", "Superintendent, Neighbourhood Policing"),
        ("Jasmine", "Okafor", "Chief Inspector, Safeguarding"),
        ("Tom", "Hartley", "Head of Digital Policing"),
    ],
    "kent-icb": [
        ("Zofia", "Wróblewska", "Director of Digital Transformation"),
        ("Aisha", "Rahman", "Associate Director, Population Health"),
        ("Gareth", "Lloyd", "Head of Integrated Care Commissioning"),
        ("Hannah", "Whitfield", "Deputy Chief Nursing Information Officer"),
    ],
    "kent-fire": [
        ("Ayşe", "Yılmaz", "Area Manager, Prevention"),
        ("Stuart", "McAllister", "Group Manager, Community Safety"),
        ("Bethan", "Price", "Head of ICT"),
    ],
    "kcc": [
        ("Rachel", "Osei", "Director of Adult Social Care Operations"),
        ("Nikhil", "Sharma", "Head of Customer Services"),
        ("Eleanor", "Marsh", "Assistant Director, Early Help"),
        ("Declan", "Murphy", "Head of Information Governance"),
    ],
    "maidstone": [
        ("Sophie", "Turner", "Head of Housing and Communities"),
        ("Kwame", "Mensah", "Revenues and Benefits Manager"),
    ],
    "dwp": [
        ("Joanna", "Kowalczyk", "Jobcentre Partnership Manager"),
        ("Liam", "Brennan", "District Operations Leader"),
        ("Fatima", "Begum", "Work and Health Lead"),
    ],
    "kent-vcs": [
        ("Eilidh", "Mackenzie", "Chief Executive"),
        ("Samuel", "Adeyemi", "Digital Inclusion Coordinator"),
    ],
    "kent-housing": [
        ("Priya", "Patel", "Director of Customer Experience"),
        ("Owen", "Jenkins", "Head of Data and Insight"),
    ],
}

# Last year's Kent cohort, now closed: (organisation, first, last, job title, completed?). The
# councils sent the most officers (seven), enough for the impact dashboard to show a council's
# change in capability on its own (it hides any group of fewer than five).
CLOSED_COHORT = [
    ("kent-police", "Simon", "Ashworth", "Superintendent, Partnerships", True),
    ("kent-police", "Niamh", "Byrne", "Chief Inspector, Contact Management", True),
    ("kent-icb", "Margaret", "Ellis", "Chief Information Officer", True),
    ("kcc", "Claire", "Donovan", "Head of Commissioning", True),
    ("kcc", "Grace", "Adebayo", "Service Manager, Children's Services", True),
    ("kent-icb", "Raj", "Kapoor", "Head of Analytics", True),
    ("maidstone", "Paul", "Whitaker", "Head of ICT", True),
    ("kent-fire", "Dafydd", "Roberts", "Station Commander", True),
    ("kcc", "Hannah", "Okafor", "Head of Highways Transformation", True),
    ("kcc", "Stuart", "Lennox", "Assistant Director, Adult Social Care", True),
    ("dwp", "Agnieszka", "Nowak", "Partnership Manager", True),
    ("kent-vcs", "Róisín", "Kelly", "Operations Director", True),
    ("maidstone", "Farah", "Qureshi", "Head of Revenues and Benefits", True),
    ("maidstone", "Ian", "McAllister", "Customer Services Manager", True),
    ("kent-housing", "Michael", "Chen", "Director of Housing Services", False),
]
CLOSED_ALLOCATIONS = {
    "kent-police": 2,
    "kent-icb": 2,
    "kent-fire": 1,
    "kcc": 4,
    "maidstone": 3,
    "dwp": 1,
    "kent-vcs": 1,
    "kent-housing": 1,
}

# The Greater Manchester cohort, open for enrolment. Kent Police has seats as a neighbouring
# force, so the `nominator` login has places to fill.
OPEN_ALLOCATIONS = {
    "gmp": 4,
    "gm-nhs": 4,
    "gm-fire": 3,
    "manchester": 4,
    "salford": 2,
    "dwp": 2,
    "gm-vcs": 2,
    "gm-housing": 1,
    "kent-police": 2,
}
# (organisation, first, last, job title, status)
OPEN_ENROLMENTS = [
    ("gmp", "Imran", "Hussain", "Superintendent, Partnerships and Prevention", "confirmed"),
    ("gmp", "Kelly", "Brooks", "Chief Inspector, Digital Investigation", "invited"),
    ("manchester", "Seán", "Doyle", "Head of Neighbourhood Services", "confirmed"),
    ("gm-nhs", "Adebola", "Okonkwo", "Director of Digital and Data", "invited"),
]

# The Member Leadership Academy cohort for councillors from several places.
MEMBER_ALLOCATIONS = {"kcc": 4, "maidstone": 4, "manchester": 4, "salford": 4}
MEMBER_ENROLMENTS = [
    (
        "kcc",
        "Helen",
        "Carter",
        "Cabinet Member for Adult Social Care and Public Health",
        "confirmed",
    ),
    ("maidstone", "Andrew", "Bishop", "Leader of the Council", "confirmed"),
    ("manchester", "Nasreen", "Akhtar", "Executive Member for Finance and Resources", "invited"),
    ("salford", "Gwilym", "Hughes", "Chair of Overview and Scrutiny", "invited"),
]

# Venues for the Kent cohorts' in-person sessions, and their joining instructions.
KENT_VENUES = [
    "Council Chamber, Sessions House, County Road, Maidstone ME14 1XQ",
    "Kent Police Training Centre, Coldharbour Lane, Aylesford ME20 7SL",
    "Kent Fire and Rescue Service Headquarters, Straw Mill Hill, Maidstone ME15 6XB",
    "Education Centre, Maidstone Hospital, Hermitage Lane, Maidstone ME16 9QQ",
]
GM_VENUES = [
    "Churchgate House, 56 Oxford Street, Manchester M1 6EU",
    "Salford Civic Centre, Chorley Road, Swinton M27 5AW",
]
MEMBER_VENUE = "Local Government House, Smith Square, London SW1P 3HZ"
JOINING_INSTRUCTIONS = (
    "<p>Arrive from 9.00 for a 9.30 start; we finish at 13.00 with lunch. Sign in at "
    "reception and ask for the Digital Academy. Parking is limited, so please share lifts or "
    "come by train. Tell the facilitator in advance if you have any access needs.</p>"
)
ONLINE_INSTRUCTIONS = (
    "<p>This session is online. Join from 9.20 using the link, with your camera on if you can: "
    "most of the session is in small breakout groups. Captions are available.</p>"
)
FOLLOW_UP = (
    "<p>Share one action you are taking back to your organisation with your learning set "
    "before the next session.</p>"
)
