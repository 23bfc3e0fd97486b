"""``keras.utils.get_file``: download a file once into the Keras cache, check its hash, extract
archives safely.

The cache is Keras': ``$KERAS_HOME`` or ``~/.keras`` (``/tmp/.keras`` when the home folder is
not writable), so files real Keras downloaded are reused.  Archive extraction skips members that
would land outside the target folder (with Keras' warning).
"""

import hashlib
import os
import shutil
import tarfile
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import warnings
import zipfile

from .io_utils import print_msg
from .progbar import Progbar
from ...api_export import keras_export

__all__ = ["get_file", "extract_archive", "hash_file", "validate_file", "keras_home"]


def keras_home():
    """Keras' base folder: ``$KERAS_HOME``, else ``~/.keras`` (``/tmp/.keras`` if home is
    read-only)."""
    if "KERAS_HOME" in os.environ:
        return os.environ["KERAS_HOME"]
    base = os.path.expanduser("~")
    return os.path.join(base if os.access(base, os.W_OK) else "/tmp", ".keras")


def _hasher(algorithm, file_hash=None):
    if (
        algorithm == "sha256"
        or algorithm == "auto"
        and file_hash is not None
        and len(file_hash) == 64
    ):
        return hashlib.sha256()
    return hashlib.md5()


def hash_file(fpath, algorithm="sha256", chunk_size=65535):
    """The hex digest of a file (``algorithm``: ``'sha256'``, ``'md5'`` or a hashlib object)."""
    hasher = _hasher(algorithm) if isinstance(algorithm, str) else algorithm
    with open(fpath, "rb") as stream:
        for chunk in iter(lambda: stream.read(chunk_size), b""):
            hasher.update(chunk)
    return hasher.hexdigest()


def validate_file(fpath, file_hash, algorithm="auto", chunk_size=65535):
    """Whether the file's hash equals ``file_hash`` (``'auto'``: sha256 for 64 hex digits, else
    md5)."""
    return str(hash_file(fpath, _hasher(algorithm, file_hash), chunk_size)) == str(file_hash)


def _inside(base, relative):
    path = os.path.realpath(os.path.join(base, relative))
    try:
        return os.path.commonpath([path, base]) == base
    except ValueError:
        return False


def _safe_members(names_and_members, base):
    base = os.path.realpath(base)
    for name, member, link in names_and_members:
        ok = _inside(base, name)
        if ok and link is not None:
            target = (
                os.path.join(os.path.dirname(os.path.join(base, name)), link)
                if member.issym()
                else link
            )
            ok = _inside(base, target)
        if ok:
            yield member
        else:
            warnings.warn(
                "Skipping invalid path during archive extraction: '%s'." % name, stacklevel=2
            )


def _extract_open(archive, path):
    if isinstance(archive, zipfile.ZipFile):
        archive.extractall(
            path, members=_safe_members(((m.filename, m, None) for m in archive.infolist()), path)
        )
        return
    members = ((m.name, m, m.linkname if (m.issym() or m.islnk()) else None) for m in archive)
    extra = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
    archive.extractall(path, members=_safe_members(members, path), **extra)


def extract_archive(file_path, path=".", archive_format="auto"):
    """Extracts a tar or zip archive into ``path``; ``True`` when the file was such an archive."""
    if archive_format is None:
        return False
    formats = (
        ["tar", "zip"]
        if archive_format == "auto"
        else [archive_format]
        if isinstance(archive_format, str)
        else list(archive_format)
    )
    file_path, path = os.fspath(file_path), os.fspath(path)
    for kind in formats:
        if kind == "tar":
            opener, matches = tarfile.open, tarfile.is_tarfile
        elif kind == "zip":
            opener, matches = zipfile.ZipFile, zipfile.is_zipfile
        else:
            raise NotImplementedError(kind)
        if not matches(file_path):
            continue
        with opener(file_path) as archive:
            try:
                _extract_open(archive, path)
            except (tarfile.TarError, RuntimeError, KeyboardInterrupt):
                if os.path.isfile(path):
                    os.remove(path)
                elif os.path.exists(path):
                    shutil.rmtree(path)
                raise
        return True
    return False


