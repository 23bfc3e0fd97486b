"""``Dataset.save`` / ``Dataset.load`` and ``Dataset.snapshot``: datasets on disk.

The files are torchkeras' own, not TF's snapshot format (TF cannot read them, nor
torchkeras TF's): a directory holding ``dataset_spec.json`` (the element
structure, dtypes and shapes, and the shard list) and shard files
``shard_NNNNN.pt`` written with ``torch.save`` (read back with
``weights_only=True``: tensors, lists and dicts, no pickled objects; strings are
stored as their joined bytes and lengths),
gzip-compressed when ``compression="GZIP"``.  The spec file is written last, so a
directory without it is an unfinished save.
"""

from __future__ import annotations

import collections
import gzip
import hashlib
import io
import json
import os
import pathlib

import numpy as np
import torch

from ...framework import dtypes
from ...framework import tree as _tree
from ...framework.errors import InvalidArgumentError, NotFoundError
from ...framework.file_io import atomic_write, atomic_write_bytes
from .. import structure
from ..dataset_ops import Dataset, UnaryDataset
from . import _common as c
from .sources import _VariantDataset

SPEC_FILE = "dataset_spec.json"
_FORMAT = "torchkeras.data.Dataset.save"
_SHARD_ELEMENTS = 1024


def _compression(value):
    if value in (None, "", "NONE", "AUTO", "SNAPPY"):
        return None
    if value == "GZIP":
        return "GZIP"
    raise InvalidArgumentError(None, None, "Compression type %s not supported." % value)


# -- the element spec as JSON ------------------------------------------------
def _encode_spec(spec):
    if c.is_spec_leaf(spec):
        if isinstance(spec, c.DatasetSpec):
            raise TypeError("Saving datasets whose elements are datasets is not supported.")
        shape, dtype = spec
        return {"shape": None if shape is None else list(shape), "dtype": dtype.name}
    if isinstance(spec, dict):
        return {"dict": [[key, _encode_spec(spec[key])] for key in sorted(spec)]}
    if _tree.is_namedtuple(spec):
        return {
            "namedtuple": type(spec).__name__,
            "fields": list(spec._fields),
            "items": [_encode_spec(v) for v in spec],
        }
    return {"tuple": [_encode_spec(v) for v in spec]}


def _decode_spec(node):
    if "dtype" in node:
        shape = node["shape"]
        return (None if shape is None else tuple(shape)), dtypes.as_dtype(node["dtype"])
    if "dict" in node:
        return {key: _decode_spec(value) for key, value in node["dict"]}
    if "namedtuple" in node:
        kind = collections.namedtuple(node["namedtuple"], node["fields"])
        return kind(*(_decode_spec(v) for v in node["items"]))
    return tuple(_decode_spec(v) for v in node["tuple"])


# -- leaves: a string array becomes its bytes joined into a uint8 tensor, with lengths ------
def _encode_leaf(storage):
    if isinstance(storage, np.ndarray):
        items = [bytes(b) for b in storage.reshape(-1)]
        joined = np.frombuffer(b"".join(items), dtype=np.uint8).copy()
        return {
            "bytes": torch.from_numpy(joined),
            "lengths": torch.tensor([len(b) for b in items], dtype=torch.int64),
            "shape": list(storage.shape),
        }
    return storage.contiguous()


def _decode_leaf(value):
    if isinstance(value, dict):
        data = value["bytes"].numpy().tobytes()
        ends = np.cumsum(value["lengths"].numpy())
        starts = ends - value["lengths"].numpy()
        array = np.empty(len(ends), dtype=object)
        array[:] = [data[s:e] for s, e in zip(starts.tolist(), ends.tolist())]
        return array.reshape(value["shape"])
    return value


def _write_shard(path, elements, compression):
    buffer = io.BytesIO()
    torch.save([[_encode_leaf(leaf) for leaf in structure.flatten(e)] for e in elements], buffer)
    data = buffer.getvalue()
    atomic_write_bytes(path, gzip.compress(data) if compression else data)


def _read_shard(path, compression):
    with open(path, "rb") as handle:
        data = handle.read()
    if compression:
        data = gzip.decompress(data)
    return torch.load(io.BytesIO(data), weights_only=True)


def write(dataset, path, compression=None, shard_func=None):
    """Writes every element of ``dataset`` under directory ``path`` (see the module doc)."""
    compression = _compression(compression)
    path = os.fspath(path)
    os.makedirs(path, exist_ok=True)
    spec = dataset._spec()
    shards = {}
    names = []
    count = 0

    def flush(key):
        name = "shard_%05d.pt" % len(names)
        _write_shard(os.path.join(path, name), shards.pop(key), compression)
        names.append(name)

    for element in dataset._iterate():
        key = 0 if shard_func is None else int(c.call(shard_func, element))
        shards.setdefault(key, []).append(element)
        count += 1
        if len(shards[key]) >= _SHARD_ELEMENTS:
            flush(key)
    for key in sorted(shards):
        flush(key)
    meta = {
        "format": _FORMAT,
        "version": 1,
        "compression": compression,
        "cardinality": count,
        "shards": names,
        "element_spec": _encode_spec(spec),
    }
    atomic_write(
        os.path.join(path, SPEC_FILE),
        lambda temporary: pathlib.Path(temporary).write_text(json.dumps(meta)),
    )


def read_meta(path):
    """The metadata of a saved dataset (TF's ``NotFoundError`` when there is none)."""
    spec_path = os.path.join(os.fspath(path), SPEC_FILE)
    if not os.path.exists(spec_path):
        raise NotFoundError(
            None, None, "tf.data snapshot element_spec file not found: %s." % spec_path
        )
    with open(spec_path) as handle:
        meta = json.load(handle)
    if meta.get("format") != _FORMAT:
        raise InvalidArgumentError(None, None, "%s is not a saved torchkeras dataset." % spec_path)
    return meta


class _LoadDataset(Dataset):
    _type_name = "_LoadDataset"

    def __init__(self, path, element_spec=None, compression=None):
        self._path = os.fspath(path)
        self._meta = read_meta(self._path)
        if element_spec is not None:
            self._element_spec = c.internal_spec(element_spec)
        else:
            self._element_spec = _decode_spec(self._meta["element_spec"])

    def _iterate(self):
        spec = self._element_spec
        compression = self._meta["compression"]
        for name in self._meta["shards"]:
            for leaves in _read_shard(os.path.join(self._path, name), compression):
                yield c.pack_spec(spec, [_decode_leaf(leaf) for leaf in leaves])

    def _cardinality(self):
        return self._meta["cardinality"]

    def _spec(self):
        return self._element_spec


class _SnapshotDataset(UnaryDataset):
    """Writes the input to ``path`` on the first complete iteration and reads it back
    afterwards (the snapshot is kept under a subdirectory named after the element spec)."""

    _type_name = "_MapDataset"

    def __init__(self, input_dataset, path, compression, shard_func):
        super().__init__(input_dataset)
        self._compression = _compression(compression)
        self._shard_func = shard_func
        key = hashlib.sha1(repr(input_dataset.element_spec).encode()).hexdigest()[:16]
        self._path = os.path.join(os.fspath(path), key)

    def _iterate(self):
        if os.path.exists(os.path.join(self._path, SPEC_FILE)):
            yield from _LoadDataset(self._path)._iterate()
            return
        collected = []
        for element in self._input._iterate():
            collected.append(element)
            yield element
        write(
            _VariantDataset(collected, self._input._spec()),
            self._path,
            self._compression,
            self._shard_func,
        )
