"""Who is on each demo cohort, the seats each organisation holds, and where the sessions meet."""

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
