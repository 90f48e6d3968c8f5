"""Is the database somewhere a live SQLite file is at risk?

A network share can drop mid-write, a USB stick can be pulled out, and a
cloud-sync client copies, locks or "resolves conflicts" on a file the app has
open. None of these is refused; the user is told why, once.

Pure functions: the platform, mount table, drive-type lookup and /sys root are
parameters, so every branch is tested on any machine.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

NETWORK = "network"
REMOVABLE = "removable"
CLOUD = "cloud"

NETWORK_FS = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smbfs", "smb3", "sshfs", "afpfs", "afs", "ncpfs",
    "9p", "davfs", "webdav", "ceph", "glusterfs", "lustre", "gpfs",
})
# FUSE file systems that are local (encryption, containers, desktop portals).
LOCAL_FUSE = frozenset({
    "fuse.portal", "fuse.lxcfs", "fuse.bindfs", "fuse.encfs", "fuse.gocryptfs",
    "fuse.cryfs", "fuse.vmhgfs-fuse", "fuse.squashfuse", "fuse.appimaged", "fuseblk",
    "fuse.ntfs-3g", "fuse.mergerfs",
})
# (component prefix, service name); matched case-insensitively at the start of a folder name.
CLOUD_FOLDERS: tuple[tuple[str, str], ...] = (
    ("onedrive", "OneDrive"), ("dropbox", "Dropbox"), ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"), ("my drive", "Google Drive"), ("min enhet", "Google Drive"),
    ("icloud drive", "iCloud Drive"), ("iclouddrive", "iCloud Drive"),
    ("mobile documents", "iCloud Drive"), ("box sync", "Box"), ("box", "Box"),
    ("pcloud", "pCloud"), ("pclouddrive", "pCloud"), ("nextcloud", "Nextcloud"),
    ("owncloud", "ownCloud"),
    ("jottacloud", "Jottacloud"), ("sync.com", "Sync.com"), ("megasync", "MEGA"),
)
DRIVE_REMOVABLE, DRIVE_REMOTE = 2, 4


@dataclass(frozen=True)
class Risk:
    """Why a location is risky: ``kind`` (network, removable, cloud) and what was seen."""

    kind: str
    detail: str  # the file system, the drive or the sync service

    @property
    def reason(self) -> str:
        """Plain Swedish, for the command line."""
        if self.kind == NETWORK:
            return (f"Databasen ligger på en nätverksenhet ({self.detail}). Försvinner "
                    "nätverket medan programmet skriver kan ändringar gå förlorade och filen "
                    "skadas. Kopiera den till datorns egen disk.")
        if self.kind == REMOVABLE:
            return (f"Databasen ligger på en flyttbar enhet ({self.detail}). Dras den ut "
                    "medan programmet är öppet kan filen skadas. Stäng programmet innan "
                    "enheten tas ut.")
        return (f"Databasen ligger i en molnsynkad mapp ({self.detail}). Synkprogrammet kan "
                "kopiera eller skriva över filen medan programmet använder den, och då kan "
                "ändringar gå förlorade. Flytta den till en mapp som inte synkas.")


def cloud_service(path: PurePath) -> str | None:
    """The sync service whose folder holds ``path``, judged by its folder names."""
    for part in path.parts[:-1]:
        name = part.casefold()
        if name == "cloudstorage":  # macOS: ~/Library/CloudStorage/<service>-<account>
            return "CloudStorage"
        for prefix, service in CLOUD_FOLDERS:
            if prefix == "box":  # a common word: only the folder names Box creates
                if name in ("box", "box sync"):
                    return service
            elif name == prefix or (name.startswith(prefix)
                                    and not name[len(prefix)].isalnum()):
                return service
    return None


@dataclass(frozen=True)
class Mount:
    device: str
    point: str
    fstype: str


def _unescape(field: str) -> str:
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m[1], 8)), field)


def parse_proc_mounts(text: str) -> list[Mount]:
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            mounts.append(Mount(_unescape(fields[0]), _unescape(fields[1]), fields[2]))
    return mounts


def parse_mac_mounts(text: str) -> list[Mount]:
    """Lines of macOS ``mount``: "//u@srv/share on /Volumes/share (smbfs, nodev, …)"."""
    mounts = []
    for line in text.splitlines():
        match = re.match(r"^(?P<dev>.+?) on (?P<point>.+) \((?P<fs>[^,)]+)", line)
        if match:
            mounts.append(Mount(match["dev"], match["point"], match["fs"].strip()))
    return mounts


def mount_of(path: PurePosixPath, mounts: list[Mount]) -> Mount | None:
    """The mount with the longest mount point that contains ``path``."""
    best = None
    for mount in mounts:
        point = PurePosixPath(mount.point)
        if (path == point or point in path.parents) and (
                best is None or len(mount.point) > len(best.point)):
            best = mount
    return best


def is_network_fs(fstype: str) -> bool:
    fstype = fstype.lower()
    if fstype in NETWORK_FS or fstype.startswith(("nfs", "smb", "cifs")):
        return True
    return fstype.startswith("fuse.") and fstype not in LOCAL_FUSE


def block_is_removable(device: str, sys_root: Path = Path("/sys")) -> bool:
    """True when /sys says the disk behind ``device`` (/dev/sdb1) is removable."""
    if not device.startswith("/dev/"):
        return False
    name = Path(device).name
    node = sys_root / "class" / "block" / name
    with_partition = (node / "partition").exists()
    try:
        disk = node.resolve().parent if with_partition else node.resolve()
        return (disk / "removable").read_text().strip() == "1"
    except OSError:
        return False


def _posix_risk(path: PurePosixPath, mounts: list[Mount], sys_root: Path,
                darwin: bool) -> Risk | None:
    mount = mount_of(path, mounts)
    if mount is not None and is_network_fs(mount.fstype):
        return Risk(NETWORK, f"{mount.fstype}, {mount.device}")
    media = ("/media/", "/run/media/") if not darwin else ("/Volumes/",)
    if darwin and str(path).startswith("/Volumes/"):
        if mount is not None and mount.point not in ("/", "/System/Volumes/Data"):
            return Risk(REMOVABLE, mount.point)
        return None
    if mount is not None and block_is_removable(mount.device, sys_root):
        return Risk(REMOVABLE, mount.point)
    if str(path).startswith(media):
        point = mount.point if mount is not None else str(path.parent)
        return Risk(REMOVABLE, point)
    return None


def _windows_risk(path: PureWindowsPath, drive_type: Callable[[str], int]) -> Risk | None:
    drive = path.drive
    if drive.startswith("\\\\"):
        return Risk(NETWORK, drive)
    if not drive:
        return None
    kind = drive_type(drive + "\\")
    if kind == DRIVE_REMOTE:
        return Risk(NETWORK, drive)
    if kind == DRIVE_REMOVABLE:
        return Risk(REMOVABLE, drive)
    return None


def _windows_drive_type(root: str) -> int:
    import ctypes

    if sys.platform != "win32":  # says so to mypy too: windll exists on Windows only
        raise OSError("drive types are asked of Windows only")
    return int(ctypes.windll.kernel32.GetDriveTypeW(root))


def _read_mounts(platform: str) -> list[Mount]:
    if platform == "darwin":
        try:
            result = subprocess.run(["/sbin/mount"], capture_output=True, text=True, timeout=3)
        except (OSError, subprocess.SubprocessError):
            return []
        return parse_mac_mounts(result.stdout)
    try:
        return parse_proc_mounts(Path("/proc/self/mounts").read_text(encoding="utf-8"))
    except OSError:
        return []


def location_risks(database: Path | PurePath, *, platform: str | None = None,
                   mounts: list[Mount] | None = None,
                   drive_type: Callable[[str], int] | None = None,
                   sys_root: Path = Path("/sys")) -> list[Risk]:
    """Every reason the database's location is risky (usually none, at most one of each kind)."""
    platform = platform or sys.platform
    native = platform == sys.platform
    risks: list[Risk] = []
    if platform == "win32":
        path: PurePath = PureWindowsPath(os.path.abspath(database) if native else database)
        names = [path]
        risk = _windows_risk(PureWindowsPath(path), drive_type or _windows_drive_type)
    else:
        path = PurePosixPath(os.path.abspath(database) if native else database)
        names = [path]
        if mounts is None:
            mounts = _read_mounts(platform)
            with suppress(OSError):
                path = PurePosixPath(Path(path).resolve())
                names.append(path)
        risk = _posix_risk(PurePosixPath(path), mounts, sys_root, platform == "darwin")
    if risk is not None:
        risks.append(risk)
    for name in names:
        service = cloud_service(name)
        if service is not None:
            risks.append(Risk(CLOUD, service))
            break
    return risks
