"""``tf.io.parse_example`` and ``tf.io.parse_single_example``: ``tf.train.Example`` bytes
into tensors, as TF's ``ParseExampleV2`` kernel does.

Dense features (``FixedLenFeature``, ``FixedLenSequenceFeature``) become tensors,
``VarLenFeature`` a ``tf.SparseTensor`` (as is a ``SparseFeature``, assembled from its index
and value features) and ``RaggedFeature`` a ``tf.RaggedTensor``.  A scalar
``serialized`` is parsed as one example (TF's single-example kernel, whose error texts differ
from the batched ones); the errors are TF's texts, reported for the first offending feature.
"""

from __future__ import annotations

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import device as _device
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.op_errors import attr_error, dims_text, op_error, type_name
from ..framework.shape import TensorShape
from ..framework.sparse_tensor import SparseTensor
from ..framework.tensor import TensorOperators, wrap
from .array_ops import reshape
from .parsing_config import (
    FixedLenFeature,
    FixedLenSequenceFeature,
    RaggedFeature,
    SparseFeature,
    VarLenFeature,
)
from .ragged.ragged_tensor import RaggedTensor

__all__ = ["parse_example", "parse_single_example"]

_ALLOWED = (dtypes.float32, dtypes.int64, dtypes.string)
_ALLOWED_NAMES = ["FLOAT", "INT64", "STRING"]
_KIND_TYPES = {"bytes_list": "string", "float_list": "float", "int64_list": "int64"}
_KIND_OF = {dtypes.string: "bytes_list", dtypes.float32: "float_list", dtypes.int64: "int64_list"}
_LIST_NAMES = {"bytes_list": "bytes", "float_list": "float", "int64_list": "int64"}
_NP_TYPES = {dtypes.string: object, dtypes.float32: np.float32, dtypes.int64: np.int64}
_CPU = torch.empty(0)


