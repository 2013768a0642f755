"""Names of answer kinds and statuses on the staff screens of the builder (audience names
come from the audiences table)."""

from feedback.surveys.kinds import KIND_NAMES  # noqa: F401  (named with the other labels)

STATUS_NAMES = {
    "draft": "Draft",
    "open": "Open",
    "closed": "Closed",
    "archived": "Archived",
}
