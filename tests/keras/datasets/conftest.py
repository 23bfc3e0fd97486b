"""Small files in the exact formats Keras downloads, and a ``get_file`` that serves them, so the
loaders are tested offline."""

import gzip
import os
import pickle

import numpy as np
import pytest

from torchkeras.keras.datasets import _files, cifar10, cifar100, fashion_mnist


def _ragged(rng, count, vocabulary):
    sequences = np.empty(count, dtype="object")
    for i in range(count):
        sequences[i] = [int(w) for w in rng.randint(1, vocabulary, size=rng.randint(3, 12))]
    return sequences


def write_all(folder):
    """Writes every dataset's files into ``folder``; returns ``{name: path}`` as ``get_file``
    would."""
    rng = np.random.RandomState(7)
    paths = {}
    images = lambda n, *shape: rng.randint(0, 256, size=(n,) + shape).astype("uint8")  # noqa: E731
    paths["mnist.npz"] = os.path.join(folder, "mnist.npz")
    np.savez(
        paths["mnist.npz"],
        x_train=images(6, 28, 28),
        y_train=rng.randint(0, 10, 6).astype("uint8"),
        x_test=images(4, 28, 28),
        y_test=rng.randint(0, 10, 4).astype("uint8"),
    )
    for name, shape, header in (
        ("train-labels-idx1-ubyte.gz", (6,), 8),
        ("train-images-idx3-ubyte.gz", (6, 28, 28), 16),
        ("t10k-labels-idx1-ubyte.gz", (4,), 8),
        ("t10k-images-idx3-ubyte.gz", (4, 28, 28), 16),
    ):
        paths[name] = os.path.join(folder, name)
        with gzip.open(paths[name], "wb") as f:
            f.write(bytes(header) + images(*shape).tobytes())
    for name, count in (("imdb.npz", 8),):
        paths[name] = os.path.join(folder, name)
        np.savez(
            paths[name],
            x_train=_ragged(rng, count, 40),
            y_train=rng.randint(0, 2, count),
            x_test=_ragged(rng, count, 40),
            y_test=rng.randint(0, 2, count),
        )
    paths["reuters.npz"] = os.path.join(folder, "reuters.npz")
    np.savez(paths["reuters.npz"], x=_ragged(rng, 15, 50), y=rng.randint(0, 46, 15))
    for name, features in (("boston_housing.npz", 13), ("california_housing.npz", 8)):
        paths[name] = os.path.join(folder, name)
        np.savez(paths[name], x=rng.rand(700, features), y=rng.rand(700))
    cifar10 = os.path.join(folder, "cifar-10-batches-py-target")
    os.makedirs(os.path.join(cifar10, "cifar-10-batches-py"))
    for name in ["data_batch_%d" % i for i in range(1, 6)] + ["test_batch"]:
        with open(os.path.join(cifar10, "cifar-10-batches-py", name), "wb") as f:
            pickle.dump(
                {b"data": images(3, 3072), b"labels": [int(v) for v in rng.randint(0, 10, 3)]}, f
            )
    paths["cifar-10-batches-py-target"] = cifar10
    cifar100 = os.path.join(folder, "cifar-100-python-target")
    os.makedirs(os.path.join(cifar100, "cifar-100-python"))
    for name in ("train", "test"):
        with open(os.path.join(cifar100, "cifar-100-python", name), "wb") as f:
            pickle.dump(
                {
                    b"data": images(4, 3072),
                    b"fine_labels": [int(v) for v in rng.randint(0, 100, 4)],
                    b"coarse_labels": [int(v) for v in rng.randint(0, 20, 4)],
                },
                f,
            )
    paths["cifar-100-python-target"] = cifar100
    return paths


def fake_get_file(paths):
    """A ``get_file`` replacement returning the fixture for the requested file name."""

    def get_file(fname=None, origin=None, **kwargs):
        return paths[fname or origin.rsplit("/", 1)[-1]]

    return get_file


@pytest.fixture()
def offline_get_file(tmp_path, monkeypatch):
    """Our loaders served the fixture files; returns the replacement ``get_file``."""
    get_file = fake_get_file(write_all(str(tmp_path)))
    for module in (_files, fashion_mnist, cifar10, cifar100):
        monkeypatch.setattr(module, "get_file", get_file)
    return get_file
