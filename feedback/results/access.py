"""Who may read names in written answers, and how a written answer is shown otherwise.

One rule for the comments page and the exports: staff who may see names (the
safeguarding lead and administrators) read answers as written; everyone else reads them
with names and contact details taken out, and flagged answers withheld.
"""

from __future__ import annotations

from feedback.reports.export import WITHHELD
from feedback.reports.redact import redact

NAME_ROLES = ("safeguarding", "admin")


def may_see_names(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.has_role(*NAME_ROLES)


def shown_text(text: str | None, flagged: bool, sees_names: bool, names=()) -> str:
    """The words of a written answer as this reader may see them."""
    if not text:
        return ""
    if sees_names:
        return text
    if flagged:
        return WITHHELD
    return redact(text.strip(), names=names)
