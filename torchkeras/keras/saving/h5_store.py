"""Reading and writing Keras' weights HDF5 layout (``<path>/vars/<key>`` datasets) with the
optional ``h5py``."""

import numpy as np

__all__ = ["require_h5py", "vars_group", "write_group", "write_weights", "read_weights"]

INSTALL_HINT = "`pip install torchkeras-tf[h5]`"


def require_h5py():
    """The ``h5py`` module; ``ImportError`` naming the extra to install when it is missing."""
    try:
        import h5py
    except ImportError as error:
        raise ImportError(
            "Saving and loading Keras' HDF5 files (`.keras`, `.weights.h5`, `.h5`) requires the "
            "h5py "
            "package. Install it with %s (or `pip install h5py`)." % INSTALL_HINT
        ) from error
    return h5py


def vars_group(path):
    """The HDF5 group holding the variables of the object at ``path`` (``vars`` for the root)."""
    return "%s/vars" % path if path else "vars"


def write_group(h5, path, name=None):
    """The ``vars`` group of ``path`` in the open file ``h5``, created (with its ``name``
    attribute) if missing."""
    group = h5.require_group(vars_group(path))
    if name is not None and "name" not in group.attrs:
        group.attrs["name"] = name
    return group


def write_weights(target, entries):
    """Writes ``entries`` (``(path, name, {key: array})`` triples) to ``target`` (a path or a binary
    file object).

    As Keras does, an object with a ``name`` gets its group even when it
    stores nothing.
    """
    h5py = require_h5py()
    with h5py.File(target, "w") as h5:
        for path, name, values in entries:
            if name is None and not values:
                continue
            group = write_group(h5, path, name)
            for key, array in values.items():
                group.create_dataset(key, data=array)


def read_weights(source, filename):
    """``{path: {key: array}}`` for every ``vars`` group of ``source``; ``ValueError`` naming
    ``filename`` when unreadable."""
    h5py = require_h5py()
    try:
        with h5py.File(source, "r") as h5:
            found = {}

            def visit(name, obj):
                if isinstance(obj, h5py.Group) and (name == "vars" or name.endswith("/vars")):
                    found[name[: -len("vars")].rstrip("/")] = {
                        key: np.asarray(obj[key][()]) for key in obj.keys()
                    }

            h5.visititems(visit)
            return found
    except (OSError, KeyError, ValueError, RuntimeError) as error:
        raise ValueError(
            "Unable to read weights from '%s': the file is truncated, corrupt or not an HDF5 "
            "weights "
            "file (%s)." % (filename, error)
        ) from error
