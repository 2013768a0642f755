"""Who may use each route: the one place to read (and extend) the access rules.

Every endpoint in the app must be listed here, or tests/security/test_route_access.py
fails and names it. Values:

- PUBLIC: anyone, signed in or not (children and families use these).
- a tuple of roles: staff with one of these roles; anyone else signed in gets 403 and
  anyone signed out is sent to the sign-in page. Admins are listed explicitly.
"""

PUBLIC = "public"
ALL_STAFF = ("admin", "lead", "practitioner", "safeguarding", "team_manager")
LEADS = ("admin", "lead")
PRACTICE = ("admin", "lead", "practitioner")
ADMIN = ("admin",)
MANAGERS = ("admin", "team_manager")
PREPARERS = ("admin", "lead", "practitioner", "team_manager")

ACCESS: dict[str, str | tuple[str, ...]] = {
    # public pages
    "static": PUBLIC,
    "surveys.index": PUBLIC,
    "privacy.notices": PUBLIC,
    "privacy.notice": PUBLIC,
    "privacy.accessibility": PUBLIC,
    # "What you told us and what we did": published actions and agreed quotes only
    "reports_public.index": PUBLIC,
    "reports_public.page": PUBLIC,
    "reports_public.booklet": PUBLIC,
    # taking a survey (children and families; the link code is the only key)
    "surveys.start": PUBLIC,
    "surveys.begin": PUBLIC,
    "surveys.question": PUBLIC,
    "surveys.answer": PUBLIC,
    "surveys.finish": PUBLIC,
    "surveys.send": PUBLIC,
    "surveys.thanks": PUBLIC,
    "surveys.talk": PUBLIC,
    "surveys.saved": PUBLIC,
    "surveys.leave": PUBLIC,  # quick exit: forgets this device's answers
    "surveys.leave_beacon": PUBLIC,
    "surveys.neutral": PUBLIC,
    "surveys.tablet_welcome": PUBLIC,
    # a family's copy of their agreement (unguessable, expiring link) and the copy check
    "agreements.family_link_page": PUBLIC,
    "agreements.family_open": PUBLIC,
    "agreements.family_copy": PUBLIC,
    "agreements.family_pdf": PUBLIC,
    "agreements.check": PUBLIC,
    # signing in and out (public by nature; each checks its own state)
    "staff.login": PUBLIC,
    "staff.login_code": PUBLIC,
    "staff.logout": PUBLIC,
    # every member of staff
    "staff.home": ALL_STAFF,
    "staff.account": ALL_STAFF,
    "staff.change_password": ALL_STAFF,
    "staff.two_factor": ALL_STAFF,
    "staff.two_factor_off": ALL_STAFF,
    "staff.set_pin": ALL_STAFF,
    "staff.session_status": ALL_STAFF,
    "staff.keep_alive": ALL_STAFF,
    "privacy.record": ALL_STAFF,
    "staff.audit_log": ADMIN,
    "staff.accounts": ADMIN,
    "staff.set_active": ADMIN,
    # Sign-in through the identity provider, and ending someone's sessions.
    "staff.oidc_start": PUBLIC,
    "staff.oidc_callback": PUBLIC,
    "staff.oidc_signed_out": PUBLIC,
    "staff.staff_sessions": ADMIN,
    "staff.end_user_sessions": ADMIN,
    # sharing surveys and handing a tablet over
    "surveys.staff_share": PRACTICE,
    "surveys.staff_poster": PRACTICE,
    "surveys.staff_qr": PRACTICE,
    "surveys.staff_tablet": PRACTICE,
    "surveys.staff_tablet_end": PRACTICE,
    # Working Together Agreements (object-level checks: another team's agreement is a 404)
    "agreements.index": PREPARERS,
    "agreements.prepare": PREPARERS,
    "agreements.team": MANAGERS,
    "agreements.handover_agreement": MANAGERS,
    "agreements.show_link": ALL_STAFF,
    "agreements.leave_family_screens": ALL_STAFF,
    "agreements.detail": ALL_STAFF,
    "agreements.edit": ALL_STAFF,
    "agreements.version": ALL_STAFF,
    "agreements.pdf": ALL_STAFF,
    "agreements.family_link": ALL_STAFF,
    "agreements.together": ALL_STAFF,
    "agreements.signers": ALL_STAFF,
    "agreements.sign": ALL_STAFF,
    "agreements.signed": ALL_STAFF,
    "agreements.templates": LEADS,
    "agreements.install_standard": LEADS,
    "agreements.edit_template": LEADS,
    # "You told us, we did": reports, actions, quotes (participation leads)
    "reports.index": LEADS,
    "reports.read": LEADS,
    "reports.pdf": LEADS,
    "reports.responses_csv": LEADS,
    "reports.actions": LEADS,
    "reports.action": LEADS,
    "reports.quotes": LEADS,
    "reports.mark_quote": LEADS,
    # the survey builder: participation leads (and admins)
    "builder.index": LEADS,
    "builder.new": LEADS,
    "builder.survey": LEADS,
    "builder.words": LEADS,
    "builder.new_question": LEADS,
    "builder.edit_question": LEADS,
    "builder.move_question": LEADS,
    "builder.remove_question": LEADS,
    "builder.bank": LEADS,
    "builder.open_": LEADS,
    "builder.close": LEADS,
    "builder.archive": LEADS,
    "builder.confirm_archive": LEADS,
    "builder.confirm_delete": LEADS,
    "builder.delete": LEADS,
    "builder.survey_settings": LEADS,
    "builder.question_condition": LEADS,
    "audiences.index": LEADS,
    "audiences.new": LEADS,
    "audiences.edit": LEADS,
    "builder.duplicate": LEADS,
    "builder.translate": LEADS,
    "builder.preview": LEADS,
    "builder.preview_start": LEADS,
    "builder.preview_question": LEADS,
    "builder.preview_finish": LEADS,
    "builder.preview_thanks": LEADS,
    # the dashboard and themes (participation leads)
    "dashboard.index": LEADS,
    "dashboard.theme": LEADS,
    "dashboard.move": LEADS,
    # every question's answers, written answers and exports (participation leads)
    "results.index": LEADS,
    "results.comments": ("admin", "lead", "safeguarding"),
    "results.export_csv": LEADS,
    "results.export_xlsx": LEADS,
    # safeguarding alerts: the designated safeguarding lead (and admins) only
    "alerts.index": ("admin", "safeguarding"),
    "alerts.detail": ("admin", "safeguarding"),
    "alerts.assign": ("admin", "safeguarding"),
    "alerts.note": ("admin", "safeguarding"),
    "alerts.close": ("admin", "safeguarding"),
    "alerts.reopen": ("admin", "safeguarding"),
    "alerts.drawing": ("admin", "safeguarding"),
    # comments to read (participation leads), and raising an alert by hand
    "reading.index": LEADS,
    "reading.mark_read": LEADS,
    "reading.raise_alert": LEADS,
    "reading.drawing": LEADS,
    # people's rights: participation leads (and admins)
    "privacy.people": LEADS,
    "privacy.export_json": LEADS,
    "privacy.export_pdf": LEADS,
    "privacy.correct_name": LEADS,
    "privacy.correct_answer": LEADS,
    "privacy.erase": LEADS,
}

# The only pages this site may show inside a frame (its own): the builder's preview of
# a survey's screens. Every other page refuses to be framed at all.
FRAMABLE = {
    "builder.preview_start",
    "builder.preview_question",
    "builder.preview_finish",
    "builder.preview_thanks",
}

# Values used to fill in route arguments when walking every route (others: 1 or "x").
SAMPLE_ARGS = {
    "audience": "8-12",
    "key": "8-12",
    "filename": "css/app.css",
}

# What a people's rights search (/staff/privacy/people, its exports, corrections and
# erasure) shows each role that may use it: the same as the pages of each kind of record.
# "all": every record found; "team": only those of their own team (agreements: access.py);
# "none": not even that the record exists. tests/security/test_rights_access.py walks it.
RIGHTS_SEARCH: dict[str, dict[str, str]] = {
    "admin": {"responses": "all", "agreements": "all", "alerts": "all"},
    "lead": {"responses": "all", "agreements": "team", "alerts": "none"},
}
