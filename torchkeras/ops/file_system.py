"""The local file system as TF's C++ ``FileSystem`` API sees it, with TF's errors.

TF's POSIX file system reports an ``errno`` as ``"<path>; <strerror>"`` in the error class
its ``ErrnoToCode`` table picks (``ENOENT`` is ``NotFoundError``, ``EEXIST``
``AlreadyExistsError``, ``EISDIR`` ``FailedPreconditionError`` ...); ``error_for`` builds
those, and the functions here are TF's file system calls (``GetChildren``,
``GetMatchingPaths``, ``CopyFile`` ...) over ``os``.  Paths may carry TF's ``file://`` scheme.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import re
import shutil

from ..framework import compat, errors

__all__ = [
    "error_for",
    "local_path",
    "exists",
    "delete_file",
    "create_dir",
    "recursively_create_dir",
    "delete_recursively",
    "copy_file",
    "rename_file",
    "is_directory",
    "get_children",
    "get_matching_files",
    "stat",
    "read_file",
    "write_file",
    "FileStatistics",
]

_CODES = {
    errno.ENOENT: errors.NotFoundError,
    errno.ENXIO: errors.NotFoundError,
    errno.ENODEV: errors.NotFoundError,
    errno.EEXIST: errors.AlreadyExistsError,
    errno.EACCES: errors.PermissionDeniedError,
    errno.EPERM: errors.PermissionDeniedError,
    errno.EROFS: errors.PermissionDeniedError,
    errno.ENOTDIR: errors.FailedPreconditionError,
    errno.EISDIR: errors.FailedPreconditionError,
    errno.ENOTEMPTY: errors.FailedPreconditionError,
    errno.EBUSY: errors.FailedPreconditionError,
    errno.ETXTBSY: errors.FailedPreconditionError,
    errno.EINVAL: errors.InvalidArgumentError,
    errno.ENAMETOOLONG: errors.InvalidArgumentError,
    errno.E2BIG: errors.InvalidArgumentError,
    errno.ELOOP: errors.InvalidArgumentError,
    errno.ENOSPC: errors.ResourceExhaustedError,
    errno.EMFILE: errors.ResourceExhaustedError,
    errno.ENFILE: errors.ResourceExhaustedError,
    errno.EFBIG: errors.OutOfRangeError,
    errno.EAGAIN: errors.UnavailableError,
}


def error_for(exc, context):
    """TF's error for ``OSError`` ``exc`` met while working on ``context`` (a path)."""
    code = exc.errno if exc.errno is not None else errno.EIO
    cls = _CODES.get(code, errors.UnknownError)
    return cls(None, None, "%s; %s" % (context, os.strerror(code)))


def local_path(path):
    """``path`` (str, bytes or path-like) as a local path string, TF's ``file://`` stripped."""
    path = compat.as_str_any(compat.path_to_str(path))
    return path[len("file://") :] if path.startswith("file://") else path


def open_file(path, mode):
    """File ``path`` (anything ``local_path`` takes) opened in binary ``mode`` (``"rb"``,
    ``"wb"``, ``"ab"``); TF's error for the ``OSError`` if it cannot be opened."""
    path = local_path(path)
    try:
        return open(path, mode)  # noqa: SIM115 - the caller closes it
    except OSError as exc:
        raise error_for(exc, path) from None


def exists(path):
    """Whether ``path`` exists (a file or a directory)."""
    return os.path.exists(local_path(path))


def delete_file(path):
    """Deletes a file (TF's ``DeleteFile``); a directory is ``FailedPreconditionError``."""
    path = local_path(path)
    try:
        os.unlink(path)
    except OSError as exc:
        raise error_for(exc, path) from None


def create_dir(path):
    """Creates one directory (TF's ``CreateDir``: an existing path is no error)."""
    path = local_path(path)
    try:
        os.mkdir(path)
    except FileExistsError:
        return
    except OSError as exc:
        raise error_for(exc, path) from None


