"""Reading and writing Keras' weights HDF5 layout (``<path>/vars/<i>`` datasets) with the optional ``h5py``."""
import numpy as np

__all__ = ["require_h5py", "write_weights", "read_weights"]

INSTALL_HINT = "`pip install torchkeras-tf[h5]`"


def require_h5py():
    """The ``h5py`` module; ``ImportError`` naming the extra to install when it is missing."""
    try:
        import h5py
    except ImportError as error:
        raise ImportError("Saving and loading Keras' HDF5 files (`.keras`, `.weights.h5`, `.h5`) requires the h5py "
                          "package. Install it with %s (or `pip install h5py`)." % INSTALL_HINT) from error
    return h5py


def _vars_path(path):
    return "%s/vars" % path if path else "vars"


def write_weights(target, entries):
    """Writes ``entries`` (``(path, name, arrays)`` triples) to ``target`` (a path or a binary file object)."""
    h5py = require_h5py()
    with h5py.File(target, "w") as h5:
        for path, name, arrays in entries:
            group = h5.create_group(_vars_path(path))
            if name is not None:
                group.attrs["name"] = name
            for index, array in enumerate(arrays):
                group.create_dataset(str(index), data=np.asarray(array))


def read_weights(source, filename):
    """``{path: [arrays in index order]}`` for every ``vars`` group of ``source``; ``ValueError`` naming ``filename`` when unreadable."""
    h5py = require_h5py()
    try:
        with h5py.File(source, "r") as h5:
            found = {}

            def visit(name, obj):
                if isinstance(obj, h5py.Group) and (name == "vars" or name.endswith("/vars")):
                    keys = sorted(obj.keys(), key=lambda k: int(k) if k.isdigit() else -1)
                    found[name[:-len("vars")].rstrip("/")] = [np.asarray(obj[k][()]) for k in keys]

            h5.visititems(visit)
            return found
    except (OSError, KeyError, ValueError, RuntimeError) as error:
        raise ValueError("Unable to read weights from '%s': the file is truncated, corrupt or not an HDF5 weights "
                         "file (%s)." % (filename, error)) from error
