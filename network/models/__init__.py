"""The network's models, by what they are about; all re-exported here (one app label)."""

from .champions import ChampionProfile, Mentoring, Offer
from .open_sessions import OpenSession, OpenSessionBooking
from .round_tables import RoundTable, RoundTableInvitation, RoundTableNote

__all__ = [
    "ChampionProfile",
    "Mentoring",
    "Offer",
    "OpenSession",
    "OpenSessionBooking",
    "RoundTable",
    "RoundTableInvitation",
    "RoundTableNote",
]
