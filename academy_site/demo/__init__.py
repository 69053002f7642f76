"""The demo academy, built through the services as real people would build it, so that it obeys
every rule it is meant to show: seats, marks only for sessions that have started, completion,
certificates only for those who meet the rule.

`load_demo(now=...)` runs the steps in order, each a module of this package: clear the previous
load (`reset`), publish the pages and programmes (`pages`), add places, organisations and staff
(`people`), set up the cohorts (`cohorts`), nominate and confirm their people (`enrolment`),
keep the registers (`attendance`), work through modules online (`learning`), then close last
year's cohort and issue its certificates (`completion`). What it says (names, modules, venues)
is `content`. `manage.py load_demo_data` calls it in one transaction and prints the sign-ins.
"""

from . import attendance, cohorts, completion, enrolment, learning, pages, people, reset
from .world import DemoWorld


def load_demo(*, now) -> DemoWorld:
    world = DemoWorld(now=now)
    home = pages.home_page()
    reset.remove_previous(home)
    pages.build(world, home)
    people.build(world)
    cohorts.build(world)
    enrolment.build(world)
    attendance.build(world)
    learning.build(world)
    completion.build(world)
    # Other apps' demo data goes here, one line each, built on this world's people and cohorts
    # (for example `practice_demo.load(world)`); each clears its own previous load.
    return world
