"""``tf.io.gfile``: TF's file API (``GFile``, ``exists``, ``glob``, ``walk`` ...) on the local
file system, as TF's ``file_io.py`` behaves, with TF's errors (``file_system.py``)."""

from __future__ import annotations

import os
from posixpath import join as _urljoin

from ..api_export import tf_export
from ..framework import compat, errors
from . import file_system as fs

__all__ = [
    "GFile",
    "exists",
    "glob",
    "makedirs",
    "mkdir",
    "listdir",
    "isdir",
    "remove",
    "rmtree",
    "copy",
    "rename",
    "stat",
    "walk",
    "join",
]

_MODES = ("r", "w", "a", "r+", "w+", "a+")


@tf_export("io.gfile.GFile")
class GFile:
    """A file opened through TF's file API (``tf.io.gfile.GFile(name, mode="r")``).

    ``mode`` is one of ``r``, ``w``, ``a``, ``r+``, ``w+``, ``a+`` with an optional ``b``
    (bytes instead of ``str``).  As in TF the file is only opened by the first read or write:
    ``GFile(path, "w")`` creates nothing until something is written, and a missing file is
    ``NotFoundError`` at the first read."""

    def __init__(self, name, mode="r"):
        self._name = name
        self._mode = mode
        self._read_handle = None
        self._write_handle = None
        self._binary_mode = "b" in mode
        mode = mode.replace("b", "")
        if mode not in _MODES:
            raise errors.InvalidArgumentError(
                None, None, "mode is not 'r' or 'w' or 'a' or 'r+' or 'w+' or 'a+'"
            )
        self._read_check_passed = mode in ("r", "r+", "a+", "w+")
        self._write_check_passed = mode in ("a", "w", "r+", "a+", "w+")
        self._append = "a" in mode

    @property
    def name(self):
        """The file name given."""
        return self._name

    @property
    def mode(self):
        """The mode the file was opened with."""
        return self._mode

    def _preread_check(self):
        if self._read_handle is None:
            if not self._read_check_passed:
                raise errors.PermissionDeniedError(None, None, "File isn't open for reading")
            self._read_handle = fs.open_file(self._name, "rb")

    def _prewrite_check(self):
        if self._write_handle is None:
            if not self._write_check_passed:
                raise errors.PermissionDeniedError(None, None, "File isn't open for writing")
            self._write_handle = fs.open_file(self._name, "ab" if self._append else "wb")

    def _prepare_value(self, value):
        return value if self._binary_mode else compat.as_str_any(value)

    def _read_bytes(self, count):
        try:
            return self._read_handle.read(count)
        except OSError as exc:
            raise fs.error_for(exc, fs.local_path(self._name)) from None

    def size(self):
        """The size of the file in bytes."""
        return stat(self._name).length

    def write(self, file_content):
        """Appends ``file_content`` (``str`` or ``bytes``) to the file."""
        self._prewrite_check()
        self._write_handle.write(compat.as_bytes(file_content))

    def read(self, n=-1):
        """Reads ``n`` bytes (all that remain for ``-1``) from the current position."""
        self._preread_check()
        if n < -1:
            raise errors.InvalidArgumentError(
                None, None, "Can't read a negative number of bytes: %d" % n
            )
        length = self.size() - self.tell() if n == -1 else n
        return self._prepare_value(self._read_bytes(max(length, 0)))

    def seek(self, offset=None, whence=0, position=None):
        """Moves the read position: ``whence`` 0 from the start, 1 from the current
        position, 2 from the end (``position`` is TF's deprecated spelling of ``offset``)."""
        self._preread_check()
        if offset is None and position is None:
            raise TypeError("seek(): offset argument required")
        if offset is not None and position is not None:
            raise TypeError("seek(): offset and position may not be set simultaneously.")
        if position is not None:
            offset = position
        if whence == 1:
            offset += self.tell()
        elif whence == 2:
            offset += self.size()
        elif whence != 0:
            raise errors.InvalidArgumentError(
                None,
                None,
                "Invalid whence argument: {}. Valid values are 0, 1, or 2.".format(whence),
            )
        if offset < 0:
            raise errors.InvalidArgumentError(
                None, None, "Seeking to a negative position: %d" % offset
            )
        size = self.size()
        self._read_handle.seek(min(offset, size))
        if offset > size:  # TF's buffered reader stops at the end of the file
            raise errors.OutOfRangeError(None, None, "reached end of file")

    def readline(self):
        """The next line, with its ``\\n``; empty at the end of the file."""
        self._preread_check()
        try:
            line = self._read_handle.readline()
        except OSError as exc:
            raise fs.error_for(exc, fs.local_path(self._name)) from None
        return self._prepare_value(line)

    def readlines(self):
        """All remaining lines, as a list."""
        self._preread_check()
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def tell(self):
        """The current position (the read position in a readable mode)."""
        if self._read_check_passed:
            self._preread_check()
            return self._read_handle.tell()
        self._prewrite_check()
        return self._write_handle.tell()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration()
        return line

    def next(self):
        """The next line (TF's Python 2 spelling of ``__next__``)."""
        return self.__next__()

    def flush(self):
        """Pushes buffered writes to the file."""
        if self._write_handle is not None:
            self._write_handle.flush()

    def close(self):
        """Closes the file, flushing what was written."""
        if self._read_handle is not None:
            self._read_handle.close()
            self._read_handle = None
        if self._write_handle is not None:
            self._write_handle.close()
            self._write_handle = None

    def __del__(self):
        # As TF's file objects, a GFile dropped without ``close`` closes its file.
        if getattr(self, "_read_handle", None) is not None or getattr(self, "_write_handle", None):
            self.close()

    def seekable(self):
        """True: a GFile supports ``seek`` and ``tell``."""
        return True


