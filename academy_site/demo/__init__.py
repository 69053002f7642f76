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

from impact import demo as impact_demo
from practice import demo as practice_demo
from single_sign_on.demo import demo_identity_provider_link

from . import (
    attendance,
    cohorts,
    completion,
    content,
    designs,
    enrolment,
    learning,
    network,
    pages,
    people,
    reset,
    sessions,
)
from .world import DemoWorld


def load_demo(*, now) -> DemoWorld:
    world = DemoWorld(now=now)
    home = pages.home_page()
    reset.remove_previous(home)
    pages.build(world, home)
    people.build(world)
    designs.demo_certificate_designs(world.programmes.values(), user=world.people["manager"])
    cohorts.build(world)
    enrolment.build(world)
    attendance.build(world)
    learning.build(world)
    completion.build(world)
    # Other apps' demo data, one call each, built on this world's people and cohorts; each
    # clears its own previous load and goes through its own services.
    digital = world.programmes[content.DIGITAL_ACADEMY["slug"]]
    members = world.programmes[content.MEMBER_LEADERSHIP_ACADEMY["slug"]]
    demo_identity_provider_link(organisation=world.organisations["kent-police"])
    sessions.load_session_changes_demo(
        cohort=world.cohorts["running"], manager=world.people["manager"], now=world.now
    )
    impact_demo.load(
        digital=digital, members=members, leave_undone=world.people["participant"], now=world.now
    )
    world.summary += practice_demo.load(
        home=home,
        manager=world.people["manager"],
        proposer=world.people["participant"],
        modules=[module for modules in world.modules.values() for module in modules],
        organisations=world.organisations,
    )
    world.summary += network.load(world)
    return world
