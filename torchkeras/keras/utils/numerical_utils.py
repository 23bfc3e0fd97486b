"""``keras.utils.to_categorical`` and ``keras.utils.normalize``."""

from __future__ import annotations

import numpy as np
import torch

from ...framework.tensor import TensorOperators, wrap
from ...api_export import keras_export

__all__ = ["to_categorical", "normalize"]


@keras_export("keras.utils.to_categorical")
def to_categorical(x, num_classes=None):
    """One-hot encodes integer class labels (a trailing axis of size 1 is dropped).

    NumPy/Python input gives a float64 NumPy array (``num_classes`` defaults
    to ``max(x) + 1``); a Tensor gives a float32 Tensor, as Keras does.
    """
    if isinstance(x, TensorOperators):
        labels = x._value
        if labels.ndim > 1 and labels.shape[-1] == 1:
            labels = labels.reshape(labels.shape[:-1])
        if num_classes is None:
            raise ValueError(
                "Attempt to convert a value (None) with an unsupported type (<class 'NoneType'>) "
                "to a Tensor."
            )
        valid = (labels >= 0) & (labels < num_classes)
        one_hot = torch.nn.functional.one_hot(
            torch.where(valid, labels, 0).long(), num_classes
        ).float()
        return wrap(one_hot * valid.unsqueeze(-1))
    labels = np.array(x, dtype="int64")
    shape = labels.shape
    if shape and shape[-1] == 1 and len(shape) > 1:
        shape = shape[:-1]
    labels = labels.reshape(-1)
    if not num_classes:
        num_classes = int(np.max(labels)) + 1
    categorical = np.zeros((labels.shape[0], num_classes))
    categorical[np.arange(labels.shape[0]), labels] = 1
    return categorical.reshape(shape + (num_classes,))


@keras_export("keras.utils.normalize")
def normalize(x, axis=-1, order=2):
    """Divides ``x`` by its ``order``-norm along ``axis`` (zero norms left alone).

    NumPy in, NumPy out; a Tensor gives a Tensor.
    """
    if isinstance(x, np.ndarray):
        norm = np.atleast_1d(np.linalg.norm(x, order, axis))
        norm[norm == 0] = 1
        return x / np.expand_dims(norm, axis or -1)
    if isinstance(x, TensorOperators):
        value = x._value
    else:
        value = torch.as_tensor(np.asarray(x, dtype=np.float32))
    if not value.dtype.is_floating_point:
        value = value.float()
    norm = torch.linalg.vector_norm(value, ord=order, dim=axis, keepdim=True)
    return wrap(value / torch.where(norm == 0, torch.ones_like(norm), norm))
