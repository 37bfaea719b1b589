"""Accounts inside a portal's schema.

Imports run one way: `mapped`, `security` and `audit` import nothing from each other, and
everything else in the app imports its models from here.
"""

from .audit import AuditEvent
from .mapped import MappedAccount
from .security import AccountPolicy, AccountState, PasswordHistory

__all__ = [
    "AccountPolicy",
    "AccountState",
    "AuditEvent",
    "MappedAccount",
    "PasswordHistory",
]
