"""Assets in a ``.keras`` archive: files a layer writes with ``save_assets(dir_path)`` and reads
back with ``load_assets(dir_path)``.

As Keras does, each saveable object that defines ``save_assets`` gets a
folder ``assets/<its weights path>/`` (e.g. ``assets/layers/string_lookup``)
to fill; the files are stored under that name in the zip.  On loading, when
the archive holds more than its three standard members, the assets are
extracted to a temporary folder (member names that would escape it are
refused) and each object defining ``load_assets`` is handed its folder, or
``None`` when nothing was saved for it.
"""

import os
import shutil
import tempfile

from . import weights_layout

__all__ = ["collect", "restore"]

_ASSETS = "assets"


def _folder(root, path):
    return os.path.join(root, *path.split("/")) if path else root


def collect(model):
    """``[(zip member name, bytes)]`` of every file the model's objects write with
    ``save_assets``."""
    holders = [
        (path, obj)
        for path, obj in weights_layout.saveables(model)
        if callable(getattr(obj, "save_assets", None))
    ]
    if not holders:
        return []
    root = tempfile.mkdtemp(prefix="torchkeras-assets-")
    try:
        for path, obj in holders:
            folder = _folder(root, path)
            os.makedirs(folder, exist_ok=True)
            obj.save_assets(folder)
        members = []
        for directory, _, files in os.walk(root):
            for name in sorted(files):
                full = os.path.join(directory, name)
                relative = os.path.relpath(full, root).replace(os.sep, "/")
                with open(full, "rb") as handle:
                    members.append(("%s/%s" % (_ASSETS, relative), handle.read()))
        return members
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _extract(archive, root, filepath):
    base = os.path.realpath(root)
    for member in archive.namelist():
        if not member.startswith(_ASSETS + "/") or member.endswith("/"):
            continue
        target = os.path.realpath(os.path.join(root, *member.split("/")))
        if os.path.commonpath([base, target]) != base:
            raise ValueError(
                "Unable to load '%s': the asset '%s' escapes the asset directory."
                % (filepath, member)
            )
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(archive.read(member))


def restore(model, archive, filepath):
    """Calls ``load_assets`` on the model's objects that define it, with their extracted folder
    (or ``None``)."""
    if len(archive.namelist()) <= 3:
        return
    holders = [
        (path, obj)
        for path, obj in weights_layout.saveables(model)
        if callable(getattr(obj, "load_assets", None))
    ]
    if not holders:
        return
    root = tempfile.mkdtemp(prefix="torchkeras-assets-")
    try:
        _extract(archive, root, filepath)
        for path, obj in holders:
            folder = _folder(os.path.join(root, _ASSETS), path)
            obj.load_assets(folder if os.path.exists(folder) else None)
    finally:
        shutil.rmtree(root, ignore_errors=True)
