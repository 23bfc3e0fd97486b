"""Reading the dataset files Keras publishes, without executing code from them.

``.npz`` members are read with pickling disabled; object arrays (ragged sequences) and CIFAR's
pickled batches go through an unpickler that only rebuilds NumPy arrays, as Keras does."""

import io
import pickle
import zipfile

import numpy as np

from ..utils.file_utils import get_file

ORIGIN = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"
_NUMPY_GLOBALS = frozenset(
    {
        ("numpy", "ndarray"),
        ("numpy", "dtype"),
        ("numpy.core.multiarray", "_reconstruct"),
        ("numpy._core.multiarray", "_reconstruct"),
    }
)


class ArrayUnpickler(pickle.Unpickler):
    """An unpickler that refuses every global except NumPy's array reconstruction."""

    def find_class(self, module, name):
        if (module, name) in _NUMPY_GLOBALS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(
            "Refusing to deserialize `%s.%s` while loading a Keras dataset. The file may be "
            "corrupted or malicious." % (module, name)
        )


def _read_npy(stream):
    try:
        return np.lib.format.read_array(stream, allow_pickle=False)
    except ValueError:
        stream.seek(0)
        major, _ = np.lib.format.read_magic(stream)
        if major == 1:
            np.lib.format.read_array_header_1_0(stream)
        elif major in (2, 3):
            np.lib.format.read_array_header_2_0(stream)
        else:
            raise ValueError("Unsupported `.npy` file version: %s." % major) from None
        return ArrayUnpickler(stream).load()


def load_npz(path):
    """Every ``.npy`` member of the ``.npz`` archive at ``path``, by name."""
    arrays = {}
    with zipfile.ZipFile(path) as archive:
        for member in archive.namelist():
            if member.endswith(".npy"):
                with archive.open(member) as raw:
                    arrays[member[:-4]] = _read_npy(io.BytesIO(raw.read()))
    return arrays


def fetch(fname, file_hash, origin_name=None, **kwargs):
    """The cached path of one of Keras' dataset files (downloaded on first use)."""
    return get_file(fname, origin=ORIGIN + (origin_name or fname), file_hash=file_hash, **kwargs)


def shuffled(seed, *arrays):
    """``arrays`` reordered by one permutation drawn from ``np.random.RandomState(seed)``, the order
    Keras' loaders produce."""
    indices = np.arange(len(arrays[0]))
    np.random.RandomState(seed).shuffle(indices)
    return [a[indices] for a in arrays]


def split(x, y, test_split):
    """The first ``1 - test_split`` of the rows for training, the rest for testing."""
    cut = int(len(x) * (1 - test_split))
    return (np.array(x[:cut]), np.array(y[:cut])), (np.array(x[cut:]), np.array(y[cut:]))