class _Params:
    """The features of one parse, split as TF's ``_ParseOpParams`` (keys sorted)."""

    def __init__(self, features):
        if features is None:
            raise ValueError("Invalid argument: features cannot be None.")
        if not features:
            raise ValueError("Invalid argument: features cannot be empty.")
        types = (VarLenFeature, FixedLenFeature, FixedLenSequenceFeature, RaggedFeature)
        self.sparse, self.dense, self.ragged = {}, {}, {}
        self.ragged_features, self.sparse_features = {}, {}
        for key in sorted(features):
            feature = features[key]
            if isinstance(feature, SparseFeature):
                self._add_sparse_feature(key, feature)
                continue
            if not isinstance(feature, types):
                raise ValueError(f"Unsupported {type(feature).__name__} {feature} for key '{key}'")
            self._add(key, feature)
        self._check_disjoint()
        for feature in features.values():
            if isinstance(feature, FixedLenSequenceFeature) and not feature.allow_missing:
                raise ValueError(
                    "Unsupported: FixedLenSequenceFeature requires allow_missing to be True."
                )
        self.defaults = {key: self._default(key, *spec) for key, spec in self.dense.items()}
        # With bad types in both lists TF 2.21 reports one or the other depending on the
        # feature set (no rule found); the sparse types are checked first here.
        for dtype in self.sparse.values():
            if dtype not in _ALLOWED:
                raise attr_error("ParseExampleV2", dtype, "sparse_types", _ALLOWED_NAMES, name=None)
        for _, dtype, _ in self.dense.values():
            if dtype not in _ALLOWED:
                raise attr_error("ParseExampleV2", dtype, "Tdense", _ALLOWED_NAMES, name=None)
        self.kernel = (
            "ParseExampleV2_Tdense_%d_num_sparse_%d_ragged_split_types_%d_ragged_value_types_%d"
            "_sparse_types_"
            % (len(self.dense), len(self.sparse), len(self.ragged), len(self.ragged))
            + str(len(self.sparse))
        )

    def _add(self, key, feature):
        if isinstance(feature, VarLenFeature):
            if not feature.dtype:
                raise ValueError(f"Missing type for feature {key}. Received feature={feature}")
            self._add_keyed(self.sparse, key, dtypes.as_dtype(feature.dtype))
        elif isinstance(feature, FixedLenFeature):
            self._add_fixed(key, feature)
        elif isinstance(feature, FixedLenSequenceFeature):
            self._check_type_and_shape(key, feature)
            shape = TensorShape(feature.shape)
            self.dense[key] = (shape, dtypes.as_dtype(feature.dtype), feature)
        else:
            value_key = key if feature.value_key is None else feature.value_key
            self._add_keyed(self.ragged, value_key, feature.dtype)
            for partition in feature.partitions:
                if not isinstance(partition, RaggedFeature.UniformRowLength):
                    self._add_keyed(self.ragged, partition.key, dtypes.int64)
            self.ragged_features[key] = feature

    def _add_sparse_feature(self, key, feature):
        """TF's ``_add_sparse_feature``: the index and value keys become VarLen features."""
        if not feature.index_key:
            raise ValueError(f"Missing index_key for SparseFeature {feature}.")
        if not feature.value_key:
            raise ValueError(f"Missing value_key for SparseFeature {feature}.")
        if not feature.dtype:
            raise ValueError(f"Missing type for feature {key}. Received feature={feature}.")
        index_keys = feature.index_key
        index_keys = [index_keys] if isinstance(index_keys, str) else index_keys
        for index_key in sorted(index_keys):
            self._add_keyed(self.sparse, index_key, dtypes.int64)
        self._add_keyed(self.sparse, feature.value_key, dtypes.as_dtype(feature.dtype))
        self.sparse_features[key] = feature

    @staticmethod
    def _add_keyed(table, key, dtype):
        if key in table and table[key] != dtype:
            raise ValueError(f"Conflicting type {table[key]} vs {dtype} for feature {key}.")
        table[key] = dtype

    @staticmethod
    def _check_type_and_shape(key, feature):
        if not feature.dtype:
            raise ValueError(f"Missing type for feature {key}. Received feature={feature}.")
        if feature.shape is None:
            raise ValueError(f"Missing shape for feature {key}. Received feature={feature}.")

    def _add_fixed(self, key, feature):
        self._check_type_and_shape(key, feature)
        shape = TensorShape(feature.shape)
        if feature.shape and shape.rank and shape.dims[0] is None:
            raise ValueError(
                f"First dimension of shape for feature {key} unknown. Consider using "
                f"FixedLenSequenceFeature. Received feature={_feature_text(feature)}."
            )
        if not shape.is_fully_defined():
            raise ValueError(
                f"All dimensions of shape for feature {key} need to be known but received "
                f"{feature.shape!s}."
            )
        self.dense[key] = (shape, dtypes.as_dtype(feature.dtype), feature)

    def _check_disjoint(self):
        dense, sparse, ragged = set(self.dense), set(self.sparse), set(self.ragged)
        for (a_name, a), (b_name, b) in (
            (("Dense", dense), ("sparse", sparse)),
            (("Dense", dense), ("ragged", ragged)),
            (("Ragged", ragged), ("sparse", sparse)),
        ):
            if not a.isdisjoint(b):
                a_keys = self._keys(a_name)
                head = f"{a_name} and {b_name} keys must not intersect; {a_name.lower()}_keys: "
                tail = f"{a_keys}, {b_name}_keys: {self._keys(b_name)}, intersection: {a & b}"
                if b_name == "ragged":
                    # TF passes the two halves as two arguments to ValueError.
                    raise ValueError(head, tail)
                raise ValueError(head + tail)

    def _keys(self, kind):
        """The keys of one kind in TF's order (``dense_keys`` ...)."""
        return list({"dense": self.dense, "sparse": self.sparse}.get(kind.lower(), self.ragged))

    @staticmethod
    def _default(key, shape, dtype, feature):
        """The default of a dense feature: the padding scalar of a sequence feature, the
        value reshaped to ``shape`` of a fixed-length one (None when it is required)."""
        value = feature.default_value
        if isinstance(feature, FixedLenSequenceFeature):
            if value is None:
                value = "" if dtype == dtypes.string else 0
            return reshape(convert_to_tensor(value, dtype=dtype), [])
        if value is None:
            return None
        return reshape(convert_to_tensor(value, dtype=dtype), shape.as_list())


