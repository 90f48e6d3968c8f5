"""The window fixtures of the GUI tests, for the reliability tests that drive the window."""

from tests.gui.conftest import make_window, swedish, window

__all__ = ["make_window", "swedish", "window"]
