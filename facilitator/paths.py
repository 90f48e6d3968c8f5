"""Where things live: the user's data folders and the bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "Facilitator"
_dirs = PlatformDirs(APP_NAME, appauthor=False)


def _private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def data_dir() -> Path:
    override = os.environ.get("FACILITATOR_DATA_DIR")
    return _private_dir(Path(override) if override else Path(_dirs.user_data_dir))


def log_dir() -> Path:
    override = os.environ.get("FACILITATOR_DATA_DIR")
    return _private_dir(Path(override) / "logs" if override else Path(_dirs.user_log_dir))


def config_dir() -> Path:
    override = os.environ.get("FACILITATOR_DATA_DIR")
    return _private_dir(Path(override) / "config" if override else Path(_dirs.user_config_dir))


def default_database() -> Path:
    return data_dir() / "facilitator.sqlite3"


def backup_dir_for(database: Path) -> Path:
    """Backups live beside the database, so a database on a USB stick keeps its own."""
    return _private_dir(database.parent / f"{database.stem}-backups")


def _root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file under resources/, from source or from a PyInstaller bundle."""
    return _root().joinpath("resources", *parts)


def migrations_path() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "facilitator" / "store" / "migrations"
    return Path(__file__).resolve().parent / "store" / "migrations"