def _feature_text(feature):
    """A feature config as TF prints it (``tf.int64`` for dtypes)."""
    return repr(feature)


class _ParseError(Exception):
    """A parse error: the single-example kernel's text, and what the batched kernel says
    about example ``index`` (``detail`` after ``Name: ..., Key: ..., Index: ...``; None: the
    single text after ``Name: ...``; ``named=False``: the single text alone)."""

    def __init__(self, single, key=None, index=0, detail=None, named=True):
        super().__init__(single)
        self.single = single
        self.key = key
        self.index = index
        self.detail = detail
        self.named = named

    def batched(self, labels):
        """The batched kernel's text, ``labels`` naming the examples."""
        if not self.named:
            return self.single
        if self.detail is None:
            return "Name: %s, %s" % (labels[self.index], self.single)
        return "Name: %s, Key: %s, Index: %d.  %s" % (
            labels[self.index],
            self.key,
            self.index,
            self.detail,
        )


def _read_example(data):
    """``{key: (kind, values)}`` of one serialized Example (kind None for an empty Feature)."""
    from .io_protos import Example

    example = Example()
    try:
        example.ParseFromString(data)
    except Exception:  # noqa: BLE001 - any undecodable bytes are TF's one error
        text = "Could not parse example input, value: '%s'" % data.decode(
            "utf-8", "backslashreplace"
        )
        raise _ParseError(text, named=False) from None
    out = {}
    for key, feature in example.features.feature.items():
        kind = feature.WhichOneof("kind")
        out[key] = (kind, list(getattr(feature, kind).value) if kind else [])
    return out


def _values(found, key, dtype, index, fixed):
    """The values of feature ``key`` of one example as a NumPy array of ``dtype``, or None
    when missing; TF's dtype-mismatch texts (``fixed``: dense features word it differently)."""
    if key not in found or found[key][0] is None:
        return None
    kind, values = found[key]
    if kind != _KIND_OF[dtype]:
        expected, actual = type_name(dtype), _KIND_TYPES[kind]
        if fixed:
            detail = "Data types don't match. Data type: %s but expected type: %s" % (
                actual,
                expected,
            )
        else:
            detail = "Data types don't match. Expected type: %s, Actual type: %s" % (
                expected,
                actual,
            )
        raise _ParseError("Key: %s.  %s" % (key, detail), key, index, detail)
    return np.array(values, dtype=_NP_TYPES[dtype])


def _fixed(found, key, spec, default, index):
    shape, dtype, _ = spec
    values = _values(found, key, dtype, index, fixed=True)
    if values is None:
        if default is None:
            raise _ParseError(
                "Feature: %s (data type: %s) is required but could not be found."
                % (key, type_name(dtype)),
                key,
                index,
            )
        return _host(default)
    size = shape.num_elements()
    if values.size != size:
        kind = _KIND_OF[dtype]
        if dtype == dtypes.string and values.size > size:
            single, batched = "Parsing bytes_list failed.", "Can't parse serialized Example."
        else:
            single = "Some %s slice was not parsed." % kind
            batched = "Number of %s values != expected.  Values size: %d but output shape: %s" % (
                _LIST_NAMES[kind],
                values.size,
                dims_text(shape.as_list()),
            )
        raise _ParseError(
            "Key: %s.  Can't parse serialized Example: %s" % (key, single), key, index, batched
        )
    return values.reshape(shape.as_list())


