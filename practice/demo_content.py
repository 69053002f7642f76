"""The good practice database's demo content, drawn from the examples the paper gives (sections
2 to 5): online school admissions, telecare, troubled families teams, shared services,
digitised top tasks, mobile working, volunteer-run libraries and others. The organisations and
places below are fictional, and every figure is illustrative. Loaded by practice.demo."""

INTRO = (
    "<p>Examples of digital good practice from councils and their partners across the public "
    "sector: what they did, what it achieved and whom to ask. In this demonstration the "
    "organisations, places and figures are illustrative.</p>"
)

# key: (name, description)
PLACES = {
    "northmoor": ("Northmoor", "A fictional northern city and its surrounding boroughs."),
    "eastfield": ("Eastfield", "A fictional county in the east of England."),
    "westbrook": ("Westbrook Valley", "A fictional rural district in the south west."),
}

# key: (name, sector, place key or None); "kent" and "gm" keys are the main demo's places.
ORGANISATIONS = {
    "northmoor-council": ("Northmoor City Council", "local-authority", "northmoor"),
    "northmoor-police": ("Northmoor Police", "police", "northmoor"),
    "northmoor-nhs": ("Northmoor Care Partnership NHS Trust", "health", "northmoor"),
    "northmoor-volunteers": ("Northmoor Volunteer Centre", "voluntary-and-community", "northmoor"),
    "eastfield-council": ("Eastfield County Council", "local-authority", "eastfield"),
    "eastfield-fire": ("Eastfield Fire and Rescue Service", "fire-and-rescue", "eastfield"),
    "eastfield-icb": ("Eastfield Integrated Care Board", "health", "eastfield"),
    "westbrook-council": ("Westbrook Valley District Council", "local-authority", "westbrook"),
    "westbrook-libraries": (
        "Friends of Westbrook Libraries",
        "voluntary-and-community",
        "westbrook",
    ),
    "westbrook-housing": ("Westbrook Valley Homes", "other", "westbrook"),
    "riverside-council": ("Riverside London Borough Council", "local-authority", None),
    "midshire-council": ("Midshire County Council", "local-authority", None),
    "shared-services": ("Midshire and Riverside Shared Services", "other", None),
    "pennine-partnership": ("Pennine Councils' Digital Partnership", "other", None),
    "hmcts-local": ("Courts and Tribunals Local Service Centre", "central-government", None),
}
# The main demo's organisations used below: kent-police, kent-icb, kent-fire, kcc, maidstone,
# dwp, kent-vcs, kent-housing, gmp, gm-nhs, gm-fire, manchester, salford, gm-vcs, gm-housing.

T_ACCESS = "customer-access-and-top-tasks"
T_HEALTH = "health-and-social-care-integration"
T_FAMILIES = "troubled-families-and-multi-agency-working"
T_WELFARE = "welfare-reform"
T_DATA = "data-sharing"
T_PROCUREMENT = "procurement"
T_WORKFORCE = "workforce-and-mobile-working"
T_CYBER = "cyber-resilience"
T_COMMUNITY = "community-run-services"

MONEY, TIME, REACH, SATISFACTION = (
    "money-saved",
    "staff-time-saved",
    "residents-reached",
    "satisfaction-change",
)


def _cs(
    title,
    summary,
    story,
    organisations,
    place,
    region,
    themes,
    stage,
    outcomes=(),
    contact=None,
    members_only=False,
    age_days=0,
):
    return {
        "title": title,
        "summary": summary,
        "story": story,
        "organisations": organisations,
        "place": place,
        "region": region,
        "themes": themes,
        "stage": stage,
        "outcomes": [
            {"kind": kind, "value": value, "source": source, "year": year}
            for kind, value, source, year in outcomes
        ],
        "contact": contact,
        "members_only": members_only,
        "age_days": age_days,
    }


