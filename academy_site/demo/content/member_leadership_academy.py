"""The Member Leadership Academy: modules for senior councillors on the opportunities and risks
of digital (each module as in digital_academy_foundations)."""

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
