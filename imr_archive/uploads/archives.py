"""What may be read from an uploaded file or zip, decided before anything is expanded.

A zip is judged by its central directory alone (names, declared sizes), so a
refusal costs no decompression. Every entry of a zip is listed, each with
its reason when it is not read (a folder, a name that is no file name such
as `..`), so the report has a row for every part of an upload. The declared sizes are only the zip's word:
`read_member` also stops reading at the per-file limit whatever they claim.
Names from a zip are untrusted: only their base name (`base_name`) ever
reaches storage, so `../../evil.txt` is stored as `evil.txt` under MEDIA_ROOT.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import IO

from django.conf import settings

LETTER_SUFFIXES = (".txt", ".pdf")
ZIP_SUFFIX = ".zip"
ACCEPTED = ".txt, .pdf, or a .zip of them"
# Folders some zip tools add beside the real files (macOS resource forks): not files the user chose.
_TOOL_FOLDERS = ("__MACOSX/",)
_ENCRYPTED_FLAG = 0x1
# What an uploaded part whose name is nothing once its folders are stripped ("..", "letters/") is called
# (uploads/nameless_parts.py): it has a row, refused as a file with no name.
UNNAMED_PART = "(no name)"


class Refused(Exception):
    """A file or zip that is not read; str() is the one-line reason shown to the user."""


@dataclass(frozen=True)
class Member:
    """One file listed in a zip, with the reason it is refused ("" when it is to be read)."""

    index: int
    name: str
    size: int
    reason: str = ""


def megabytes(size: int) -> str:
    """A size as people read it: "20.0 MB" for the 20 MiB default, "0.9 KB" for a tiny test limit."""
    if size >= 100 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{size / 1024:.1f} KB"


def suffix(name: str) -> str:
    base = base_name(name)
    return base[base.rfind("."):].lower() if "." in base else ""


def base_name(path: str) -> str:
    """The last component of an untrusted path, as a plain file name ("" when there is none).

    Both separators count (a zip made on Windows may use backslashes) and a
    drive prefix ("C:letter.txt") is dropped; storage sanitizes what is left.
    """
    name = path.replace("\\", "/").rsplit("/", 1)[-1].rsplit(":", 1)[-1]
    name = "".join(c for c in name if c.isprintable()).strip()
    return "" if name in {".", ".."} else name


def type_refusal(name: str, in_zip: bool = False) -> str:
    """Why a file of this name is not read, or "" when its type is accepted."""
    found = suffix(name)
    if found in LETTER_SUFFIXES:
        return ""
    if found == ZIP_SUFFIX:
        return "a zip inside a zip is not opened: upload the inner zip on its own" if in_zip else ""
    if not base_name(name) or name == UNNAMED_PART:
        return "the file has no name"
    kind = f"{found} files are" if found else "files without a type suffix are"
    return f"not a letter file: {kind} not accepted (only {ACCEPTED})"


def size_refusal(size: int) -> str:
    limit = settings.IMR_UPLOAD_MAX_FILE_BYTES
    if size > limit:
        return f"file too large: {megabytes(size)}, the limit is {megabytes(limit)}"
    return ""


def list_zip(handle: IO[bytes], zip_size: int) -> list[Member]:
    """The files of a zip, each with its refusal if any; Refused when the whole zip is refused."""
    try:
        with zipfile.ZipFile(handle) as archive:
            infos = list(enumerate(archive.infolist()))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as error:
        raise Refused(f"not a readable zip file ({error})") from None
    infos = [(index, i) for index, i in infos if not i.filename.startswith(_TOOL_FOLDERS)]
    limit = settings.IMR_UPLOAD_MAX_ZIP_MEMBERS
    if len(infos) > limit:  # each entry, folders too, is a row of the report
        entries = "files and folders" if any(i.is_dir() for _, i in infos) else "files"
        raise Refused(f"the zip holds {len(infos)} {entries}; at most {limit} are read from one zip")
    expanded = sum(i.file_size for _, i in infos)
    ratio = settings.IMR_UPLOAD_MAX_ZIP_RATIO
    # Below the per-file limit nothing is dangerous, however well it compresses (a page of blanks does).
    if expanded > max(ratio * zip_size, settings.IMR_UPLOAD_MAX_FILE_BYTES):
        raise Refused(f"looks like a zip bomb: {megabytes(zip_size)} declares {megabytes(expanded)} of files "
                      f"(more than {ratio} times its size)")
    return [Member(index, info.filename, info.file_size, _member_refusal(info)) for index, info in infos]


def _member_refusal(info: zipfile.ZipInfo) -> str:
    if info.is_dir():
        return "a folder, not a file: the files inside it have rows of their own"
    if info.flag_bits & _ENCRYPTED_FLAG:
        return "encrypted inside the zip: zip it again without a password"
    return type_refusal(info.filename, in_zip=True) or size_refusal(info.file_size)


def read_member(archive: zipfile.ZipFile, index: int) -> bytes:
    """The bytes of the zip's member at `index`, never more than the per-file limit.

    The limit holds whatever the zip's header declares: reading stops one byte
    past it, so a member that lies about its size costs at most that much memory.
    """
    limit = settings.IMR_UPLOAD_MAX_FILE_BYTES
    try:
        with archive.open(archive.infolist()[index]) as member:
            data = member.read(limit + 1)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, IndexError, NotImplementedError) as error:
        raise Refused(f"damaged inside the zip ({error})") from None
    if len(data) > limit:
        raise Refused(f"file too large: expands past the limit of {megabytes(limit)}")
    return data


def read_capped(handle: IO[bytes]) -> bytes:
    """The bytes of a staged file, never more than the per-file limit."""
    limit = settings.IMR_UPLOAD_MAX_FILE_BYTES
    data = handle.read(limit + 1)
    if len(data) > limit:
        raise Refused(f"file too large: more than {megabytes(limit)}")
    return data