def _sequence(found, key, spec, index):
    shape, dtype, _ = spec
    values = _values(found, key, dtype, index, fixed=True)
    dims = shape.as_list()
    stride = int(np.prod(dims, dtype=np.int64))
    if values is None:
        values = np.zeros((0,), dtype=_NP_TYPES[dtype])
    if stride == 0 or values.size % stride:
        raise _ParseError(
            "Error while parsing feature with key %s: number of elements should be divisible "
            "by %d, found %d instead" % (key, stride, values.size),
            key,
            index,
            "Number of %s values is not a multiple of stride length. Saw %d values but "
            "output shape is: %s"
            % (_LIST_NAMES[_KIND_OF[dtype]], values.size, dims_text(["?"] + dims)),
        )
    return values.reshape([-1] + dims)


def _host(tensor):
    value = tensor._value
    return np.asarray(value) if isinstance(value, np.ndarray) else value.cpu().numpy()


def _tensor(array, dtype):
    """A NumPy array as a Tensor of ``dtype`` (strings stay NumPy object arrays)."""
    if dtype == dtypes.string:
        return wrap(np.array(array, dtype=object))
    array = np.require(np.asarray(array, dtype=_NP_TYPES[dtype]), requirements=["C", "W"])
    storage = torch.from_numpy(array)
    return wrap(storage.to(_device.current()))


def _int64(array):
    return wrap(torch.as_tensor(np.asarray(array, np.int64)).to(_device.current()))


def _splits_from_partition(partition, part, nrows, nvals):
    """The row splits a partition feature's values ``part`` describe."""
    part = np.asarray(part, np.int64)
    if isinstance(partition, RaggedFeature.RowSplits):
        return part
    if isinstance(partition, RaggedFeature.RowLengths):
        return np.concatenate([[0], np.cumsum(part)])
    if isinstance(partition, RaggedFeature.RowStarts):
        return np.concatenate([part, [nvals]])
    if isinstance(partition, RaggedFeature.RowLimits):
        return np.concatenate([[0], part])
    rows = int(part[-1]) + 1 if part.size else 0
    return np.searchsorted(part, np.arange(rows + 1), side="left").astype(np.int64)


def _ragged_one(found, key, feature, index):
    """One example's ragged feature: flat values and its nested row splits (outermost
    first), built from the partitions innermost first as TF does."""
    value_key = key if feature.value_key is None else feature.value_key
    values = _values(found, value_key, feature.dtype, index, fixed=False)
    if values is None:
        values = np.zeros((0,), dtype=_NP_TYPES[feature.dtype])
    nested = []
    for partition in reversed(feature.partitions):
        nrows = len(nested[0]) - 1 if nested else values.shape[0]
        if isinstance(partition, RaggedFeature.UniformRowLength):
            length = int(partition.length)
            if not nested:
                values = _host(reshape(_tensor(values, feature.dtype), [-1, length]))
                continue
            splits = np.arange(0, nrows + 1, length, dtype=np.int64)
        else:
            part = _values(found, partition.key, dtypes.int64, index, fixed=False)
            part = np.zeros((0,), np.int64) if part is None else part
            splits = _splits_from_partition(partition, part, nrows, values.shape[0])
        nested.insert(0, splits)
    return values, nested


def _ragged_tensor(values, nested, feature):
    result = _tensor(values, feature.dtype)
    for splits in reversed(nested):
        result = RaggedTensor.from_row_splits(
            result,
            wrap(torch.as_tensor(splits).to(feature.row_splits_dtype.torch_dtype)),
            validate=False,
        )
    return result


def _batch_ragged(pieces, feature):
    """The per-example ``(values, nested)`` of a batch as one RaggedTensor (a new outer
    dimension over the examples)."""
    depth = len(pieces[0][1]) if pieces else 0
    rows = [len(nested[0]) - 1 if nested else len(values) for values, nested in pieces]
    outer = np.concatenate([[0], np.cumsum(rows, dtype=np.int64)])
    levels = []
    for level in range(depth):
        merged, offset = [np.zeros(1, np.int64)], 0
        for _, nested in pieces:
            splits = nested[level]
            merged.append(splits[1:] + offset)
            offset += int(splits[-1])
        levels.append(np.concatenate(merged))
    empty = np.zeros((0,), dtype=_NP_TYPES[feature.dtype])
    values = np.concatenate([v for v, _ in pieces]) if pieces else empty
    return _ragged_tensor(values, [outer] + levels, feature)


