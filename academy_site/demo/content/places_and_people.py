"""The demo's places, organisations and people: the four logins, each organisation's nominator
and the other facilitators."""

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
