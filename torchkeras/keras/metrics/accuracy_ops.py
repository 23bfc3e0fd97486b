"""Keras' accuracy functions step by step in ``keras.ops``: the path ``accuracy_metrics`` takes
where its fast path on torch storages does not apply or fails, so that the outcome is Keras'
(TF's errors of each op, in Keras' order; or Keras' value where it succeeds)."""

from __future__ import annotations

from .. import ops

__all__ = [
    "accuracy",
    "binary_accuracy",
    "categorical_accuracy",
    "sparse_categorical_accuracy",
    "top_k_categorical_accuracy",
    "sparse_top_k_categorical_accuracy",
]


def _same_rank(x1, x2):
    """Keras' ``squeeze_or_expand_to_same_rank`` on tensors."""
    r1, r2 = len(x1.shape), len(x2.shape)
    if r1 == r2 + 1 and x1.shape[-1] == 1:
        if r2 == 1:
            x2 = ops.expand_dims(x2, -1)
        else:
            x1 = ops.squeeze(x1, -1)
    if r2 == r1 + 1 and x2.shape[-1] == 1:
        if r1 == 1:
            x1 = ops.expand_dims(x1, -1)
        else:
            x2 = ops.squeeze(x2, -1)
    return x1, x2


def _floats(matches):
    return ops.cast(matches, "float32")


def accuracy(y_true, y_pred):
    """Keras' ``accuracy``."""
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true, dtype=y_pred.dtype)
    y_true, y_pred = _same_rank(y_true, y_pred)
    return _floats(ops.equal(y_true, y_pred))


def binary_accuracy(y_true, y_pred, threshold=0.5):
    """Keras' ``binary_accuracy``."""
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true)
    threshold = ops.convert_to_tensor(threshold)
    y_true, y_pred = _same_rank(y_true, y_pred)
    y_pred = ops.cast(ops.greater(y_pred, threshold), y_true.dtype)
    return _floats(ops.equal(y_true, y_pred))


def _argmax_matches(y_true, y_pred, squeeze):
    """Keras' shared tail of the categorical accuracies: ``y_true`` (a tensor of ``y_pred``'s
    dtype) against ``argmax(y_pred)``; ``squeeze``: drop ``y_true``'s last axis first and give
    the matches its shape."""
    shape = ops.shape(y_true)
    if squeeze:
        y_true = ops.squeeze(y_true, -1)
    y_pred = ops.argmax(y_pred, axis=-1)
    if y_pred.dtype is not y_true.dtype:
        y_pred = ops.cast(y_pred, y_true.dtype)
    matches = _floats(ops.equal(y_true, y_pred))
    return ops.reshape(matches, shape) if squeeze else matches


def categorical_accuracy(y_true, y_pred):
    """Keras' ``categorical_accuracy``."""
    y_true = ops.argmax(y_true, axis=-1)
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true, dtype=y_pred.dtype)
    return _argmax_matches(y_true, y_pred, len(y_true.shape) == len(y_pred.shape))


def sparse_categorical_accuracy(y_true, y_pred):
    """Keras' ``sparse_categorical_accuracy``."""
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true, dtype=y_pred.dtype)
    squeeze = len(y_true.shape) == len(y_pred.shape) and ops.shape(y_true)[-1] == 1
    matches = _argmax_matches(y_true, y_pred, squeeze)
    if len(matches.shape) > 1 and matches.shape[-1] == 1:
        matches = ops.squeeze(matches, -1)
    return matches


def _flat(y_true, y_pred):
    """Keras' top-k flattening: ``y_pred`` to 2-D, ``y_true`` to 1-D (and its shape, when it
    was reshaped)."""
    if len(y_pred.shape) > 2:
        y_pred = ops.reshape(y_pred, [-1, y_pred.shape[-1]])
    shape = None
    if len(y_true.shape) > 1:
        shape = ops.shape(y_true)
        y_true = ops.reshape(y_true, [-1])
    return y_true, y_pred, shape


def _shaped(matches, shape):
    matches = _floats(matches)
    return matches if shape is None else ops.reshape(matches, shape)


def top_k_categorical_accuracy(y_true, y_pred, k=5):
    """Keras' ``top_k_categorical_accuracy``."""
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true, dtype=y_pred.dtype)
    y_true, y_pred, shape = _flat(ops.argmax(y_true, axis=-1), y_pred)
    return _shaped(ops.in_top_k(ops.cast(y_true, "int32"), y_pred, k=k), shape)


def sparse_top_k_categorical_accuracy(y_true, y_pred, k=5, from_sorted_ids=False):
    """Keras' ``sparse_top_k_categorical_accuracy``."""
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true, dtype=y_pred.dtype if from_sorted_ids else "int32")
    y_true, y_pred, shape = _flat(y_true, y_pred)
    if from_sorted_ids:
        matches = ops.any(ops.equal(ops.expand_dims(y_true, axis=1), y_pred[:, :k]), axis=1)
    else:
        matches = ops.in_top_k(y_true, y_pred, k=k)
    return _shaped(matches, shape)
