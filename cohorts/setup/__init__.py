"""Setting up a cohort: the guard rails its set-up keeps (seat allocations within capacity,
sessions covering their own programme's modules, facilitators who hold the role; defined in
`cohorts.models.cohorts`), the services that create cohorts and sessions, and the admin's cohort
and completion rule forms, which show who a change after the fact would move before saving."""