class _DownloadProgress:
    """``urlretrieve``'s report hook drawing a Keras progress bar."""

    def __init__(self):
        self.progbar = None
        self.finished = False

    def __call__(self, block_num, block_size, total_size):
        total = None if total_size == -1 else total_size
        if self.progbar is None:
            self.progbar = Progbar(total)
        current = block_num * block_size
        if total is None or current < total:
            self.progbar.update(current)
        elif not self.finished:
            self.progbar.update(self.progbar.target)
            self.finished = True


def _targets(fname, datadir, extract, provided):
    """``(download_target, extraction_dir)`` with Keras' naming rules."""
    if not extract:
        return os.path.join(datadir, fname), None
    if provided and "." in fname:
        return os.path.join(datadir, fname), os.path.join(
            datadir, fname[: fname.find(".")] + "_extracted"
        )
    return os.path.join(datadir, fname + "_archive"), os.path.join(datadir, fname)


@keras_export("keras.utils.get_file")
def get_file(
    fname=None,
    origin=None,
    untar=False,
    md5_hash=None,
    file_hash=None,
    cache_subdir="datasets",
    hash_algorithm="auto",
    extract=False,
    archive_format="auto",
    cache_dir=None,
    force_download=False,
):
    """Downloads ``origin`` into ``cache_dir/cache_subdir`` unless a file with a matching hash is
    already there; returns its path (or, with ``extract``/``untar``, the extraction folder)."""
    if origin is None:
        raise ValueError('Please specify the "origin" argument (URL of the file to download).')
    if md5_hash is not None and file_hash is None:
        file_hash, hash_algorithm = md5_hash, "md5"
    base = os.path.expanduser(cache_dir if cache_dir is not None else keras_home())
    if not os.access(base, os.W_OK):
        base = os.path.join("/tmp" if os.path.isdir("/tmp") else tempfile.gettempdir(), ".keras")
    datadir = os.path.join(base, cache_subdir)
    os.makedirs(datadir, exist_ok=True)
    provided = fname
    fname = os.fspath(fname) if fname is not None else None
    if not fname:
        fname = os.path.basename(urllib.parse.urlsplit(origin).path)
        if not fname:
            raise ValueError(
                "Can't parse the file name from the origin provided: '%s'.Please specify the "
                "`fname` "
                "argument." % origin
            )
    elif os.sep in fname:
        raise ValueError(
            "Paths are no longer accepted as the `fname` argument. To specify the file's parent "
            "directory, use the `cache_dir` argument. Received: fname=%s" % fname
        )
    download_target, extraction_dir = _targets(fname, datadir, extract or untar, bool(provided))
    download = force_download or not os.path.exists(download_target)
    if (
        not download
        and file_hash is not None
        and not validate_file(download_target, file_hash, hash_algorithm)
    ):
        print_msg(
            "A local file was found, but it seems to be incomplete or outdated because the %s "
            "file hash does not "
            "match the original value of %s so we will re-download the data."
            % (hash_algorithm, file_hash)
        )
        download = True
    if download:
        _download(origin, download_target)
        if file_hash is not None and not validate_file(download_target, file_hash, hash_algorithm):
            raise ValueError(
                "Incomplete or corrupted file detected. The %s file hash does not match the "
                "provided "
                "value of %s." % (hash_algorithm, file_hash)
            )
    if extraction_dir is None:
        return download_target
    if not extract_archive(download_target, extraction_dir, "tar" if untar else archive_format):
        warnings.warn("Could not extract archive.", stacklevel=2)
    return extraction_dir


def _download(origin, target):
    print_msg("Downloading data from %s" % origin)
    try:
        try:
            urllib.request.urlretrieve(origin, target, _DownloadProgress())
        except urllib.error.HTTPError as e:
            raise Exception("URL fetch failure on %s: %s -- %s" % (origin, e.code, e.msg)) from e
        except urllib.error.URLError as e:
            raise Exception(
                "URL fetch failure on %s: %s -- %s" % (origin, e.errno, e.reason)
            ) from e
    except (Exception, KeyboardInterrupt):
        if os.path.exists(target):
            os.remove(target)
        raise
