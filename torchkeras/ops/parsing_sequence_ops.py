"""``tf.io.parse_sequence_example`` and ``tf.io.parse_single_sequence_example``:
``tf.train.SequenceExample`` bytes into ``(context, feature_lists[, lengths])`` dicts, as TF's
``ParseSequenceExampleV2`` kernel parses them, with its errors.

Context features (``FixedLenFeature``, ``VarLenFeature``, ``RaggedFeature``) parse as in
``tf.io.parse_example``; sequence features (``FixedLenSequenceFeature``, ``VarLenFeature``,
``RaggedFeature``) gain a frame dimension after the batch one.  Each dict lists sparse, then
dense, then ragged keys, each group sorted.
"""

from __future__ import annotations

import numpy as np

from ..api_export import tf_export
from ..framework import dtypes
from ..framework.op_errors import dims_text, op_error, type_name
from ..framework.sparse_tensor import SparseTensor
from . import parsing_ops as p
from .parsing_config import FixedLenFeature, FixedLenSequenceFeature, RaggedFeature, VarLenFeature

__all__ = ["parse_sequence_example", "parse_single_sequence_example"]


class _KernelError(Exception):
    """A kernel error text."""


def _groups(features, allowed):
    """``(sparse, dense, ragged)`` dicts of ``features`` (keys sorted), TF's error for a
    feature type the section does not take."""
    groups = ({}, {}, {})
    for key in sorted(features or {}):
        feature = features[key]
        if not isinstance(feature, allowed):
            raise ValueError(f"Unsupported {type(feature).__name__} {feature} for key '{key}'")
        if isinstance(feature, VarLenFeature):
            groups[0][key] = feature
        elif isinstance(feature, RaggedFeature):
            groups[2][key] = feature
        else:
            groups[1][key] = feature
    return groups


def _read(data, label):
    """``(context {key: (kind, values)}, feature lists {key: [(kind, values)]})``."""
    from .io_protos import SequenceExample

    proto = SequenceExample()
    try:
        proto.ParseFromString(data)
    except Exception:  # noqa: BLE001 - any undecodable bytes are TF's one error
        raise _KernelError("Invalid protocol message input, example id: %s" % label) from None

    def entry(feature):
        kind = feature.WhichOneof("kind")
        return kind, list(getattr(feature, kind).value) if kind else []

    context = {k: entry(f) for k, f in proto.context.feature.items()}
    lists = {k: [entry(f) for f in v.feature] for k, v in proto.feature_lists.feature_list.items()}
    return context, lists


def _typed(entry, dtype):
    """``entry``'s values as a NumPy array of ``dtype``, None on a kind mismatch (an empty
    Feature matches any dtype)."""
    kind, values = entry
    if kind is not None and kind != p._KIND_OF[dtype]:
        return None
    return np.array(values, dtype=p._NP_TYPES[dtype])


def _mismatch(label, where, dtype):
    return _KernelError(
        "Name: %s, %s.  Data types don't match. Expected type: %s"
        % (label, where, type_name(dtype))
    )


class _Context:
    """The context features of a batch: values per example, TF's checks."""

    def __init__(self, features):
        self.sparse, self.dense, self.ragged = _groups(
            features, (FixedLenFeature, VarLenFeature, RaggedFeature)
        )
        checked = p._Params({k: f for k, f in self.dense.items()}) if self.dense else None
        self.defaults = checked.defaults if checked else {}

    def parse(self, found, labels, batched):
        out = {}
        for key, feature in self.sparse.items():
            rows = [self._values(c, key, feature.dtype, label) for c, label in zip(found, labels)]
            out[key] = p._sparse(rows, dtypes.as_dtype(feature.dtype), batched)
        for key, feature in self.dense.items():
            out[key] = self._dense(found, labels, key, feature, batched)
        for key, feature in self.ragged.items():
            pieces = []
            for index, (context, label) in enumerate(zip(found, labels)):
                try:
                    pieces.append(p._ragged_one(context, key, feature, index))
                except p._ParseError as failure:
                    where = "Context feature: %s" % failure.key
                    raise _mismatch(label, where, feature.dtype) from None
            out[key] = (
                p._batch_ragged(pieces, feature)
                if batched
                else p._ragged_tensor(*pieces[0], feature)
            )
        return out

    @staticmethod
    def _values(context, key, dtype, label):
        dtype = dtypes.as_dtype(dtype)
        if key not in context:
            return np.zeros((0,), p._NP_TYPES[dtype])
        values = _typed(context[key], dtype)
        if values is None:
            raise _mismatch(label, "Context feature: %s" % key, dtype)
        return values

    def _dense(self, found, labels, key, feature, batched):
        dtype = dtypes.as_dtype(feature.dtype)
        shape = [int(d) for d in feature.shape]
        size = int(np.prod(shape, dtype=np.int64))
        rows = [self._values(c, key, dtype, label) for c, label in zip(found, labels)]
        default = self.defaults[key]
        largest = max((r.size for r in rows), default=0)
        if largest != size and (largest or default is None):
            raise _KernelError(
                "Inconsistent max number of elements for feature %s: expected %d, but found %d"
                % (key, size, largest)
            )
        out = []
        for row, label in zip(rows, labels):
            if row.size == 0:
                if default is None:
                    raise _KernelError(
                        "Feature: %s (data type: %s) is required but could not be found."
                        % (key, type_name(dtype))
                    )
                out.append(p._host(default))
            elif row.size != size:
                raise _KernelError("Unexpected number of elements in example %s" % label)
            else:
                out.append(row.reshape(shape))
        if not batched:
            return p._tensor(out[0], dtype)
        return p._tensor(np.stack(out) if out else np.zeros([0] + shape), dtype)