CASE_STUDIES = [
    _cs(
        "Online school admissions",
        "Parents apply for primary and secondary school places online, track their application "
        "and accept an offer without a paper form or a phone call.",
        "Demand for school places rose with the birth rate, and every September the admissions "
        "team re-keyed thousands of paper forms.\n\nThe council moved applications online, "
        "checked addresses against its own gazetteer as parents typed, and sent offers by "
        "email on national offer day. Paper forms stayed for those who wanted them.\n\n"
        "Lesson learned: test the form with parents who speak English as a second language "
        "before launch, not after.",
        ["eastfield-council"],
        "eastfield",
        "east-of-england",
        [T_ACCESS],
        "scaled",
        [
            (MONEY, 180000, "Admissions service budget review", 2015),
            (REACH, 21500, "Applications received online", 2015),
            (SATISFACTION, 14, "Parents' survey after offer day", 2015),
        ],
        ("Priya Raman", "Head of School Admissions", "priya.raman@eastfield.example"),
        age_days=900,
    ),
    _cs(
        "Telecare that lets older residents stay at home",
        "Sensors and a 24-hour response service help older and disabled residents live "
        "independently for longer, and tell carers when something is wrong.",
        "Falls were the commonest reason older residents moved into residential care.\n\n"
        "The council and the NHS trust offered fall detectors, door sensors and medication "
        "reminders, linked to a response team that visits within 45 minutes. Social workers "
        "offer telecare in every care assessment.\n\nThe response team's notes go into the "
        "shared care record, so the GP sees every call-out.",
        ["northmoor-council", "northmoor-nhs"],
        "northmoor",
        "north-east",
        [T_HEALTH],
        "scaled",
        [
            (MONEY, 1250000, "Adult social care evaluation of avoided placements", 2016),
            (REACH, 6400, "Telecare service users", 2016),
        ],
        (
            "Graham Whitfield",
            "Assistant Director, Adult Social Care",
            "graham.whitfield@northmoor.example",
        ),
        age_days=850,
    ),
    _cs(
        "A troubled families team working from one case record",
        "Police, council, health and Jobcentre Plus staff in one team share one case record "
        "and one plan for each family, instead of six.",
        "Families supported by the programme were known to an average of nine services, each "
        "with its own assessment.\n\nA multi-agency team moved into one office and agreed a "
        "single information sharing agreement. Each family has a key worker and one plan, "
        "visible to every agency involved.\n\nThe team checks progress against the national "
        "outcomes framework every quarter.",
        ["manchester", "gmp", "dwp", "gm-nhs"],
        "gm",
        "north-west",
        [T_FAMILIES, T_DATA],
        "live",
        [
            (REACH, 1150, "Families supported in the year", 2015),
            (TIME, 9000, "Time recording of duplicated assessments", 2015),
        ],
        ("Sadia Khan", "Troubled Families Coordinator", "sadia.khan@manchester.example"),
        age_days=780,
    ),
    _cs(
        "Shared revenues and benefits service for two councils",
        "Two councils run one revenues and benefits service on one system, with one team "
        "and one online account for residents.",
        "Both councils faced cuts of a third to their budgets over the Parliament.\n\nThey "
        "procured one system together, moved to a shared management team and offered "
        "residents one online account for council tax and housing benefit.\n\nThe hardest "
        "part was agreeing common policies, not the technology.",
        ["midshire-council", "riverside-council", "shared-services"],
        None,
        "national",
        [T_PROCUREMENT, T_ACCESS],
        "scaled",
        [
            (MONEY, 2100000, "Shared service business case, year two review", 2016),
            (TIME, 24000, "Workforce plan", 2016),
        ],
        ("Ian Mercer", "Director, Shared Services", "ian.mercer@sharedservices.example"),
        age_days=700,
    ),
    _cs(
        "Digitising the top twenty tasks",
        "The twenty things residents most often contact the council about can now be done "
        "online from a phone, end to end.",
        "Analysis of a year of calls showed twenty tasks made up 70 per cent of contacts: "
        "missed bins, council tax, parking permits, reporting potholes.\n\nEach was redesigned "
        "with residents, built on the council's own platform and connected to the back-office "
        "system, so nobody re-keys an online request.\n\nCall volumes for those tasks fell "
        "within six months.",
        ["maidstone"],
        "kent",
        "south-east",
        [T_ACCESS],
        "live",
        [
            (MONEY, 420000, "Contact centre budget", 2016),
            (SATISFACTION, 9, "Website satisfaction survey", 2016),
            (REACH, 64000, "Residents with an online account", 2016),
        ],
        ("Helen Ashworth", "Head of Customer Services", "helen.ashworth@maidstone.example"),
        age_days=640,
    ),
    _cs(
        "Mobile working for social workers",
        "Social workers record visits on a tablet in the family's home, so they spend more "
        "time with families and less at a desk.",
        "Social workers spent up to a third of their week writing up notes in the office.\n\n"
        "Tablets with secure access to the case management system let them record during or "
        "straight after a visit, and check a family's history before knocking on the door.\n\n"
        "Training and a change in team culture mattered more than the devices.",
        ["kcc"],
        "kent",
        "south-east",
        [T_WORKFORCE],
        "scaled",
        [
            (TIME, 31000, "Time and motion study before and after", 2015),
            (MONEY, 350000, "Reduced office space", 2016),
        ],
        ("Tom Bradley", "Practice Development Manager", "tom.bradley@kcc.example"),
        age_days=820,
    ),
    _cs(
        "Volunteer-run libraries with self-service technology",
        "Residents run five village libraries with self-service kiosks and remote support "
        "from the county library service.",
        "Faced with closing five small libraries, the council asked the communities to run "
        "them.\n\nVolunteers staff the libraries; self-service kiosks handle loans and "
        "returns; the library management system is shared with the county. Public computers "
        "help residents get online.\n\nEach library has a named volunteer lead and a monthly "
        "call with the county team.",
        ["westbrook-council", "westbrook-libraries"],
        "westbrook",
        "south-west",
        [T_COMMUNITY],
        "live",
        [(MONEY, 240000, "Library service budget", 2016), (REACH, 8200, "Library members", 2016)],
        (
            "Margaret Lyle",
            "Chair, Friends of Westbrook Libraries",
            "margaret.lyle@westbrooklibraries.example",
        ),
        age_days=600,
    ),
    _cs(
        "Digital support for Universal Credit claimants",
        "Libraries and Jobcentre Plus offer assisted digital support so that residents can "
        "make and manage their claims online.",
        "Universal Credit is claimed online, and many claimants had no internet at home or "
        "little confidence.\n\nThe council trained library staff and volunteers as digital "
        "helpers and set up drop-in sessions with Jobcentre Plus work coaches.\n\nClaimants "
        "are referred straight to budgeting advice where they need it.",
        ["salford", "dwp", "gm-vcs"],
        "gm",
        "north-west",
        [T_WELFARE, T_COMMUNITY],
        "live",
        [
            (REACH, 3900, "Drop-in attendance records", 2016),
            (SATISFACTION, 22, "Claimant survey", 2016),
        ],
        ("Joanne Pike", "Welfare Reform Lead", "joanne.pike@salford.example"),
        age_days=560,
    ),
    _cs(
        "A shared care record for health and social care",
        "GPs, hospital staff and social workers see the same up-to-date record of a person's "
        "care, with their consent.",
        "People were telling their story again and again to each professional they met.\n\n"
        "The partners built a shared care record drawing on GP, hospital, community health "
        "and social care systems, with role-based access and audit.\n\nA public campaign "
        "explained how the record is used and how to opt out.",
        ["eastfield-council", "eastfield-icb"],
        "eastfield",
        "east-of-england",
        [T_HEALTH, T_DATA],
        "live",
        [
            (TIME, 15000, "Clinical time saved, evaluation", 2017),
            (REACH, 310000, "Residents with a shared record", 2017),
        ],
        ("Dr Anita Bose", "Chief Clinical Information Officer", "anita.bose@eastfield-icb.example"),
        members_only=True,
        age_days=420,
    ),
    _cs(
        "Information sharing between police and children's services",
        "A multi-agency safeguarding hub shares information the same day, under one agreement, "
        "so that risk to children is spotted sooner.",
        "Referrals about children went to police and children's services separately, and each "
        "saw part of the picture.\n\nThe hub brings police, social workers, health and "
        "education staff together, with one information sharing agreement and one triage "
        "process.\n\nDecisions are recorded with the reason for sharing each piece of "
        "information.",
        ["kent-police", "kcc", "kent-icb"],
        "kent",
        "south-east",
        [T_DATA, T_FAMILIES],
        "scaled",
        [(TIME, 6200, "Hub performance report", 2016)],
        ("DCI Sarah Okafor", "Head of Public Protection", "sarah.okafor@kentpolice.example"),
        members_only=True,
        age_days=500,
    ),
    _cs(
        "Fire safety visits targeted with shared data",
        "The fire service uses health and council data to find the homes most at risk of "
        "fire, and visits them first.",
        "Home fire safety visits used to go to whoever asked.\n\nUnder a data sharing "
        "agreement, the NHS and the council share flags for people who live alone, smoke, "
        "or use oxygen at home; the service ranks addresses by risk.\n\nCrews also refer "
        "residents back for falls prevention and social care support.",
        ["eastfield-fire", "eastfield-icb", "eastfield-council"],
        "eastfield",
        "east-of-england",
        [T_DATA, T_HEALTH],
        "live",
        [
            (REACH, 5400, "Home safety visits to high-risk homes", 2016),
            (MONEY, 600000, "Estimated cost of fires avoided", 2016),
        ],
        ("Station Manager Lee Carter", "Community Safety Lead", "lee.carter@eastfieldfire.example"),
        age_days=470,
    ),
    _cs(
        "Joint procurement of a case management system",
        "Six councils bought a case management system together, on common requirements, and "
        "halved what each would have paid.",
        "Each council was about to renew its social care system on its own.\n\nThe "
        "partnership wrote one set of requirements with social workers, ran one open "
        "procurement and negotiated one price, with the data held in an open format.\n\n"
        "Suppliers were asked to show the system working with real users before bidding.",
        ["pennine-partnership", "northmoor-council"],
        None,
        "yorkshire-and-the-humber",
        [T_PROCUREMENT],
        "live",
        [(MONEY, 1800000, "Procurement report to the partnership board", 2016)],
        ("Ruth Dawson", "Partnership Programme Director", "ruth.dawson@pennine.example"),
        age_days=450,
    ),
    _cs(
        "Recovering from a ransomware attack",
        "A council restored its services within ten days of a ransomware attack because it "
        "had practised, kept offline backups and knew who to call.",
        "The attack encrypted file servers on a Friday night.\n\nThe council's tested "
        "incident plan meant backups kept offline were restored first for adult social care "
        "and payments. Residents were told each day what was working.\n\nThe review led to "
        "multi-factor sign-in for all staff and quarterly exercises with partners.",
        ["riverside-council"],
        None,
        "london",
        [T_CYBER],
        "live",
        [(TIME, 2000, "Incident review", 2017)],
        ("Owen Price", "Chief Information Security Officer", "owen.price@riverside.example"),
        members_only=True,
        age_days=380,
    ),
    _cs(
        "Cyber exercise for a local resilience forum",
        "Police, fire, health and councils rehearse a cyber incident together every year, "
        "with their chief executives in the room.",
        "Partners had each planned for a cyber attack on their own organisation, but not for "
        "one that hit them all.\n\nThe resilience forum runs a yearly exercise, with national "
        "advice, testing how partners would keep 999 calls, hospital discharge and social "
        "care running.\n\nEach partner leaves with three actions.",
        ["gmp", "gm-fire", "gm-nhs", "manchester"],
        "gm",
        "north-west",
        [T_CYBER],
        "scaled",
        [(REACH, 140, "Senior leaders taking part", 2017)],
        ("Chief Superintendent Mark Ellis", "Resilience Lead", "mark.ellis@gmp.example"),
        age_days=300,
    ),
    _cs(
        "Digital skills for frontline care staff",
        "Care workers learn to use tablets, video calls and the care record, with digital "
        "champions in every team.",
        "Many care workers had never used a work device.\n\nThe council and a care provider "
        "association trained one digital champion per team, who coaches colleagues on the "
        "job.\n\nThe champions meet monthly to share tips and report problems to the digital "
        "team.",
        ["northmoor-council", "northmoor-volunteers"],
        "northmoor",
        "north-east",
        [T_WORKFORCE, T_HEALTH],
        "pilot",
        [
            (REACH, 900, "Care workers trained", 2017),
            (SATISFACTION, 18, "Staff confidence survey", 2017),
        ],
        ("Leanne Foster", "Workforce Development Manager", "leanne.foster@northmoor.example"),
        age_days=260,
    ),
    _cs(
        "Housing repairs reported online with photos",
        "Tenants report repairs online with a photo, pick an appointment and get a text when "
        "the operative is on the way.",
        "Repairs made up half the calls to the housing association.\n\nTenants now report "
        "online, attach a photo that lets the planner send the right trade first time, and "
        "choose a slot.\n\nOperatives close jobs on a phone, so tenants can rate the work the "
        "same day.",
        ["westbrook-housing"],
        "westbrook",
        "south-west",
        [T_ACCESS, T_WORKFORCE],
        "live",
        [
            (MONEY, 150000, "Repairs service review", 2017),
            (SATISFACTION, 11, "Tenant satisfaction survey", 2017),
        ],
        ("Chris Nolan", "Head of Repairs", "chris.nolan@westbrookhomes.example"),
        age_days=240,
    ),
    _cs(
        "Court hearings by video for vulnerable witnesses",
        "Vulnerable witnesses give evidence by video link from a local centre, without "
        "travelling to court.",
        "Witnesses in rural areas travelled for hours and some withdrew.\n\nThe local "
        "service centre, police and the council set up video link rooms in two council "
        "buildings, with trained volunteers to support witnesses.\n\nFewer trials are "
        "adjourned because a witness cannot attend.",
        ["hmcts-local", "northmoor-police", "northmoor-council"],
        "northmoor",
        "north-east",
        [T_FAMILIES, T_ACCESS],
        "pilot",
        [(REACH, 260, "Witnesses using the link", 2017)],
        ("Alison Reid", "Service Centre Manager", "alison.reid@courts.example"),
        age_days=200,
    ),
    _cs(
        "Police officers working from the car, not the station",
        "Officers complete statements, searches and crime reports on a mobile device, and "
        "spend an extra hour a shift in the community.",
        "Officers returned to the station to type up notes and search systems.\n\nMobile "
        "devices give access to the national and local systems and digital statement forms "
        "with signatures.\n\nThe force rebuilt its processes so a statement taken once is "
        "never typed again.",
        ["kent-police"],
        "kent",
        "south-east",
        [T_WORKFORCE],
        "scaled",
        [
            (TIME, 250000, "Force productivity review", 2016),
            (MONEY, 3000000, "Force estates and overtime savings", 2017),
        ],
        ("Superintendent Dev Patel", "Head of Digital Policing", "dev.patel@kentpolice.example"),
        age_days=520,
    ),
    _cs(
        "Blue light collaboration on shared stations",
        "Police, fire and ambulance share stations and a common network, so crews work side "
        "by side and share premises costs.",
        "Three services ran separate estates in the same towns.\n\nThey moved into shared "
        "stations with one network and shared meeting rooms, and now share a control room "
        "for some incidents.\n\nShared premises made joint working day to day, not just "
        "on paper.",
        ["kent-fire", "kent-police"],
        "kent",
        "south-east",
        [T_PROCUREMENT, T_WORKFORCE],
        "live",
        [(MONEY, 900000, "Estates strategy review", 2017)],
        ("Area Manager Jo Fleming", "Head of Collaboration", "jo.fleming@kentfire.example"),
        age_days=330,
    ),
    _cs(
        "Discharge from hospital planned with social care online",
        "Hospital wards and social care plan discharge together on one online board, so "
        "patients go home as soon as they are well.",
        "Patients waited in hospital for care packages to be arranged by phone and fax.\n\n"
        "A shared online board shows every patient medically fit to leave, what they need and "
        "who is arranging it. Social workers join the ward's daily huddle by video.\n\nDelayed "
        "days fell in the first winter.",
        ["gm-nhs", "manchester"],
        "gm",
        "north-west",
        [T_HEALTH],
        "live",
        [
            (MONEY, 2600000, "Delayed transfers of care, NHS figures", 2017),
            (REACH, 4800, "Patients discharged through the board", 2017),
        ],
        ("Nadia Hussain", "Integrated Discharge Lead", "nadia.hussain@gmnhs.example"),
        members_only=True,
        age_days=280,
    ),
    _cs(
        "Customer insight to redesign council tax reminders",
        "The council used its own data and behavioural insight to rewrite reminder letters, "
        "and more residents paid on time.",
        "Reminders went to everyone in the same wording.\n\nThe council tested simpler "
        "letters and text messages, sent at times people were most likely to act, with a "
        "link to pay online.\n\nThe approach is now used for other bills.",
        ["maidstone"],
        "kent",
        "south-east",
        [T_ACCESS, T_WELFARE],
        "live",
        [
            (MONEY, 95000, "Revenues team report", 2017),
            (REACH, 18000, "Residents sent the new reminders", 2017),
        ],
        age_days=220,
    ),
    _cs(
        "Community transport booked online",
        "A volunteer-run community transport scheme takes bookings online and by phone on one "
        "system, so drivers reach more people.",
        "Bookings were taken on paper by one volunteer.\n\nWith a small grant the scheme "
        "adopted an online booking system that volunteers and residents both use; drivers "
        "see their runs on a phone.\n\nThe council's contact centre can book on a resident's "
        "behalf.",
        ["kent-vcs", "kcc"],
        "kent",
        "south-east",
        [T_COMMUNITY],
        "live",
        [(REACH, 1300, "Regular passengers", 2017)],
        ("Pauline Grey", "Scheme Coordinator", "pauline.grey@westkentaction.example"),
        age_days=210,
    ),
    _cs(
        "Open data on school places planning",
        "The council publishes its school places forecasts as open data, so that academies, "
        "parents and developers plan with the same figures.",
        "Rising birth rates meant new school places were needed in the right places.\n\nThe "
        "council publishes its pupil forecasts and housing trajectories every term, and "
        "developers' contributions are planned against them.\n\nMistakes in the data are "
        "reported back by users and fixed.",
        ["eastfield-council"],
        "eastfield",
        "east-of-england",
        [T_DATA],
        "live",
        [(TIME, 1200, "Planning team estimate", 2017)],
        age_days=190,
    ),
    _cs(
        "Preventing homelessness with early warning data",
        "Housing, benefits and council tax data flag households at risk of losing their home, "
        "so advisers can call them before a crisis.",
        "Most households came to the homelessness team on the day they lost their home.\n\n"
        "With a lawful basis agreed with the data protection officer, the council combines "
        "arrears and benefit changes to flag households at risk; advisers offer help "
        "early.\n\nEvery flag is reviewed by a person before anyone is contacted.",
        ["riverside-council"],
        None,
        "london",
        [T_WELFARE, T_DATA],
        "pilot",
        [
            (REACH, 700, "Households contacted early", 2018),
            (MONEY, 400000, "Temporary accommodation costs avoided", 2018),
        ],
        ("Femi Adeyemi", "Head of Housing Options", "femi.adeyemi@riverside.example"),
        members_only=True,
        age_days=150,
    ),
    _cs(
        "A digital front door for adult social care",
        "Residents and carers find support, check what they may be entitled to and request an "
        "assessment online.",
        "Most first contacts with adult social care were for information and advice.\n\nAn "
        "online directory, a self-assessment and an online request form send the right "
        "people to community support first and to social workers when needed.\n\nThe forms "
        "were tested with carers and with disabled residents.",
        ["midshire-council"],
        None,
        "west-midlands",
        [T_HEALTH, T_ACCESS],
        "live",
        [
            (TIME, 5200, "Adult social care front door review", 2018),
            (SATISFACTION, 7, "Carers' survey", 2018),
        ],
        age_days=130,
    ),
    _cs(
        "Councillors' casework on a phone",
        "Councillors log and follow residents' enquiries on their phone, and see when the "
        "council has answered.",
        "Councillors emailed officers and lost track of replies.\n\nA simple casework app "
        "lets councillors log an enquiry in a surgery or on the doorstep and see its progress; "
        "officers answer in the same place.\n\nMember services trained every councillor after "
        "the elections.",
        ["salford"],
        "gm",
        "north-west",
        [T_WORKFORCE, T_ACCESS],
        "pilot",
        [(SATISFACTION, 15, "Members' survey", 2018)],
        age_days=110,
    ),
    _cs(
        "Buying cloud services through a framework",
        "A district council moved its email and files to the cloud through a national "
        "framework, in three months instead of a year.",
        "The council's servers were at the end of their life.\n\nIt bought cloud services "
        "through a national framework after a short comparison of suppliers, with security "
        "checked against national guidance.\n\nStaff training was planned before the switch, "
        "not after.",
        ["westbrook-council"],
        "westbrook",
        "south-west",
        [T_PROCUREMENT, T_CYBER],
        "scaled",
        [(MONEY, 110000, "ICT budget", 2018)],
        age_days=95,
    ),
    _cs(
        "Multi-agency data for early help",
        "Schools, health visitors and the council share a few facts about families who may "
        "need early help, with consent and clear rules.",
        "Early help came late because each agency saw only its own part.\n\nA consent-based "
        "data sharing agreement lets schools and health visitors see whether a family already "
        "has a key worker, and refer in one step.\n\nFamilies hold a copy of their own plan.",
        ["northmoor-council", "northmoor-nhs", "northmoor-police"],
        "northmoor",
        "north-east",
        [T_FAMILIES, T_DATA],
        "idea",
        age_days=80,
    ),
    _cs(
        "Library mutual with digital skills classes",
        "The library service became a staff and community owned mutual, and runs digital "
        "skills classes across the county.",
        "The council looked for a new delivery model for its libraries.\n\nStaff and "
        "residents formed a mutual that runs the service under contract, and a digital skills "
        "programme funded partly by partners.\n\nThe mutual reinvests any surplus in "
        "opening hours.",
        ["kent-vcs", "kcc"],
        "kent",
        "south-east",
        [T_COMMUNITY, T_WORKFORCE],
        "scaled",
        [
            (REACH, 12000, "Residents attending digital skills classes", 2018),
            (MONEY, 500000, "Library service contract review", 2018),
        ],
        age_days=70,
    ),
    _cs(
        "Online appointment booking for the registration service",
        "Residents book birth and death registrations and ceremonies online, and pay at "
        "the same time.",
        "Registration appointments were booked by phone in office hours.\n\nAn online "
        "booking service shows free slots at every office and takes payment; reminders cut "
        "missed appointments.\n\nThe service is accessible by screen reader and tested with "
        "bereaved residents' groups.",
        ["midshire-council", "shared-services"],
        None,
        "west-midlands",
        [T_ACCESS],
        "live",
        [
            (TIME, 3000, "Registration service review", 2018),
            (SATISFACTION, 12, "Customer survey", 2018),
        ],
        age_days=60,
    ),
    _cs(
        "Supporting tenants through welfare changes with text messages",
        "A housing association texts tenants affected by benefit changes and books them "
        "advice appointments by reply.",
        "Tenants affected by the benefit cap often did not know until arrears built up.\n\n"
        "The association identifies affected tenants and sends a short text with a reply "
        "option; advisers call back within two days.\n\nArrears for those tenants grew more "
        "slowly.",
        ["kent-housing", "maidstone"],
        "kent",
        "south-east",
        [T_WELFARE],
        "pilot",
        [(REACH, 450, "Tenants contacted", 2018)],
        age_days=45,
    ),
    _cs(
        "Fire service mobile data terminals shared with partners",
        "Fire engines carry tablets with building plans, hazards and vulnerable residents' "
        "details shared by the council and health.",
        "Crews relied on paper files for risk information.\n\nMobile data terminals show "
        "site plans and hazards, and flags for vulnerable residents shared under agreement "
        "with health and the council.\n\nPartners update the flags directly.",
        ["gm-fire", "manchester", "gm-nhs"],
        "gm",
        "north-west",
        [T_DATA, T_WORKFORCE],
        "live",
        [(TIME, 4000, "Service review", 2018)],
        age_days=30,
    ),
    _cs(
        "A digital inclusion network of community centres",
        "Community centres across the county offer free Wi-Fi, devices to borrow and "
        "volunteers who help residents get online.",
        "One in ten adults had never used the internet.\n\nThe council funded a network of "
        "community centres to offer devices and help, coordinated by a voluntary "
        "organisation.\n\nReferrals come from libraries, Jobcentre Plus and GP practices.",
        ["northmoor-volunteers", "northmoor-council", "dwp"],
        "northmoor",
        "north-east",
        [T_COMMUNITY, T_WELFARE],
        "live",
        [(REACH, 2700, "Residents helped", 2018)],
        age_days=20,
    ),
]