def _sparse(rows, dtype, batched):
    """A VarLenFeature's SparseTensor from the per-example value arrays."""
    lengths = [len(r) for r in rows]
    width = max(lengths, default=0)
    index_rows = []
    for example, length in enumerate(lengths):
        position = np.arange(length, dtype=np.int64)
        if batched:
            index_rows.append(np.stack([np.full(length, example, np.int64), position], 1))
        else:
            index_rows.append(position[:, None])
    rank = 2 if batched else 1
    indices = np.concatenate(index_rows) if index_rows else np.zeros((0, rank), np.int64)
    empty = np.zeros((0,), dtype=_NP_TYPES[dtype])
    values = np.concatenate(rows) if rows else empty
    shape = [len(rows), width] if batched else [width]
    return SparseTensor(_int64(indices.reshape(-1, rank)), _tensor(values, dtype), _int64(shape))


def _parse(params, examples, names, batched):
    """Parses every example; the output dict in TF's order (sparse, dense, ragged)."""
    found = [_read_example(data) for data in examples]
    sparse_rows = {key: [] for key in params.sparse}
    dense_rows = {key: [] for key in params.dense}
    ragged_rows = {key: [] for key in params.ragged_features}
    for index, example in enumerate(found):
        missing = None
        for key, dtype in params.sparse.items():
            values = _values(example, key, dtype, index, fixed=False)
            sparse_rows[key].append(np.zeros((0,), _NP_TYPES[dtype]) if values is None else values)
        for key, spec in params.dense.items():
            if isinstance(spec[2], FixedLenSequenceFeature):
                dense_rows[key].append(_sequence(example, key, spec, index))
                continue
            try:
                dense_rows[key].append(_fixed(example, key, spec, params.defaults[key], index))
            except _ParseError as failure:
                if failure.detail is not None:
                    raise
                missing = missing or failure
        for key, feature in params.ragged_features.items():
            ragged_rows[key].append(_ragged_one(example, key, feature, index))
        if missing:
            raise missing
    out = {}
    for key, rows in sparse_rows.items():
        out[key] = _sparse(rows, params.sparse[key], batched)
    for key, rows in dense_rows.items():
        shape, dtype, feature = params.dense[key]
        if isinstance(feature, FixedLenSequenceFeature):
            out[key] = _tensor(_pad(rows, _host(params.defaults[key]), shape, batched), dtype)
        elif batched:
            out[key] = _tensor(_stack(rows, shape, dtype), dtype)
        else:
            out[key] = _tensor(rows[0], dtype)
    for key, pieces in ragged_rows.items():
        feature = params.ragged_features[key]
        if batched:
            out[key] = _batch_ragged(pieces, feature)
        else:
            out[key] = _ragged_tensor(*pieces[0], feature)
    return out


def _stack(rows, shape, dtype):
    if rows:
        return np.stack(rows)
    return np.zeros([0] + shape.as_list(), dtype=_NP_TYPES[dtype])


def _pad(rows, pad, shape, batched):
    """Sequence features padded to the longest example with ``pad``."""
    if not batched:
        return rows[0]
    length = max((len(r) for r in rows), default=0)
    dims = shape.as_list()
    out = np.full([len(rows), length] + dims, pad, dtype=rows[0].dtype if rows else object)
    for index, row in enumerate(rows):
        out[index, : len(row)] = row
    return out


def _strings(value):
    if isinstance(value, TensorOperators):
        return convert_to_tensor(value, dtype=dtypes.string)
    return convert_to_tensor(convert_to_tensor(value), dtype=dtypes.string)


