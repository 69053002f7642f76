"""The dashboard's figures about how people are doing: attendance so far (over the cohort
sessions held), completion and certificates, and participants at risk of not completing.

What counts as attended is each programme's completion rule read through the one definition,
cohorts.models.attended_statuses; who is at risk is what the attendance checks found and
warned them about (cohorts.attendance.at_risk.at_risk_notify records each warning).
"""

from django.db.models import Count, Q

from cohorts.models import (
    AttendanceMark,
    AttendanceNotification,
    Certificate,
    Cohort,
    CohortSession,
    CompletionRule,
    Enrolment,
    attended_statuses,
)

from ..charts import BarChart, Series
from .base import Figure, Table, percent_text, total_for

RISK_KINDS = list(AttendanceNotification.Kind)


class ProgressFigures:
    """Figures about attendance, completion and risk (mixed into impact.dashboard.Dashboard)."""

    def counted_as_attended(self):
        """The mark statuses each programme in view counts as attended, as a condition on
        attendance marks."""
        rules = {
            r.programme_id: r
            for r in CompletionRule.objects.filter(
                programme_id__in=[pid for pid, _t in self.programmes]
            )
        }
        condition = Q(pk__in=[])
        for pid, _title in self.programmes:
            condition |= Q(
                enrolment__cohort__programme_id=pid, status__in=attended_statuses(rules.get(pid))
            )
        return condition

    def figure_attendance(self):
        taking_part = self.enrolments.filter(status__in=Enrolment.ACTIVE)
        held_sessions = CohortSession.objects.held(self.now)
        held = Q(cohort__sessions__in=held_sessions)
        possible = {
            r["cohort__programme_id"]: r["n"]
            for r in taking_part.values("cohort__programme_id")
            .annotate(n=Count("cohort__sessions", filter=held))
            .order_by()
        }
        attended = {
            r["enrolment__cohort__programme_id"]: r["n"]
            for r in AttendanceMark.objects.filter(
                self.counted_as_attended(),
                self.enrolment_q("enrolment__"),
                enrolment__status__in=Enrolment.ACTIVE,
                session__in=held_sessions,
            )
            .values("enrolment__cohort__programme_id")
            .annotate(n=Count("pk"))
            .order_by()
        }
        chart = BarChart(
            id="chart-attendance",
            title="Attendance so far, over sessions held",
            description="For each programme, the share of places at the cohort sessions held "
            "so far that were attended.",
            series=[Series("Attended")],
            max_value=100,
        )
        rows = []
        for pid, title in self.programme_rows():
            a, p = total_for(attended, pid), total_for(possible, pid)
            chart.add(
                title, [(round(100 * a / p) if p else 0, f"{percent_text(a, p)} ({a} of {p})")]
            )
            rows.append([title, a, p, percent_text(a, p)])
        everyone = percent_text(total_for(attended, None), total_for(possible, None))
        return Figure(
            key="attendance",
            title="Attendance so far, over sessions held",
            summary=f"{everyone} of places at the sessions held so far were attended.",
            chart=chart.layout(),
            tables=[
                Table(
                    "Attendance at sessions held so far, by programme",
                    ["Programme", "Attended", "Places at sessions held", "Rate"],
                    rows,
                )
            ],
            notes=[
                "Counts the cohort sessions held so far (those that have started), for everyone "
                "taking part; whether late or leaving early counts as attended follows each "
                "programme's completion rule."
            ],
        )

    def figure_completion(self):
        status = Enrolment.Status
        completed = self.count_people(statuses=[status.COMPLETED])
        not_completed = self.count_people(statuses=[status.NOT_COMPLETED])
        taking_part = self.count_people(statuses=[status.CONFIRMED])
        certificates = {}
        revoked = {}
        for row in (
            Certificate.objects.filter(self.enrolment_q("enrolment__"))
            .values("enrolment__cohort__programme_id")
            .annotate(
                valid=Count("pk", filter=Q(revoked_at__isnull=True)),
                revoked=Count("pk", filter=Q(revoked_at__isnull=False)),
            )
            .order_by()
        ):
            certificates[row["enrolment__cohort__programme_id"]] = row["valid"]
            revoked[row["enrolment__cohort__programme_id"]] = row["revoked"]
        chart = BarChart(
            id="chart-completion",
            title="Completion and certificates",
            description="For each programme, the people who completed, those who did not, and "
            "the certificates issued (not revoked).",
            series=[
                Series("Completed", "solid"),
                Series("Not completed", "hatched"),
                Series("Certificates", "outline"),
            ],
        )
        rows = []
        for pid, title in self.programme_rows():
            done, not_done = total_for(completed, pid), total_for(not_completed, pid)
            issued = total_for(certificates, pid)
            chart.add(
                title,
                [
                    (done, f"{done} completed ({percent_text(done, done + not_done)})"),
                    (not_done, f"{not_done} did not"),
                    (issued, f"{issued} certificates"),
                ],
            )
            rows.append(
                [
                    title,
                    total_for(taking_part, pid),
                    done,
                    not_done,
                    percent_text(done, done + not_done),
                    issued,
                    total_for(revoked, pid),
                ]
            )
        done, not_done = total_for(completed, None), total_for(not_completed, None)
        return Figure(
            key="completion",
            title="Completion and certificates",
            summary=f"{done} people completed, {percent_text(done, done + not_done)} of those "
            f"whose outcome is known; {total_for(certificates, None)} certificates issued.",
            chart=chart.layout(),
            tables=[
                Table(
                    "Completion and certificates by programme",
                    [
                        "Programme",
                        "Still taking part",
                        "Completed",
                        "Not completed",
                        "Completion rate",
                        "Certificates",
                        "Revoked",
                    ],
                    rows,
                )
            ],
            notes=["The completion rate is of the people whose outcome is known."],
        )

    def figure_at_risk(self):
        warnings = AttendanceNotification.objects.filter(
            self.enrolment_q("enrolment__"),
            enrolment__status=Enrolment.Status.CONFIRMED,
            enrolment__cohort__status=Cohort.Status.RUNNING,
        )
        key = "enrolment__cohort__programme_id"
        by_kind = {
            (r[key], r["kind"]): r["n"]
            for r in warnings.values(key, "kind")
            .annotate(n=Count("enrolment", distinct=True))
            .order_by()
        }
        anyone = {
            r[key]: r["n"]
            for r in warnings.values(key).annotate(n=Count("enrolment", distinct=True)).order_by()
        }
        taking_part = self.count_people(
            statuses=[Enrolment.Status.CONFIRMED], cohort_status=Cohort.Status.RUNNING
        )

        def kind_total(kind, pid):
            return sum(n for (p, k), n in by_kind.items() if k == kind and pid in (None, p))

        chart = BarChart(
            id="chart-at-risk",
            title="Participants at risk of not completing",
            description="People taking part in running cohorts whom the attendance checks have "
            "warned, by the reason they were warned.",
            series=[Series("People")],
        )
        everyone = total_for(anyone, None)
        chart.add("Anyone warned", [(everyone, str(everyone))])
        for kind in RISK_KINDS:
            n = kind_total(kind, None)
            chart.add(kind.label, [(n, str(n))])
        rows = [
            [
                title,
                total_for(taking_part, pid),
                total_for(anyone, pid),
                percent_text(total_for(anyone, pid), total_for(taking_part, pid)),
                *[kind_total(kind, pid) for kind in RISK_KINDS],
            ]
            for pid, title in self.programme_rows()
        ]
        return Figure(
            key="at-risk",
            title="Participants at risk of not completing",
            summary=f"{total_for(anyone, None)} of {total_for(taking_part, None)} people taking "
            "part in running cohorts have been warned they are at risk.",
            chart=chart.layout(),
            tables=[
                Table(
                    "Participants at risk by programme",
                    [
                        "Programme",
                        "Taking part in running cohorts",
                        "Warned at risk",
                        "Share",
                        *[kind.label for kind in RISK_KINDS],
                    ],
                    rows,
                )
            ],
            notes=[
                "Someone is counted once however many warnings they had; by reason, once per "
                "reason."
            ],
        )
