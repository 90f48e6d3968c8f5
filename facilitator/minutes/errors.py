"""The one error the minutes export raises; its message is translated where it is shown."""

from __future__ import annotations

from facilitator.services.core import ServiceError


class MinutesError(ServiceError):
    """The minutes could not be exported; the message says why."""
