"""Enrolment: seats and who may fill them, nominating officers (one by one or from a
spreadsheet), the waiting list, invitations, and every later change to a place; the nominator
portal, the invitation page and the cohort overview with its sector mix."""
