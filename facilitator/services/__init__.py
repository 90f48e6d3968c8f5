"""One function per user operation; the only code that writes to the store."""

from facilitator.services.core import (
    Change,
    NotFoundError,
    ServiceError,
    StorageError,
    Store,
    ValidationError,
)

__all__ = ["Change", "NotFoundError", "ServiceError", "StorageError", "Store", "ValidationError"]
