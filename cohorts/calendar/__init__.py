"""Calendars: private iCalendar feeds of a person's or a cohort's sessions and "add to calendar"
files (`feeds`, `views`), and the reminders emailed a week and a day before each session
(`reminders`)."""