# Proposed through the site by the demo participant, and what the programme manager did.
PROPOSALS = [
    (
        "approved",
        _cs(
            "Partnership analysts sharing one data platform",
            "Analysts from police, the council and health work on one data platform to "
            "understand demand across the partnership.",
            "Each partner's analysts produced their own view of demand.\n\nThe partnership "
            "set up one secure data platform with pseudonymised data from each partner, and "
            "a joint analysts' network that agrees questions together.\n\nThe first joint "
            "product mapped repeat demand from the same households.",
            ["kent-police", "kcc", "kent-icb"],
            "kent",
            "south-east",
            [T_DATA, T_FAMILIES],
            "pilot",
            [(TIME, 800, "Analysts' time recording", 2018)],
            (
                "Dimitra Papadopoulou",
                "Detective Chief Inspector, Partnerships",
                "participant@academy.example",
            ),
        ),
        "Thank you: clear and useful. Published.",
    ),
    (
        "sent-back",
        _cs(
            "Body-worn video for partnership patrols",
            "Police and council wardens on joint patrols wear cameras.",
            "Joint patrols in town centres now use body-worn video.",
            ["kent-police", "maidstone"],
            "kent",
            "south-east",
            [T_WORKFORCE],
            "pilot",
        ),
        "Please say what changed because of the cameras (complaints, evidence used in "
        "court?) and add a figure with its source, and a contact who has agreed to be named.",
    ),
    (
        "awaiting",
        _cs(
            "Digital neighbourhood policing surgeries",
            "Neighbourhood officers hold regular online surgeries with residents alongside "
            "councillors.",
            "Attendance at face-to-face meetings was falling.\n\nMonthly online surgeries "
            "with councillors and officers let residents raise local problems from home.",
            ["kent-police"],
            "kent",
            "south-east",
            [T_ACCESS, T_COMMUNITY],
            "idea",
        ),
        "",
    ),
]

