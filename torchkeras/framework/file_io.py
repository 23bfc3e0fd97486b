"""Atomic file writes, shared by Keras' savers and TF's checkpoint writer.

A file is written under a temporary name beside its destination and renamed into place, so
a failed write leaves the previous file (or none) exactly as it was.
"""

import errno
import os
import pathlib
import tempfile

__all__ = ["atomic_write", "atomic_write_bytes", "check_parent_directory"]


def atomic_write(filepath, writer, create_directories=True):
    """Calls ``writer(temporary_path)`` then renames the temporary file to ``filepath``; removes
    it on failure.  Without ``create_directories`` a missing parent directory is Python's
    ``FileNotFoundError`` naming ``filepath`` (as Keras' savers raise it), and nothing is
    written."""
    filepath = os.fspath(filepath)
    directory = os.path.dirname(os.path.abspath(filepath))
    if create_directories:
        os.makedirs(directory, exist_ok=True)
    else:
        check_parent_directory(filepath)
    handle, temporary = tempfile.mkstemp(
        dir=directory, prefix=".tmp-", suffix="-" + os.path.basename(filepath)
    )
    os.close(handle)
    try:
        writer(temporary)
        os.replace(temporary, filepath)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise


def check_parent_directory(filepath):
    """Python's ``FileNotFoundError`` naming ``filepath`` when its directory does not exist (what
    Keras' savers raise before writing anything)."""
    if not os.path.isdir(os.path.dirname(os.path.abspath(filepath))):
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), filepath)


def atomic_write_bytes(path, data):
    """Writes ``data`` to ``path`` atomically (:func:`atomic_write`)."""
    atomic_write(path, lambda temporary: pathlib.Path(temporary).write_bytes(data))