@tf_export("io.gfile.exists")
def exists(path):
    """Whether ``path`` exists, as a file or a directory."""
    return fs.exists(path)


@tf_export("io.gfile.remove")
def remove(path):
    """Deletes the file ``path`` (``NotFoundError`` if it does not exist)."""
    fs.delete_file(path)


@tf_export("io.gfile.glob")
def glob(pattern):
    """The paths matching ``pattern`` (a glob, or an iterable of globs), in the directory's
    order as TF lists them."""
    if isinstance(pattern, str | bytes):
        return [compat.as_str_any(p) for p in fs.get_matching_files(pattern)]
    return [compat.as_str_any(p) for single in pattern for p in fs.get_matching_files(single)]


@tf_export("io.gfile.mkdir")
def mkdir(path):
    """Creates the directory ``path`` (its parent must exist)."""
    fs.create_dir(path)


@tf_export("io.gfile.makedirs")
def makedirs(path):
    """Creates the directory ``path`` and any missing parents."""
    fs.recursively_create_dir(path)


@tf_export("io.gfile.copy")
def copy(src, dst, overwrite=False):
    """Copies file ``src`` to ``dst`` (``AlreadyExistsError`` unless ``overwrite``)."""
    fs.copy_file(src, dst, overwrite)


@tf_export("io.gfile.rename")
def rename(src, dst, overwrite=False):
    """Renames ``src`` to ``dst`` (``AlreadyExistsError`` unless ``overwrite``)."""
    fs.rename_file(src, dst, overwrite)


@tf_export("io.gfile.rmtree")
def rmtree(path):
    """Deletes the directory tree (or the file) ``path``."""
    fs.delete_recursively(path)


@tf_export("io.gfile.isdir")
def isdir(path):
    """Whether ``path`` is a directory."""
    return fs.is_directory(path)


@tf_export("io.gfile.listdir")
def listdir(path):
    """The entries of directory ``path`` (names only, in the directory's order)."""
    if not isdir(path):
        raise errors.NotFoundError(None, None, "Could not find directory {}".format(path))
    return [compat.as_str_any(name) for name in fs.get_children(path)]


@tf_export("io.gfile.join")
def join(path, *paths):
    """Joins path components (``os.path.join``; URL-style for ``scheme://`` paths)."""
    path_ = compat.as_str_any(compat.path_to_str(path))
    if "://" in path_[1:]:
        return _urljoin(path, *paths)
    return os.path.join(path, *paths)


@tf_export("io.gfile.walk")
def walk(top, topdown=True, onerror=None):
    """Yields ``(dirname, subdirs, files)`` for every directory under ``top`` (``os.walk``'s
    form); a missing ``top`` yields nothing, or calls ``onerror`` with the error."""

    def full_path(parent, item):
        if item[0] == os.sep:
            return "".join([join(parent, ""), item])
        return join(parent, item)

    top = compat.as_str_any(compat.path_to_str(top))
    try:
        listing = listdir(top)
    except errors.NotFoundError as err:
        if onerror:
            onerror(err)
        return
    files, subdirs = [], []
    for item in listing:
        (subdirs if isdir(full_path(top, item)) else files).append(item)
    here = (top, subdirs, files)
    if topdown:
        yield here
    for subdir in subdirs:
        yield from walk(full_path(top, subdir), topdown, onerror=onerror)
    if not topdown:
        yield here


@tf_export("io.gfile.stat")
def stat(path):
    """The file's statistics: ``length`` (bytes), ``mtime_nsec`` and ``is_directory``."""
    return fs.stat(path)