class _Sequence:
    """The feature lists of a batch: frames per example, TF's checks."""

    def __init__(self, features):
        self.sparse, self.dense, self.ragged = _groups(
            features, (FixedLenSequenceFeature, VarLenFeature, RaggedFeature)
        )
        for key, feature in self.dense.items():
            if feature.default_value is not None:
                raise ValueError("Value feature_list.dense_defaults[%s] must be None" % key)

    @staticmethod
    def _frames(lists, key, dtype, label):
        """The typed values of each frame of feature list ``key`` (None when absent)."""
        if key not in lists:
            return None
        frames = []
        for index, entry in enumerate(lists[key]):
            values = _typed(entry, dtype)
            if values is None:
                raise _mismatch(label, "Feature list: %s, Index: %d" % (key, index), dtype)
            frames.append(values)
        return frames

    def parse(self, found, labels, batched):
        out, lengths = {}, {}
        for key, feature in self.sparse.items():
            dtype = dtypes.as_dtype(feature.dtype)
            examples = [self._frames(f, key, dtype, label) or [] for f, label in zip(found, labels)]
            out[key] = _sparse_frames(examples, dtype, batched)
        for key, feature in self.dense.items():
            out[key], lengths[key] = self._dense(found, labels, key, feature, batched)
        for key, feature in self.ragged.items():
            out[key] = self._ragged(found, labels, key, feature, batched)
        return out, lengths

    def _dense(self, found, labels, key, feature, batched):
        dtype = dtypes.as_dtype(feature.dtype)
        shape = [int(d) for d in feature.shape]
        size = int(np.prod(shape, dtype=np.int64))
        rows = []
        typed = [self._frames(lists, key, dtype, label) for lists, label in zip(found, labels)]
        for frames, label in zip(typed, labels):
            if frames is None:
                if not feature.allow_missing:
                    raise _KernelError(
                        "Name: %s, Feature list '%s' is required but could not be found.  "
                        "Did you mean to include it in feature_list_dense_missing_assumed_empty "
                        "or feature_list_dense_defaults?" % (label, key)
                    )
                frames = []
            for index, values in enumerate(frames):
                if values.size != size:
                    raise _KernelError(
                        "Name: %s, Key: %s, Index: %d.  Number of values != expected.  values "
                        "size: %d but output shape: %s"
                        % (label, key, index, values.size, dims_text(shape))
                    )
            empty = np.zeros([0] + shape, p._NP_TYPES[dtype])
            rows.append(np.stack([v.reshape(shape) for v in frames]) if frames else empty)
        counts = [len(r) for r in rows]
        if not batched:
            return p._tensor(rows[0], dtype), p._int64(counts[0])
        pad = "" if dtype == dtypes.string else 0
        padded = np.full([len(rows), max(counts, default=0)] + shape, pad, p._NP_TYPES[dtype])
        for index, row in enumerate(rows):
            padded[index, : len(row)] = row
        return p._tensor(padded, dtype), p._int64(counts)

    def _ragged(self, found, labels, key, feature, batched):
        examples = []
        for lists, label in zip(found, labels):
            frames = lists.get(key, [])
            pieces = []
            for index, entry in enumerate(frames):
                try:
                    pieces.append(p._ragged_one({key: entry}, key, feature, index))
                except p._ParseError:
                    where = "Feature list: %s, Index: %d" % (key, index)
                    raise _mismatch(label, where, feature.dtype) from None
            examples.append(_merge(pieces, feature))
        if batched:
            return p._ragged_tensor(*_merge(examples, feature), feature)
        return p._ragged_tensor(*examples[0], feature)


