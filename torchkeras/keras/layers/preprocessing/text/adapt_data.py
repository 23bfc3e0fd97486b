"""The batches ``adapt(data, steps)`` reads, shared by the lookup and text layers."""

import itertools

import numpy as np
import torch

from .....framework.tensor import TensorOperators


def adapt_batches(data, steps, as_array):
    """The batches of ``data`` as Keras' ``adapt`` reads them: a ``tf.data.Dataset`` or any other
    iterable batch by batch (at most ``steps``); an in-memory list, array or tensor as one batch,
    ``as_array``-converted, a 1-D one as a column of one-token documents."""
    from .....data.dataset_ops import Dataset

    if isinstance(data, Dataset):
        return data.take(steps) if steps is not None else data
    if hasattr(data, "__iter__") and not isinstance(
        data, (list, tuple, np.ndarray, TensorOperators, torch.Tensor)
    ):
        return itertools.islice(data, steps)
    array = as_array(data)
    return [array[:, None] if array.ndim == 1 else array]