# (title, kind, publisher, year, link, summary, themes)
RESOURCES = [
    (
        "Delivering better local online transactional services",
        "report",
        "Local Government Association",
        2015,
        "https://www.local.gov.uk/",
        "The companion paper on making councils' most common transactions available online.",
        [T_ACCESS],
    ),
    (
        "Transforming local services through digital",
        "report",
        "Local Government Association",
        2015,
        "https://www.local.gov.uk/",
        "Why the radical savings lie in applying digital to transform services across agencies.",
        [T_FAMILIES, T_HEALTH],
    ),
    (
        "Internet access: households and individuals, 2015",
        "external",
        "Office for National Statistics",
        2015,
        "https://www.ons.gov.uk/ons/dcp171778_412758.pdf",
        "How many adults go online every day, and how many households have internet access.",
        [T_ACCESS, T_COMMUNITY],
    ),
    (
        "Back to front: efficiency of back office functions in local government",
        "report",
        "Audit Commission",
        2008,
        "https://www.gov.uk/",
        "How councils met the 2004 Spending Review efficiency challenge, largely through "
        "redesigned processes and better use of ICT.",
        [T_PROCUREMENT, T_WORKFORCE],
    ),
    (
        "Cyber security guidance for local authorities",
        "guidance",
        "National guidance",
        2018,
        "https://www.ncsc.gov.uk/",
        "What leaders should ask about cyber resilience, and how to exercise an incident.",
        [T_CYBER],
    ),
]

