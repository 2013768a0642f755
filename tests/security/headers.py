"""The security headers every response must carry."""


def assert_security_headers(
    response, where: str, production: bool = False, framable: bool = False
) -> None:
    """`framable`: the page may be framed by this site only (the builder's preview)."""
    h = response.headers
    csp = h.get("Content-Security-Policy", "")
    assert csp, f"{where}: no Content-Security-Policy"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, f"{where}: weak CSP {csp}"
    if framable and "frame-ancestors 'self'" in csp:
        assert h.get("X-Frame-Options") == "SAMEORIGIN", where
        assert "frame-ancestors 'none'" not in csp, where
    else:
        assert "frame-ancestors 'none'" in csp, f"{where}: CSP lacks frame-ancestors 'none'"
        assert h.get("X-Frame-Options") == "DENY", where
    assert "script-src 'self'" in csp and "default-src 'self'" in csp, f"{where}: {csp}"
    assert h.get("X-Content-Type-Options") == "nosniff", where
    assert h.get("Referrer-Policy") == "no-referrer", where
    assert "camera=()" in h.get("Permissions-Policy", ""), where
    if production:
        assert "max-age=" in h.get("Strict-Transport-Security", ""), f"{where}: no HSTS"
    else:
        assert "Strict-Transport-Security" not in h, f"{where}: HSTS outside production"
