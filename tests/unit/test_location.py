"""Risky places for a live database: network shares, removable drives, cloud-sync folders."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from facilitator.store import location
from facilitator.store.location import (
    CLOUD,
    DRIVE_REMOTE,
    DRIVE_REMOVABLE,
    NETWORK,
    REMOVABLE,
    location_risks,
    parse_mac_mounts,
    parse_proc_mounts,
)

PROC_MOUNTS = """\
/dev/sda2 / ext4 rw,relatime 0 0
/dev/sda1 /boot/efi vfat rw 0 0
server:/export/home /home/delad nfs4 rw,relatime 0 0
//nas/möten /mnt/nas cifs rw 0 0
anna@host:/srv /home/anna/fjärr fuse.sshfs rw 0 0
portal /run/user/1000/doc fuse.portal rw 0 0
/dev/sdb1 /media/anna/USB\\040STICK vfat rw 0 0
/dev/sdc1 /mnt/backupdisk ext4 rw 0 0
/dev/sdd1 /mnt/intern ext4 rw 0 0
"""

MAC_MOUNT = """\
/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse)
//anna@filserver/Möten on /Volumes/Möten (smbfs, nodev, nosuid, mounted by anna)
/dev/disk4s1 on /Volumes/KINGSTON (msdos, local, nodev, nosuid, noowners)
"""


@pytest.fixture
def sys_root(tmp_path: Path) -> Path:
    """A fake /sys: sdb and sdc removable, sdd not."""
    root = tmp_path / "sys"
    for disk, removable in (("sdb", "1"), ("sdc", "1"), ("sdd", "0")):
        disk_dir = root / "devices" / disk
        (disk_dir / f"{disk}1").mkdir(parents=True)
        (disk_dir / "removable").write_text(removable + "\n")
        (disk_dir / f"{disk}1" / "partition").write_text("1\n")
        block = root / "class" / "block"
        block.mkdir(parents=True, exist_ok=True)
        (block / f"{disk}1").symlink_to(disk_dir / f"{disk}1")
    return root


def _linux(path: str, sys_root: Path) -> list[tuple[str, str]]:
    risks = location_risks(PurePosixPath(path), platform="linux",
                           mounts=parse_proc_mounts(PROC_MOUNTS), sys_root=sys_root)
    return [(r.kind, r.detail) for r in risks]


@pytest.mark.parametrize(("path", "expected"), [
    ("/home/anna/Facilitator/möten.sqlite3", []),
    ("/home/delad/anna/möten.sqlite3", [(NETWORK, "nfs4, server:/export/home")]),
    ("/mnt/nas/Workshoppar/möten.sqlite3", [(NETWORK, "cifs, //nas/möten")]),
    ("/home/anna/fjärr/möten.sqlite3", [(NETWORK, "fuse.sshfs, anna@host:/srv")]),
    ("/run/user/1000/doc/möten.sqlite3", []),
    ("/media/anna/USB STICK/möten.sqlite3", [(REMOVABLE, "/media/anna/USB STICK")]),
    ("/mnt/backupdisk/möten.sqlite3", [(REMOVABLE, "/mnt/backupdisk")]),
    ("/mnt/intern/möten.sqlite3", []),
    ("/home/anna/Dropbox/Kommunen/möten.sqlite3", [(CLOUD, "Dropbox")]),
    ("/home/anna/Nextcloud/möten.sqlite3", [(CLOUD, "Nextcloud")]),
    ("/home/anna/pCloudDrive/möten.sqlite3", [(CLOUD, "pCloud")]),
    ("/mnt/nas/Dropbox/möten.sqlite3", [(NETWORK, "cifs, //nas/möten"), (CLOUD, "Dropbox")]),
    ("/home/anna/Boxning/möten.sqlite3", []),  # not the Box folder
    ("/home/anna/Dropboxen-gammal/möten.sqlite3", []),
])
def test_linux_locations(path: str, expected: list, sys_root: Path) -> None:
    assert _linux(path, sys_root) == expected


@pytest.mark.parametrize(("path", "drive_type", "expected"), [
    (r"C:\Users\Anna\Documents\möten.sqlite3", 3, []),
    (r"\\filserver\Möten\möten.sqlite3", 3, [(NETWORK, r"\\filserver\Möten")]),
    (r"H:\Workshoppar\möten.sqlite3", DRIVE_REMOTE, [(NETWORK, "H:")]),
    (r"E:\möten.sqlite3", DRIVE_REMOVABLE, [(REMOVABLE, "E:")]),
    (r"C:\Users\Anna\OneDrive - Ängsö kommun\Möten\möten.sqlite3", 3, [(CLOUD, "OneDrive")]),
    (r"C:\Users\Anna\OneDrive\möten.sqlite3", 3, [(CLOUD, "OneDrive")]),
    (r"G:\Min enhet\möten.sqlite3", 3, [(CLOUD, "Google Drive")]),
    (r"C:\Users\Anna\iCloudDrive\möten.sqlite3", 3, [(CLOUD, "iCloud Drive")]),
    (r"C:\Users\Anna\Box\möten.sqlite3", 3, [(CLOUD, "Box")]),
    (r"C:\Users\Anna\Jottacloud\möten.sqlite3", 3, [(CLOUD, "Jottacloud")]),
    (r"C:\Users\Anna\ownCloud\möten.sqlite3", 3, [(CLOUD, "ownCloud")]),
])
def test_windows_locations(path: str, drive_type: int, expected: list) -> None:
    asked: list[str] = []

    def fake_drive_type(root: str) -> int:
        asked.append(root)
        return drive_type

    risks = location_risks(PureWindowsPath(path), platform="win32", drive_type=fake_drive_type)
    assert [(r.kind, r.detail) for r in risks] == expected
    if not path.startswith("\\\\"):
        assert asked == [path[:2] + "\\"]


@pytest.mark.parametrize(("path", "expected"), [
    ("/Users/anna/Documents/möten.sqlite3", []),
    ("/Volumes/Möten/möten.sqlite3", [(NETWORK, "smbfs, //anna@filserver/Möten")]),
    ("/Volumes/KINGSTON/möten.sqlite3", [(REMOVABLE, "/Volumes/KINGSTON")]),
    ("/Users/anna/Library/Mobile Documents/com~apple~CloudDocs/möten.sqlite3",
     [(CLOUD, "iCloud Drive")]),
    ("/Users/anna/Library/CloudStorage/OneDrive-Kommun/möten.sqlite3", [(CLOUD, "CloudStorage")]),
    ("/Users/anna/Google Drive/möten.sqlite3", [(CLOUD, "Google Drive")]),
])
def test_macos_locations(path: str, expected: list, tmp_path: Path) -> None:
    risks = location_risks(PurePosixPath(path), platform="darwin",
                           mounts=parse_mac_mounts(MAC_MOUNT), sys_root=tmp_path)
    assert [(r.kind, r.detail) for r in risks] == expected


def test_reasons_are_swedish_and_name_what_was_seen() -> None:
    reasons = {kind: location.Risk(kind, "X:").reason for kind in (NETWORK, REMOVABLE, CLOUD)}
    assert "nätverksenhet (X:)" in reasons[NETWORK]
    assert "flyttbar enhet (X:)" in reasons[REMOVABLE]
    assert "molnsynkad mapp (X:)" in reasons[CLOUD]


def test_this_machines_temp_folder_is_not_flagged(tmp_path: Path) -> None:
    assert location_risks(tmp_path / "möten.sqlite3") == []


def test_the_cli_warns_on_stderr_and_still_succeeds(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from facilitator.cli import run

    folder = tmp_path / "Dropbox" / "Kommunen"
    assert run(["--db", str(folder / "möten.sqlite3"), "list"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("Inga projekt")
    assert err.startswith("facilitator: varning: Databasen ligger i en molnsynkad mapp (Dropbox)")
