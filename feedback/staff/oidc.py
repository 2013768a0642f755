"""Staff sign-in through the council's OpenID Connect provider (Entra ID, Google, any).

Authlib does the protocol: discovery from OIDC_ISSUER's well-known document, the
authorisation code flow with PKCE (S256), and state and nonce kept in the signed session
cookie; the ID token's signature (the provider's published keys), issuer, audience and
expiry are checked before any claim is read. `oidc_accounts` turns the claims into an
account. Setup and settings: docs/sign-in-with-oidc.md.
"""

from __future__ import annotations

from authlib.integrations.flask_client import OAuth, OAuthError
from flask import Flask, current_app, redirect, render_template, request, session, url_for
from joserfc.errors import JoseError
from requests import RequestException

from feedback.config import ConfigError
from feedback.extensions import db
from feedback.staff import bp
from feedback.staff.audit import record
from feedback.staff.oidc_accounts import ClaimMapping, SignInRefused, sign_in_with_claims
from feedback.staff.views import _safe_next, start_session

EXTENSION = "feedback.oidc"
CLOCK_LEEWAY_SECONDS = 60  # allowed difference between our clock and the provider's
NEXT_KEY = "oidc_next"
PROVIDER_TIMEOUT_SECONDS = 10


def init_app(app: Flask) -> None:
    """Register the provider when OIDC_ISSUER is set; offer its button on the sign-in page."""
    from feedback.staff import oidc_cli

    oidc_cli.init_app(app)
    config = app.config
    issuer = config.get("OIDC_ISSUER", "").rstrip("/")
    if not issuer:
        if not config.get("LOCAL_LOGIN", True):
            raise ConfigError("LOCAL_LOGIN=0 needs OIDC_ISSUER: nobody else could sign in.")
        app.extensions[EXTENSION] = None
    else:
        if not config.get("OIDC_CLIENT_ID"):
            raise ConfigError("OIDC_ISSUER is set, so OIDC_CLIENT_ID must be set too.")
        try:
            mapping = ClaimMapping.from_settings(
                config["OIDC_ROLES_CLAIM"],
                config.get("OIDC_ROLE_MAP", ""),
                config.get("OIDC_TEAM_CLAIM", ""),
            )
        except ValueError as error:
            raise ConfigError(str(error)) from None
        client = OAuth(app).register(
            "oidc",
            client_id=config["OIDC_CLIENT_ID"],
            client_secret=config.get("OIDC_CLIENT_SECRET") or None,
            server_metadata_url=f"{issuer}/.well-known/openid-configuration",
            client_kwargs={
                "scope": "openid email profile",
                "code_challenge_method": "S256",
                "default_timeout": PROVIDER_TIMEOUT_SECONDS,  # a silent provider must not hang us
            },
        )
        app.extensions[EXTENSION] = (client, mapping, issuer)

    @app.context_processor
    def sign_in_options() -> dict:
        return {
            "oidc_provider": _provider_name() if app.extensions[EXTENSION] else None,
            "local_login": app.config.get("LOCAL_LOGIN", True),
        }


def _provider_name() -> str:
    return current_app.config.get("OIDC_PROVIDER_NAME") or "your work account"


def _provider():
    """(Authlib client, claim mapping, issuer), or None when OIDC_ISSUER is not set."""
    return current_app.extensions.get(EXTENSION)


def _issuer_values(issuer: str) -> list[str]:
    """The `iss` values that mean this issuer (Google also signs as its bare host name)."""
    values = [issuer, issuer + "/"]
    if issuer == "https://accounts.google.com":
        values.append("accounts.google.com")
    return values


def _problem(template: str, status: int, reason: str, user_id: int | None = None):
    """Audit a refused or failed sign-in and show the page that explains it."""
    record(
        db.session,
        "login_failed",
        actor_id=user_id,
        target_type="user" if user_id else "",
        target_id=user_id or "",
        detail=f"oidc: {reason}",
    )
    db.session.commit()
    return render_template(template, reason=reason, provider_name=_provider_name()), status


@bp.get("/login/oidc")
def oidc_start():
    """Send the member of staff to the identity provider to sign in."""
    provider = _provider()
    if provider is None:
        return redirect(url_for("staff.login"))
    session[NEXT_KEY] = _safe_next(request.args.get("next"))
    try:
        return provider[0].authorize_redirect(url_for("staff.oidc_callback", _external=True))
    except (RequestException, ValueError, KeyError, RuntimeError):
        return _problem("staff/oidc_problem.html", 502, "provider_unreachable")


@bp.get("/login/oidc/callback")
def oidc_callback():
    """Finish signing in: check the provider's answer and ID token, then start a session."""
    provider = _provider()
    if provider is None:
        return redirect(url_for("staff.login"))
    client, mapping, issuer = provider
    try:
        token = client.authorize_access_token(
            claims_options={"iss": {"essential": True, "values": _issuer_values(issuer)}},
            leeway=CLOCK_LEEWAY_SECONDS,
        )
    except RequestException:
        return _problem("staff/oidc_problem.html", 502, "provider_unreachable")
    except (OAuthError, JoseError, ValueError, KeyError) as error:
        reason = getattr(error, "error", "") or type(error).__name__
        return _problem("staff/oidc_problem.html", 400, str(reason)[:60])
    claims = token.get("userinfo")
    if not claims:  # no ID token came back: nothing verified to go on
        return _problem("staff/oidc_problem.html", 400, "no_id_token")
    target = _safe_next(session.get(NEXT_KEY))
    try:
        user = sign_in_with_claims(db.session, claims, mapping)
    except SignInRefused as refused:
        user_id = refused.user.id if refused.user else None
        return _problem("staff/oidc_refused.html", 403, refused.reason, user_id)
    start_session(user)
    session["signed_in_with"] = "oidc"
    record(
        db.session, "login", actor_id=user.id, target_type="user", target_id=user.id, detail="oidc"
    )
    db.session.commit()
    return redirect(target)


@bp.get("/signed-out")
def oidc_signed_out():
    """After sign-out: offer to sign out of the identity provider too, where it can."""
    provider = _provider()
    end_session_url = None
    if provider is not None:
        try:
            end_session_url = provider[0].create_logout_url(
                post_logout_redirect_uri=url_for("staff.login", _external=True),
                client_id=provider[0].client_id,
            )["url"]
        except (RequestException, RuntimeError, ValueError, KeyError):
            end_session_url = None  # the provider has no end-session endpoint (Google)
    return render_template(
        "staff/oidc_signed_out.html",
        end_session_url=end_session_url,
        provider_name=_provider_name(),
    )
