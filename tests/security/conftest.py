"""Security tests reuse the agreement factories."""

from tests.agreements.conftest import make_agreement  # noqa: F401
