"""Request rates of the API, read from settings on each request (IMR_API_ANON_RATE, IMR_API_USER_RATE).

Counts live in Django's cache: with the default local-memory cache each app
server process counts on its own (docs/api.md, "Limits").
"""

from __future__ import annotations

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class AnonymousRate(AnonRateThrottle):
    """Requests of an anonymous client, by address."""

    def get_rate(self) -> str:
        return settings.IMR_API_ANON_RATE


class SignedInRate(UserRateThrottle):
    """Requests of a signed-in user or token holder, by user (an anonymous client is held to both rates)."""

    def get_rate(self) -> str:
        return settings.IMR_API_USER_RATE
