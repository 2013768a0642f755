"""Names of audiences and answer kinds on the staff screens of the builder."""

AUDIENCE_NAMES = {
    "4-7": "Children aged 4 to 7",
    "8-12": "Children aged 8 to 12",
    "13-18": "Young people aged 13 to 18",
    "parent": "Parents and carers",
}

KIND_NAMES = {
    "faces3": "Three faces (happy, OK, sad)",
    "faces5": "Five faces (really good to really bad)",
    "yesno": "Yes, no or not sure",
    "single": "Choose one answer",
    "multi": "Choose any answers",
    "text": "Write in their own words",
}

STATUS_NAMES = {
    "draft": "Draft",
    "open": "Open",
    "closed": "Closed",
    "archived": "Archived",
}