# (theme, question, [prompts], [titles of case studies showing good answers])
LINES_OF_ENQUIRY = [
    (
        T_ACCESS,
        "How well does the council know which contacts residents make most, and why?",
        [
            "What share of contacts are for the top twenty tasks?",
            "How is avoidable contact measured and reduced?",
        ],
        ["Digitising the top twenty tasks"],
    ),
    (
        T_ACCESS,
        "Can residents complete their most common tasks online from start to finish?",
        [
            "Are online requests re-keyed into back-office systems?",
            "How are online services tested with residents, including disabled residents?",
        ],
        ["Online school admissions", "Digitising the top twenty tasks"],
    ),
    (
        T_ACCESS,
        "How does the council use customer insight to design services?",
        [
            "Where has insight changed a service recently?",
            "Who owns customer insight, and how is it shared?",
        ],
        ["Customer insight to redesign council tax reminders"],
    ),
    (
        T_HEALTH,
        "How do the council and its health partners share one picture of a person's care?",
        [
            "Can a social worker see a hospital discharge plan, and a GP a care package?",
            "How are residents told how their record is used?",
        ],
        [
            "A shared care record for health and social care",
            "Discharge from hospital planned with social care online",
        ],
    ),
    (
        T_HEALTH,
        "How is technology used to help people live independently for longer?",
        [
            "Is telecare offered in every care assessment?",
            "How are the savings from avoided placements measured?",
        ],
        ["Telecare that lets older residents stay at home"],
    ),
    (
        T_FAMILIES,
        "How do agencies working with the same families share one plan?",
        [
            "How many assessments does a family go through before help starts?",
            "Is there one key worker and one plan visible to every agency?",
        ],
        ["A troubled families team working from one case record"],
    ),
    (
        T_FAMILIES,
        "What stops multi-agency teams from working as one team day to day?",
        [
            "Are staff co-located, and can they use each other's systems?",
            "How are outcomes for families tracked across agencies?",
        ],
        [
            "A troubled families team working from one case record",
            "Partnership analysts sharing one data platform",
        ],
    ),
    (
        T_WELFARE,
        "How is the council helping residents claim and manage benefits online?",
        [
            "Where can residents get help to claim online?",
            "How do libraries, Jobcentre Plus and advice services refer to each other?",
        ],
        ["Digital support for Universal Credit claimants"],
    ),
    (
        T_WELFARE,
        "How does the council use its data to spot households heading for crisis?",
        [
            "What data is used, on what lawful basis, and who reviews each flag?",
            "What happens when a household is flagged?",
        ],
        ["Preventing homelessness with early warning data"],
    ),
    (
        T_DATA,
        "Do partners have information sharing agreements that staff understand and use?",
        [
            "When did staff last decline to share information they could have shared?",
            "Who can staff ask for a quick answer on sharing?",
        ],
        ["Information sharing between police and children's services"],
    ),
    (
        T_DATA,
        "How does the partnership use shared data to target prevention?",
        [
            "Which services are targeted using data from more than one partner?",
            "How are residents' privacy and trust protected?",
        ],
        [
            "Fire safety visits targeted with shared data",
            "Fire service mobile data terminals shared with partners",
        ],
    ),
    (
        T_DATA,
        "What data does the council publish openly, and who uses it?",
        [
            "Is there a list of the council's datasets and their owners?",
            "How do users report errors?",
        ],
        ["Open data on school places planning"],
    ),
    (
        T_PROCUREMENT,
        "How well does the council understand the market before it buys technology?",
        [
            "When did the council last see a product working with real users before buying?",
            "Are contracts written so data can be moved to another supplier?",
        ],
        ["Joint procurement of a case management system"],
    ),
    (
        T_PROCUREMENT,
        "Where does the council buy technology together with other councils or partners?",
        [
            "Which contracts are due for renewal in the next two years?",
            "Which frameworks does the council use, and why?",
        ],
        [
            "Shared revenues and benefits service for two councils",
            "Buying cloud services through a framework",
        ],
    ),
    (
        T_WORKFORCE,
        "Do staff and councillors have the tools to work away from the office?",
        [
            "How much time do frontline staff spend travelling back to a desk?",
            "Can councillors follow casework on their phone?",
        ],
        [
            "Mobile working for social workers",
            "Councillors' casework on a phone",
            "Police officers working from the car, not the station",
        ],
    ),
    (
        T_WORKFORCE,
        "How does the council build the digital skills of its workforce?",
        ["Is there a digital champion in every team?", "How are skills needs identified and met?"],
        ["Digital skills for frontline care staff"],
    ),
    (
        T_CYBER,
        "How confident is the leadership that the council could recover from a cyber attack?",
        [
            "When was the incident plan last exercised, and with whom?",
            "Are backups kept offline and tested?",
        ],
        ["Recovering from a ransomware attack"],
    ),
    (
        T_CYBER,
        "How do partners plan together for a cyber incident that affects them all?",
        [
            "Does the local resilience forum exercise cyber scenarios?",
            "Do chief executives take part?",
        ],
        ["Cyber exercise for a local resilience forum"],
    ),
    (
        T_COMMUNITY,
        "How is the council supporting communities to run services themselves?",
        [
            "What technology and support do volunteer-run services get from the council?",
            "How is the quality of community-run services kept up?",
        ],
        [
            "Volunteer-run libraries with self-service technology",
            "Community transport booked online",
        ],
    ),
    (
        T_COMMUNITY,
        "What is the council doing about residents who are not online?",
        [
            "How many residents have never used the internet, and where do they live?",
            "Where can they borrow a device or get help?",
        ],
        [
            "A digital inclusion network of community centres",
            "Library mutual with digital skills classes",
        ],
    ),
    (
        T_COMMUNITY,
        "How are new delivery models such as mutuals and cooperatives considered?",
        [
            "Which services have been considered for a new delivery model?",
            "How are staff and residents involved?",
        ],
        ["Library mutual with digital skills classes"],
    ),
    (
        T_HEALTH,
        "How do health and social care staff plan hospital discharge together?",
        [
            "How long do medically fit patients wait to go home?",
            "Do social workers join ward huddles?",
        ],
        ["Discharge from hospital planned with social care online"],
    ),
]

# Modules of the Digital Academy that cite case studies: (module slug, block).
MODULE_EXAMPLES = [
    (
        "data-sharing",
        {
            "heading": "Where data sharing has worked",
            "case_studies": [
                "Information sharing between police and children's services",
                "Fire safety visits targeted with shared data",
                "A troubled families team working from one case record",
            ],
        },
    ),
    (
        "leading-change-across-the-place",
        {
            "heading": "Health and social care, integrated",
            "themes": [T_HEALTH],
            "count": 3,
        },
    ),
    (
        "digital-inclusion",
        {
            "heading": "Communities getting online",
            "themes": [T_COMMUNITY],
            "count": 3,
        },
    ),
    (
        "cyber-resilience",
        {
            "heading": "Cyber resilience in practice",
            "case_studies": [
                "Recovering from a ransomware attack",
                "Cyber exercise for a local resilience forum",
            ],
        },
    ),
]

QUESTION_SET = (
    "Maidstone Borough Council",
    [
        "How well does the council know which contacts residents make most, and why?",
        "Do partners have information sharing agreements that staff understand and use?",
        "How confident is the leadership that the council could recover from a cyber attack?",
        "What is the council doing about residents who are not online?",
    ],
)
