"""Names of audiences and answer kinds on the staff screens of the builder."""

from feedback.surveys.kinds import KIND_NAMES  # noqa: F401  (named with the other labels)

AUDIENCE_NAMES = {
    "4-7": "Children aged 4 to 7",
    "8-12": "Children aged 8 to 12",
    "13-18": "Young people aged 13 to 18",
    "parent": "Parents and carers",
}

STATUS_NAMES = {
    "draft": "Draft",
    "open": "Open",
    "closed": "Closed",
    "archived": "Archived",
}