def _merge(pieces, feature):
    """Per-item ``(values, nested splits)`` stacked along a new outer ragged dimension."""
    depth = len(pieces[0][1]) if pieces else len(feature.partitions)
    rows = [len(nested[0]) - 1 if nested else len(values) for values, nested in pieces]
    levels = [np.concatenate([[0], np.cumsum(rows, dtype=np.int64)])]
    for level in range(depth):
        merged, offset = [np.zeros(1, np.int64)], 0
        for _, nested in pieces:
            merged.append(nested[level][1:] + offset)
            offset += int(nested[level][-1])
        levels.append(np.concatenate(merged))
    dtype = p._NP_TYPES[dtypes.as_dtype(feature.dtype)]
    values = np.concatenate([v for v, _ in pieces]) if pieces else np.zeros((0,), dtype)
    return values, levels


def _sparse_frames(examples, dtype, batched):
    """A sequence VarLenFeature: indices ``[example,] frame, position``."""
    coords, values = [], []
    frames = max((len(e) for e in examples), default=0)
    width = max((len(v) for e in examples for v in e), default=0)
    for number, example in enumerate(examples):
        for frame, row in enumerate(example):
            prefix = [number, frame] if batched else [frame]
            coords += [prefix + [position] for position in range(len(row))]
            values.append(row)
    rank = 3 if batched else 2
    flat = np.concatenate(values) if values else np.zeros((0,), p._NP_TYPES[dtype])
    shape = ([len(examples)] if batched else []) + [frames, width]
    indices = np.array(coords, np.int64).reshape(-1, rank)
    return SparseTensor(p._int64(indices), p._tensor(flat, dtype), p._int64(shape))


def _kernel(context, sequence):
    counts = (
        len(context.sparse),
        len(sequence.dense),
        len(sequence.sparse),
        len(context.dense),
        len(context.ragged),
        len(context.ragged),
        len(context.sparse),
        len(sequence.dense),
        len(sequence.ragged),
        len(sequence.ragged),
        len(sequence.sparse),
    )
    return (
        "ParseSequenceExampleV2_Ncontext_sparse_%d_Nfeature_list_dense_%d_Nfeature_list_sparse_%d"
        "_Tcontext_dense_%d_context_ragged_split_types_%d_context_ragged_value_types_%d"
        "_context_sparse_types_%d_feature_list_dense_types_%d_feature_list_ragged_split_types_%d"
        "_feature_list_ragged_value_types_%d_feature_list_sparse_types_%d" % counts
    )


def _run(serialized, context_features, sequence_features, example_names):
    from . import io_protos

    io_protos.require()
    context, sequence = _Context(context_features), _Sequence(sequence_features)
    kernel = _kernel(context, sequence)
    array = np.asarray(p._strings(serialized)._value, dtype=object)
    batched = array.ndim == 1
    examples = [bytes(b) for b in array.reshape(-1)]
    labels = ["<unknown>"] * len(examples)
    if example_names is not None:
        names = np.asarray(p._strings(example_names)._value, dtype=object).reshape(-1)
        if names.size:
            labels = [n.decode("utf-8", "backslashreplace") for n in names]
    try:
        found = [_read(data, label) for data, label in zip(examples, labels)]
        context_out = context.parse([f[0] for f in found], labels, batched)
        lists_out, lengths = sequence.parse([f[1] for f in found], labels, batched)
    except _KernelError as failure:
        raise op_error(
            "ParseSequenceExampleV2", str(failure), p._CPU, kernel=kernel, name=None
        ) from None
    return context_out, lists_out, lengths


@tf_export("io.parse_sequence_example")
def parse_sequence_example(
    serialized, context_features=None, sequence_features=None, example_names=None, name=None
):
    """Parses a batch (vector) of serialized ``tf.train.SequenceExample``s; returns
    ``(context, feature_lists, lengths)``: dicts of the context features, of the sequence
    features (frames padded per batch) and of the frame counts of the
    ``FixedLenSequenceFeature``s.  A scalar is parsed as one example (no batch dimension)."""
    if not (context_features or sequence_features):
        raise ValueError(
            "Both `context_features` and `sequence_features` argument are None, but at least "
            "one should have values."
        )
    return _run(serialized, context_features, sequence_features, example_names)


@tf_export("io.parse_single_sequence_example")
def parse_single_sequence_example(
    serialized, context_features=None, sequence_features=None, example_name=None, name=None
):
    """Parses one serialized ``tf.train.SequenceExample`` (a scalar string); returns
    ``(context, feature_lists)``."""
    if not (context_features or sequence_features):
        raise ValueError(
            "Both context_features and sequence_features are None, but at least one should "
            "have values."
        )
    if p._strings(serialized).shape.rank != 0:
        raise ValueError("Input serialized must be a scalar")
    context, lists, _ = _run(serialized, context_features, sequence_features, example_name)
    return context, lists
