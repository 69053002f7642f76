"""The Digital Academy's last four modules: automation and AI, cyber resilience, commissioning
and the supplier market, leading change across the place (each module as in
digital_academy_foundations)."""

MODULES = [
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
            "Estimate the resources and skills needed to deliver it in a public sector context.",
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
            "What will you personally do in the next three months to move the proposal forward?",
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
]
