"""Thin launcher for PyInstaller and `python main.py`; all logic lives in facilitator.app."""

import sys

from facilitator.app import main

if __name__ == "__main__":
    sys.exit(main())
