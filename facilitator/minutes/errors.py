"""The one error the minutes export raises; its message is shown to the user as is."""

from __future__ import annotations

from facilitator.services.core import ServiceError


class MinutesError(ServiceError):
    """The minutes could not be exported; the (Swedish) message says why."""
