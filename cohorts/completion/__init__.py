"""Completion: where each participant stands against their programme's completion rule
(`standing`) and a facilitator's sign-off (`services`). The completion page, with its sign-off
and certificate actions, is `cohorts.certificates.views`."""
