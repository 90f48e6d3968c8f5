"""Facilitator: capture workshops offline and export Word minutes."""

__version__ = "0.1.0"