def recursively_create_dir(path):
    """Creates a directory and its missing parents (TF's ``RecursivelyCreateDir``)."""
    path = local_path(path)
    try:
        os.makedirs(path, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        blocker = exc.filename or path
        while blocker and not os.path.exists(blocker):
            blocker = os.path.dirname(blocker)
        raise errors.FailedPreconditionError(
            None, None, "%s is not a directory" % blocker
        ) from None
    except OSError as exc:
        raise error_for(exc, exc.filename or path) from None


def delete_recursively(path):
    """Deletes a directory tree or a file (TF's ``DeleteRecursively``)."""
    path = local_path(path)
    if not os.path.lexists(path):
        raise errors.NotFoundError(None, None, "%s not found" % path)
    try:
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        else:
            os.unlink(path)
    except OSError as exc:
        raise error_for(exc, exc.filename or path) from None


def _check_overwrite(dst, overwrite):
    if not overwrite and os.path.exists(dst):
        raise errors.AlreadyExistsError(None, None, "file already exists")


def copy_file(src, dst, overwrite=False):
    """Copies a file (TF's ``CopyFile``); an existing ``dst`` needs ``overwrite``."""
    src, dst = local_path(src), local_path(dst)
    _check_overwrite(dst, overwrite)
    data = read_file(src)
    write_file(dst, data)


def rename_file(src, dst, overwrite=False):
    """Renames a file or directory (TF's ``RenameFile``); an existing ``dst`` needs
    ``overwrite``."""
    src, dst = local_path(src), local_path(dst)
    _check_overwrite(dst, overwrite)
    try:
        os.rename(src, dst)
    except OSError as exc:
        raise error_for(exc, src) from None


def is_directory(path):
    """Whether ``path`` is a directory."""
    return os.path.isdir(local_path(path))


def get_children(path):
    """The names in directory ``path``, in the directory's order (TF's ``GetChildren``)."""
    path = local_path(path)
    try:
        return os.listdir(path)
    except OSError as exc:
        raise error_for(exc, path) from None


def _component_regex(pattern):
    """A glob component as a regex: ``*`` and ``?`` never cross ``/``, ``[^...]`` negates."""
    return re.compile(fnmatch.translate(re.sub(r"\[\^", "[!", pattern)), re.DOTALL)


def get_matching_files(pattern):
    """The paths matching glob ``pattern`` (TF's ``GetMatchingPaths``), expanded one path
    component at a time in directory order."""
    pattern = local_path(pattern)
    parts = pattern.split("/")
    fixed = 0
    while fixed < len(parts) and not re.search(r"[*?\[\\]", parts[fixed]):
        fixed += 1
    if fixed == len(parts):
        return [pattern] if os.path.exists(pattern) else []
    prefix = "/".join(parts[:fixed])
    candidates = [prefix or ("/" if pattern.startswith("/") else ".")]
    for depth, part in enumerate(parts[fixed:], start=fixed):
        regex = _component_regex(part)
        last = depth == len(parts) - 1
        found = []
        for base in candidates:
            if not os.path.isdir(base):
                continue
            for name in os.listdir(base):
                if regex.match(name):
                    full = base.rstrip("/") + "/" + name
                    if last or os.path.isdir(full):
                        found.append(full)
        candidates = found
    return candidates


class FileStatistics:
    """What ``tf.io.gfile.stat`` returns: ``length``, ``mtime_nsec`` and ``is_directory``."""

    __slots__ = ("length", "mtime_nsec", "is_directory")

    def __init__(self, length, mtime_nsec, is_directory):
        self.length = length
        self.mtime_nsec = mtime_nsec
        self.is_directory = is_directory


def stat(path):
    """The ``FileStatistics`` of ``path`` (TF's ``Stat``)."""
    path = local_path(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise error_for(exc, path) from None
    # TF's POSIX file system reports whole seconds, in nanoseconds.
    return FileStatistics(info.st_size, int(info.st_mtime) * 10**9, os.path.isdir(path))


def read_file(path):
    """The bytes of file ``path`` (TF's ``ReadFileToString``)."""
    path = local_path(path)
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise error_for(exc, path) from None


def write_file(path, data, append=False):
    """Writes (or appends) ``data`` to file ``path`` (TF's ``WriteStringToFile``)."""
    path = local_path(path)
    try:
        with open(path, "ab" if append else "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise error_for(exc, path) from None