def _run(params, serialized, example_names):
    tensor = _strings(serialized)
    array = np.asarray(tensor._value, dtype=object)
    if array.ndim > 1:
        raise op_error(
            "ParseExampleV2",
            "Expected serialized to be a scalar or vector, got shape: %s" % dims_text(array.shape),
            _CPU,
            kernel=params.kernel,
            name=None,
        )
    names = None
    if example_names is not None:
        names = np.asarray(_strings(example_names)._value, dtype=object)
        if names.size and names.shape != array.shape:
            raise op_error(
                "ParseExampleV2",
                "Expected names have the same shape as serialized: name.shape=%s, "
                "serialized.shape=%s" % (dims_text(names.shape), dims_text(array.shape)),
                _CPU,
                kernel=params.kernel,
                name=None,
            )
    batched = array.ndim == 1
    examples = [bytes(b) for b in array.reshape(-1)]
    try:
        return _parse(params, examples, names, batched)
    except _ParseError as failure:
        if batched:
            labels = (
                [n.decode("utf-8", "backslashreplace") for n in names.reshape(-1)]
                if names is not None and names.size
                else ["<unknown>"] * len(examples)
            )
            text = failure.batched(labels)
        else:
            text = failure.single
        raise op_error("ParseExampleV2", text, _CPU, kernel=params.kernel, name=None) from None


def _sizes(feature):
    """``(index keys, sizes)`` of a SparseFeature, with ``sparse_merge``'s argument checks."""
    size = feature.size
    if isinstance(feature.index_key, str):
        if not isinstance(size, int | np.integer | TensorOperators):
            raise TypeError("vocab_size has to be a Tensor or Python int. Found %s" % type(size))
        return [feature.index_key], [size]
    if not isinstance(size, list | tuple):
        raise TypeError(
            "vocab_size has to be a list of Tensors or Python ints. Found %s" % type(size)
        )
    for dim in size:
        if not isinstance(dim, int | np.integer | TensorOperators):
            raise TypeError(
                "vocab_size has to be a list of Tensors or Python ints. Found %s" % type(dim)
            )
    if len(feature.index_key) != len(size):
        raise ValueError("sp_ids and vocab_size have to have equal lengths.")
    return list(feature.index_key), list(size)


def _sparse_merge(ids, values, sizes, already_sorted):
    """TF's ``sparse_merge``: the last index column of ``ids[0]`` replaced by the id values,
    the last dimension by ``sizes``; entries sorted row-major unless ``already_sorted``."""
    from .sparse.shape_ops import reorder

    columns = [_host(ids[0].indices)[:, :-1]] + [_host(i.values)[:, None] for i in ids]
    indices = np.concatenate(columns, axis=1)
    shape = list(_host(ids[0].dense_shape)[:-1]) + [int(_host(convert_to_tensor(n))) for n in sizes]
    result = SparseTensor(_int64(indices), values.values, _int64(shape))
    return result if already_sorted else reorder(result)


def _composite(params, features, out):
    """TF's ``_construct_tensors_for_composite_features`` for SparseFeatures: each is merged
    from its index and value features, and the keys only they use are dropped."""
    if not params.sparse_features:
        return out
    updates = {}
    for key in sorted(params.sparse_features):
        feature = params.sparse_features[key]
        keys, sizes = _sizes(feature)
        ids = [out[k] for k in keys]
        updates[key] = _sparse_merge(ids, out[feature.value_key], sizes, feature.already_sorted)
    out.update(updates)
    return {key: value for key, value in out.items() if key in features}


@tf_export("io.parse_example")
def parse_example(serialized, features, example_names=None, name=None):
    """Parses a batch (vector) of serialized ``tf.train.Example``s into a dict of tensors,
    one per key of ``features`` (``SparseFeature``s included; a scalar is parsed as one
    example, without the batch dimension)."""
    from . import io_protos

    io_protos.require()
    params = _Params(features)
    return _composite(params, features, _run(params, serialized, example_names))


@tf_export("io.parse_single_example")
def parse_single_example(serialized, features, example_names=None, name=None):
    """Parses one serialized ``tf.train.Example`` (a scalar string) into a dict of tensors."""
    from . import io_protos

    io_protos.require()
    params = _Params(features)
    tensor = _strings(serialized)
    if tensor.shape.rank != 0:
        raise ValueError("Input serialized must be a scalar")
    return _composite(params, features, _run(params, tensor, example_names))
